//! The rules of what authors write, one per kind, shared by /admin's forms, the
//! REST API and the seed files. A rule names every broken requirement at once,
//! each with a message in Russian (forms and the API) and in English (the seeds'
//! error lines): the messages differ by audience, the rules do not. The database
//! enforces the same rules (constraints) as a last line.

use super::types::{
    CaseInput, ChecklistItemInput, GradeInput, ProfessionInput, QuestionInput, SectionInput,
    TaskInput, TheoryInput,
};
use crate::error::{AppError, FieldError};

pub use crate::domain::slug::{is_slug, MAX_SLUG_CHARS, MAX_TITLE_CHARS, SLUG_PATTERN};
pub use crate::domain::BLANK;

/// One broken requirement: the input's field and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub field: &'static str,
    pub ru: String,
    pub en: String,
}

/// Every broken requirement of one input, in the order of its fields.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    fn add(&mut self, field: &'static str, ru: impl Into<String>, en: impl Into<String>) {
        self.0.push(Problem {
            field,
            ru: ru.into(),
            en: en.into(),
        });
    }

    /// For forms and the API: a 422 naming each field, in Russian.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            return Ok(());
        }
        Err(AppError::Fields(
            self.0
                .into_iter()
                .map(|p| FieldError {
                    field: p.field.into(),
                    message: p.ru,
                })
                .collect(),
        ))
    }
}

/// The longest markdown or code an author may save in one field: a long theory
/// answer fits many times over, and a page stays small.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest answer, accepted variant, option or blank: as long as a learner's.
pub const MAX_ANSWER_CHARS: usize = 10_000;
/// The most options, accepted variants or blanks one exercise may have.
pub const MAX_ITEMS: usize = 64;
/// The longest description of a section or a grade, and a profession's summary.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
pub const MAX_SUMMARY_CHARS: usize = 500;
/// The longest option of a question or answer to a blank.
pub const MAX_OPTION_CHARS: usize = 1_000;

fn too_long(p: &mut Problems, field: &'static str, text: &str, max: usize) {
    if text.chars().count() > max {
        p.add(
            field,
            format!("Слишком длинно: не больше {max} символов."),
            format!("is longer than {max} characters"),
        );
    }
}

fn blank(p: &mut Problems, field: &'static str, text: &str, ru: &str) {
    if text.trim().is_empty() {
        p.add(field, ru, "must not be empty");
    }
}

/// Each of a list's entries within `max` characters, and not too many of them.
fn list_too_long(p: &mut Problems, field: &'static str, items: &[String], max: usize) {
    if items.len() > MAX_ITEMS {
        p.add(
            field,
            format!("Слишком много: не больше {MAX_ITEMS}."),
            format!("has more than {MAX_ITEMS} entries"),
        );
    } else if items.iter().any(|i| i.chars().count() > max) {
        p.add(
            field,
            format!("Слишком длинно: каждый — не больше {max} символов."),
            format!("has an entry longer than {max} characters"),
        );
    }
}

fn slug_and_title(p: &mut Problems, slug: &str, title: &str) {
    if !is_slug(slug) {
        p.add(
            "slug",
            "Адрес (slug) — латинские буквы в нижнем регистре, цифры и дефисы, до 80 символов: intro-to-python.",
            format!("\"{slug}\" is not a slug (lowercase latin letters, digits and single dashes, up to {MAX_SLUG_CHARS})"),
        );
    }
    if title.trim().is_empty() {
        p.add("title", "Заполните заголовок.", "must not be empty");
    } else if title.chars().count() > MAX_TITLE_CHARS {
        p.add(
            "title",
            "Заголовок длиннее 300 символов: сократите его.",
            format!("is longer than {MAX_TITLE_CHARS} characters"),
        );
    }
}

pub fn section_problems(input: &SectionInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    too_long(
        &mut p,
        "description",
        &input.description,
        MAX_DESCRIPTION_CHARS,
    );
    p
}

pub fn question_problems(input: &QuestionInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    let options = input.options.len();
    if options < 2 {
        p.add(
            "options",
            "Нужно хотя бы два варианта ответа.",
            "needs at least 2 options",
        );
    } else if input.options.iter().any(|o| o.trim().is_empty()) {
        p.add(
            "options",
            "Пустой вариант ответа: заполните или удалите его.",
            "has an empty option",
        );
    } else if let Some(twice) = input
        .options
        .iter()
        .enumerate()
        .find(|(i, o)| input.options[..*i].iter().any(|e| e.trim() == o.trim()))
    {
        p.add(
            "options",
            format!("Вариант «{}» указан дважды.", twice.1.trim()),
            format!("\"{}\" is listed twice", twice.1.trim()),
        );
    }
    list_too_long(&mut p, "options", &input.options, MAX_OPTION_CHARS);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    if input.correct_answers.is_empty() {
        p.add(
            "correct_answers",
            "Отметьте хотя бы один верный вариант.",
            "needs at least 1 correct option index",
        );
    } else if let Some(&i) = input
        .correct_answers
        .iter()
        .find(|&&i| i < 0 || i as usize >= options)
    {
        // The form numbers options from 1; the seed files index them from 0.
        p.add(
            "correct_answers",
            format!("Номер верного варианта должен быть от 1 до {options}."),
            format!(
                "index {i} is out of range: options are numbered 0 to {}",
                options.saturating_sub(1)
            ),
        );
    } else {
        let mut seen = input.correct_answers.clone();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() != input.correct_answers.len() {
            p.add(
                "correct_answers",
                "Верный вариант указан дважды.",
                "an index is listed twice",
            );
        }
    }
    p
}

pub fn task_problems(input: &TaskInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    blank(
        &mut p,
        "code",
        &input.code,
        "Напишите код, вывод которого ученик должен угадать.",
    );
    blank(
        &mut p,
        "answer",
        &input.answer,
        "Ответ не может быть пустым: это ровно то, что напечатает код («Проверить код» подскажет).",
    );
    too_long(&mut p, "code", &input.code, MAX_TEXT_CHARS);
    too_long(&mut p, "answer", &input.answer, MAX_ANSWER_CHARS);
    list_too_long(&mut p, "accepted", &input.accepted, MAX_ANSWER_CHARS);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    p
}

pub fn theory_problems(input: &TheoryInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    blank(
        &mut p,
        "body",
        &input.body,
        "Напишите ответ: его ученик откроет под вопросом карточки.",
    );
    too_long(&mut p, "body", &input.body, MAX_TEXT_CHARS);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    p
}

pub fn case_problems(input: &CaseInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    let blanks = input.template.matches(BLANK).count();
    let answers = input.fields.len();
    if blanks == 0 {
        p.add(
            "template",
            format!("В шаблоне нет пропусков: отметьте каждый как {BLANK}."),
            format!("has no blank ({BLANK})"),
        );
    } else if answers != blanks {
        p.add(
            "fields",
            format!(
                "Пропусков в шаблоне: {blanks}, а ответов: {answers}. Нужно по одному ответу на пропуск, по порядку."
            ),
            format!("has {answers} answers but the template has {blanks} blanks"),
        );
    } else if input.fields.iter().any(|f| f.trim().is_empty()) {
        p.add(
            "fields",
            "Ответ на пропуск не может быть пустым.",
            "has an empty answer",
        );
    }
    too_long(&mut p, "template", &input.template, MAX_TEXT_CHARS);
    list_too_long(&mut p, "fields", &input.fields, MAX_OPTION_CHARS);
    too_long(&mut p, "explanation", &input.explanation, MAX_TEXT_CHARS);
    p
}

pub fn profession_problems(input: &ProfessionInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    too_long(&mut p, "summary", &input.summary, MAX_SUMMARY_CHARS);
    p
}

pub fn grade_problems(input: &GradeInput) -> Problems {
    let mut p = Problems::default();
    too_long(
        &mut p,
        "description",
        &input.description,
        MAX_DESCRIPTION_CHARS,
    );
    p
}

pub fn checklist_item_problems(input: &ChecklistItemInput) -> Problems {
    let mut p = Problems::default();
    slug_and_title(&mut p, &input.slug, &input.title);
    p
}

/// Each rule as forms and the API use it (a 422 in Russian), and as the
/// authoring core calls it before every write.
macro_rules! checked_by {
    ($($input:ty => $rule:ident = $problems:ident),* $(,)?) => {
        $(pub fn $rule(input: &$input) -> Result<(), AppError> {
            $problems(input).into_result()
        }

        #[cfg(feature = "ssr")]
        impl crate::authoring::core::Input for $input {
            fn validate(&self) -> Result<(), AppError> {
                $rule(self)
            }
        })*
    };
}

checked_by! {
    SectionInput => section = section_problems,
    QuestionInput => question = question_problems,
    TaskInput => task = task_problems,
    TheoryInput => theory = theory_problems,
    CaseInput => case = case_problems,
    ProfessionInput => profession = profession_problems,
    GradeInput => grade = grade_problems,
    ChecklistItemInput => checklist_item = checklist_item_problems,
}

#[cfg(test)]
mod tests;
