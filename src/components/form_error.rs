use leptos::prelude::*;

use crate::error::AppError;

/// The message of a failed form submission, read out by screen readers. With
/// `field`, only an error about that field (or exercise) is shown here.
#[component]
pub fn FormError<T>(
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
    #[prop(optional, into)] field: Option<String>,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let message = Signal::derive(move || {
        result.with(|r| match (r, &field) {
            (Some(Err(e @ (AppError::Invalid { .. } | AppError::Fields(_)))), Some(f)) => {
                e.message_for(f)
            }
            // The exercise card says it in its own words (queued offline).
            (Some(Err(AppError::Queued { .. })), _) => None,
            (Some(Err(e)), _) => Some(e.user_message()),
            _ => None,
        })
    });
    view! {
        <p class="form-error" role="alert" hidden=move || message.with(Option::is_none)>{move || message.get()}</p>
    }
}
