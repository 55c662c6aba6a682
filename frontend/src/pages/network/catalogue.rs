//! A certifying council's catalogue of prevention offers with their quality seals (managed by
//! its administrators), and an offer's page as every city reads it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{Vocab, label_of, labels_of, vocab};
use crate::a11y::{PageTitle, use_announcer};
use crate::api;
use crate::components::{
    ErrorBox, Field, FormError, MultiChoice, Select, TextArea, initial, with_empty_choice,
};
use crate::i18n::{Texts, use_i18n};
use crate::pages::{Editing, loaded};
use crate::queries::{
    CatalogueOf, CatalogueOfferPage, GrantSeal, RemoveCatalogueOffer, RenewSeal,
    SaveCatalogueOffer, WithdrawSeal, catalogue_of, catalogue_offer_page, grant_seal,
    remove_catalogue_offer, renew_seal, save_catalogue_offer, withdraw_seal,
};
use crate::submit::{send, send_clearing};

fn validity_label(validity: &str, t: &'static Texts) -> &'static str {
    match validity {
        "VALID" => t.network.seal_valid,
        "EXPIRED" => t.network.seal_expired,
        "WITHDRAWN" => t.network.seal_withdrawn,
        _ => t.network.seal_none,
    }
}

/// The seal as one line: its state and, when granted, its period.
fn seal_line(
    validity: &str,
    from: Option<&String>,
    until: Option<&String>,
    t: &'static Texts,
) -> String {
    match (from, until) {
        (Some(from), Some(until)) => {
            format!("{}: {from} – {until}", validity_label(validity, t))
        }
        _ => validity_label(validity, t).to_owned(),
    }
}

#[component]
pub fn Catalogue() -> impl IntoView {
    let i18n = use_i18n();
    // The offer being changed; `None` adds a new one.
    let page = Editing::<Offer>::new();
    let data =
        crate::pages::of_municipality::<CatalogueOf>(page.version(), |m| catalogue_of::Variables {
            certifier_id: Some(m.id),
        });
    let editing = page.editing();
    let reload = move || page.reload();
    loaded(data, move |(m, data)| {
        let title = format!("{} – {}", i18n.t().network.catalogue_title, m.name);
        let vocab = vocab!(data.vocabulary);
        let certifier = m.id.clone();
        view! {
            <PageTitle text=Signal::derive(move || title.clone()) />
            <p><A href=format!("/kommunen/{}", m.slug)>{m.name.clone()}</A></p>
            <p>{move || i18n.t().network.catalogue_intro}</p>
            {data.catalogue.is_empty().then(|| view! { <p>{move || i18n.t().network.no_catalogue_offers}</p> })}
            <ul class="cards">
                {data.catalogue.into_iter().enumerate().map(|(i, o)| {
                    let t = i18n.t();
                    let edit = o.clone();
                    let name = o.title.clone();
                    let line = seal_line(&o.seal_validity, o.seal_granted_on.as_ref(), o.seal_valid_until.as_ref(), t);
                    view! {
                        <li class="card">
                            <h2><A href=format!("/netzwerk/angebote/{}", o.id)>{o.title.clone()}</A></h2>
                            <p>{o.provider.clone()} " · " {label_of(&vocab.offer_formats, &o.format)}</p>
                            <p><strong>{t.network.quality_seal} ": "</strong> {line}</p>
                            <div class="actions">
                                <button type="button" class="secondary" on:click=move |_| editing.set(Some(edit.clone()))>
                                    {t.network.edit} <span class="visually-hidden">" " {name.clone()}</span>
                                </button>
                                <RemoveButton certifier=certifier.clone() offer=o.id.clone() name=name done=reload />
                            </div>
                            <SealForms certifier=certifier.clone() offer=o.id.clone() granted={o.seal_status == "GRANTED"} index=i done=reload />
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || {
                // Built anew whenever another offer is chosen, so the fields show it.
                let current = editing.get();
                view! { <OfferForm certifier=m.id.clone() current=current vocab=vocab.clone() done=reload /> }
            }}
        }
    })
}

type Offer = catalogue_of::CatalogueOfCatalogue;

/// Takes an offer out of the catalogue (and out of the search).
#[component]
fn RemoveButton(
    certifier: String,
    offer: String,
    name: String,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let click = move |_| {
        let variables = remove_catalogue_offer::Variables {
            certifier_id: certifier.clone(),
            id: offer.clone(),
        };
        send::<RemoveCatalogueOffer>(i18n.0.get_untracked(), variables, error, announcer, done);
    };
    view! {
        <button type="button" class="secondary" on:click=click>
            {move || i18n.t().network.remove} <span class="visually-hidden">" " {name.clone()}</span>
        </button>
        <ErrorBox error=error />
    }
}

#[component]
fn OfferForm(
    certifier: String,
    current: Option<Offer>,
    vocab: Vocab,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let id = current.as_ref().map(|o| o.id.clone());
    let title = initial(&current, |o| &o.title);
    let provider = initial(&current, |o| &o.provider);
    let format = initial(&current, |o| &o.format);
    let description = initial(&current, |o| &o.description);
    let contact = initial(&current, |o| &o.contact);
    let target_groups = initial(&current, |o| &o.target_groups);
    let topics = initial(&current, |o| &o.topics);
    let editing = id.is_some();
    let formats = with_empty_choice(|t| t.network.please_choose, vocab.offer_formats.clone());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let chosen = format.get_untracked();
        let variables = save_catalogue_offer::Variables {
            certifier_id: certifier.clone(),
            id: id.clone(),
            input: save_catalogue_offer::CatalogueOfferInput {
                title: title.get_untracked(),
                provider: provider.get_untracked(),
                format: (!chosen.is_empty()).then_some(chosen),
                target_groups: target_groups.get_untracked(),
                topics: topics.get_untracked(),
                description: description.get_untracked(),
                contact: contact.get_untracked(),
            },
        };
        send_clearing::<SaveCatalogueOffer>(
            i18n.0.get_untracked(),
            variables,
            error,
            announcer,
            [title, description],
            done,
        );
    };
    view! {
        <section class="card" aria-labelledby="angebot-form">
            <h2 id="angebot-form">
                {move || if editing { i18n.t().network.change_catalogue_offer } else { i18n.t().network.new_catalogue_offer }}
            </h2>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <Field id="o-title" name="title" label=|t| t.common.title value=title error=error required=true />
                <Field id="o-provider" name="provider" label=|t| t.network.offer_provider value=provider error=error required=true />
                <Select id="o-format" name="format" label=|t| t.network.offer_format value=format error=error options=formats />
                <MultiChoice id="o-target" label=|t| t.network.facet_target_group options=vocab.target_groups.clone() value=target_groups />
                <MultiChoice id="o-topic" label=|t| t.network.facet_topic options=vocab.topics.clone() value=topics />
                <TextArea id="o-description" label=|t| t.common.description value=description />
                <Field id="o-contact" name="contact" label=|t| t.network.practice_contact value=contact error=error />
                <button type="submit">{move || i18n.t().common.save}</button>
            </form>
        </section>
    }
}

/// Granting, renewing and withdrawing one offer's seal.
#[component]
fn SealForms(
    certifier: String,
    offer: String,
    granted: bool,
    index: usize,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let from = RwSignal::new(crate::pages::today());
    let until = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let (c1, o1, c2, o2) = (certifier.clone(), offer.clone(), certifier, offer);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.0.get_untracked();
        if granted {
            let variables = renew_seal::Variables {
                certifier_id: c1.clone(),
                id: o1.clone(),
                valid_until: until.get_untracked(),
                note: note.get_untracked(),
            };
            send::<RenewSeal>(lang, variables, error, announcer, done);
        } else {
            let variables = grant_seal::Variables {
                certifier_id: c1.clone(),
                id: o1.clone(),
                granted_on: from.get_untracked(),
                valid_until: until.get_untracked(),
                note: note.get_untracked(),
            };
            send::<GrantSeal>(lang, variables, error, announcer, done);
        }
    };
    let withdraw = move |_| {
        let variables = withdraw_seal::Variables {
            certifier_id: c2.clone(),
            id: o2.clone(),
            note: note.get_untracked(),
        };
        send::<WithdrawSeal>(i18n.0.get_untracked(), variables, error, announcer, done);
    };
    view! {
        <form class="edit" on:submit=submit>
            <ErrorBox error=error />
            {(!granted).then(|| view! {
                <Field id=format!("seal-from-{index}") name="grantedOn" label=|t| t.network.seal_granted_on value=from error=error kind="date" />
            })}
            <Field id=format!("seal-until-{index}") name="validUntil" label=|t| t.network.seal_valid_until value=until error=error kind="date" />
            <Field id=format!("seal-note-{index}") name="note" label=|t| t.network.seal_note value=note error=error />
            <div class="actions">
                <button type="submit">
                    {move || if granted { i18n.t().network.renew_seal } else { i18n.t().network.grant_seal }}
                </button>
                {granted.then(|| view! {
                    <button type="button" class="secondary" on:click=withdraw.clone()>{move || i18n.t().network.withdraw_seal}</button>
                })}
            </div>
        </form>
    }
}

/// An offer of a catalogue as every city reads it.
#[component]
pub fn CatalogueOffer() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let lang = i18n.0.get_untracked();
        async move { api::run::<CatalogueOfferPage>(lang, catalogue_offer_page::Variables { id }).await }
    });
    loaded(data, move |data| {
        let o = data.catalogue_offer;
        let vocab = vocab!(data.vocabulary);
        let t = i18n.t();
        let heading = o.title.clone();
        view! {
            <PageTitle text=Signal::derive(move || heading.clone()) />
            <dl class="facts">
                <dt>{t.network.offer_provider}</dt><dd>{o.provider.clone()}</dd>
                <dt>{t.network.offer_format}</dt><dd>{label_of(&vocab.offer_formats, &o.format)}</dd>
                <dt>{t.network.facet_target_group}</dt><dd>{labels_of(&vocab.target_groups, &o.target_groups)}</dd>
                <dt>{t.network.facet_topic}</dt><dd>{labels_of(&vocab.topics, &o.topics)}</dd>
                <dt>{t.network.quality_seal}</dt>
                <dd>{seal_line(&o.seal_validity, o.seal_granted_on.as_ref(), o.seal_valid_until.as_ref(), t)}</dd>
                <dt>{t.network.certified_by}</dt><dd>{o.certifier_name.clone()} " · " {o.federal_state.name_de()}</dd>
                <dt>{t.network.practice_contact}</dt><dd>{o.contact.clone()}</dd>
            </dl>
            <p class="prose">{o.description.clone()}</p>
        }
    })
}
