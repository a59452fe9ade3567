//! The API's one error shape, `{error, message, fields?}`, from `AppError`'s
//! statuses, and extractors whose rejections use it too (a malformed body or a
//! non-numeric id is a 400 with a message, never axum's plain-text default).

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, FieldError};

/// Every error of /api/v1.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// Machine-readable: not_found, invalid, bad_request, unauthorized, forbidden,
    /// conflict, too_many_requests, unavailable, internal.
    pub error: String,
    /// For people, in Russian.
    pub message: String,
    /// Field-level problems (422).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<ApiFieldError>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFieldError {
    pub field: String,
    pub message: String,
}

impl From<FieldError> for ApiFieldError {
    fn from(f: FieldError) -> Self {
        Self {
            field: f.field,
            message: f.message,
        }
    }
}

/// An `AppError` answered as JSON.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let fields = e.field_errors();
        let body = ApiErrorBody {
            error: e.code().into(),
            message: match &e {
                AppError::NotFound => "Не найдено.".into(),
                other => other.user_message(),
            },
            fields: (!fields.is_empty()).then(|| fields.into_iter().map(Into::into).collect()),
        };
        let mut response = (status, axum::Json(body)).into_response();
        if e == AppError::Unauthorized {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        let message = match &r {
            JsonRejection::MissingJsonContentType(_) => {
                "Нужен заголовок Content-Type: application/json.".to_string()
            }
            JsonRejection::JsonSyntaxError(_) => {
                format!("Тело запроса — не JSON: {}", r.body_text())
            }
            _ => format!("Тело запроса не подходит: {}", r.body_text()),
        };
        Self(AppError::BadRequest(message))
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> Self {
        Self(AppError::BadRequest(format!(
            "Неверный адрес: {}",
            r.body_text()
        )))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        Self(AppError::BadRequest(format!(
            "Неверные параметры запроса: {}",
            r.body_text()
        )))
    }
}

/// `axum::Json` with the API's error shape.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Path` with the API's error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// `axum::extract::Query` with the API's error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

pub type ApiResult<T> = Result<T, ApiError>;
