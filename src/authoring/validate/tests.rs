//! Each rule names every broken requirement, on its field.

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

#[test]
fn every_problem_names_its_field_in_both_languages() {
    let q = question_with(&["да", " да "], &[5]);
    let problems = question_problems(&q).0;
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["options", "correct_answers"]);
    assert!(problems[0].ru.contains("дважды"), "{problems:?}");
    assert!(problems[0].en.contains("listed twice"), "{problems:?}");
    // The form numbers options from 1, the seed files from 0.
    assert!(problems[1].ru.contains("от 1 до 2"), "{problems:?}");
    assert!(problems[1].en.contains("0 to 1"), "{problems:?}");
}
