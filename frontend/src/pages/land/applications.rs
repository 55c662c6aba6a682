//! A municipality's funding page: its applications (apply, record the decision received,
//! report on the use of funds, withdraw) and its requests for the state office's advice,
//! training and coaching.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use praevnet_common::euros;

use super::funding::DecisionForm;
use crate::a11y::{PageTitle, use_announcer};
use crate::components::{ErrorBox, Field, FormError, Select, TextArea, euros_typed};
use crate::i18n::{LangExt, use_i18n};
use crate::pages::loaded;
use crate::queries::{
    ApplyForFunding, MunicipalityFunding as FundingQuery, ReportFundingUse, RequestSupport,
    WithdrawApplication, apply_for_funding, municipality_funding, report_funding_use,
    request_support, withdraw_application,
};
use crate::submit::{send, send_clearing};

type Data = municipality_funding::ResponseData;

#[component]
pub fn MunicipalityFunding() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let data = crate::pages::of_municipality::<FundingQuery>(version, |m| {
        municipality_funding::Variables {
            municipality_id: m.id,
            federal_state: m.federal_state,
        }
    });
    let reload = move || version.update(|v| *v += 1);
    loaded(data, move |(m, data)| {
        let (id, name, slug) = (m.id, m.name, m.slug);
        let title = format!("{} – {}", i18n.t().land.funding_link, name);
        view! {
            <PageTitle text=Signal::derive(move || title.clone()) />
            <p>
                <A href=format!("/kommunen/{slug}")>{name.clone()}</A>
                " · "
                <A href="/foerderung">{move || i18n.t().land.programmes_title}</A>
            </p>
            <Applications municipality=id.clone() data=data.clone() reload=reload />
            <Apply municipality=id.clone() data=data.clone() reload=reload />
            <Requests municipality=id data=data reload=reload />
        }
    })
}

#[component]
fn Applications(
    municipality: String,
    data: Data,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let lang = i18n.lang();
    let error: FormError = RwSignal::new(None);
    // One form open at a time: (application id, title, what to do).
    let acting = RwSignal::new(None::<(String, String, &'static str)>);
    let reported_on = RwSignal::new(String::new());
    let done = move || {
        acting.set(None);
        reload();
    };
    let withdraw = {
        let municipality = municipality.clone();
        move |id: String| {
            let variables = withdraw_application::Variables {
                municipality_id: municipality.clone(),
                id,
            };
            send::<WithdrawApplication>(i18n.0.get_untracked(), variables, error, announcer, done);
        }
    };
    let report = {
        let municipality = municipality.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let Some((id, _, _)) = acting.get_untracked() else {
                return;
            };
            let variables = report_funding_use::Variables {
                municipality_id: municipality.clone(),
                id,
                reported_on: reported_on.get_untracked(),
            };
            send::<ReportFundingUse>(i18n.0.get_untracked(), variables, error, announcer, done);
        }
    };
    view! {
        <section aria-labelledby="applications-heading">
            <h2 id="applications-heading">{move || i18n.t().land.applications}</h2>
            <ErrorBox error=error />
            {data.funding_applications.is_empty().then(|| view! { <p>{move || i18n.t().land.no_applications}</p> })}
            <ul class="cards">
                {data.funding_applications.into_iter().map(|a| {
                    let status = a.status.clone();
                    let (id, title) = (a.id.clone(), a.project_title.clone());
                    let withdraw = withdraw.clone();
                    view! {
                        <li class="card">
                            <h3>{a.project_title.clone()}</h3>
                            <p>{a.programme_name.clone()} " · " {a.funding_year} " · " {move || i18n.t().land.requested} " " {euros(a.requested_amount, lang)}</p>
                            <p class="status-line">
                                <strong>{a.status_label.clone()}</strong>
                                {a.granted_amount.map(|g| view! { " · " {euros(g, lang)} })}
                                {a.decided_on.clone().map(|d| view! { " · " {move || i18n.t().land.decided_on} " " {d.clone()} })}
                                {a.report_due.clone().map(|d| view! { " · " {move || i18n.t().land.report_due} " " {d.clone()} })}
                                {a.reported_on.clone().map(|d| view! { " · " {move || i18n.t().land.reported_on} " " {d.clone()} })}
                            </p>
                            {(!a.decision_note.is_empty()).then(|| view! { <p>{a.decision_note.clone()}</p> })}
                            {match status {
                                municipality_funding::ApplicationStatus::REQUESTED => view! {
                                    <p class="actions">
                                        <button type="button" class="secondary" on:click={
                                            let (id, title) = (id.clone(), title.clone());
                                            move |_| acting.set(Some((id.clone(), title.clone(), "decide")))
                                        }>{move || i18n.t().land.record_decision}</button>
                                        " "
                                        <button type="button" class="secondary" on:click=move |_| withdraw(id.clone())>
                                            {move || i18n.t().land.withdraw}
                                        </button>
                                    </p>
                                }.into_any(),
                                municipality_funding::ApplicationStatus::GRANTED => view! {
                                    <p class="actions">
                                        <button type="button" class="secondary" on:click=move |_| acting.set(Some((id.clone(), title.clone(), "report")))>
                                            {move || i18n.t().land.record_report}
                                        </button>
                                    </p>
                                }.into_any(),
                                _ => ().into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || match acting.get() {
                Some((application, title, "decide")) => view! {
                    <DecisionForm municipality=municipality.clone() application title done=done />
                }.into_any(),
                Some((_, title, _)) => view! {
                    <form class="edit" on:submit=report.clone() aria-labelledby="report-heading">
                        <h3 id="report-heading">{move || i18n.t().land.record_report} ": " {title.clone()}</h3>
                        <Field id="report-date" name="reportedOn" label=|t| t.land.reported_on value=reported_on error=error kind="date" required=true />
                        <button type="submit">{move || i18n.t().common.save}</button>
                    </form>
                }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn Apply(
    municipality: String,
    data: Data,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let lang = i18n.lang();
    let options: Vec<(String, String)> = data
        .funding_programmes
        .iter()
        .map(|p| {
            let limits = match (p.min_amount, p.max_amount) {
                (Some(min), Some(max)) => format!(" ({} – {})", euros(min, lang), euros(max, lang)),
                _ => String::new(),
            };
            (p.id.clone(), format!("{}{limits}", p.name))
        })
        .collect();
    let programme = RwSignal::new(options.first().map(|o| o.0.clone()).unwrap_or_default());
    let options = Signal::derive(move || options.clone());
    let [title, year, amount] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let description = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.0.get_untracked();
        let (requested, funding_year) = match (
            euros_typed("requestedAmount", amount, lang.texts()),
            euros_typed("fundingYear", year, lang.texts()),
        ) {
            (Ok(a), Ok(y)) => (a, y),
            (Err(err), _) | (_, Err(err)) => return error.set(Some(err)),
        };
        let variables = apply_for_funding::Variables {
            municipality_id: municipality.clone(),
            input: apply_for_funding::FundingApplicationInput {
                programme_id: programme.get_untracked(),
                project_title: title.get_untracked(),
                project_description: description.get_untracked(),
                funding_year,
                requested_amount: requested.unwrap_or(0),
            },
        };
        let cleared = [title, amount, description];
        send_clearing::<ApplyForFunding>(lang, variables, error, announcer, cleared, reload);
    };
    view! {
        <section aria-labelledby="apply-heading">
            <h2 id="apply-heading">{move || i18n.t().land.apply_for_funding}</h2>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <Select id="apply-programme" name="programmeId" label=|t| t.land.programme value=programme error=error options=options />
                <Field id="apply-title" name="projectTitle" label=|t| t.land.project_title value=title error=error required=true />
                <TextArea id="apply-description" label=|t| t.land.project_description value=description />
                <Field id="apply-year" name="fundingYear" label=|t| t.land.funding_year value=year error=error hint=|t| t.land.funding_year_hint />
                <Field id="apply-amount" name="requestedAmount" label=|t| t.land.requested_amount_euro value=amount error=error required=true />
                <button type="submit">{move || i18n.t().land.submit_application}</button>
            </form>
        </section>
    }
}

#[component]
fn Requests(
    municipality: String,
    data: Data,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let open: Vec<(String, String)> = data
        .support_offers
        .iter()
        .filter(|o| o.active)
        .map(|o| (o.id.clone(), format!("{}: {}", o.kind_label, o.title)))
        .collect();
    let offer = RwSignal::new(open.first().map(|o| o.0.clone()).unwrap_or_default());
    let options = Signal::derive(move || open.clone());
    let message = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let variables = request_support::Variables {
            municipality_id: municipality.clone(),
            offer_id: offer.get_untracked(),
            message: message.get_untracked(),
        };
        send_clearing::<RequestSupport>(
            i18n.0.get_untracked(),
            variables,
            error,
            announcer,
            [message],
            reload,
        );
    };
    view! {
        <section aria-labelledby="offers-heading">
            <h2 id="offers-heading">{move || i18n.t().land.support_offers}</h2>
            <ul class="cards">
                {data.support_offers.into_iter().map(|o| view! {
                    <li class="card">
                        <h3>{o.kind_label.clone()} ": " {o.title.clone()}</h3>
                        <p>{o.description.clone()}</p>
                        <p class="hint">{o.contact.clone()}</p>
                        {(!o.active).then(|| view! { <p><strong>{move || i18n.t().land.offer_closed}</strong></p> })}
                    </li>
                }).collect_view()}
            </ul>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <Select id="request-offer" name="offerId" label=|t| t.land.offer value=offer error=error options=options />
                <TextArea id="request-message" label=|t| t.land.request_message value=message />
                <button type="submit">{move || i18n.t().land.send_request}</button>
            </form>
            <h2>{move || i18n.t().land.your_requests}</h2>
            {data.support_requests.is_empty().then(|| view! { <p>{move || i18n.t().land.no_requests}</p> })}
            <ul class="cards">
                {data.support_requests.into_iter().map(|r| view! {
                    <li class="card">
                        <h3>{r.offer.title.clone()}</h3>
                        <p>{r.message.clone()}</p>
                        <p class="status-line">
                            <strong>{r.status_label.clone()}</strong>
                            {r.scheduled_on.clone().map(|d| view! { " · " {d.clone()} })}
                        </p>
                        {(!r.office_note.is_empty()).then(|| view! { <p>{r.office_note.clone()}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
