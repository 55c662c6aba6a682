//! Recording who attended a meeting, from its day on: a row per invitee, and someone of the
//! structure or a guest who came without being listed. Saving marks the meeting as held.

use leptos::prelude::*;

use super::invitations::Participant;
use super::optional;
use crate::a11y::use_announcer;
use crate::components::{
    ErrorBox, Field, FormError, Select, SubmitButton, code_choices, with_empty_choice,
};
use crate::i18n::use_i18n;
use crate::pages::{code, from_code};
use crate::queries::{RecordAttendance, record_attendance};
use crate::submit::{on_submit, save};

/// A row's choices, as the API spells them, with their texts; the empty one leaves the row
/// as it is.
fn attendance_options() -> Signal<Vec<(String, String)>> {
    code_choices(
        Some(|t| t.council.attendance_none),
        &[
            ("PRESENT", |t| t.council.attendance_present),
            ("EXCUSED", |t| t.council.attendance_excused),
            ("ABSENT", |t| t.council.attendance_absent),
        ],
    )
}

/// One line of the list sent: exactly one of an invitee, a person or a guest's name, as the
/// API demands; `None` when nothing is chosen.
fn line(
    participant_id: Option<String>,
    person_id: Option<String>,
    guest_name: Option<String>,
    attendance: &str,
) -> Option<record_attendance::AttendanceInput> {
    // The generated enums read any text (as `Other`), so an empty choice is caught here.
    if attendance.is_empty() {
        return None;
    }
    Some(record_attendance::AttendanceInput {
        participant_id,
        person_id,
        guest_name,
        attendance: from_code(attendance)?,
    })
}

/// The attendance list of one meeting; it answers with the meeting, and the page then loads
/// again (the new rows among the participants).
#[component]
pub(super) fn AttendanceForm(
    municipality: String,
    meeting: String,
    participants: Vec<Participant>,
    /// The people of the structure (id, name): one not listed yet can be added as present.
    people: Vec<(String, String)>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let rows: Vec<(Participant, RwSignal<String>)> = participants
        .into_iter()
        .map(|p| {
            let value = RwSignal::new(p.attendance.as_ref().map(code).unwrap_or_default());
            (p, value)
        })
        .collect();
    let listed: Vec<String> = rows
        .iter()
        .filter_map(|(p, _)| p.person_id.clone())
        .collect();
    let others: Vec<(String, String)> = people
        .into_iter()
        .filter(|(id, _)| !listed.contains(id))
        .collect();
    let has_others = !others.is_empty();
    let person = RwSignal::new(String::new());
    let guest = RwSignal::new(String::new());
    let choices = with_empty_choice(|t| t.council.choose, others);
    let options = attendance_options();
    let values: Vec<(String, RwSignal<String>)> = rows
        .iter()
        .map(|(p, value)| (p.id.clone(), *value))
        .collect();
    let submit = on_submit(pending, move || {
        let mut lines: Vec<_> = values
            .iter()
            .filter_map(|(id, value)| line(Some(id.clone()), None, None, &value.get_untracked()))
            .collect();
        lines.extend(optional(person).and_then(|p| line(None, Some(p), None, "PRESENT")));
        lines.extend(
            optional(guest).and_then(|g| line(None, None, Some(g.trim().to_owned()), "PRESENT")),
        );
        let variables = record_attendance::Variables {
            municipality_id: municipality.clone(),
            meeting_id: meeting.clone(),
            attendance: lines,
        };
        let lang = i18n.0.get_untracked();
        save::<RecordAttendance>(lang, variables, pending, error, announcer, reload);
    });
    let row_fields = (!rows.is_empty()).then(|| {
        view! {
            <fieldset>
                <legend>{move || i18n.t().council.participants_title}</legend>
                {rows.into_iter().enumerate().map(|(index, (p, value))| {
                    let id = format!("attendance-{}", index + 1);
                    view! {
                        <div class="field">
                            <label for=id.clone()>
                                {p.name.clone()}
                                {p.guest.then(|| view! { " (" {move || i18n.t().council.participant_guest} ")" })}
                            </label>
                            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                                {move || options.get().into_iter().map(|(option, text)| {
                                    let this = option.clone();
                                    view! {
                                        <option value=option selected=move || value.get() == this>{text}</option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="attendance-heading">
            <h4 id="attendance-heading">{move || i18n.t().council.attendance_title}</h4>
            <p class="hint">{move || i18n.t().council.attendance_hint}</p>
            <ErrorBox error=error />
            {row_fields}
            {has_others.then(|| view! {
                <Select id="attendance-person" name="personId" label=|t| t.council.attendance_person value=person error=error options=choices />
            })}
            <Field id="attendance-guest" name="attendance" label=|t| t.council.attendance_guest value=guest error=error />
            <SubmitButton pending=pending text=|t| t.council.attendance_submit />
        </form>
    }
}
