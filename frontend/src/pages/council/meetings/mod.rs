//! A council's meetings: the calendar of its bodies, past and coming, with their agendas and
//! participants; recording, changing or deleting a meeting and its agenda, inviting to it and
//! recording who attended (managers, the body's chair, deputy or moderator); writing, circulating
//! and approving its minutes; and the public page where an invitee answers.

mod agenda;
mod answer;
mod attendance;
mod documents;
mod feed;
mod form;
mod invitations;
mod minutes;
mod plan;
mod review;

use leptos::prelude::*;
use leptos_router::components::A;

use agenda::{Agenda, AgendaEditor};
use feed::PersonalFeed;
use form::MeetingForm;
use invitations::{InvitationEditor, Invitations, Participants, called_off};
use minutes::{MinutesEditor, MinutesText, MinutesToggle, takes_minutes};
use plan::{Plan, this_year};

pub use answer::MeetingAnswer;

use crate::a11y::PageTitle;
use crate::i18n::use_i18n;
use crate::pages::{Editing, loaded, today};
use crate::queries::{MeetingsOf, meetings_of};

/// A meeting as the page lists it, with its agenda.
type Meeting = meetings_of::MeetingsOfMeetings;

/// A field's text, `None` when nothing is typed.
fn optional(value: RwSignal<String>) -> Option<String> {
    Some(value.get_untracked()).filter(|v| !v.trim().is_empty())
}

#[component]
pub fn Meetings() -> impl IntoView {
    let i18n = use_i18n();
    // The meeting being changed, if any; `None` records a new one.
    let page = Editing::<Meeting>::new();
    // The meeting whose agenda is open for changes: one at a time, so that the agenda forms'
    // ids are unique on the page; it stays open while the list loads again after a save.
    let agenda_open = RwSignal::new(None::<String>);
    // The meeting whose minutes are open for changes: one at a time, as the agenda.
    let minutes_open = RwSignal::new(None::<String>);
    let invitations = Invitations::new();
    let data =
        crate::pages::of_municipality::<MeetingsOf>(page.version(), |m| meetings_of::Variables {
            municipality_id: m.id,
            year: this_year(),
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
        let public_bodies: Vec<String> = data
            .council_structure
            .bodies
            .iter()
            .filter(|b| b.public)
            .map(|b| b.id.clone())
            .collect();
        let can_record = !editable_bodies.is_empty();
        let people: Vec<(String, String)> = data
            .council_structure
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let municipality = id.clone();
        let list = move |meetings: Vec<Meeting>| {
            view! {
                <ul class="cards">
                    {meetings.into_iter().map(|m| view! {
                        <MeetingCard
                            meeting=m
                            municipality=municipality.clone()
                            editing=editing
                            agenda_open=agenda_open
                            minutes_open=minutes_open
                            invitations=invitations
                            people=people.clone()
                            reload=reload
                        />
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
                " · "
                <A href=format!("/kommunen/{slug}/empfehlungen")>{move || i18n.t().council.recommendations_link}</A>
                " · "
                // A file for calendar apps, not a page of the app: the router lets it pass.
                <a href=format!("/kalender/{slug}") rel="external">{move || i18n.t().council.calendar_feed}</a>
            </p>
            <Plan rows=data.meeting_plan.clone() />
            <PersonalFeed slug=slug.clone() />
            <h2>{move || i18n.t().council.meetings_coming}</h2>
            {coming.is_empty().then(|| view! { <p>{move || i18n.t().council.no_meetings}</p> })}
            {list(coming)}
            <h2>{move || i18n.t().council.meetings_past}</h2>
            {past.is_empty().then(|| view! { <p>{move || i18n.t().council.no_meetings}</p> })}
            {list(past.into_iter().rev().collect())}
            {can_record.then(|| {
                let (id, bodies) = (id.clone(), editable_bodies.clone());
                let public_bodies = public_bodies.clone();
                move || {
                    let current = editing.get();
                    view! {
                        <MeetingForm
                            municipality=id.clone()
                            bodies=bodies.clone()
                            public_bodies=public_bodies.clone()
                            current
                            done=reload
                            cancel=move || editing.set(None)
                        />
                    }
                }
            })}
        }
    })
}

/// One meeting of the list: its number and title, when and where, whether it is public, where
/// it stands, its agenda, participants and minutes; for those who may change it, the buttons to
/// change it and to open its agenda, its invitations and attendance, or its minutes, for changes.
#[component]
fn MeetingCard(
    meeting: Meeting,
    municipality: String,
    editing: RwSignal<Option<Meeting>>,
    agenda_open: RwSignal<Option<String>>,
    minutes_open: RwSignal<Option<String>>,
    invitations: Invitations,
    /// The people of the structure (id, name), for the attendance list.
    people: Vec<(String, String)>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let m = meeting;
    let edit = m.clone();
    let times = m.start_time.clone().map(|start| match &m.end_time {
        Some(end) => format!("{start}–{end}"),
        None => start,
    });
    let public = m.public;
    let open = {
        let id = m.id.clone();
        Signal::derive(move || agenda_open.get().as_deref() == Some(id.as_str()))
    };
    let toggle = {
        let id = m.id.clone();
        move |_| agenda_open.set((!open.get_untracked()).then(|| id.clone()))
    };
    let takes_invitations = !called_off(&m);
    let invitations_open = {
        let id = m.id.clone();
        Signal::derive(move || invitations.is_open(&id))
    };
    let toggle_invitations = {
        let id = m.id.clone();
        move |_| invitations.toggle(&id)
    };
    let invitation_editor = {
        let (municipality, meeting) = (municipality.clone(), m.clone());
        move || {
            (takes_invitations && invitations_open.get()).then(|| {
                view! {
                    <InvitationEditor
                        municipality=municipality.clone()
                        meeting=meeting.clone()
                        people=people.clone()
                        state=invitations
                        reload=reload
                    />
                }
            })
        }
    };
    let participants_of = format!("{} {}", m.title, m.date);
    let minutes = view! {
        <MinutesText municipality=municipality.clone() meeting=m.id.clone() versions=m.minutes.clone() />
    };
    let writes_minutes = takes_minutes(&m);
    let minutes_editor = writes_minutes.then(|| {
        view! {
            <MinutesEditor municipality=municipality.clone() meeting=m.clone() open=minutes_open reload=reload />
        }
    });
    let agenda_of = municipality.clone();
    let editor = {
        let (id, items) = (m.id.clone(), m.agenda.clone());
        move || {
            open.get().then(|| {
                view! {
                    <AgendaEditor
                        municipality=municipality.clone()
                        meeting=id.clone()
                        public
                        items=items.clone()
                        reload=reload
                    />
                }
            })
        }
    };
    view! {
        <li class="card">
            <h3>{m.number.map(|n| format!("{n}. "))} {m.title.clone()}</h3>
            <p>
                {m.body_name.clone()} " · " {m.date.clone()}
                {times.map(|t| view! { ", " {t} })}
                {(!m.location.is_empty()).then(|| view! { " · " {m.location.clone()} })}
            </p>
            {m.online_link.clone().map(|link| view! {
                <p>{move || i18n.t().council.meeting_link} ": " <a href=link.clone()>{link.clone()}</a></p>
            })}
            <p class="status-line">
                <strong>{m.status_label.clone()}</strong>
                " · "
                {move || if public { i18n.t().council.meeting_public } else { i18n.t().council.meeting_internal }}
            </p>
            {(!m.topic.is_empty()).then(|| view! { <p>{m.topic.clone()}</p> })}
            <Agenda municipality=agenda_of items=m.agenda.clone() />
            <Participants meeting=participants_of participants=m.participants.clone() />
            {minutes}
            {m.editable.then(|| view! {
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| editing.set(Some(edit.clone()))>
                        {move || i18n.t().council.change_meeting}
                    </button>
                    <button type="button" class="secondary" aria-expanded=move || open.get().to_string() on:click=toggle>
                        {move || i18n.t().council.edit_agenda}
                        <span class="visually-hidden">" " {m.title.clone()}</span>
                    </button>
                    {takes_invitations.then(|| view! {
                        <button type="button" class="secondary" aria-expanded=move || invitations_open.get().to_string() on:click=toggle_invitations>
                            {move || i18n.t().council.invitations_toggle}
                            <span class="visually-hidden">" " {m.title.clone()}</span>
                        </button>
                    })}
                    {writes_minutes.then(|| view! {
                        <MinutesToggle meeting=m.id.clone() title=m.title.clone() open=minutes_open />
                    })}
                </div>
                {editor}
                {invitation_editor}
                {minutes_editor}
            })}
        </li>
    }
}
