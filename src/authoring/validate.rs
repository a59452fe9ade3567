//! Checks on what authors submit, with a Russian message per field. The database
//! enforces the same rules (constraints); checking here first names every problem
//! at once instead of the first one the database meets.

use super::types::{
    CaseInput, ChecklistItemInput, GradeInput, ProfessionInput, QuestionInput, SectionInput,
    TaskInput, TheoryInput,
};
use crate::error::{AppError, FieldError};

#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    fn done(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Fields(self.0))
        }
    }
}

pub use crate::domain::slug::{is_slug, MAX_SLUG_CHARS, MAX_TITLE_CHARS, SLUG_PATTERN};

/// The longest markdown or code an author may save in one field: a long theory
/// answer fits many times over, and a page stays small.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest answer, accepted variant, option or blank: as long as a learner's.
pub const MAX_ANSWER_CHARS: usize = 10_000;
/// The most options, accepted variants or blanks one exercise may have.
pub const MAX_ITEMS: usize = 64;

fn too_long(p: &mut Problems, field: &str, text: &str, max: usize) {
    if text.chars().count() > max {
        p.add(field, format!("Слишком длинно: не больше {max} символов."));
    }
}

/// Each of a list's entries within `max` characters, and not too many of them.
fn list_too_long(p: &mut Problems, field: &str, items: &[String], max: usize) {
    if items.len() > MAX_ITEMS {
        p.add(field, format!("Слишком много: не больше {MAX_ITEMS}."));
    } else if items.iter().any(|i| i.chars().count() > max) {
        p.add(
            field,
            format!("Слишком длинно: каждый — не больше {max} символов."),
        );
    }
}

fn slug_and_title(p: &mut Problems, slug: &str, title: &str) {
    if !is_slug(slug) {
        p.add(
            "slug",
            "Адрес (slug) — латинские буквы в нижнем регистре, цифры и дефисы, до 80 символов: intro-to-python.",
        );
    }
    if title.trim().is_empty() {
        p.add("title", "Заполните заголовок.");
    } else if title.chars().count() > MAX_TITLE_CHARS {
        p.add("title", "Заголовок длиннее 300 символов: сократите его.");
    }
}

pub fn section(input: &SectionInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    if input.description.chars().count() > 2000 {
        p.add("description", "Описание длиннее 2000 символов.");
    }
    p.done()
}

pub fn question(input: &QuestionInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    let options = input.options.len();
    if options < 2 {
        p.add("options", "Нужно хотя бы два варианта ответа.");
    } else if input.options.iter().any(|o| o.trim().is_empty()) {
        p.add(
            "options",
            "Пустой вариант ответа: заполните или удалите его.",
        );
    }
    list_too_long(&mut p, "options", &input.options, 1_000);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    if input.correct_answers.is_empty() {
        p.add("correct_answers", "Отметьте хотя бы один верный вариант.");
    } else if input
        .correct_answers
        .iter()
        .any(|&i| i < 0 || i as usize >= options)
    {
        p.add(
            "correct_answers",
            format!("Номер верного варианта должен быть от 1 до {options}."),
        );
    } else {
        let mut seen = input.correct_answers.clone();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() != input.correct_answers.len() {
            p.add("correct_answers", "Верный вариант указан дважды.");
        }
    }
    p.done()
}

pub fn task(input: &TaskInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    if input.code.trim().is_empty() {
        p.add(
            "code",
            "Напишите код, вывод которого ученик должен угадать.",
        );
    }
    if input.answer.trim().is_empty() {
        p.add(
            "answer",
            "Ответ не может быть пустым: это ровно то, что напечатает код («Проверить код» подскажет).",
        );
    }
    too_long(&mut p, "code", &input.code, MAX_TEXT_CHARS);
    too_long(&mut p, "answer", &input.answer, MAX_ANSWER_CHARS);
    list_too_long(&mut p, "accepted", &input.accepted, MAX_ANSWER_CHARS);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    p.done()
}

pub fn theory(input: &TheoryInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    if input.body.trim().is_empty() {
        p.add(
            "body",
            "Напишите ответ: его ученик откроет под вопросом карточки.",
        );
    }
    too_long(&mut p, "body", &input.body, MAX_TEXT_CHARS);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    p.done()
}

pub use crate::domain::BLANK;

pub fn case(input: &CaseInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    let blanks = input.template.matches(BLANK).count();
    if blanks == 0 {
        p.add(
            "template",
            format!("В шаблоне нет пропусков: отметьте каждый как {BLANK}."),
        );
    } else if input.fields.len() != blanks {
        p.add(
            "fields",
            format!(
                "Пропусков в шаблоне: {blanks}, а ответов: {}. Нужно по одному ответу на пропуск, по порядку.",
                input.fields.len()
            ),
        );
    } else if input.fields.iter().any(|f| f.trim().is_empty()) {
        p.add("fields", "Ответ на пропуск не может быть пустым.");
    }
    too_long(&mut p, "template", &input.template, MAX_TEXT_CHARS);
    list_too_long(&mut p, "fields", &input.fields, 1_000);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    p.done()
}

pub fn profession(input: &ProfessionInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    if input.summary.chars().count() > 500 {
        p.add("summary", "Краткое описание длиннее 500 символов.");
    }
    p.done()
}

pub fn grade(input: &GradeInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    if input.description.chars().count() > 2000 {
        p.add("description", "Описание длиннее 2000 символов.");
    }
    p.done()
}

pub fn checklist_item(input: &ChecklistItemInput) -> Result<(), AppError> {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    p.done()
}

/// Each input checks itself by the rule above of its kind (the authoring core
/// calls it before every write).
#[cfg(feature = "ssr")]
mod inputs {
    use super::*;
    use crate::authoring::core::Input;

    macro_rules! checked_by {
        ($($input:ty => $rule:ident),* $(,)?) => {
            $(impl Input for $input {
                fn validate(&self) -> Result<(), AppError> {
                    $rule(self)
                }
            })*
        };
    }

    checked_by! {
        SectionInput => section,
        QuestionInput => question,
        TaskInput => task,
        TheoryInput => theory,
        CaseInput => case,
        ProfessionInput => profession,
        GradeInput => grade,
        ChecklistItemInput => checklist_item,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authored_fields_have_size_limits() {
        let input = TheoryInput {
            slug: "big".into(),
            title: "Большая".into(),
            body: "я".repeat(MAX_TEXT_CHARS + 1),
            explanation: String::new(),
            is_active: true,
        };
        let err = theory(&input).unwrap_err();
        assert!(
            err.message_for("body").unwrap().contains("20000"),
            "{err:?}"
        );
        let fine = TheoryInput {
            body: "я".repeat(MAX_TEXT_CHARS),
            ..input
        };
        assert!(theory(&fine).is_ok());
    }

    fn fields(r: Result<(), AppError>) -> Vec<String> {
        match r {
            Ok(()) => vec![],
            Err(e) => e.field_errors().into_iter().map(|f| f.field).collect(),
        }
    }

    fn question_with(options: &[&str], correct: &[i32]) -> QuestionInput {
        QuestionInput {
            slug: "q".into(),
            title: "Что выведет print?".into(),
            options: options.iter().map(|o| o.to_string()).collect(),
            correct_answers: correct.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert!(is_slug("intro-to-python3"));
        for bad in ["", "Intro", "a--b", "-a", "a-", "пайтон", "a b", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn a_section_needs_a_slug_and_a_title_and_says_both_at_once() {
        let bad = SectionInput {
            slug: "Bad Slug".into(),
            title: "  ".into(),
            ..Default::default()
        };
        assert_eq!(fields(section(&bad)), ["slug", "title"]);
        let good = SectionInput {
            slug: "loops".into(),
            title: "Циклы".into(),
            ..Default::default()
        };
        assert!(section(&good).is_ok());
    }

    #[test]
    fn a_task_needs_code_and_a_non_empty_answer() {
        let t = TaskInput {
            slug: "t".into(),
            title: "Что выведет?".into(),
            code: "print(1)".into(),
            answer: " ".into(),
            ..Default::default()
        };
        assert_eq!(fields(task(&t)), ["answer"]);
        assert!(task(&TaskInput {
            answer: "1".into(),
            ..t
        })
        .is_ok());
    }

    #[test]
    fn a_question_needs_two_options_and_a_correct_one_in_range() {
        assert!(question(&question_with(&["1", "2"], &[1])).is_ok());
        assert_eq!(fields(question(&question_with(&["1"], &[0]))), ["options"]);
        assert_eq!(
            fields(question(&question_with(&["1", "2"], &[]))),
            ["correct_answers"]
        );
        assert_eq!(
            fields(question(&question_with(&["1", "2"], &[2]))),
            ["correct_answers"]
        );
        assert_eq!(
            fields(question(&question_with(&["1", "2"], &[-1]))),
            ["correct_answers"]
        );
        assert_eq!(
            fields(question(&question_with(&["1", " "], &[0]))),
            ["options"]
        );
        assert_eq!(
            fields(question(&question_with(&["1", "2"], &[0, 0]))),
            ["correct_answers"]
        );
    }

    fn case_with(template: &str, fields: &[&str]) -> CaseInput {
        CaseInput {
            slug: "c".into(),
            title: "Допишите код".into(),
            template: template.into(),
            fields: fields.iter().map(|f| f.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_case_has_as_many_answers_as_blanks() {
        assert!(fields(case(&case_with("x = ___\nprint(___)", &["1", "x"]))).is_empty());
        assert_eq!(fields(case(&case_with("x = ___", &["1", "2"]))), ["fields"]);
        assert_eq!(
            fields(case(&case_with("x = ___\ny = ___", &["1"]))),
            ["fields"]
        );
        assert_eq!(fields(case(&case_with("x = 1", &[]))), ["template"]);
        assert_eq!(fields(case(&case_with("x = ___", &[" "]))), ["fields"]);
    }

    #[test]
    fn a_profession_and_a_checklist_item_need_a_slug_and_a_title() {
        let bad = ProfessionInput {
            slug: "Python Backend".into(),
            title: " ".into(),
            summary: "к".repeat(501),
            is_active: true,
        };
        assert_eq!(fields(profession(&bad)), ["slug", "title", "summary"]);
        let good = ProfessionInput {
            slug: "python-backend".into(),
            title: "Python-бэкенд".into(),
            ..Default::default()
        };
        assert_eq!(fields(profession(&good)), Vec::<String>::new());
        let item = ChecklistItemInput {
            slug: "readme".into(),
            title: "".into(),
            is_active: true,
        };
        assert_eq!(fields(checklist_item(&item)), ["title"]);
    }

    #[test]
    fn a_theory_card_needs_its_answer() {
        let card = TheoryInput {
            slug: "what-is-none".into(),
            title: "Что такое None?".into(),
            body: "  ".into(),
            ..Default::default()
        };
        assert_eq!(fields(theory(&card)), ["body"]);
    }
}
