//! A meeting's minutes (Niederschrift): the latest version as the body's members read it, with
//! the document to download (older versions too); and for those who may change the meeting,
//! from its day on, writing the text per agenda item; what follows the writing (review, approval,
//! correction) is in `review`.

use leptos::prelude::*;

use super::Meeting;
use super::invitations::called_off;
use super::review::MinutesSteps;
use crate::a11y::use_announcer;
use crate::components::{ErrorBox, FormError, SubmitButton, TextArea};
use crate::i18n::use_i18n;
use crate::pages::{code, german_date, today};
use crate::queries::{SaveMinutes, meetings_of, save_minutes};
use crate::submit::{on_submit, save};

/// A version of a meeting's minutes; the meeting lists them newest first.
type Version = meetings_of::MeetingsOfMeetingsMinutes;

/// An item of the meeting's agenda, which the minutes follow.
type Item = meetings_of::MeetingsOfMeetingsAgenda;

/// Whether the caller writes `meeting`'s minutes: the API takes them from the meeting's day on,
/// and not for a meeting called off.
pub(super) fn takes_minutes(meeting: &Meeting) -> bool {
    meeting.editable && meeting.date <= today() && !called_off(meeting)
}

/// A text's paragraphs (parted by empty lines), each kept with its line breaks.
fn paragraphs(text: String) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p class="prose">{p.to_owned()}</p> })
        .collect_view()
}

/// The latest version of the minutes, read-only, with the links to download it and the older
/// versions (the server makes the document; the links leave the app). Nothing when there are
/// none or the caller may not see them (the API then lists none).
#[component]
pub(super) fn MinutesText(
    municipality: String,
    meeting: String,
    versions: Vec<Version>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut versions = versions.into_iter();
    let first = versions.next();
    first.map(move |latest| {
        let older: Vec<i64> = versions.map(|v| v.version).collect();
        let document = format!("/niederschrift/{municipality}/{meeting}");
        // Every card may show minutes: the meeting's id keeps the ids apart.
        let heading = format!("minutes-{meeting}-heading");
        let labelled_by = heading.clone();
        let (number, label) = (latest.version, latest.status_label.clone());
        let notes = latest.notes.clone();
        view! {
            <section class="minutes" aria-labelledby=labelled_by>
                <h4 id=heading>{move || {
                    let t = &i18n.t().council;
                    format!("{} ({} {number} – {label})", t.minutes_title, t.minutes_version)
                }}</h4>
                {latest.approved_on.map(|day| view! {
                    <p>{move || i18n.t().council.minutes_approved_on} " " {german_date(&day)}</p>
                })}
                {(!notes.trim().is_empty()).then(|| view! {
                    <h5>{move || i18n.t().council.minutes_general}</h5>
                    {paragraphs(notes.clone())}
                })}
                {latest.entries.into_iter().enumerate().map(|(index, entry)| view! {
                    <h5>{index + 1} ". " {entry.title}</h5>
                    {paragraphs(entry.text)}
                }).collect_view()}
                <ul class="links">
                    <li><a href=document.clone() download="">{move || i18n.t().council.minutes_download}</a></li>
                    {older.into_iter().map(|k| view! {
                        <li>
                            <a href=format!("{document}?fassung={k}") download="">
                                <span class="visually-hidden">{move || i18n.t().council.minutes_title} " "</span>
                                {move || i18n.t().council.minutes_version} " " {k}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The button that opens a meeting's minutes for changes, or closes them: one meeting's at a
/// time, so that the forms' ids are unique on the page.
#[component]
pub(super) fn MinutesToggle(
    meeting: String,
    /// The meeting's title, for screen readers: every card has such a button.
    title: String,
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let expanded = {
        let meeting = meeting.clone();
        move || (open.get().as_deref() == Some(meeting.as_str())).to_string()
    };
    let toggle = move |_| {
        let is_open = open.get_untracked().as_deref() == Some(meeting.as_str());
        open.set((!is_open).then(|| meeting.clone()));
    };
    view! {
        <button type="button" class="secondary" aria-expanded=expanded on:click=toggle>
            {move || i18n.t().council.minutes_toggle}
            <span class="visually-hidden">" " {title}</span>
        </button>
    }
}

/// A meeting's minutes open for changes: the text, unless the latest version is approved (it
/// is frozen; a correction starts a new one), and the steps the latest version can take.
#[component]
pub(super) fn MinutesEditor(
    municipality: String,
    meeting: Meeting,
    open: RwSignal<Option<String>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        (open.get().as_deref() == Some(meeting.id.as_str())).then(|| {
            let latest = meeting.minutes.first().cloned();
            let status = latest.as_ref().map(|v| code(&v.status)).unwrap_or_default();
            let text = (status != "APPROVED").then(|| {
                view! {
                    <MinutesForm
                        municipality=municipality.clone()
                        meeting=meeting.id.clone()
                        items=meeting.agenda.clone()
                        latest
                        reload
                    />
                }
            });
            view! {
                <div class="minutes-editor">
                    {text}
                    <MinutesSteps municipality=municipality.clone() meeting=meeting.id.clone() status reload />
                </div>
            }
        })
    }
}

/// The text of the minutes: the general part and one text per agenda item, starting from the
/// latest version. Saving writes the first version as a draft, or changes the latest one.
#[component]
fn MinutesForm(
    municipality: String,
    meeting: String,
    items: Vec<Item>,
    latest: Option<Version>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let notes = RwSignal::new(latest.as_ref().map(|v| v.notes.clone()).unwrap_or_default());
    // Each item's text as the latest version has it; an item added since starts empty.
    let rows: Vec<(Item, RwSignal<String>)> = items
        .into_iter()
        .map(|item| {
            let text = latest
                .as_ref()
                .and_then(|v| {
                    v.entries
                        .iter()
                        .find(|e| e.agenda_item_id.as_deref() == Some(item.id.as_str()))
                })
                .map(|e| e.text.clone())
                .unwrap_or_default();
            (item, RwSignal::new(text))
        })
        .collect();
    let values: Vec<(String, RwSignal<String>)> = rows
        .iter()
        .map(|(item, value)| (item.id.clone(), *value))
        .collect();
    let submit = on_submit(pending, move || {
        let variables = save_minutes::Variables {
            municipality_id: municipality.clone(),
            meeting_id: meeting.clone(),
            input: save_minutes::MinutesInput {
                notes: notes.get_untracked(),
                entries: values
                    .iter()
                    .map(|(id, value)| save_minutes::MinutesEntryInput {
                        agenda_item_id: id.clone(),
                        text: value.get_untracked(),
                    })
                    .collect(),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveMinutes>(lang, variables, pending, error, announcer, reload);
    });
    let item_fields = rows
        .into_iter()
        .enumerate()
        .map(|(index, (item, value))| {
            let n = index + 1;
            let id = format!("minutes-item-{n}");
            view! {
                <div class="field">
                    <label for=id.clone()>{move || i18n.t().council.minutes_item} " " {n} ": " {item.title.clone()}</label>
                    <textarea
                        id=id
                        rows="6"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="minutes-form-heading">
            <h4 id="minutes-form-heading">{move || i18n.t().council.minutes_form_title}</h4>
            <p class="hint">{move || i18n.t().council.minutes_form_hint}</p>
            <ErrorBox error=error />
            <TextArea id="minutes-notes" label=|t| t.council.minutes_general value=notes />
            {item_fields}
            <SubmitButton pending=pending text=|t| t.council.minutes_save />
        </form>
    }
}
