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
    /// Too many attempts (429): login tries are limited.
    #[error("{0}")]
    TooManyRequests(String),
    /// Failures of the server-function transport itself (network, decoding).
    #[error("ошибка связи с сервером: {0}")]
    Transport(String),
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Invalid { .. } => 422,
            AppError::TooManyRequests(_) => 429,
            AppError::Unavailable => 503,
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

    /// The message a learner reads under a form.
    pub fn user_message(&self) -> String {
        match self {
            AppError::Invalid { message, .. } | AppError::TooManyRequests(message) => {
                message.clone()
            }
            AppError::NotFound => "Не найдено: возможно, упражнение сняли с публикации.".into(),
            AppError::Unavailable => {
                "База данных недоступна, попробуйте ещё раз через минуту.".into()
            }
            AppError::Transport(_) => {
                "Нет связи с сервером. Проверьте соединение и попробуйте ещё раз.".into()
            }
            AppError::Internal => "Что-то пошло не так на сервере. Попробуйте ещё раз.".into(),
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
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => {
                tracing::error!(error = %err, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}
