use leptos::prelude::*;

/// Grader's mark: a rounded badge with a check inside a "G", and the word.
#[component]
pub fn Logo(#[prop(optional)] compact: bool) -> impl IntoView {
    view! {
        <svg
            class="logo"
            viewBox=if compact { "0 0 48 48" } else { "0 0 176 48" }
            height="40"
            role="img"
            aria-label="Грейдер"
        >
            <rect x="2" y="2" width="44" height="44" rx="14" fill="#3c3c3c"/>
            <rect x="2" y="2" width="44" height="40" rx="14" fill="#111"/>
            <path
                d="M33 17a11 11 0 1 0 1.5 9H24"
                fill="none"
                stroke="#fff"
                stroke-width="5"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
            <path d="M19 24l4 4 7-8" fill="none" stroke="#bdbdbd" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>
            {(!compact).then(|| view! {
                <text x="56" y="33" font-family="Nunito, sans-serif" font-weight="900" font-size="26" fill="#111">"Грейдер"</text>
            })}
        </svg>
    }
}
