use leptos::prelude::*;
use leptos_meta::Title;

use super::Login;
use crate::components::FormError;

stylance::import_style!(pub style, "auth.module.css");

/// `/login`: e-mail and password. A guest's answers join the account.
#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    view! {
        <Title text="Вход"/>
        <section class=style::panel>
            <h1>"Вход"</h1>
            <p class=style::lead>"Ответы, которые вы дали как гость, сохранятся в аккаунте."</p>
            <ActionForm action>
                <label class=style::field>
                    <span>"E-mail"</span>
                    <input type="email" name="email" autocomplete="email" required/>
                </label>
                <label class=style::field>
                    <span>"Пароль"</span>
                    <input type="password" name="password" autocomplete="current-password" required/>
                </label>
                <FormError result=action.value()/>
                <button class="button" type="submit">"Войти"</button>
            </ActionForm>
            <p class=style::switch>"Нет аккаунта? " <a href="/register">"Зарегистрироваться"</a></p>
        </section>
    }
}
