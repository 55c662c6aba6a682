//! Where a meeting's minutes go once written: the draft is sent to the body's members for
//! review, the body's approval is recorded (the version is frozen from then), and approved
//! minutes are corrected as a new version.

use leptos::prelude::*;

use crate::a11y::use_announcer;
use crate::components::{ErrorBox, Field, FormError, SubmitButton};
use crate::i18n::use_i18n;
use crate::pages::today;
use crate::queries::{
    ApproveMinutes, CirculateMinutes, CorrectMinutes, approve_minutes, circulate_minutes,
    correct_minutes,
};
use crate::submit::{on_submit, save, send};

/// What the latest version can go through next: a draft is sent for review; a draft or a
/// version out for review is recorded as approved; an approved one is corrected as a new
/// version. Nothing before the first version.
#[component]
pub(super) fn MinutesSteps(
    municipality: String,
    meeting: String,
    /// The latest version's status as the API spells it; empty when there is none.
    status: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let approved_on = RwSignal::new(today());
    let draft = status == "DRAFT";
    let circulate = {
        let (municipality, meeting) = (municipality.clone(), meeting.clone());
        move |_| {
            let variables = circulate_minutes::Variables {
                municipality_id: municipality.clone(),
                meeting_id: meeting.clone(),
            };
            send::<CirculateMinutes>(i18n.0.get_untracked(), variables, error, announcer, reload);
        }
    };
    let correct = {
        let (municipality, meeting) = (municipality.clone(), meeting.clone());
        move |_| {
            let variables = correct_minutes::Variables {
                municipality_id: municipality.clone(),
                meeting_id: meeting.clone(),
            };
            send::<CorrectMinutes>(i18n.0.get_untracked(), variables, error, announcer, reload);
        }
    };
    let approve = on_submit(pending, move || {
        let variables = approve_minutes::Variables {
            municipality_id: municipality.clone(),
            meeting_id: meeting.clone(),
            approved_on: approved_on.get_untracked(),
        };
        let lang = i18n.0.get_untracked();
        save::<ApproveMinutes>(lang, variables, pending, error, announcer, reload);
    });
    if status == "APPROVED" {
        view! {
            <section class="edit wide" aria-labelledby="minutes-correct-heading">
                <h4 id="minutes-correct-heading">{move || i18n.t().council.minutes_correct_title}</h4>
                <p class="hint">{move || i18n.t().council.minutes_frozen_hint}</p>
                <ErrorBox error=error />
                <div class="actions">
                    <button type="button" on:click=correct>{move || i18n.t().council.minutes_correct}</button>
                </div>
            </section>
        }
        .into_any()
    } else if draft || status == "CIRCULATED" {
        view! {
            <form class="edit wide" on:submit=approve aria-labelledby="minutes-approve-heading">
                <h4 id="minutes-approve-heading">{move || i18n.t().council.minutes_approve_title}</h4>
                <ErrorBox error=error />
                {draft.then(|| view! {
                    <p class="hint">{move || i18n.t().council.minutes_circulate_hint}</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=circulate>
                            {move || i18n.t().council.minutes_circulate}
                        </button>
                    </div>
                })}
                <Field id="minutes-approved-on" name="approvedOn" kind="date" label=|t| t.council.minutes_approved_on value=approved_on error=error required=true />
                <SubmitButton pending=pending text=|t| t.council.minutes_approve />
            </form>
        }
        .into_any()
    } else {
        ().into_any()
    }
}
