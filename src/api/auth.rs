//! Who calls the API: a personal token (`Authorization: Bearer grd_…`) or the
//! session cookie. A bearer header that is present but wrong is a 401, never a
//! silent fall-back to the cookie.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use tower_sessions::Session;

use super::error::ApiError;
use crate::auth::guard::{self, Actor};
use crate::auth::Role;
use crate::error::AppError;
use crate::server::AppState;

/// The caller: an account (by token or session), or a session that may hold a
/// guest learner, or nobody.
pub struct Caller {
    pub actor: Option<Actor>,
    /// The learner answers are stored for: the account, else the session's guest.
    pub session: Option<Session>,
    /// Where the request came from (new guests are limited per address).
    pub ip: std::net::IpAddr,
}

impl Caller {
    pub fn require(&self, role: Role) -> Result<Actor, ApiError> {
        Ok(self.actor.ok_or(AppError::Unauthorized)?.require(role)?)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ip = parts
            .extensions
            .get::<crate::server::guard::ClientIp>()
            .map(|c| c.0)
            .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]));
        let bearer = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or_default().to_string());
        if let Some(header) = bearer {
            let token = header
                .strip_prefix("Bearer ")
                .ok_or(AppError::Unauthorized)?
                .trim();
            let actor = crate::auth::tokens::actor(&state.pool, token)
                .await?
                .ok_or(AppError::Unauthorized)?;
            return Ok(Caller {
                actor: Some(actor),
                session: None,
                ip,
            });
        }
        let session = Session::from_request_parts(parts, state).await.ok();
        // The same check as pages make: a session ended elsewhere holds no one.
        let actor = match &session {
            Some(s) => match crate::auth::session::learner_of(s, &state.pool).await? {
                Some(id) => guard::account(&state.pool, id).await?,
                None => None,
            },
            None => None,
        };
        Ok(Caller { actor, session, ip })
    }
}

impl Caller {
    /// The learner whose answers count: the account, else the session's guest.
    pub async fn learner(&self, pool: &sqlx::PgPool) -> Result<Option<i64>, AppError> {
        if let Some(a) = self.actor {
            return Ok(Some(a.learner_id));
        }
        match &self.session {
            Some(s) => crate::auth::session::learner_of(s, pool).await,
            None => Ok(None),
        }
    }

    /// Like `learner`, creating a guest for a session that has none yet.
    pub async fn ensure_learner(&self, pool: &sqlx::PgPool) -> Result<i64, AppError> {
        if let Some(a) = self.actor {
            return Ok(a.learner_id);
        }
        match &self.session {
            Some(s) => crate::auth::session::ensure_learner_of(s, pool, self.ip).await,
            None => Err(AppError::Unauthorized),
        }
    }
}

/// A caller with the author (or admin) role: what every authoring endpoint
/// takes, so none can forget the check. Guests get 401, learners 403.
pub struct Author(pub Actor);

impl FromRequestParts<AppState> for Author {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        Ok(Author(caller.require(Role::Author)?))
    }
}
