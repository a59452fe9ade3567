#!/usr/bin/env python3
"""Spelling report for the Russian text of seeds/ (hunspell + Debian's ru_RU
dictionary). Prints the unknown words with counts; never fails the run: technical
terms are expected, a human reads the list."""
import collections, pathlib, re, shutil, subprocess, sys, tomllib

root = pathlib.Path(__file__).resolve().parent.parent / 'seeds'
if not shutil.which('hunspell') or not pathlib.Path('/usr/share/hunspell/ru_RU.dic').exists():
    print('spelling: hunspell with the ru_RU dictionary is not installed; skipped')
    sys.exit(0)

def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ('code', 'template', 'answer', 'accepted', 'fields', 'output', 'url', 'slug'):
                yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)

text = []
for path in sorted(root.rglob('*.toml')):
    for s in strings(tomllib.loads(path.read_text())):
        s = re.sub(r'```.*?```', ' ', s, flags=re.S)   # code blocks
        s = re.sub(r'`[^`]*`', ' ', s)                  # inline code
        text.append(s)
words = re.findall(r'[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*', '\n'.join(text))
out = subprocess.run(['hunspell', '-d', 'ru_RU', '-l'], input='\n'.join(words), capture_output=True, text=True).stdout
unknown = collections.Counter(w for w in out.split() if w)
print(f'spelling: {len(words)} Russian words checked, {len(unknown)} distinct words unknown to hunspell (report only)')
for word, count in unknown.most_common(40):
    print(f'  {word} ×{count}')
