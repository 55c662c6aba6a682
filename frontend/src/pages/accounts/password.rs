//! Setting a password from a mailed link (invitation or reset), and asking for a reset link.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::a11y::PageTitle;
use crate::api;
use crate::components::{ErrorBox, Field, FormError, SubmitButton, Text};
use crate::i18n::use_i18n;
use crate::queries::{
    AcceptInvitation as AcceptMutation, RequestPasswordReset, ResetPassword as ResetMutation,
    accept_invitation, request_password_reset, reset_password,
};
use crate::session::use_session;
use crate::submit::{on_submit, submit_call};

#[component]
pub fn ForgotPassword() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);

    let submit = on_submit(pending, move || {
        let variables = request_password_reset::Variables {
            email: email.get_untracked(),
        };
        let call = api::run::<RequestPasswordReset>(i18n.0.get_untracked(), variables);
        submit_call(pending, error, call, move |_| sent.set(true));
    });

    view! {
        <PageTitle text=crate::pages::title(|t| t.accounts.forgot_title) />
        <p>{move || i18n.t().accounts.forgot_intro}</p>
        <form class="narrow" on:submit=submit>
            <ErrorBox error=error />
            <Field
                id="forgot-email"
                name="email"
                kind="email"
                autocomplete="username"
                label=|t| t.common.email
                value=email
                error=error
                required=true
            />
            <SubmitButton pending=pending text=|t| t.accounts.forgot_submit />
        </form>
        <p class="notice" role="status">
            {move || sent.get().then(|| i18n.t().accounts.forgot_sent)}
        </p>
        <p>
            <A href="/anmelden">{move || i18n.t().accounts.back_to_login}</A>
        </p>
    }
}

/// The token of a mailed link. It travels in the fragment (never sent to a server, so not in
/// any access log) and is removed from the address bar at once, so it stays out of history.
pub(crate) fn take_link_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let token = location.hash().ok()?.trim_start_matches('#').to_owned();
    if let (Ok(history), Ok(path)) = (window.history(), location.pathname()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    (!token.is_empty()).then_some(token)
}

/// Which link a [`SetPassword`] form answers.
#[derive(Debug, Clone, Copy)]
enum Link {
    Invitation,
    Reset,
}

/// Both links end the same way: a new password, and logged in.
#[component]
fn SetPassword(link: Link, title: Text, intro: Option<Text>, submit_text: Text) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let token = take_link_token();
    let password = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let has_token = token.is_some();

    let submit = on_submit(pending, move || {
        let Some(token) = token.clone() else {
            return;
        };
        let lang = i18n.0.get_untracked();
        let password_value = password.get_untracked();
        let navigate = navigate.clone();
        let call = async move {
            match link {
                Link::Invitation => {
                    let variables = accept_invitation::Variables {
                        token,
                        password: password_value,
                    };
                    api::run::<AcceptMutation>(lang, variables).await.map(drop)
                }
                Link::Reset => {
                    let variables = reset_password::Variables {
                        token,
                        password: password_value,
                    };
                    api::run::<ResetMutation>(lang, variables).await.map(drop)
                }
            }?;
            password.set(String::new());
            session.load(lang).await;
            Ok(())
        };
        submit_call(pending, error, call, move |()| {
            navigate("/", Default::default())
        });
    });

    view! {
        <PageTitle text=crate::pages::title(title) />
        {intro.map(|intro| view! { <p>{move || intro(i18n.t())}</p> })}
        {if has_token {
            view! {
                <form class="narrow" on:submit=submit>
                    <ErrorBox error=error />
                    <Field
                        id="new-password"
                        name="password"
                        kind="password"
                        autocomplete="new-password"
                        label=|t| t.accounts.new_password
                        hint=|t| t.accounts.password_hint
                        value=password
                        error=error
                        required=true
                    />
                    <SubmitButton pending=pending text=submit_text />
                </form>
            }
                .into_any()
        } else {
            view! {
                <div class="error-box" role="alert">
                    <p>{move || i18n.t().accounts.link_incomplete}</p>
                </div>
            }
                .into_any()
        }}
    }
}

#[component]
pub fn ResetPassword() -> impl IntoView {
    view! {
        <SetPassword
            link=Link::Reset
            title=|t| t.accounts.reset_title
            intro=None
            submit_text=|t| t.accounts.reset_submit
        />
    }
}

#[component]
pub fn AcceptInvitation() -> impl IntoView {
    view! {
        <SetPassword
            link=Link::Invitation
            title=|t| t.accounts.invitation_title
            intro=Some(|t| t.accounts.invitation_intro)
            submit_text=|t| t.accounts.invitation_submit
        />
    }
}
