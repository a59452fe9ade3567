use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{admin_page, style, Notice};
use super::{get_users, SetRole, UserRow};
use crate::auth::Role;
use crate::components::FormError;

/// `/admin/users`: accounts and their roles; admins only.
#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <Title text="Пользователи и роли"/>
        {admin_page(get_users, |(users, me)| view! { <UsersTable users me/> })}
    }
}

#[component]
fn UsersTable(users: Vec<UserRow>, me: i64) -> impl IntoView {
    let action = ServerAction::<SetRole>::new();
    view! {
        <section class=style::page>
            <p><a href="/admin">"← Авторская"</a></p>
            <h1>"Пользователи и роли"</h1>
            <Notice/>
            <FormError result=action.value()/>
            <table class=style::table>
                <thead><tr><th>"Имя"</th><th>"E-mail"</th><th>"С нами с"</th><th>"Роль"</th></tr></thead>
                <tbody>
                    {users.into_iter().map(|u| {
                        let label = format!("Роль: {}", u.email);
                        view! {
                            <tr>
                                <td>{u.display_name}{(u.learner_id == me).then_some(" (вы)")}</td>
                                <td>{u.email}</td>
                                <td>{u.created}</td>
                                <td>
                                    <ActionForm action>
                                        <input type="hidden" name="learner_id" value=u.learner_id/>
                                        <select name="role" aria-label=label>
                                            {Role::ALL.into_iter().map(|r| view! {
                                                <option value=r.as_str() selected=r == u.role>{r.title()}</option>
                                            }).collect_view()}
                                        </select>
                                        " "
                                        <button class=style::small type="submit">"Сохранить"</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
