//! The state office's support desk: its offers of advice, training and coaching, publishing
//! new ones, and the requests of its municipalities with the office's answers.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::a11y::{PageTitle, use_announcer};
use crate::api::{self, ApiError};
use crate::components::{ErrorBox, Field, FormError, Select, TextArea};
use crate::i18n::use_i18n;
use crate::model::FederalState;
use crate::pages::from_code;
use crate::pages::loaded;
use crate::pages::registry::{state_options, states_for};
use crate::queries::{
    AnswerRequest, SaveOffer, SupportDesk as DeskQuery, answer_request, save_offer, support_desk,
};
use crate::session::use_session;
use crate::submit::{send, send_clearing};

#[component]
pub fn SupportDesk() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let land = RwSignal::new(String::new());
    let version = RwSignal::new(0_u32);
    let error: FormError = RwSignal::new(None);
    Effect::new(move || {
        if land.get_untracked().is_empty() {
            let first = session
                .state_offices()
                .first()
                .copied()
                .or_else(|| session.is_platform_admin().then_some(FederalState::ALL[0]));
            if let Some(state) = first {
                land.set(state.code().to_owned());
            }
        }
    });
    let lands = Signal::derive(move || {
        state_options(states_for(
            session.state_offices(),
            session.is_platform_admin(),
        ))
    });
    let desk = LocalResource::new(move || {
        version.track();
        let lang = i18n.0.get_untracked();
        let state = FederalState::from_code(&land.get());
        async move {
            let Some(federal_state) = state else {
                return Err(ApiError::Unexpected);
            };
            let data =
                api::run::<DeskQuery>(lang, support_desk::Variables { federal_state }).await?;
            Ok::<_, ApiError>((federal_state, data))
        }
    });
    let reload = move || version.update(|v| *v += 1);
    view! {
        <PageTitle text=crate::pages::title(|t| t.land.support_desk_title) />
        <p>{move || i18n.t().land.support_desk_intro}</p>
        <form class="filters" on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <Select id="desk-land" name="federalState" label=|t| t.registry.federal_state value=land error=error options=lands />
        </form>
        {loaded(desk, move |(state, data)| view! {
            <RequestList data=data.clone() reload=reload />
            <section aria-labelledby="desk-offers-heading">
                <h2 id="desk-offers-heading">{move || i18n.t().land.support_offers}</h2>
                <ul class="cards">
                    {data.support_offers.into_iter().map(|o| view! {
                        <li class="card">
                            <h3>{o.kind_label.clone()} ": " {o.title.clone()}</h3>
                            <p>{o.description.clone()}</p>
                            {(!o.active).then(|| view! { <p><strong>{move || i18n.t().land.offer_closed}</strong></p> })}
                        </li>
                    }).collect_view()}
                </ul>
                <PublishOffer state=state reload=reload />
            </section>
        })}
    }
}

#[component]
fn RequestList(
    data: support_desk::ResponseData,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let answering = RwSignal::new(None::<(String, String, String)>);
    let done = move || {
        answering.set(None);
        reload();
    };
    view! {
        <section aria-labelledby="desk-requests-heading">
            <h2 id="desk-requests-heading">{move || i18n.t().land.support_requests}</h2>
            {data.state_support_requests.is_empty().then(|| view! { <p>{move || i18n.t().land.no_requests}</p> })}
            <ul class="cards">
                {data.state_support_requests.into_iter().map(|r| {
                    let key = (r.municipality_id.clone(), r.id.clone(), format!("{} – {}", r.municipality_name, r.offer.title));
                    view! {
                        <li class="card">
                            <h3>{r.municipality_name.clone()} ": " {r.offer.title.clone()}</h3>
                            <p>{r.message.clone()}</p>
                            <p class="status-line">
                                <strong>{r.status_label.clone()}</strong>
                                {r.scheduled_on.clone().map(|d| view! { " · " {d.clone()} })}
                                " · " {move || i18n.t().land.received_on} " " {r.created_at.chars().take(10).collect::<String>()}
                            </p>
                            {(!r.office_note.is_empty()).then(|| view! { <p>{r.office_note.clone()}</p> })}
                            <button type="button" class="secondary" on:click=move |_| answering.set(Some(key.clone()))>
                                {move || i18n.t().land.answer}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || answering.get().map(|(municipality, request, title)| view! {
                <AnswerForm municipality request title done=done />
            })}
        </section>
    }
}

#[component]
fn AnswerForm(
    municipality: String,
    request: String,
    title: String,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let status = RwSignal::new("SCHEDULED".to_owned());
    let date = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let statuses = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("REQUESTED".to_owned(), t.land.request_requested.to_owned()),
            ("SCHEDULED".to_owned(), t.land.request_scheduled.to_owned()),
            ("DONE".to_owned(), t.land.request_done.to_owned()),
            ("DECLINED".to_owned(), t.land.request_declined.to_owned()),
        ]
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(status_value) =
            from_code::<answer_request::SupportRequestStatus>(&status.get_untracked())
        else {
            return;
        };
        let variables = answer_request::Variables {
            municipality_id: municipality.clone(),
            id: request.clone(),
            input: answer_request::SupportAnswerInput {
                status: status_value,
                scheduled_on: Some(date.get_untracked()).filter(|d| !d.is_empty()),
                note: note.get_untracked(),
            },
        };
        send::<AnswerRequest>(i18n.0.get_untracked(), variables, error, announcer, done);
    };
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="answer-heading">
            <h3 id="answer-heading">{move || i18n.t().land.answer} ": " {title.clone()}</h3>
            <ErrorBox error=error />
            <Select id="answer-status" name="status" label=|t| t.registry.status value=status error=error options=statuses />
            <Field id="answer-date" name="scheduledOn" label=|t| t.land.scheduled_on value=date error=error kind="date" />
            <TextArea id="answer-note" label=|t| t.land.office_note value=note />
            <button type="submit">{move || i18n.t().common.save}</button>
        </form>
    }
}

#[component]
fn PublishOffer(
    state: FederalState,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let kind = RwSignal::new("ADVICE".to_owned());
    let title = RwSignal::new(String::new());
    let [description, contact] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let kinds = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("ADVICE".to_owned(), t.land.kind_advice.to_owned()),
            ("TRAINING".to_owned(), t.land.kind_training.to_owned()),
            ("COACHING".to_owned(), t.land.kind_coaching.to_owned()),
        ]
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(kind_value) = from_code::<save_offer::SupportKind>(&kind.get_untracked()) else {
            return;
        };
        let variables = save_offer::Variables {
            input: save_offer::SupportOfferInput {
                federal_state: state,
                kind: kind_value,
                title: title.get_untracked(),
                description: description.get_untracked(),
                contact: contact.get_untracked(),
                active: true,
            },
        };
        send_clearing::<SaveOffer>(
            i18n.0.get_untracked(),
            variables,
            error,
            announcer,
            [title, description],
            reload,
        );
    };
    view! {
        <details class="panel">
            <summary>{move || i18n.t().land.publish_offer}</summary>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <Select id="offer-kind" name="kind" label=|t| t.land.offer_kind value=kind error=error options=kinds />
                <Field id="offer-title" name="title" label=|t| t.common.title value=title error=error required=true />
                <TextArea id="offer-description" label=|t| t.common.description value=description />
                <TextArea id="offer-contact" label=|t| t.land.contact value=contact />
                <button type="submit">{move || i18n.t().land.publish}</button>
            </form>
        </details>
    }
}
