//! A council's meetings: the calendar of its bodies, past and coming, and recording or
//! calling off a meeting (managers, the body's chair, deputy or moderator).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::a11y::{PageTitle, use_announcer};
use crate::components::{Checkbox, ErrorBox, Field, FormError, Select};
use crate::i18n::use_i18n;
use crate::pages::{Editing, loaded, today};
use crate::queries::{MeetingsOf, SaveMeeting, meetings_of, save_meeting};
use crate::submit::send;

#[component]
pub fn Meetings() -> impl IntoView {
    let i18n = use_i18n();
    // The meeting being changed, if any; `None` records a new one.
    let page = Editing::<meetings_of::MeetingsOfMeetings>::new();
    let data =
        crate::pages::of_municipality::<MeetingsOf>(page.version(), |m| meetings_of::Variables {
            municipality_id: m.id,
        });
    let editing = page.editing();
    let reload = move || page.reload();
    loaded(data, move |(m, data)| {
        let (id, name, slug) = (m.id, m.name, m.slug);
        let title = format!("{} – {}", i18n.t().council.meetings_title, name);
        let today = today();
        let (coming, past): (Vec<_>, Vec<_>) =
            data.meetings.iter().cloned().partition(|m| m.date >= today);
        let editable_bodies: Vec<(String, String)> = data
            .council_structure
            .bodies
            .iter()
            .filter(|b| b.can_edit)
            .map(|b| (b.id.clone(), b.name.clone()))
            .collect();
        let can_record = !editable_bodies.is_empty();
        let list = move |meetings: Vec<meetings_of::MeetingsOfMeetings>| {
            view! {
                <ul class="cards">
                    {meetings.into_iter().map(|m| {
                        let edit = m.clone();
                        view! {
                            <li class="card">
                                <h3>{m.title.clone()}</h3>
                                <p>
                                    {m.body_name.clone()} " · " {m.date.clone()}
                                    {m.start_time.clone().map(|t| view! { ", " {t.clone()} })}
                                    {(!m.location.is_empty()).then(|| view! { " · " {m.location.clone()} })}
                                </p>
                                {m.cancelled.then(|| view! { <p><strong>{move || i18n.t().council.meeting_cancelled}</strong></p> })}
                                {m.editable.then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| editing.set(Some(edit.clone()))>
                                        {move || i18n.t().council.change_meeting}
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        };
        view! {
            <PageTitle text=Signal::derive(move || title.clone()) />
            <p>
                <A href=format!("/kommunen/{slug}")>{name.clone()}</A>
                " · "
                <A href=format!("/kommunen/{slug}/rat")>{move || i18n.t().council.structure_link}</A>
            </p>
            <h2>{move || i18n.t().council.meetings_coming}</h2>
            {coming.is_empty().then(|| view! { <p>{move || i18n.t().council.no_meetings}</p> })}
            {list(coming)}
            <h2>{move || i18n.t().council.meetings_past}</h2>
            {past.is_empty().then(|| view! { <p>{move || i18n.t().council.no_meetings}</p> })}
            {list(past.into_iter().rev().collect())}
            {can_record.then(|| {
                let (id, bodies) = (id.clone(), editable_bodies.clone());
                move || {
                    let current = editing.get();
                    view! { <MeetingForm municipality=id.clone() bodies=bodies.clone() current done=reload /> }
                }
            })}
        }
    })
}

#[component]
fn MeetingForm(
    municipality: String,
    bodies: Vec<(String, String)>,
    current: Option<meetings_of::MeetingsOfMeetings>,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
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
    let title = RwSignal::new(
        current
            .as_ref()
            .map(|m| m.title.clone())
            .unwrap_or_default(),
    );
    let date = RwSignal::new(current.as_ref().map(|m| m.date.clone()).unwrap_or_default());
    let time = RwSignal::new(
        current
            .as_ref()
            .and_then(|m| m.start_time.clone())
            .unwrap_or_default(),
    );
    let location = RwSignal::new(
        current
            .as_ref()
            .map(|m| m.location.clone())
            .unwrap_or_default(),
    );
    let cancelled = RwSignal::new(current.as_ref().is_some_and(|m| m.cancelled));
    let options = Signal::derive(move || bodies.clone());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let variables = save_meeting::Variables {
            municipality_id: municipality.clone(),
            id: id.clone(),
            input: save_meeting::MeetingInput {
                body_id: body.get_untracked(),
                title: title.get_untracked(),
                date: date.get_untracked(),
                start_time: Some(time.get_untracked()).filter(|t| !t.is_empty()),
                location: location.get_untracked(),
                cancelled: cancelled.get_untracked(),
            },
        };
        send::<SaveMeeting>(i18n.0.get_untracked(), variables, error, announcer, done);
    };
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="meeting-form-heading">
            <h2 id="meeting-form-heading">{move || heading(i18n.t())}</h2>
            <ErrorBox error=error />
            <Select id="meeting-body" name="bodyId" label=|t| t.council.body value=body error=error options=options />
            <Field id="meeting-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <Field id="meeting-date" name="date" label=|t| t.council.meeting_date value=date error=error kind="date" required=true />
            <Field id="meeting-time" name="startTime" label=|t| t.council.meeting_time value=time error=error kind="time" />
            <Field id="meeting-location" name="location" label=|t| t.council.meeting_location value=location error=error />
            <Checkbox id="meeting-cancelled" label=|t| t.council.meeting_cancelled value=cancelled />
            <button type="submit">{move || i18n.t().common.save}</button>
        </form>
    }
}
