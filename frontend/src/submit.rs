//! Sending what a form or button asks for. Every form does it the same way: the form's error is
//! cleared first, the call runs in the background, a failure is shown by the form (which keeps
//! what was typed) and a success runs what the form does next. These functions hold that one
//! way, so that no page writes it again.

use std::future::Future;

use graphql_client::GraphQLQuery;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::a11y::Announcer;
use crate::api::{self, ApiError};
use crate::components::{FormError, Text};
use crate::i18n::{Lang, LangExt};

/// An operation these functions send: what they need of it to run it in the background.
pub trait Mutation:
    GraphQLQuery<Variables: 'static, ResponseData: DeserializeOwned> + 'static
{
}

impl<Q> Mutation for Q where
    Q: GraphQLQuery<Variables: 'static, ResponseData: DeserializeOwned> + 'static
{
}

/// A form's submit handler: the browser does not send the form itself, and a submit while
/// the last call is `pending` is ignored; else `send` runs.
pub fn on_submit(
    pending: RwSignal<bool>,
    mut send: impl FnMut() + 'static,
) -> impl FnMut(SubmitEvent) + 'static {
    move |ev: SubmitEvent| {
        ev.prevent_default();
        if !pending.get_untracked() {
            send();
        }
    }
}

/// Runs a form's `call`, one at a time: `pending` holds while it runs (the form disables its
/// submit button by it and ignores a second submit). On success `done` gets the answer.
pub fn submit_call<T: 'static>(
    pending: RwSignal<bool>,
    error: FormError,
    call: impl Future<Output = Result<T, ApiError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    spawn(Some(pending), error, call, done);
}

/// Sends a form's mutation like [`save`], for forms that do not mark the call as pending.
pub fn send<Q: Mutation>(
    lang: Lang,
    variables: Q::Variables,
    error: FormError,
    announcer: Announcer,
    done: impl FnOnce() + 'static,
) {
    let call = api::run::<Q>(lang, variables);
    spawn(None, error, call, saved(lang, announcer, done));
}

/// Sends the mutation of a form that stays open for the next entry, like [`send`]: on success
/// the `cleared` fields are emptied for it before `done` runs.
pub fn send_clearing<Q: Mutation>(
    lang: Lang,
    variables: Q::Variables,
    error: FormError,
    announcer: Announcer,
    cleared: impl IntoIterator<Item = RwSignal<String>> + 'static,
    done: impl FnOnce() + 'static,
) {
    send::<Q>(lang, variables, error, announcer, move || {
        for field in cleared {
            field.set(String::new());
        }
        done();
    });
}

/// Sends a form's mutation with [`submit_call`]: on success the change is announced and `done`
/// runs (a reload, clearing or closing the form).
pub fn save<Q: Mutation>(
    lang: Lang,
    variables: Q::Variables,
    pending: RwSignal<bool>,
    error: FormError,
    announcer: Announcer,
    done: impl FnOnce() + 'static,
) {
    let call = api::run::<Q>(lang, variables);
    spawn(Some(pending), error, call, saved(lang, announcer, done));
}

/// Sends the mutation of a button or small form that has no error box: the outcome is
/// announced, `said` on success (then `done` runs), else the error's message.
pub fn announce<Q: Mutation>(
    lang: Lang,
    variables: Q::Variables,
    announcer: Announcer,
    said: Text,
    done: impl FnOnce() + 'static,
) {
    leptos::task::spawn_local(async move {
        match api::run::<Q>(lang, variables).await {
            Ok(_) => {
                announcer.say(said(lang.texts()).to_owned());
                done();
            }
            Err(err) => announcer.say(err.message(lang.texts())),
        }
    });
}

/// What a saved change does: say so, then `done`.
fn saved<T>(lang: Lang, announcer: Announcer, done: impl FnOnce()) -> impl FnOnce(T) {
    move |_| {
        announcer.say(lang.texts().common.saved.to_owned());
        done();
    }
}

fn spawn<T: 'static>(
    pending: Option<RwSignal<bool>>,
    error: FormError,
    call: impl Future<Output = Result<T, ApiError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    if let Some(pending) = pending {
        pending.set(true);
    }
    error.set(None);
    leptos::task::spawn_local(async move {
        match call.await {
            Ok(answer) => done(answer),
            Err(err) => error.set(Some(err)),
        }
        if let Some(pending) = pending {
            pending.set(false);
        }
    });
}
