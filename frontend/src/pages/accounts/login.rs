//! Logging in, and going on to the page that asked for it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::a11y::PageTitle;
use crate::api;
use crate::components::{ErrorBox, Field, FormError, SubmitButton};
use crate::i18n::use_i18n;
use crate::queries::{Login as LoginMutation, login};
use crate::session::use_session;
use crate::submit::{on_submit, submit_call};

/// Where to go after logging in: the `weiter` parameter when it is a path of this app.
fn next_path(requested: Option<String>) -> String {
    requested
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned())
}

#[component]
pub fn Login() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);

    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let variables = login::Variables {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        let next = next_path(query.with_untracked(|q| q.get("weiter")));
        let navigate = navigate.clone();
        let call = async move {
            api::run::<LoginMutation>(lang, variables).await?;
            password.set(String::new());
            session.load(lang).await;
            Ok(())
        };
        submit_call(pending, error, call, move |()| {
            navigate(&next, Default::default());
        });
    });

    view! {
        <PageTitle text=crate::pages::title(|t| t.accounts.login_title) />
        <form class="narrow" on:submit=submit>
            <ErrorBox error=error />
            <Field
                id="login-email"
                name="email"
                kind="email"
                autocomplete="username"
                label=|t| t.common.email
                value=email
                error=error
                required=true
            />
            <Field
                id="login-password"
                name="password"
                kind="password"
                autocomplete="current-password"
                label=|t| t.accounts.password
                value=password
                error=error
                required=true
            />
            <SubmitButton pending=pending text=|t| t.accounts.login_submit />
        </form>
        <p>
            <A href="/passwort-vergessen">{move || i18n.t().accounts.forgot_password}</A>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::next_path;

    #[test]
    fn only_paths_of_this_app_are_followed_after_login() {
        assert_eq!(
            next_path(Some("/kommunen/zwickau".into())),
            "/kommunen/zwickau"
        );
        assert_eq!(next_path(Some("//evil.example".into())), "/");
        assert_eq!(next_path(Some("https://evil.example".into())), "/");
        assert_eq!(next_path(None), "/");
    }
}
