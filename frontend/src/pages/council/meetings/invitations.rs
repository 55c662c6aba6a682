//! Who takes part in a meeting: the invitees with their answers and attendance, as the body's
//! members see them; and for those who may change the meeting, sending the invitations (to the
//! body's members and any guests) and, from the meeting's day on, recording who attended.

use leptos::prelude::*;

use super::Meeting;
use super::attendance::AttendanceForm;
use crate::a11y::use_announcer;
use crate::api::{self, ApiError};
use crate::components::{ErrorBox, Field, FormError, SubmitButton};
use crate::i18n::{LangExt, use_i18n};
use crate::pages::{code, today};
use crate::queries::{SendInvitations, meetings_of, send_invitations};
use crate::submit::{on_submit, submit_call};

/// An invitee of a meeting, or someone recorded as attending it.
pub(super) type Participant = meetings_of::MeetingsOfMeetingsParticipants;

/// What the last sending of invitations did. The page keeps it, not the form: the list loads
/// again after the sending and makes its cards anew, and the count and the members without an
/// address must stay in view.
#[derive(Debug, Clone, PartialEq)]
struct Sent {
    meeting: String,
    mails: i64,
    without_email: Vec<String>,
}

/// The page's state of its cards' invitation part, which outlives the cards (see [`Sent`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Invitations {
    /// The meeting whose invitations and attendance are open for changes: one at a time, so
    /// that the forms' ids are unique on the page; it stays open while the list loads again.
    open: RwSignal<Option<String>>,
    sent: RwSignal<Option<Sent>>,
}

impl Invitations {
    pub(super) fn new() -> Self {
        Self {
            open: RwSignal::new(None),
            sent: RwSignal::new(None),
        }
    }

    /// Whether `meeting`'s invitations are open for changes (tracked).
    pub(super) fn is_open(self, meeting: &str) -> bool {
        self.open.with(|open| open.as_deref() == Some(meeting))
    }

    /// Opens `meeting`'s invitations, or closes them when they are open.
    pub(super) fn toggle(self, meeting: &str) {
        let open = self.is_open_untracked(meeting);
        self.open.set((!open).then(|| meeting.to_owned()));
    }

    fn is_open_untracked(self, meeting: &str) -> bool {
        self.open
            .with_untracked(|open| open.as_deref() == Some(meeting))
    }
}

/// The invitees of a meeting with their answers and attendance, read-only; nothing for those
/// the API shows none (they are neither in the body nor edit the meeting).
#[component]
pub(super) fn Participants(
    /// Tells this meeting's table apart from the other cards' (title and date).
    meeting: String,
    participants: Vec<Participant>,
) -> impl IntoView {
    let i18n = use_i18n();
    (!participants.is_empty()).then(|| {
        let region = move || format!("{}: {meeting}", i18n.t().council.participants_title);
        view! {
            <div class="table-scroll" role="region" aria-label=region tabindex="0">
                <table>
                    <caption>{move || i18n.t().council.participants_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().common.name}</th>
                            <th scope="col">{move || i18n.t().council.participant_answer}</th>
                            <th scope="col">{move || i18n.t().council.participant_attendance}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {participants.into_iter().map(|p| {
                            let (invited, answer, attendance) = (p.invited, p.response_label, p.attendance_label);
                            view! {
                                <tr>
                                    <th scope="row">
                                        {p.name}
                                        {p.guest.then(|| view! { " (" {move || i18n.t().council.participant_guest} ")" })}
                                    </th>
                                    <td>{move || answer.clone().unwrap_or_else(|| {
                                        let t = &i18n.t().council;
                                        let text = if invited { t.no_answer } else { t.not_invited };
                                        text.to_owned()
                                    })}</td>
                                    <td>{attendance.unwrap_or_else(|| "–".to_owned())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

/// A meeting's invitations and attendance open for changes: sending the invitations and,
/// from the meeting's day on, the attendance list. Not for a meeting called off (the API
/// refuses both).
#[component]
pub(super) fn InvitationEditor(
    municipality: String,
    meeting: Meeting,
    /// The people of the structure (id, name), for the attendance list.
    people: Vec<(String, String)>,
    state: Invitations,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let invited = meeting.participants.iter().any(|p| p.invited);
    let attendance_due = meeting.date <= today();
    let attendance = attendance_due.then(|| {
        view! {
            <AttendanceForm
                municipality=municipality.clone()
                meeting=meeting.id.clone()
                participants=meeting.participants.clone()
                people
                reload
            />
        }
    });
    view! {
        <div class="invitation-editor">
            <SendForm municipality meeting=meeting.id.clone() invited state reload />
            {attendance}
        </div>
    }
}

/// Whether a meeting is called off: it takes neither invitations nor attendance.
pub(super) fn called_off(meeting: &Meeting) -> bool {
    code(&meeting.status) == "CALLED_OFF"
}

/// A guest on the list to invite; `key` tells the rows apart for removing one.
#[derive(Debug, Clone)]
struct Guest {
    key: u32,
    name: String,
    email: String,
}

/// The error for a guest typed half (name without address or the other way round), shaped
/// like the API's so that it shows at the field.
fn incomplete_guest(field: &str, message: &str) -> ApiError {
    ApiError::Refused {
        code: "VALIDATION".to_owned(),
        message: message.to_owned(),
        field: Some(field.to_owned()),
    }
}

/// Sending the invitations, with guests added one at a time; a guest typed but not yet added
/// is taken along, so that pressing "send" does not forget them.
#[component]
fn SendForm(
    municipality: String,
    meeting: String,
    /// Whether invitations went out already: sending again invites everyone again.
    invited: bool,
    state: Invitations,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [name, email] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let guests = RwSignal::new(Vec::<Guest>::new());
    let next_key = RwSignal::new(0_u32);
    // Puts the typed guest on the list; false (the form then says why) when half typed.
    let take_guest = move || {
        let (typed_name, typed_email) = (name.get_untracked(), email.get_untracked());
        let (typed_name, typed_email) = (typed_name.trim(), typed_email.trim());
        if typed_name.is_empty() && typed_email.is_empty() {
            return true;
        }
        let message = i18n.0.get_untracked().texts().council.guest_incomplete;
        if typed_name.is_empty() || typed_email.is_empty() {
            let field = if typed_name.is_empty() {
                "guestName"
            } else {
                "guestEmail"
            };
            error.set(Some(incomplete_guest(field, message)));
            return false;
        }
        let key = next_key.get_untracked();
        next_key.set(key + 1);
        let guest = Guest {
            key,
            name: typed_name.to_owned(),
            email: typed_email.to_owned(),
        };
        guests.update(|list| list.push(guest));
        name.set(String::new());
        email.set(String::new());
        error.set(None);
        true
    };
    let shown = meeting.clone();
    let submit = on_submit(pending, move || {
        if !take_guest() {
            return;
        }
        let lang = i18n.0.get_untracked();
        let variables = send_invitations::Variables {
            municipality_id: municipality.clone(),
            meeting_id: meeting.clone(),
            guests: guests
                .get_untracked()
                .into_iter()
                .map(|g| send_invitations::GuestInput {
                    name: g.name,
                    email: g.email,
                })
                .collect(),
        };
        let call = api::run::<SendInvitations>(lang, variables);
        let meeting = meeting.clone();
        submit_call(pending, error, call, move |data| {
            let answer = data.send_invitations;
            announcer.say((lang.texts().council.mails_queued)(answer.mails));
            state.sent.set(Some(Sent {
                meeting,
                mails: answer.mails,
                without_email: answer.without_email,
            }));
            guests.set(Vec::new());
            reload();
        });
    });
    let guest_list = move || {
        let list = guests.get();
        (!list.is_empty()).then(|| {
            view! {
                <h5 id="invite-guests-heading">{move || i18n.t().council.guests_title}</h5>
                <ul aria-labelledby="invite-guests-heading">
                    {list.into_iter().map(|g| {
                        let key = g.key;
                        view! {
                            <li>
                                {g.name.clone()} " <" {g.email} "> "
                                <button type="button" class="link-button" on:click=move |_| guests.update(|l| l.retain(|x| x.key != key))>
                                    {move || i18n.t().council.remove_guest}
                                    <span class="visually-hidden">" " {g.name.clone()}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    };
    let result = move || {
        state.sent.get().filter(|s| s.meeting == shown).map(|s| {
            let (mails, missing) = (s.mails, s.without_email);
            view! {
                <div class="notice">
                    <p>{move || (i18n.t().council.mails_queued)(mails)}</p>
                    {(!missing.is_empty()).then(|| view! {
                        <p>{move || i18n.t().council.without_email} ": " {missing.join(", ")}</p>
                    })}
                </div>
            }
        })
    };
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="invitations-heading">
            <h4 id="invitations-heading">{move || i18n.t().council.send_invitations_title}</h4>
            <p class="hint">{move || i18n.t().council.send_invitations_hint}</p>
            {invited.then(|| view! { <p class="hint">{move || i18n.t().council.resend_invitations_hint}</p> })}
            <ErrorBox error=error />
            <Field id="invite-guest-name" name="guestName" label=|t| t.council.guest_name value=name error=error />
            <Field id="invite-guest-email" name="guestEmail" kind="email" label=|t| t.council.guest_email value=email error=error />
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| { take_guest(); }>
                    {move || i18n.t().council.add_guest}
                </button>
            </div>
            {guest_list}
            <div class="actions">
                <SubmitButton pending=pending text=|t| t.council.send_invitations_submit />
            </div>
        </form>
        {result}
    }
}
