//! The page the answer link of a meeting invitation opens (`/teilnahme#<token>`): the meeting
//! as the invitation describes it, and accepting, declining or a maybe. No account is needed;
//! the link is the proof, so, like the account links, its token travels in the fragment.

use leptos::prelude::*;

use crate::a11y::PageTitle;
use crate::api;
use crate::components::{ErrorBox, FormError};
use crate::i18n::{Texts, use_i18n};
use crate::pages::accounts::take_link_token;
use crate::pages::{code, from_code, german_date};
use crate::queries::{
    AnswerInvitation, InvitationAnswer as AnswerQuery, answer_invitation, invitation_answer,
};
use crate::submit::submit_call;

/// The meeting as its invitee sees it.
type Invitation = invitation_answer::InvitationAnswerInvitationAnswer;

/// The answers as the API spells them, in the order the buttons offer them.
const ANSWERS: [&str; 3] = ["YES", "NO", "MAYBE"];

/// An answer's word ("Zusage").
fn answer_label(t: &'static Texts, answer: &str) -> &'static str {
    match answer {
        "YES" => t.council.answer_yes,
        "NO" => t.council.answer_no,
        _ => t.council.answer_maybe,
    }
}

/// What the invitation says: the meeting, who is invited and the answer given so far.
fn facts(invitation: Invitation, current: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let invitation_answer::InvitationAnswerInvitationAnswer {
        municipality_name,
        body_name,
        title,
        date,
        start_time,
        end_time,
        location,
        online_link,
        name,
        ..
    } = invitation;
    let time = start_time.map(|start| match end_time {
        Some(end) => format!("{start}–{end}"),
        None => start,
    });
    view! {
        <h2 id="answer-meeting-heading">{move || i18n.t().council.answer_invitation} ": " {title}</h2>
        <dl class="facts">
            <dt>{move || i18n.t().council.body}</dt>
            <dd>{body_name}</dd>
            <dt>{move || i18n.t().council.answer_municipality}</dt>
            <dd>{municipality_name}</dd>
            <dt>{move || i18n.t().council.meeting_date}</dt>
            <dd>{german_date(&date)}</dd>
            {time.map(|time| view! {
                <dt>{move || i18n.t().council.answer_time}</dt>
                <dd>{time}</dd>
            })}
            {(!location.is_empty()).then(|| view! {
                <dt>{move || i18n.t().council.meeting_location}</dt>
                <dd>{location.clone()}</dd>
            })}
            {online_link.map(|link| view! {
                <dt>{move || i18n.t().council.meeting_link}</dt>
                <dd><a href=link.clone()>{link.clone()}</a></dd>
            })}
            <dt>{move || i18n.t().council.answer_invitee}</dt>
            <dd>{name}</dd>
            <dt>{move || i18n.t().council.answer_current}</dt>
            <dd>{move || match current.get() {
                Some(answer) => answer_label(i18n.t(), &answer),
                None => i18n.t().council.answer_none,
            }}</dd>
        </dl>
    }
}

/// The answer page: open to anyone with the link, logged in or not.
#[component]
pub fn MeetingAnswer() -> impl IntoView {
    let i18n = use_i18n();
    let token = take_link_token();
    let has_token = token.is_some();
    let error: FormError = RwSignal::new(None);
    let loading = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let invitation = RwSignal::new(None::<Invitation>);
    // The answer given so far, as the API spells it; it follows each answer sent.
    let current = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    if let Some(token) = token.clone() {
        let variables = invitation_answer::Variables { token };
        let call = api::run::<AnswerQuery>(i18n.0.get_untracked(), variables);
        submit_call(loading, error, call, move |data| {
            let found = data.invitation_answer;
            current.set(found.response.as_ref().map(code));
            invitation.set(Some(found));
        });
    }
    let answer = move |response: &'static str| {
        let Some(token) = token.clone() else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        let Some(value) = from_code::<answer_invitation::InvitationResponse>(response) else {
            return;
        };
        saved.set(false);
        let variables = answer_invitation::Variables {
            token,
            response: value,
        };
        let call = api::run::<AnswerInvitation>(i18n.0.get_untracked(), variables);
        submit_call(pending, error, call, move |data| {
            let given = data.answer_invitation.response.as_ref().map(code);
            current.set(given.or_else(|| Some(response.to_owned())));
            saved.set(true);
        });
    };
    let content = move || {
        invitation.get().map(|found| {
            let called_off = code(&found.status) == "CALLED_OFF";
            let answer = answer.clone();
            let choices = if called_off {
                view! { <p><strong>{move || i18n.t().council.answer_called_off}</strong></p> }
                    .into_any()
            } else {
                view! {
                    <div>
                        <p id="answer-question">{move || i18n.t().council.answer_question}</p>
                        <div class="actions" role="group" aria-labelledby="answer-question">
                            {ANSWERS.into_iter().map(|response| {
                                let answer = answer.clone();
                                view! {
                                    <button type="button" disabled=move || pending.get() on:click=move |_| answer(response)>
                                        {move || answer_label(i18n.t(), response)}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                    </div>
                }
                    .into_any()
            };
            view! {
                <section class="card" aria-labelledby="answer-meeting-heading">
                    {facts(found, current)}
                    {choices}
                </section>
            }
        })
    };
    let confirmation = move || {
        saved.get().then(|| {
            let t = i18n.t();
            let given = current
                .get()
                .map(|a| answer_label(t, &a))
                .unwrap_or_default();
            format!("{}: {given}", t.council.answer_saved)
        })
    };
    view! {
        <PageTitle text=crate::pages::title(|t| t.council.answer_title) />
        {(!has_token).then(|| view! {
            <div class="error-box" role="alert">
                <p>{move || i18n.t().accounts.link_incomplete}</p>
            </div>
        })}
        <ErrorBox error=error />
        {move || loading.get().then(|| view! { <p aria-busy="true">{move || i18n.t().common.loading}</p> })}
        {content}
        <p class="notice" role="status">{confirmation}</p>
    }
}
