//! A city's own good practices: written along the Beccaria steps, published to the network on
//! purpose, changed and withdrawn.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::{Vocab, vocab};
use crate::a11y::{PageTitle, use_announcer};
use crate::components::{
    ErrorBox, Field, FormError, MultiChoice, Select, TextArea, UploadTarget, initial,
    upload_chosen, with_empty_choice,
};
use crate::i18n::{Texts, use_i18n};
use crate::pages::{Editing, loaded};
use crate::queries::{
    DeleteAttachment, PracticesOf, PublishPractice, SavePractice, WithdrawPractice,
    delete_attachment, practices_of, publish_practice, save_practice, withdraw_practice,
};
use crate::submit::send;

type Own = practices_of::PracticesOfPractices;
type File = practices_of::PracticesOfPracticesAttachments;

/// Largest file the server takes (checked here first, so a large file is not sent in vain).
const MAX_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// A practice's files: download, remove, and attach another.
#[component]
fn Attachments(
    municipality: String,
    practice: String,
    files: Vec<File>,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let input_id = format!("anhang-{practice}");
    let upload_url = format!("/api/kommunen/{municipality}/praxis/{practice}/anhaenge");
    let attach = move |ev: leptos::ev::Event| {
        let target = UploadTarget {
            url: &upload_url,
            max_bytes: MAX_BYTES,
            too_large: |t: &Texts| t.network.file_too_large,
        };
        upload_chosen(&ev, i18n.0.get_untracked(), target, error, announcer, done);
    };
    view! {
        <div class="attachments">
            <h3>{move || i18n.t().network.attachments_title}</h3>
            <ul>
                {files.into_iter().map(|f| {
                    let (m, id) = (municipality.clone(), f.id.clone());
                    let remove = move |_| {
                        let variables = delete_attachment::Variables { municipality_id: m.clone(), id: id.clone() };
                        send::<DeleteAttachment>(i18n.0.get_untracked(), variables, error, announcer, done);
                    };
                    view! {
                        <li>
                            <a href=f.url.clone() download=f.file_name.clone()>{f.file_name.clone()}</a>
                            " (" {(f.size_bytes + 1023) / 1024} " KB) "
                            <button type="button" class="link-button" on:click=remove>
                                {move || i18n.t().network.remove} <span class="visually-hidden">" " {f.file_name.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ErrorBox error=error />
            <label for=input_id.clone()>{move || i18n.t().network.attach_file}</label>
            <input id=input_id type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp" on:change=attach />
        </div>
    }
}

#[component]
pub fn Practices() -> impl IntoView {
    let i18n = use_i18n();
    // The practice being changed; `None` writes a new one.
    let page = Editing::<Own>::new();
    let data =
        crate::pages::of_municipality::<PracticesOf>(page.version(), |m| practices_of::Variables {
            municipality_id: m.id,
        });
    let editing = page.editing();
    let reload = move || page.reload();
    // Opened to edit one practice ("?bearbeiten=<id>", from a project of the prevention
    // cycle): its form opens once the list is there, once.
    let open = use_query_map().with_untracked(|q| q.get("bearbeiten"));
    let opened = StoredValue::new(false);
    Effect::new(move |_| {
        if let (Some(id), Some(Ok((_, data)))) = (open.as_ref(), data.get())
            && !opened.get_value()
            && let Some(practice) = data.practices.iter().find(|p| &p.id == id)
        {
            opened.set_value(true);
            editing.set(Some(practice.clone()));
        }
    });
    loaded(data, move |(m, data)| {
        let title = format!("{} – {}", i18n.t().network.practices_title, m.name);
        let vocab = vocab!(data.vocabulary);
        let programmes: Vec<(String, String)> = data
            .funding_programmes
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let municipality = m.id.clone();
        view! {
            <PageTitle text=Signal::derive(move || title.clone()) />
            <p><A href=format!("/kommunen/{}", m.slug)>{m.name.clone()}</A> " · " <A href="/netzwerk">{move || i18n.t().common.nav_network}</A></p>
            <p>{move || i18n.t().network.practices_intro}</p>
            {data.practices.is_empty().then(|| view! { <p>{move || i18n.t().network.no_practices}</p> })}
            <ul class="cards">
                {data.practices.into_iter().map(|p| {
                    let edit = p.clone();
                    let status = p.status.clone();
                    view! {
                        <li class="card">
                            <h2>{p.title.clone()}</h2>
                            <p class="badge">{move || status_label(&status, i18n.t())}</p>
                            <p class="hint">{move || i18n.t().network.changed_on} " " {p.updated_at.chars().take(10).collect::<String>()}</p>
                            <div class="actions">
                                <button type="button" class="secondary" on:click=move |_| editing.set(Some(edit.clone()))>
                                    {move || i18n.t().network.edit}
                                </button>
                                <PublishButton municipality=municipality.clone() practice=p.id.clone() published={p.status == "PUBLISHED"} done=reload />
                            </div>
                            <Attachments municipality=municipality.clone() practice=p.id.clone() files=p.attachments.clone() done=reload />
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || {
                // Built anew whenever another practice is chosen, so the fields show it.
                let current = editing.get();
                view! { <PracticeForm municipality=m.id.clone() current=current vocab=vocab.clone() programmes=programmes.clone() done=reload /> }
            }}
        }
    })
}

fn status_label(status: &str, t: &'static Texts) -> &'static str {
    match status {
        "PUBLISHED" => t.network.status_published,
        "WITHDRAWN" => t.network.status_withdrawn,
        _ => t.network.status_draft,
    }
}

#[component]
fn PublishButton(
    municipality: String,
    practice: String,
    published: bool,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let click = move |_| {
        let lang = i18n.0.get_untracked();
        if published {
            let variables = withdraw_practice::Variables {
                municipality_id: municipality.clone(),
                id: practice.clone(),
            };
            send::<WithdrawPractice>(lang, variables, error, announcer, done);
        } else {
            let variables = publish_practice::Variables {
                municipality_id: municipality.clone(),
                id: practice.clone(),
            };
            send::<PublishPractice>(lang, variables, error, announcer, done);
        }
    };
    view! {
        <button type="button" on:click=click>
            {move || if published { i18n.t().network.withdraw_practice } else { i18n.t().network.publish_practice }}
        </button>
        <ErrorBox error=error />
    }
}

#[component]
fn PracticeForm(
    municipality: String,
    current: Option<Own>,
    vocab: Vocab,
    /// The funding programmes a practice can name as its funding: (id, name).
    programmes: Vec<(String, String)>,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let id = current.as_ref().map(|p| p.id.clone());
    let title = initial(&current, |p| &p.title);
    let problem = initial(&current, |p| &p.problem);
    let causes = initial(&current, |p| &p.causes);
    let goals = initial(&current, |p| &p.goals);
    let measures = initial(&current, |p| &p.measures);
    let concept = initial(&current, |p| &p.concept);
    let evaluation = initial(&current, |p| &p.evaluation);
    let conclusions = initial(&current, |p| &p.conclusions);
    let duration = initial(&current, |p| &p.duration);
    let costs = initial(&current, |p| &p.costs);
    let partners = initial(&current, |p| &p.partners);
    let contact = initial(&current, |p| &p.contact);
    let topics = initial(&current, |p| &p.topics);
    let target_groups = initial(&current, |p| &p.target_groups);
    let settings = initial(&current, |p| &p.settings);
    let evidence = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.evidence_level.clone())
            .unwrap_or_default(),
    );
    let evidence_options =
        with_empty_choice(|t| t.network.not_stated, vocab.evidence_levels.clone());
    let programme = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.funding_programme_id.clone())
            .unwrap_or_default(),
    );
    let programme_options = with_empty_choice(|t| t.network.not_stated, programmes);
    let editing = id.is_some();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let evidence = evidence.get_untracked();
        let variables = save_practice::Variables {
            municipality_id: municipality.clone(),
            id: id.clone(),
            input: save_practice::PracticeInput {
                title: title.get_untracked(),
                problem: problem.get_untracked(),
                causes: causes.get_untracked(),
                goals: goals.get_untracked(),
                measures: measures.get_untracked(),
                concept: concept.get_untracked(),
                evaluation: evaluation.get_untracked(),
                conclusions: conclusions.get_untracked(),
                topics: topics.get_untracked(),
                target_groups: target_groups.get_untracked(),
                settings: settings.get_untracked(),
                evidence_level: (!evidence.is_empty()).then_some(evidence),
                duration: duration.get_untracked(),
                costs: costs.get_untracked(),
                partners: partners.get_untracked(),
                funding_programme_id: Some(programme.get_untracked()).filter(|p| !p.is_empty()),
                contact: contact.get_untracked(),
            },
        };
        send::<SavePractice>(i18n.0.get_untracked(), variables, error, announcer, done);
    };
    view! {
        <section class="card" aria-labelledby="praxis-form">
            <h2 id="praxis-form">
                {move || if editing { i18n.t().network.change_practice } else { i18n.t().network.new_practice }}
            </h2>
            <p class="hint">{move || i18n.t().network.practice_form_hint}</p>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <Field id="p-title" name="title" label=|t| t.common.title value=title error=error required=true />
                <TextArea id="p-problem" label=|t| t.network.practice_problem value=problem />
                <TextArea id="p-causes" label=|t| t.network.practice_causes value=causes />
                <TextArea id="p-goals" label=|t| t.network.practice_goals value=goals />
                <TextArea id="p-measures" label=|t| t.network.practice_measures value=measures />
                <TextArea id="p-concept" label=|t| t.network.practice_concept value=concept />
                <TextArea id="p-evaluation" label=|t| t.network.practice_evaluation value=evaluation />
                <TextArea id="p-conclusions" label=|t| t.network.practice_conclusions value=conclusions />
                <MultiChoice id="p-topic" label=|t| t.network.facet_topic options=vocab.topics.clone() value=topics />
                <MultiChoice id="p-target" label=|t| t.network.facet_target_group options=vocab.target_groups.clone() value=target_groups />
                <MultiChoice id="p-setting" label=|t| t.network.facet_setting options=vocab.settings.clone() value=settings />
                <Select id="p-evidence" name="evidenceLevel" label=|t| t.network.facet_evidence_level value=evidence error=error options=evidence_options />
                <Select id="p-programme" name="fundingProgrammeId" label=|t| t.network.practice_programme value=programme error=error options=programme_options />
                <Field id="p-duration" name="duration" label=|t| t.network.practice_duration value=duration error=error />
                <Field id="p-costs" name="costs" label=|t| t.network.practice_costs value=costs error=error />
                <Field id="p-partners" name="partners" label=|t| t.network.practice_partners value=partners error=error />
                <Field id="p-contact" name="contact" label=|t| t.network.practice_contact value=contact error=error hint=|t| t.network.practice_contact_hint />
                <button type="submit">{move || i18n.t().common.save}</button>
            </form>
        </section>
    }
}
