//! The one error type of server functions and pages. Each variant maps to an HTTP
//! status; the page that meets it shows a Russian message and never a stack trace.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The slug (or id) names nothing that is published.
    #[error("не найдено")]
    NotFound,
    /// The database could not be reached or answered with an error.
    #[error("база данных недоступна")]
    Unavailable,
    /// Anything else that went wrong on the server; the details stay in the log.
    #[error("внутренняя ошибка")]
    Internal,
    /// Input the learner can fix; the message says how (422).
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// Several fields to fix at once (422): an author's form.
    #[error("проверьте поля формы")]
    Fields(Vec<FieldError>),
    /// Malformed input that no form produces (400): broken JSON, a wrong type.
    #[error("{0}")]
    BadRequest(String),
    /// Not signed in where an account is needed (401).
    #[error("нужно войти")]
    Unauthorized,
    /// Signed in, but the role does not allow it (403).
    #[error("недостаточно прав")]
    Forbidden,
    /// The row changed since the form was opened (409): optimistic locking.
    #[error("{0}")]
    Conflict(String),
    /// Not yet allowed on the learning path (403); the message says what opens it.
    #[error("{0}")]
    Locked(String),
    /// A state-changing request that did not come from Grader's own pages (403).
    #[error("запрос с другого сайта")]
    CrossSite,
    /// A body of a type the route does not take (415).
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// A body over the route's limit, in bytes (413).
    #[error("слишком большой запрос")]
    TooLarge(usize),
    /// Too many attempts (429): login tries are limited.
    #[error("{0}")]
    TooManyRequests(String),
    /// A service the request needs is switched off or full (503): the message
    /// says which and what to do (code running, say).
    #[error("{0}")]
    ServiceUnavailable(String),
    /// Failures of the server-function transport itself (network, decoding).
    #[error("ошибка связи с сервером: {0}")]
    Transport(String),
    /// Never sent by the server: the service worker answers this when the network
    /// is down and it has queued the answer on the device (see `src/pwa/sw.js`).
    #[error("ответ сохранён на устройстве")]
    Queued { next_client_id: String },
}

/// One field's problem, in Russian, for the message under that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest(_) => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden | AppError::CrossSite | AppError::Locked(_) => 403,
            AppError::TooLarge(_) => 413,
            AppError::UnsupportedMediaType(_) => 415,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::Invalid { .. } | AppError::Fields(_) => 422,
            AppError::TooManyRequests(_) => 429,
            AppError::Unavailable | AppError::ServiceUnavailable(_) | AppError::Queued { .. } => {
                503
            }
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// A stable machine-readable name for the API's `error` field.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Unavailable | AppError::ServiceUnavailable(_) => "unavailable",
            AppError::Internal | AppError::Transport(_) => "internal",
            AppError::Invalid { .. } | AppError::Fields(_) => "invalid",
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::CrossSite => "cross_site",
            AppError::Locked(_) => "locked",
            AppError::TooLarge(_) => "too_large",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::Conflict(_) => "conflict",
            AppError::TooManyRequests(_) => "too_many_requests",
            AppError::Queued { .. } => "queued",
        }
    }

    /// Every field-level problem: one for `Invalid`, all of them for `Fields`.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            AppError::Invalid { field, message } => vec![FieldError {
                field: field.clone(),
                message: message.clone(),
            }],
            AppError::Fields(fields) => fields.clone(),
            _ => Vec::new(),
        }
    }

    /// The message for one field, if this error has one for it.
    pub fn message_for(&self, field: &str) -> Option<String> {
        self.field_errors()
            .into_iter()
            .find(|f| f.field == field)
            .map(|f| f.message)
    }

    /// The message a learner reads under a form.
    pub fn user_message(&self) -> String {
        match self {
            AppError::Invalid { message, .. }
            | AppError::TooManyRequests(message)
            | AppError::ServiceUnavailable(message)
            | AppError::Locked(message)
            | AppError::UnsupportedMediaType(message)
            | AppError::BadRequest(message)
            | AppError::Conflict(message) => message.clone(),
            AppError::Fields(_) => "Проверьте поля формы: ошибки отмечены ниже.".into(),
            AppError::Unauthorized => "Войдите, чтобы продолжить.".into(),
            AppError::CrossSite => "Запрос отклонён: он пришёл не со страницы Грейдера. \
                 Откройте Грейдер и повторите действие там."
                .into(),
            AppError::TooLarge(limit) => {
                format!("Слишком большой запрос: не больше {} КБ.", limit / 1024)
            }
            AppError::Forbidden => {
                "Недостаточно прав: нужна роль автора или администратора.".into()
            }
            AppError::NotFound => "Не найдено: возможно, упражнение сняли с публикации.".into(),
            AppError::Unavailable => {
                "База данных недоступна, попробуйте ещё раз через минуту.".into()
            }
            AppError::Transport(_) => {
                "Нет связи с сервером. Проверьте соединение и попробуйте ещё раз.".into()
            }
            AppError::Internal => "Что-то пошло не так на сервере. Попробуйте ещё раз.".into(),
            AppError::Queued { .. } => "Нет сети: ответ сохранён на устройстве и отправится, \
                 когда связь вернётся. Результат появится после отправки."
                .into(),
        }
    }

    /// Sets the HTTP status of a failed server function. A plain HTML form post
    /// (no JavaScript) keeps Leptos's redirect back to the form, which shows the
    /// message; fetch calls get the 4xx/5xx.
    #[cfg(feature = "ssr")]
    pub fn with_status(self) -> Self {
        use leptos::prelude::use_context;
        let plain_form = use_context::<axum::http::request::Parts>()
            .and_then(|p| p.headers.get(axum::http::header::ACCEPT).cloned())
            .and_then(|v| v.to_str().map(|v| v.contains("text/html")).ok())
            .unwrap_or(false);
        if !plain_form {
            if let Some(r) = use_context::<leptos_axum::ResponseOptions>() {
                r.set_status(
                    axum::http::StatusCode::from_u16(self.status())
                        .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
                );
            }
        }
        self
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::from_db(err, format_args!("query"))
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// A database error as the caller should see it: a constraint an author broke
    /// is a 4xx on the field to fix; anything else is logged with `context` (which
    /// query, which row) and becomes a 503 or a 500.
    pub fn from_db(err: sqlx::Error, context: std::fmt::Arguments<'_>) -> Self {
        if let Some(e) = err.as_database_error() {
            if let Some(mapped) = e.constraint().and_then(constraint_error) {
                return mapped;
            }
            // Text PostgreSQL cannot store (a NUL character, say) is bad input, not
            // a server fault: found by schemathesis.
            if matches!(
                e.code().as_deref(),
                Some("22021" | "22P05" | "22001" | "22P02")
            ) {
                return AppError::BadRequest(
                    "В тексте есть символы, которые нельзя сохранить (например, NUL).".into(),
                );
            }
        }
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => {
                tracing::error!(error = %err, %context, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, %context, "database error");
                AppError::Internal
            }
        }
    }
}

/// Constraint violations an author can cause, as messages on the field to fix
/// (the realworld-axum-sqlx pattern: constraint names map to 4xx, not 500).
#[cfg(feature = "ssr")]
fn constraint_error(name: &str) -> Option<AppError> {
    let (field, message) = match name {
        "grades_level_key" | "grades_slug_key" => (
            "level",
            "Такой грейд у профессии уже есть: выберите другой уровень.",
        ),
        n if n.ends_with("_slug_key") => (
            "slug",
            "Такой адрес (slug) уже занят у соседнего элемента: выберите другой.",
        ),
        n if n.ends_with("_slug_format") => (
            "slug",
            "Адрес (slug) — латинские буквы в нижнем регистре, цифры и дефисы: intro-to-python.",
        ),
        n if n.ends_with("_title_not_blank") => ("title", "Заполните заголовок."),
        "questions_two_options" => ("options", "Нужно хотя бы два варианта ответа."),
        "questions_one_correct" => ("correct_answers", "Отметьте хотя бы один верный вариант."),
        "questions_correct_in_range" => (
            "correct_answers",
            "Верный ответ должен ссылаться на существующий вариант.",
        ),
        "theory_body_not_blank" => ("body", "Напишите ответ карточки."),
        "cases_one_field" | "cases_fields_match_blanks" => (
            "fields",
            "Нужно по одному ответу на каждый пропуск ___ шаблона.",
        ),
        "api_tokens_name_length" => ("name", "Назовите токен: от 1 до 80 символов."),
        _ => return None,
    };
    Some(AppError::Fields(vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]))
}
