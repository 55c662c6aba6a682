//! Recording a meeting or changing one: its body and number in the body's series, when and
//! where it takes place (online too), whether it is public, where it stands and its topic; and
//! deleting a meeting recorded in error.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Meeting, optional};
use crate::a11y::use_announcer;
use crate::api;
use crate::components::{
    Checkbox, ErrorBox, Field, FormError, Select, SubmitButton, TextArea, code_choices,
    invalid_number,
};
use crate::i18n::{LangExt, use_i18n};
use crate::pages::{code, from_code};
use crate::queries::{
    DeleteMeeting, NextMeetingNumber, SaveMeeting, delete_meeting, next_meeting_number,
    save_meeting,
};
use crate::submit::{on_submit, save, send};

/// The statuses a meeting can have, as the API spells them, with their texts.
fn status_options() -> Signal<Vec<(String, String)>> {
    code_choices(
        None,
        &[
            ("PLANNED", |t| t.council.meeting_planned),
            ("INVITED", |t| t.council.meeting_invited),
            ("HELD", |t| t.council.meeting_held),
            ("CALLED_OFF", |t| t.council.meeting_called_off),
        ],
    )
}

/// A field's text from the meeting being changed; empty for a new one.
fn text(current: &Option<Meeting>, field: impl Fn(&Meeting) -> String) -> RwSignal<String> {
    RwSignal::new(current.as_ref().map(field).unwrap_or_default())
}

#[component]
pub(super) fn MeetingForm(
    municipality: String,
    bodies: Vec<(String, String)>,
    /// The ids of the public bodies: a new meeting starts as public as its body.
    public_bodies: Vec<String>,
    current: Option<Meeting>,
    done: impl Fn() + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let id = current.as_ref().map(|m| m.id.clone());
    let heading = if id.is_some() {
        |t: &'static crate::i18n::Texts| t.council.change_meeting
    } else {
        |t: &'static crate::i18n::Texts| t.council.record_meeting
    };
    let body = RwSignal::new(
        current
            .as_ref()
            .map(|m| m.body_id.clone())
            .or_else(|| bodies.first().map(|b| b.0.clone()))
            .unwrap_or_default(),
    );
    let number = text(&current, |m| {
        m.number.map(|n| n.to_string()).unwrap_or_default()
    });
    let title = text(&current, |m| m.title.clone());
    let date = text(&current, |m| m.date.clone());
    let time = text(&current, |m| m.start_time.clone().unwrap_or_default());
    let end = text(&current, |m| m.end_time.clone().unwrap_or_default());
    let location = text(&current, |m| m.location.clone());
    let link = text(&current, |m| m.online_link.clone().unwrap_or_default());
    let topic = text(&current, |m| m.topic.clone());
    let public = RwSignal::new(match &current {
        Some(m) => m.public,
        None => public_bodies.contains(&body.get_untracked()),
    });
    let status = RwSignal::new(
        current
            .as_ref()
            .map(|m| code(&m.status))
            .unwrap_or_else(|| "PLANNED".to_owned()),
    );
    if id.is_none() {
        // A new meeting gets the next number of its body's series and starts as public as its
        // body, again when the body changes; a body whose meetings are not numbered leaves the
        // number empty.
        let municipality = municipality.clone();
        Effect::new(move || {
            let chosen = body.get();
            if chosen.is_empty() {
                return;
            }
            public.set(public_bodies.contains(&chosen));
            let lang = i18n.0.get_untracked();
            let variables = next_meeting_number::Variables {
                municipality_id: municipality.clone(),
                body_id: chosen.clone(),
            };
            spawn_local(async move {
                if let Ok(data) = api::run::<NextMeetingNumber>(lang, variables).await {
                    // An answer for a body no longer chosen (or a form closed meanwhile) is
                    // not this form's any more.
                    if body.try_get_untracked().is_some_and(|b| b == chosen) {
                        number.set(
                            data.next_meeting_number
                                .map(|n| n.to_string())
                                .unwrap_or_default(),
                        );
                    }
                }
            });
        });
    }
    let options = Signal::derive(move || bodies.clone());
    let statuses = status_options();
    let changing = id.clone().map(|meeting| {
        let municipality = municipality.clone();
        let delete = move |_| {
            let variables = delete_meeting::Variables {
                municipality_id: municipality.clone(),
                id: meeting.clone(),
            };
            send::<DeleteMeeting>(i18n.0.get_untracked(), variables, error, announcer, done);
        };
        view! {
            <button type="button" class="secondary" on:click=move |_| cancel()>
                {move || i18n.t().common.cancel}
            </button>
            <button type="button" class="secondary" on:click=delete>
                {move || i18n.t().council.delete_meeting}
            </button>
        }
    });
    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let Some(status_value) = from_code::<save_meeting::MeetingStatus>(&status.get_untracked())
        else {
            return;
        };
        let number_value = match optional(number) {
            None => None,
            Some(typed) => match typed.trim().parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    error.set(Some(invalid_number("number", lang.texts())));
                    return;
                }
            },
        };
        let variables = save_meeting::Variables {
            municipality_id: municipality.clone(),
            id: id.clone(),
            input: save_meeting::MeetingInput {
                body_id: body.get_untracked(),
                title: title.get_untracked(),
                date: date.get_untracked(),
                start_time: optional(time),
                end_time: optional(end),
                location: location.get_untracked(),
                online_link: optional(link),
                public: Some(public.get_untracked()),
                status: status_value,
                topic: topic.get_untracked(),
                number: number_value,
            },
        };
        save::<SaveMeeting>(lang, variables, pending, error, announcer, done);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="meeting-form-heading">
            <h2 id="meeting-form-heading">{move || heading(i18n.t())}</h2>
            <ErrorBox error=error />
            <Select id="meeting-body" name="bodyId" label=|t| t.council.body value=body error=error options=options />
            <Field id="meeting-number" name="number" label=|t| t.council.meeting_number value=number error=error hint=|t| t.council.meeting_number_hint />
            <Field id="meeting-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <Field id="meeting-date" name="date" label=|t| t.council.meeting_date value=date error=error kind="date" required=true />
            <Field id="meeting-time" name="startTime" label=|t| t.council.meeting_time value=time error=error kind="time" />
            <Field id="meeting-end" name="endTime" label=|t| t.council.meeting_end value=end error=error kind="time" />
            <Field id="meeting-location" name="location" label=|t| t.council.meeting_location value=location error=error />
            <Field id="meeting-link" name="onlineLink" label=|t| t.council.meeting_link value=link error=error kind="url" />
            <Checkbox id="meeting-public" label=|t| t.council.meeting_public_check value=public />
            <Select id="meeting-status" name="status" label=|t| t.council.meeting_status value=status error=error options=statuses />
            <TextArea id="meeting-topic" label=|t| t.council.meeting_topic value=topic />
            <div class="actions">
                <SubmitButton pending=pending text=|t| t.common.save />
                {changing}
            </div>
        </form>
    }
}
