use leptos::prelude::*;
use leptos_meta::Title;

use super::login_page::style;
use super::Register;
use crate::components::FormError;

/// `/register`: an account keeps progress across devices.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    view! {
        <Title text="Регистрация"/>
        <section class=style::panel>
            <h1>"Регистрация"</h1>
            <p class=style::lead>"Всё, что вы уже ответили как гость, останется с вами."</p>
            <ActionForm action>
                <label class=style::field>
                    <span>"Как вас называть"</span>
                    <input type="text" name="display_name" autocomplete="nickname" maxlength="60"/>
                </label>
                <label class=style::field>
                    <span>"E-mail"</span>
                    <input type="email" name="email" autocomplete="email" required/>
                </label>
                <label class=style::field>
                    <span>"Пароль"</span>
                    <input type="password" name="password" autocomplete="new-password" minlength="8" required/>
                    <small>"Не меньше 8 символов, буквы и цифры."</small>
                </label>
                <FormError result=action.value()/>
                <button class="button" type="submit">"Создать аккаунт"</button>
            </ActionForm>
            <p class=style::switch>"Уже есть аккаунт? " <a href="/login">"Войти"</a></p>
        </section>
    }
}
