//! The content quality gate: every task's code, run by python3 in the sandbox,
//! prints exactly its
//! answer; every case, with its blanks filled, runs to exit 0 (and prints its
//! output when the file gives one).

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use grader::sandbox::{Sandbox, SandboxConfig};
use grader::seeds::Seeds;

/// The seeds' code is authored code: it runs in the sandbox like any other.
fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let config = SandboxConfig {
            queue_wait: Duration::from_secs(120),
            ..SandboxConfig::default()
        };
        let sandbox = runtime().block_on(Sandbox::start(config));
        if let Some(reason) = sandbox.off_reason() {
            panic!("the content gate runs code in the sandbox, which is off: {reason}");
        }
        sandbox
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn python(code: &str) -> (bool, String, String) {
    let out = runtime()
        .block_on(sandbox().run_python(code))
        .expect("the sandbox runs the code");
    (out.exit_code == Some(0), out.stdout, out.stderr)
}

/// Trailing spaces and line endings do not count, as in grading (DESIGN.md).
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// One program to run, and what it must print (None: only exit 0).
struct Check {
    label: String,
    code: String,
    expected: Option<String>,
    twice: bool,
}

fn run_check(c: &Check) -> Option<String> {
    let (ok, out, err) = python(&c.code);
    if !ok {
        return Some(format!("{}: exited with an error: {}", c.label, err.trim()));
    }
    if c.twice {
        // Twice: output that differs between runs (hash order, time) is a bug too.
        let (_, again, _) = python(&c.code);
        if again != out {
            return Some(format!(
                "{}: prints differently on a second run: {:?} vs {:?}",
                c.label,
                out.trim(),
                again.trim()
            ));
        }
    }
    match &c.expected {
        Some(e) if normalize(e) != normalize(&out) => Some(format!(
            "{}: expected {:?}, python3 printed {:?}",
            c.label,
            e.trim(),
            out.trim()
        )),
        _ => None,
    }
}

#[test]
fn every_task_prints_exactly_its_answer_and_every_case_runs() {
    let seeds = Seeds::read(Path::new("seeds")).expect("seeds are valid");
    let mut checks = Vec::new();
    for (path, module) in &seeds.modules {
        for topic in &module.topic {
            for task in &topic.task {
                checks.push(Check {
                    label: format!(
                        "{}: topic {} task {}",
                        path.display(),
                        topic.slug,
                        task.slug
                    ),
                    code: task.code.clone(),
                    expected: Some(task.answer.clone()),
                    twice: true,
                });
            }
            for case in &topic.case {
                checks.push(Check {
                    label: format!(
                        "{}: topic {} case {}",
                        path.display(),
                        topic.slug,
                        case.slug
                    ),
                    code: case.filled(),
                    expected: case.output.clone(),
                    twice: false,
                });
            }
        }
    }
    assert!(!checks.is_empty(), "no tasks found");
    // python3 start-up dominates: run four at a time.
    let chunk = checks.len().div_ceil(4);
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = checks
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().filter_map(run_check).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        checks.len(),
        failures.join("\n")
    );
}

#[test]
fn the_intern_modules_have_the_briefs_topics_and_enough_exercises() {
    let seeds = Seeds::read(Path::new("seeds")).unwrap();
    let intern: Vec<_> = seeds
        .modules
        .iter()
        .filter(|(_, m)| m.profession == "python-backend" && m.grade == "intern")
        .map(|(_, m)| m)
        .collect();
    let first = intern.iter().find(|m| m.position == 1).expect("module 1");
    let second = intern.iter().find(|m| m.position == 2).expect("module 2");
    assert_eq!(first.title, "Основы Python");
    assert_eq!(second.title, "Управляющие конструкции");
    assert_eq!(first.topic.len(), 6);
    assert_eq!(second.topic.len(), 5);
    for t in first.topic.iter().chain(&second.topic) {
        assert!(t.theory.len() >= 3 && t.question.len() >= 3, "{}", t.slug);
        assert!(t.task.len() >= 2 && !t.case.is_empty(), "{}", t.slug);
    }
}

#[test]
fn the_readme_content_table_is_the_generated_one() {
    use grader::seeds::table;
    let seeds = Seeds::read(Path::new("seeds")).unwrap();
    let readme = std::fs::read_to_string("README.md").unwrap();
    let generated = table::content_table(&seeds);
    assert_eq!(
        table::with_table(&readme, &generated).as_deref(),
        Some(readme.as_str()),
        "README's content table is stale: run `make content-table`"
    );
}

#[test]
fn every_profession_has_an_intern_grade_of_two_modules_with_three_topics() {
    let seeds = Seeds::read(Path::new("seeds")).unwrap();
    for p in &seeds.catalog.profession {
        let modules: Vec<_> = seeds
            .modules
            .iter()
            .filter(|(_, m)| m.profession == p.slug && m.grade == "intern")
            .map(|(_, m)| m)
            .collect();
        assert!(
            modules.len() >= 2,
            "{}: {} intern modules",
            p.slug,
            modules.len()
        );
        for m in modules {
            assert!(m.topic.len() >= 3, "{} / {}", p.slug, m.slug);
            for t in &m.topic {
                assert!(
                    t.theory.len() >= 2 && t.question.len() >= 2,
                    "{} / {} / {}",
                    p.slug,
                    m.slug,
                    t.slug
                );
            }
        }
    }
}

#[test]
fn the_backend_intern_grade_is_complete() {
    let seeds = Seeds::read(Path::new("seeds")).unwrap();
    let intern: Vec<_> = seeds
        .modules
        .iter()
        .filter(|(_, m)| m.profession == "python-backend" && m.grade == "intern")
        .map(|(_, m)| m)
        .collect();
    assert!(intern.len() >= 8, "{} modules", intern.len());
    let topics: Vec<_> = intern.iter().flat_map(|m| &m.topic).collect();
    assert!(topics.len() >= 35, "{} topics", topics.len());
    for t in topics {
        assert!(t.theory.len() >= 4 && t.question.len() >= 4, "{}", t.slug);
        assert!(t.task.len() >= 2 && !t.case.is_empty(), "{}", t.slug);
    }
    for grade in ["junior", "junior_plus", "middle", "middle_plus"] {
        let n = seeds
            .modules
            .iter()
            .filter(|(_, m)| m.profession == "python-backend" && m.grade == grade)
            .count();
        assert!(n >= 2, "python-backend {grade}: {n} modules");
        assert!(
            seeds
                .projects
                .iter()
                .any(|(_, f)| f.profession == "python-backend" && f.grade == grade),
            "python-backend {grade} has portfolio projects"
        );
    }
}

/// Explanations are optional for authors (a form may leave one empty), but the
/// content shipped with Grader explains every exercise.
#[test]
fn every_shipped_exercise_has_an_explanation() {
    let seeds = Seeds::read(Path::new("seeds")).unwrap();
    let mut missing = Vec::new();
    for (path, m) in &seeds.modules {
        for t in &m.topic {
            let explained = t
                .theory
                .iter()
                .map(|x| (&x.slug, &x.explanation))
                .chain(t.question.iter().map(|x| (&x.slug, &x.explanation)))
                .chain(t.task.iter().map(|x| (&x.slug, &x.explanation)))
                .chain(t.case.iter().map(|x| (&x.slug, &x.explanation)));
            for (slug, explanation) in explained {
                if explanation.trim().is_empty() {
                    missing.push(format!("{} > {} > {slug}", path.display(), t.slug));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no explanation: {missing:?}");
}
