//! A meeting's agenda: the items in order, and for those who may change the meeting, adding an
//! item, changing one (its result too, once the meeting has decided) and taking one off.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::documents::{DocumentEditor, DocumentLinks};
use super::optional;
use crate::a11y::use_announcer;
use crate::components::{Checkbox, ErrorBox, Field, FormError, SubmitButton, TextArea};
use crate::i18n::use_i18n;
use crate::queries::{
    DeleteAgendaItem, SaveAgendaItem, delete_agenda_item, meetings_of, save_agenda_item,
};
use crate::submit::{on_submit, save, send, send_clearing};

/// One item of a meeting's agenda.
type Item = meetings_of::MeetingsOfMeetingsAgenda;

/// The agenda as the meeting's card shows it: each item with who presents it, whether it is
/// discussed in public and its result once written.
#[component]
pub(super) fn Agenda(municipality: String, items: Vec<Item>) -> impl IntoView {
    let i18n = use_i18n();
    (!items.is_empty()).then(|| {
        view! {
            <h4>{move || i18n.t().council.agenda_title}</h4>
            <ol class="agenda">
                {items.into_iter().map(|item| view! {
                    <li>
                        <strong>{item.title.clone()}</strong>
                        {item.presenter.clone().map(|p| view! { " – " {p} })}
                        {(!item.public).then(|| view! { " (" {move || i18n.t().council.agenda_not_public} ")" })}
                        {(!item.description.is_empty()).then(|| view! { <p class="hint">{item.description.clone()}</p> })}
                        {(!item.result.is_empty()).then(|| view! {
                            <p><strong>{move || i18n.t().council.agenda_result} ": "</strong> {item.result.clone()}</p>
                        })}
                        <DocumentLinks municipality=municipality.clone() documents=item.documents.clone() />
                    </li>
                }).collect_view()}
            </ol>
        }
    })
}

/// The agenda of one meeting open for changes: a form per item and one to add an item. Every
/// save answers with the meeting; the list then loads again.
#[component]
pub(super) fn AgendaEditor(
    municipality: String,
    meeting: String,
    /// Whether the meeting is public: a new item starts as public as the meeting.
    public: bool,
    items: Vec<Item>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let forms = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let n = index + 1;
            view! {
                <ItemForm municipality=municipality.clone() meeting=meeting.clone() item n reload=reload />
            }
        })
        .collect_view();
    view! {
        <div class="agenda-editor">
            {forms}
            <AddItem municipality meeting public reload />
        </div>
    }
}

/// Changing the `n`th item of the agenda, recording its result, or taking it off.
#[component]
fn ItemForm(
    municipality: String,
    meeting: String,
    item: Item,
    n: usize,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let title = RwSignal::new(item.title.clone());
    let presenter = RwSignal::new(item.presenter.clone().unwrap_or_default());
    let description = RwSignal::new(item.description.clone());
    let public = RwSignal::new(item.public);
    let result = RwSignal::new(item.result.clone());
    let heading = format!("agenda-item-{n}-heading");
    let labelled_by = heading.clone();
    let position = item.position;
    let submit = {
        let (municipality, meeting, id) = (municipality.clone(), meeting.clone(), item.id.clone());
        on_submit(pending, move || {
            let variables = save_agenda_item::Variables {
                municipality_id: municipality.clone(),
                meeting_id: meeting.clone(),
                id: Some(id.clone()),
                input: save_agenda_item::AgendaItemInput {
                    position: Some(position),
                    title: title.get_untracked(),
                    description: description.get_untracked(),
                    presenter: optional(presenter),
                    public: Some(public.get_untracked()),
                    result: result.get_untracked(),
                },
            };
            let lang = i18n.0.get_untracked();
            save::<SaveAgendaItem>(lang, variables, pending, error, announcer, reload);
        })
    };
    let documents_of = (municipality.clone(), meeting.clone(), item.id.clone());
    let id = item.id.clone();
    let remove = move |_| {
        let variables = delete_agenda_item::Variables {
            municipality_id: municipality.clone(),
            meeting_id: meeting.clone(),
            id: id.clone(),
        };
        send::<DeleteAgendaItem>(i18n.0.get_untracked(), variables, error, announcer, reload);
    };
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby=labelled_by>
            <h4 id=heading>{move || i18n.t().council.agenda_item} " " {n} ": " {item.title.clone()}</h4>
            <ErrorBox error=error />
            <Field id=format!("agenda-title-{n}") name="title" label=|t| t.common.title value=title error=error required=true />
            <Field id=format!("agenda-presenter-{n}") name="presenter" label=|t| t.council.agenda_presenter value=presenter error=error />
            <TextArea id=format!("agenda-description-{n}") label=|t| t.common.description value=description />
            <Checkbox id=format!("agenda-public-{n}") label=|t| t.council.agenda_public value=public />
            <TextArea id=format!("agenda-result-{n}") label=|t| t.council.agenda_result value=result />
            <DocumentEditor
                municipality=documents_of.0
                meeting=documents_of.1
                item=documents_of.2
                n
                documents=item.documents.clone()
                reload=reload
            />
            // The recommendations page sits beside this one (`/kommunen/<slug>/empfehlungen`).
            <p><a href=format!("empfehlungen?top={}", item.id)>{move || i18n.t().council.recommendation_from_item}</a></p>
            <div class="actions">
                <SubmitButton pending=pending text=|t| t.common.save />
                <button type="button" class="secondary" on:click=remove>
                    {move || i18n.t().council.delete_agenda_item}
                    <span class="visually-hidden">" " {item.title.clone()}</span>
                </button>
            </div>
        </form>
    }
}

/// Adding an item at the end of the agenda; the form stays open for the next one.
#[component]
fn AddItem(
    municipality: String,
    meeting: String,
    public: bool,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let [title, presenter, description] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let public = RwSignal::new(public);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let variables = save_agenda_item::Variables {
            municipality_id: municipality.clone(),
            meeting_id: meeting.clone(),
            id: None,
            input: save_agenda_item::AgendaItemInput {
                position: None,
                title: title.get_untracked(),
                description: description.get_untracked(),
                presenter: optional(presenter),
                public: Some(public.get_untracked()),
                result: String::new(),
            },
        };
        send_clearing::<SaveAgendaItem>(
            i18n.0.get_untracked(),
            variables,
            error,
            announcer,
            [title, presenter, description],
            reload,
        );
    };
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="agenda-add-heading">
            <h4 id="agenda-add-heading">{move || i18n.t().council.add_agenda_item}</h4>
            <ErrorBox error=error />
            <Field id="agenda-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <Field id="agenda-presenter" name="presenter" label=|t| t.council.agenda_presenter value=presenter error=error />
            <TextArea id="agenda-description" label=|t| t.common.description value=description />
            <Checkbox id="agenda-public" label=|t| t.council.agenda_public value=public />
            <button type="submit">{move || i18n.t().council.add_agenda_item}</button>
        </form>
    }
}
