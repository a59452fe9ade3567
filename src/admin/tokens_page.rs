use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{admin_page, style, Field, Notice};
use super::{get_tokens, CreateToken, RevokeToken};
use crate::auth::TokenView;
use crate::components::FormError;

/// `/admin/tokens`: personal API tokens. A new token is shown once.
#[component]
pub fn TokensPage() -> impl IntoView {
    view! {
        <Title text="API-токены"/>
        {admin_page(get_tokens, |(tokens, fresh)| view! { <Tokens tokens fresh/> })}
    }
}

#[component]
fn Tokens(tokens: Vec<TokenView>, fresh: Option<String>) -> impl IntoView {
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    view! {
        <section class=style::page>
            <p><a href="/admin">"← Авторская"</a></p>
            <h1>"API-токены"</h1>
            <p>"Токен открывает /api/v1 от вашего имени: заголовок " <code>"Authorization: Bearer <токен>"</code> ". "
               <a href="/api/v1/docs">"Документация API"</a></p>
            <Notice/>
            {fresh.map(|token| view! {
                <section class=style::panel role="status" aria-label="Новый токен">
                    <h2>"Новый токен"</h2>
                    <p>"Скопируйте его сейчас: он показывается один раз, храним мы только его хеш."</p>
                    <code class=style::token>{token}</code>
                </section>
            })}
            <ActionForm action=create attr:class=style::panel attr:aria-label="Создать токен">
                <h2>"Создать токен"</h2>
                <Field label="Название" name="name" hint="например: импорт из редактора" result=create.value() required=true/>
                <FormError result=create.value()/>
                <button class="button" type="submit">"Создать"</button>
            </ActionForm>
            <FormError result=revoke.value()/>
            <table class=style::table>
                <thead><tr><th>"Название"</th><th>"Начало"</th><th>"Создан"</th><th>"Использован"</th><th></th></tr></thead>
                <tbody>
                    {tokens.into_iter().map(|t| {
                        let label = format!("Отозвать: {}", t.name);
                        view! {
                            <tr>
                                <td>{t.name}</td>
                                <td><code>{format!("{}…", t.prefix)}</code></td>
                                <td>{t.created}</td>
                                <td>{t.last_used.unwrap_or_else(|| "—".into())}</td>
                                <td>{if t.revoked {
                                    view! { <span>"отозван"</span> }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=revoke>
                                            <input type="hidden" name="token_id" value=t.token_id/>
                                            <button class=style::small type="submit" aria-label=label>"Отозвать"</button>
                                        </ActionForm>
                                    }.into_any()
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
