use leptos::prelude::*;
use leptos_meta::Title;

use crate::pwa::InstallCard;

use super::{get_profile, ProfileView, UpdateProfile};
use crate::auth::{ChangePassword, Logout, LogoutOthers};
use crate::components::{shown, FormError, Loading, Stars};

stylance::import_style!(style, "profile.module.css");

/// `/profile`: name, XP, streaks, the week, mastery per profession and grade.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let update = ServerAction::<UpdateProfile>::new();
    let profile = Resource::new(move || update.version().get(), |_| get_profile());
    view! {
        <Title text="Профиль"/>
        <Transition fallback=Loading>{shown(profile, move |p| view! { <ProfileBody p update/> })}</Transition>
        <InstallCard/>
    }
}

#[component]
fn ProfileBody(p: ProfileView, update: ServerAction<UpdateProfile>) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let max = p.week.iter().map(|d| d.answers).max().unwrap_or(0).max(1);
    view! {
        <header class=style::header>
            <div class=style::avatar aria-hidden="true">{p.display_name.chars().next().unwrap_or('?').to_uppercase().to_string()}</div>
            <div>
                <h1>{p.display_name.clone()}</h1>
                <p>{match p.email.clone() {
                    Some(email) => email,
                    None if p.has_learner => "Гость: прогресс хранится только в этом браузере".into(),
                    None => "Вы ещё не ответили ни на одно упражнение".into(),
                }}</p>
            </div>
        </header>
        {p.email.is_none().then(|| view! {
            <p class=style::guest>
                <a class="button" href="/register">"Создать аккаунт"</a>
                <a class="button button-secondary" href="/login">"Войти"</a>
            </p>
        })}
        <ul class=style::stats aria-label="Статистика">
            <li><strong>{p.xp}</strong><span>"XP"</span></li>
            <li><strong>{p.streak_current}</strong><span>"дней подряд"</span></li>
            <li><strong>{p.streak_longest}</strong><span>"рекорд серии"</span></li>
            <li><strong>{p.answers}</strong><span>"ответов"</span></li>
        </ul>
        <section aria-labelledby="week-title" class=style::section>
            <h2 id="week-title">"Последние 7 дней"</h2>
            <ol class=style::week>
                {p.week.into_iter().map(|d| {
                    let height = 8 + (d.answers * 72 / max);
                    let label = format!("{} {}: ответов {}", d.weekday, d.date, d.answers);
                    view! {
                        <li aria-label=label>
                            <span class=style::count>{d.answers}</span>
                            <span class=style::bar style=format!("height:{height}px") data-active=(d.answers > 0).to_string()></span>
                            <span class=style::day>{d.weekday}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        <section aria-labelledby="mastery-title" class=style::section>
            <h2 id="mastery-title">"Освоение"</h2>
            {p.professions.into_iter().map(|prof| view! {
                <article class=style::profession>
                    <h3><a href=format!("/professions/{}", prof.slug)>{prof.title}</a></h3>
                    <Stars value=prof.stars/>
                    <ul>
                        {prof.grades.into_iter().map(|g| view! {
                            <li>
                                <a href=format!("/professions/{}/{}", prof.slug, g.slug)>{g.level.title()}</a>
                                <Stars value=g.stars/>
                                <span>{format!("{} %", g.percent)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </article>
            }).collect_view()}
        </section>
        <section aria-labelledby="settings-title" class=style::section>
            <h2 id="settings-title">"Настройки"</h2>
            <ActionForm action=update attr:class=style::settings>
                <label>
                    <span>"Имя"</span>
                    <input name="display_name" value=p.display_name maxlength="60" required/>
                </label>
                <label>
                    <span>"Часовой пояс (для серии дней)"</span>
                    <input name="time_zone" value=p.time_zone required/>
                </label>
                <FormError result=update.value()/>
                <button class="button" type="submit">"Сохранить"</button>
            </ActionForm>
            {p.role.can_author().then(|| view! {
                <p><a class="button button-secondary" href="/admin">"Авторская: редактировать контент"</a></p>
            })}
            {p.email.is_some().then(|| view! {
                <ActionForm action=logout>
                    <button class="button button-secondary" type="submit">"Выйти"</button>
                </ActionForm>
            })}
        </section>
        {p.email.is_some().then(|| view! { <Security/> })}
    }
}

/// «Сменить пароль» and «Выйти на других устройствах», for accounts.
#[component]
fn Security() -> impl IntoView {
    let password = ServerAction::<ChangePassword>::new();
    let others = ServerAction::<LogoutOthers>::new();
    let query = leptos_router::hooks::use_query_map();
    let done = move || {
        query.with(|q| match q.get("security").as_deref() {
            Some("password") => Some("Пароль изменён. На других устройствах нужно войти заново."),
            Some("others") => Some("Готово: на других устройствах вы вышли из аккаунта."),
            _ => None,
        })
    };
    view! {
        <section aria-labelledby="security-title" class=style::section>
            <h2 id="security-title">"Безопасность"</h2>
            {move || done().map(|text| view! { <p role="status">{text}</p> })}
            <ActionForm action=password attr:class=style::settings attr:aria-label="Сменить пароль">
                <label>
                    <span>"Текущий пароль"</span>
                    <input type="password" name="current_password" autocomplete="current-password" required/>
                </label>
                <label>
                    <span>"Новый пароль (от 8 символов, буквы и цифры)"</span>
                    <input type="password" name="new_password" autocomplete="new-password" minlength="8" required/>
                </label>
                <FormError result=password.value()/>
                <button class="button" type="submit">"Сменить пароль"</button>
            </ActionForm>
            <ActionForm action=others>
                <FormError result=others.value()/>
                <button class="button button-secondary" type="submit">"Выйти на других устройствах"</button>
            </ActionForm>
        </section>
    }
}
