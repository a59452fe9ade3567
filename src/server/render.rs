//! Turns authors' markdown and Python into safe HTML, once, on the server.
//!
//! pulldown-cmark parses, syntect highlights Python into grayscale CSS classes
//! (`hl-keyword`, `hl-string`, …), and ammonia strips anything unsafe from the
//! result, since content comes from authors, not from us.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A code block scrolls sideways on a phone: keyboard users reach it by Tab (and
/// scroll it with the arrows), and screen readers announce it as a labelled region.
/// Added after sanitizing, to our own `<pre class="code">` only.
const SCROLLABLE_PRE: &str =
    "<pre class=\"code\" tabindex=\"0\" role=\"region\" aria-label=\"Фрагмент кода\">";

fn scrollable(html: String) -> String {
    html.replace("<pre class=\"code\">", SCROLLABLE_PRE)
}

fn sanitize(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes(["class"]);
            // Classes: only the highlighter's (`hl-…`) and our `code` block, never
            // an author's, which could borrow the app's own styles. Images: only
            // from this site, never a remote address that would learn who reads.
            b.attribute_filter(|_element, attribute, value| match attribute {
                "class" => {
                    let kept: Vec<&str> = value
                        .split_whitespace()
                        .filter(|c| c.starts_with("hl-") || *c == "code")
                        .collect();
                    (!kept.is_empty()).then(|| kept.join(" ").into())
                }
                "src" => (value.starts_with('/') && !value.starts_with("//")).then(|| value.into()),
                _ => Some(value.into()),
            });
            b
        })
        .clean(html)
        .to_string()
}

/// Python source as highlighted `<span>`s (no surrounding `<pre>`).
fn highlight(code: &str, lang: &str) -> String {
    let set = syntaxes();
    let syntax = set
        .find_syntax_by_token(if lang.is_empty() { "python" } else { lang })
        .unwrap_or_else(|| set.find_syntax_plain_text());
    let mut html = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if html
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return escape(code);
        }
    }
    html.finalize()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A whole snippet, as `<pre class="code"><code>…</code></pre>`.
pub fn code_html(code: &str) -> String {
    scrollable(sanitize(&format!(
        "<pre class=\"code\"><code>{}</code></pre>",
        highlight(code.trim_end(), "python")
    )))
}

/// Block markdown (theory answers, explanations), with highlighted code blocks.
pub fn markdown(text: &str) -> String {
    let mut events = Vec::new();
    let mut code: Option<(String, String)> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match (&mut code, event) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            (Some((_, body)), Event::Text(t)) => body.push_str(&t),
            (Some((lang, body)), Event::End(TagEnd::CodeBlock)) => {
                let html = format!(
                    "<pre class=\"code\"><code>{}</code></pre>",
                    highlight(body.trim_end(), lang)
                );
                events.push(Event::Html(html.into()));
                code = None;
            }
            (None, other) => events.push(other),
            (Some(_), _) => {}
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    scrollable(sanitize(&html))
}

/// One line of markdown (titles, options): inline code and emphasis, no paragraph.
pub fn inline_markdown(text: &str) -> String {
    let events = Parser::new(text).filter(|e| {
        !matches!(
            e,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
        )
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    sanitize(html.trim_end())
}

pub use crate::domain::BLANK;

/// A case template cut at its blanks: blank i sits between parts i and i+1.
pub fn case_parts(template: &str) -> Vec<String> {
    template
        .trim_end()
        .split(BLANK)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_highlights_python_code_blocks() {
        let html = markdown("Текст\n\n```python\nx = 'a'\nprint(x)\n```\n");
        assert!(html.contains("<p>Текст</p>"), "{html}");
        assert!(html.contains("hl-string"), "{html}");
        assert!(html.contains(SCROLLABLE_PRE), "{html}");
    }

    #[test]
    fn markdown_strips_scripts_and_event_handlers() {
        let html = markdown("<script>alert(1)</script><img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn remote_images_and_foreign_classes_are_dropped() {
        let html = markdown(
            "<p class=\"hl-keyword frame-admin\">x</p>\n\n![track](https://evil.example/p.gif) ![ok](/icons/icon-192.png)",
        );
        assert!(html.contains("class=\"hl-keyword\""), "{html}");
        assert!(!html.contains("frame-admin"), "{html}");
        assert!(!html.contains("evil.example"), "{html}");
        assert!(html.contains("src=\"/icons/icon-192.png\""), "{html}");
    }

    #[test]
    fn inline_markdown_keeps_code_and_drops_the_paragraph() {
        assert_eq!(
            inline_markdown("Что делает `is`?"),
            "Что делает <code>is</code>?"
        );
    }

    #[test]
    fn code_is_escaped() {
        assert!(code_html("print(1 < 2)").contains("&lt;"));
    }

    #[test]
    fn case_parts_split_at_each_blank() {
        assert_eq!(
            case_parts("x = ___\nprint(x * ___)\n"),
            vec!["x = ", "\nprint(x * ", ")"]
        );
    }
}
