"""A scratch profession for API fuzzing, made through the API itself.

Random path ids almost always miss, so without real ones schemathesis mostly
meets 404s. This creates one published profession with a grade, a module, a
topic, one exercise of each kind, a project and a checklist item, and writes a
schemathesis config that names their ids. The fuzzing then edits and deletes
this scratch tree, never the seeded catalog's rows it would otherwise guess.

Usage: schemathesis_fixture.py BASE_URL TOKEN CONFIG_OUT
"""
import json
import sys
import urllib.request


def main() -> None:
    base, token, out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]

    def post(path: str, body: dict) -> dict:
        request = urllib.request.Request(
            f"{base}/api/v1{path}",
            data=json.dumps(body).encode(),
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def section(slug: str, title: str) -> dict:
        return {"slug": slug, "title": title, "is_active": True}

    def tree(slug: str) -> dict:
        """A published profession with one of everything; its path parameters."""
        profession = post("/professions", {**section(slug, "Фаззинг"), "summary": "Для schemathesis"})
        grade = post(f"/professions/{slug}/grades", {"level": "intern", "is_active": True})
        gid = grade["grade_id"]
        module = post(f"/grades/{gid}/modules", section(f"{slug}-module", "Модуль"))
        topic = post(f"/modules/{module['module_id']}/topics", section(f"{slug}-topic", "Тема"))
        tid = topic["topic_id"]
        question = post(f"/topics/{tid}/questions", {
            **section("q", "Сколько будет 1 + 1?"), "options": ["1", "2"], "correct_answers": [1]})
        task = post(f"/topics/{tid}/tasks", {**section("t", "Что выведет код?"), "code": "print(2)", "answer": "2"})
        theory = post(f"/topics/{tid}/theory", {**section("th", "Что такое список?"), "body": "Изменяемая последовательность."})
        case = post(f"/topics/{tid}/cases", {**section("c", "Допишите"), "template": "print(___)", "fields": ["1"]})
        project = post(f"/grades/{gid}/projects", section(f"{slug}-project", "Проект"))
        item = post(f"/projects/{project['project_id']}/items", section(f"{slug}-item", "Пункт"))
        named = {
            "profession": profession["slug"], "grade": "intern", "module": module["slug"],
            "topic": topic["slug"], "grade_id": gid, "module_id": module["module_id"], "topic_id": tid,
            "project_id": project["project_id"], "item_id": item["project_item_id"],
        }
        ids = {
            "modules": module["module_id"], "topics": tid, "questions": question["question_id"],
            "tasks": task["task_id"], "theory": theory["theory_id"], "cases": case["case_id"],
        }
        return {"named": named, "ids": ids}

    # Reads and edits go to one tree. Each DELETE operation gets a tree of its
    # own: DELETE /professions/{slug} takes everything below it, and would
    # otherwise leave the other deletions nothing but 404s.
    kept = tree("fuzz")

    def entry(methods: str, path_regex: str, values: dict) -> str:
        # One filter on the label ("METHOD /path"): separate include-method and
        # include-path keys would match either, not both.
        pairs = ", ".join(f'"path.{k}" = {json.dumps(v)}' for k, v in values.items())
        return (f'[[operations]]\ninclude-name-regex = "^{methods} {path_regex}$"\n'
                f"parameters = {{ {pairs} }}\n")

    id_path = "/api/v1/{}/\\\\{{id\\\\}}"
    sections = ["# Written by scripts/schemathesis_fixture.py for one `make test` run.\n"]
    for kind, id_ in kept["ids"].items():
        sections.append(entry("(GET|PUT|POST)", id_path.format(kind) + "(/run)?", {**kept["named"], "id": id_}))
    sections.append(entry("(GET|PUT|POST)",
                          "/api/v1/(?!(modules|topics|questions|tasks|theory|cases)/\\\\{id).*", kept["named"]))
    named_deletes = ["professions/\\\\{profession\\\\}", "grades/\\\\{grade_id\\\\}",
                     "projects/\\\\{project_id\\\\}", "project-items/\\\\{item_id\\\\}"]
    for n, path in enumerate(named_deletes):
        sections.append(entry("DELETE", f"/api/v1/{path}", tree(f"fuzz-delete-{n}")["named"]))
    for kind in kept["ids"]:
        doomed = tree(f"fuzz-delete-{kind}")
        sections.append(entry("DELETE", id_path.format(kind), {**doomed["named"], "id": doomed["ids"][kind]}))
    config = "\n".join(sections)
    with open(out, "w", encoding="utf-8") as f:
        f.write(config)


if __name__ == "__main__":
    main()
