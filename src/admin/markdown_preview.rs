//! A markdown textarea with the learner's view of it underneath, following the
//! author's typing. The one island of /admin: without JavaScript it is a plain
//! textarea in the form, and the preview shows the text as it was loaded.

use leptos::prelude::*;

use super::form::style;

/// Milliseconds of quiet typing before the preview is rendered again.
const PAUSE_MS: u64 = 300;

#[island]
pub fn MarkdownInput(
    id: String,
    name: String,
    value: String,
    rows: u32,
    required: bool,
    /// The field's label, to name the preview.
    label: String,
    /// The server's rendering of `value`.
    html: String,
) -> impl IntoView {
    let (html, set_html) = signal(html);
    // Each keystroke bumps the generation; only the latest one renders, so a slow
    // answer never overwrites a newer preview.
    let generation = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                leptos::task::spawn_local(async move {
                    if let Ok(rendered) = super::render_markdown(text).await {
                        if generation.get_value() == mine {
                            set_html.set(rendered);
                        }
                    }
                });
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
    };
    let preview_label = format!("Предпросмотр: {label}");
    view! {
        <textarea id=id name=name rows=rows required=required on:input=on_input>{value}</textarea>
        <div class=style::live role="region" aria-label=preview_label aria-live="polite">
            <small>"Как увидит ученик"</small>
            <div class="prose" inner_html=html></div>
        </div>
    }
}
