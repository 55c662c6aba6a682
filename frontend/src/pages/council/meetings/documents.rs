//! Documents on an agenda item: links to read them on the agenda, and for those who change
//! the meeting, adding a file to an item and removing one.

use leptos::prelude::*;

use crate::a11y::use_announcer;
use crate::components::{ErrorBox, FormError, UploadTarget, upload_chosen};
use crate::i18n::{Texts, use_i18n};
use crate::queries::{DeleteAgendaDocument, delete_agenda_document, meetings_of};
use crate::submit::send;

/// One document of an item, as the meetings query reads it.
pub(super) type Document = meetings_of::MeetingsOfMeetingsAgendaDocuments;

/// The server takes documents up to 20 MiB; larger ones are refused here before the upload.
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

fn address(municipality: &str, document: &Document) -> String {
    format!("/api/kommunen/{municipality}/dokumente/{}", document.id)
}

/// The documents of an item as links, with their size.
#[component]
pub(super) fn DocumentLinks(municipality: String, documents: Vec<Document>) -> impl IntoView {
    (!documents.is_empty()).then(|| {
        view! {
            <ul class="documents">
                {documents.into_iter().map(|d| view! {
                    <li>
                        <a href=address(&municipality, &d) download=d.file_name.clone()>{d.file_name.clone()}</a>
                        " (" {(d.size_bytes + 1023) / 1024} " KB)"
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The documents of the `n`th item open for changes: remove one, add another.
#[component]
pub(super) fn DocumentEditor(
    municipality: String,
    meeting: String,
    item: String,
    n: usize,
    documents: Vec<Document>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let input_id = format!("agenda-document-{n}");
    let upload_url =
        format!("/api/kommunen/{municipality}/sitzungen/{meeting}/tagesordnung/{item}/dokumente");
    let attach = move |ev: leptos::ev::Event| {
        let target = UploadTarget {
            url: &upload_url,
            max_bytes: MAX_BYTES,
            too_large: |t: &Texts| t.council.document_too_large,
        };
        upload_chosen(
            &ev,
            i18n.0.get_untracked(),
            target,
            error,
            announcer,
            reload,
        );
    };
    view! {
        <div class="attachments">
            <ul>
                {documents.into_iter().map(|d| {
                    let variables = delete_agenda_document::Variables {
                        municipality_id: municipality.clone(),
                        meeting_id: meeting.clone(),
                        id: d.id.clone(),
                    };
                    let remove = move |_| {
                        send::<DeleteAgendaDocument>(i18n.0.get_untracked(), variables.clone(), error, announcer, reload);
                    };
                    view! {
                        <li>
                            <a href=address(&municipality, &d) download=d.file_name.clone()>{d.file_name.clone()}</a>
                            " "
                            <button type="button" class="link-button" on:click=remove>
                                {move || i18n.t().council.document_remove}
                                <span class="visually-hidden">" " {d.file_name.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ErrorBox error=error />
            <label for=input_id.clone()>{move || i18n.t().council.document_add}</label>
            <input id=input_id type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp" on:change=attach />
        </div>
    }
}
