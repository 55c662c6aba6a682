//! Funding programmes: the list everyone reads, publishing for state offices, and one
//! programme's page with its budget and the applications the reader may see and decide.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use praevnet_common::euros;

use crate::a11y::{PageTitle, use_announcer};
use crate::api::{self, ApiError};
use crate::components::{
    ErrorBox, Field, FormError, Select, TextArea, euros_typed, with_empty_choice,
};
use crate::i18n::{LangExt, use_i18n};
use crate::model::FederalState;
use crate::pages::from_code;
use crate::pages::registry::{state_options, states_for};
use crate::pages::{Editing, loaded};
use crate::queries::{
    DecideApplication, ProgrammeDetail, ProgrammeLedger, Programmes as ProgrammesQuery,
    SaveProgramme, decide_application, programme_detail, programme_ledger, programmes,
    save_programme,
};
use crate::session::use_session;
use crate::submit::{send, send_clearing};

/// Lines of a text area, without the empty ones.
pub(super) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn Programmes() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let land = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let version = RwSignal::new(0_u32);
    let lands = with_empty_choice(
        |t| t.registry.all_states,
        state_options(FederalState::ALL.to_vec()),
    );
    let list = LocalResource::new(move || {
        version.track();
        let lang = i18n.0.get_untracked();
        let federal_state = FederalState::from_code(&land.get());
        async move {
            let data =
                api::run::<ProgrammesQuery>(lang, programmes::Variables { federal_state }).await?;
            Ok::<_, ApiError>(data.funding_programmes)
        }
    });
    view! {
        <PageTitle text=crate::pages::title(|t| t.land.programmes_title) />
        <p>{move || i18n.t().land.programmes_intro}</p>
        <form class="filters" on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <Select id="programmes-land" name="federalState" label=|t| t.registry.federal_state value=land error=error options=lands />
        </form>
        {loaded(list, move |list| view! {
            <ul class="cards">
                {list.into_iter().map(|p| view! {
                    <li class="card">
                        <h2><A href=format!("/foerderung/{}", p.id)>{p.name.clone()}</A></h2>
                        <p>{p.federal_state.name_de()} " · " {p.provider.clone()}</p>
                        <p>
                            {move || i18n.t().land.total_budget} ": " {move || euros(p.total_budget, i18n.lang())}
                            {p.yearly_budget.map(|y| view! { " · " {move || i18n.t().land.yearly_budget} ": " {move || euros(y, i18n.lang())} })}
                            {p.deadline.clone().map(|d| view! { " · " {move || i18n.t().land.deadline} ": " {d.clone()} })}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {move || session.can_create().then(|| view! { <PublishProgramme done=move || version.update(|v| *v += 1) /> })}
    }
}

/// The form a state office publishes a programme with.
#[component]
fn PublishProgramme(done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let states = Signal::derive(move || {
        state_options(states_for(
            session.state_offices(),
            session.is_platform_admin(),
        ))
    });
    let state = RwSignal::new(
        session
            .state_offices()
            .first()
            .map_or("SN", |s| s.code())
            .to_owned(),
    );
    let [name, provider, total, yearly, rate, min, max, deadline] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let [fields, eligible, procedure, contact, documents] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.0.get_untracked();
        let t = lang.texts();
        let amounts = (|| {
            Ok::<_, ApiError>((
                euros_typed("totalBudget", total, t)?,
                euros_typed("yearlyBudget", yearly, t)?,
                euros_typed("fundingRatePercent", rate, t)?,
                euros_typed("minAmount", min, t)?,
                euros_typed("maxAmount", max, t)?,
            ))
        })();
        let (total_value, yearly_value, rate_value, min_value, max_value) = match amounts {
            Ok(values) => values,
            Err(err) => return error.set(Some(err)),
        };
        let Some(federal_state) = FederalState::from_code(&state.get_untracked()) else {
            return;
        };
        let input = save_programme::FundingProgrammeInput {
            federal_state,
            name: name.get_untracked(),
            provider: provider.get_untracked(),
            total_budget: total_value.unwrap_or(0),
            yearly_budget: yearly_value,
            fields_of_action: lines(&fields.get_untracked()),
            eligible_applicants: eligible.get_untracked(),
            funding_rate_percent: rate_value,
            min_amount: min_value,
            max_amount: max_value,
            deadline: Some(deadline.get_untracked()).filter(|d| !d.is_empty()),
            procedure: procedure.get_untracked(),
            contact: contact.get_untracked(),
            documents: lines(&documents.get_untracked()),
        };
        let variables = save_programme::Variables { input };
        send_clearing::<SaveProgramme>(lang, variables, error, announcer, [name], done);
    };
    view! {
        <details class="panel">
            <summary>{move || i18n.t().land.publish_programme}</summary>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <Select id="programme-land" name="federalState" label=|t| t.registry.federal_state value=state error=error options=states />
                <Field id="programme-name" name="name" label=|t| t.common.name value=name error=error required=true />
                <Field id="programme-provider" name="provider" label=|t| t.land.provider value=provider error=error required=true />
                <Field id="programme-total" name="totalBudget" label=|t| t.land.total_budget_euro value=total error=error required=true kind="text" />
                <Field id="programme-yearly" name="yearlyBudget" label=|t| t.land.yearly_budget_euro value=yearly error=error />
                <TextArea id="programme-fields" label=|t| t.land.fields_of_action_lines value=fields />
                <TextArea id="programme-eligible" label=|t| t.land.eligible_applicants value=eligible />
                <Field id="programme-rate" name="fundingRatePercent" label=|t| t.land.funding_rate value=rate error=error />
                <Field id="programme-min" name="minAmount" label=|t| t.land.min_amount_euro value=min error=error />
                <Field id="programme-max" name="maxAmount" label=|t| t.land.max_amount_euro value=max error=error />
                <Field id="programme-deadline" name="deadline" label=|t| t.land.deadline value=deadline error=error kind="date" />
                <TextArea id="programme-procedure" label=|t| t.land.procedure value=procedure />
                <TextArea id="programme-contact" label=|t| t.land.contact value=contact />
                <TextArea id="programme-documents" label=|t| t.land.documents_lines value=documents />
                <button type="submit">{move || i18n.t().land.publish}</button>
            </form>
        </details>
    }
}

#[component]
pub fn Programme() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let detail = LocalResource::new(move || {
        let lang = i18n.0.get_untracked();
        let id = id();
        async move {
            let data =
                api::run::<ProgrammeDetail>(lang, programme_detail::Variables { id }).await?;
            Ok::<_, ApiError>(data.funding_programme)
        }
    });
    loaded(detail, move |p| {
        let title = p.name.clone();
        let facts = [
            (i18n.t().land.provider, p.provider.clone()),
            (
                i18n.t().registry.federal_state,
                p.federal_state.name_de().to_owned(),
            ),
            (
                i18n.t().land.total_budget,
                euros(p.total_budget, i18n.lang()),
            ),
            (
                i18n.t().land.yearly_budget,
                p.yearly_budget
                    .map_or("–".to_owned(), |y| euros(y, i18n.lang())),
            ),
            (
                i18n.t().land.funding_rate,
                p.funding_rate_percent
                    .map_or("–".to_owned(), |r| format!("{r} %")),
            ),
            (
                i18n.t().land.amount_range,
                format!(
                    "{} – {}",
                    p.min_amount
                        .map_or("–".to_owned(), |a| euros(a, i18n.lang())),
                    p.max_amount
                        .map_or("–".to_owned(), |a| euros(a, i18n.lang()))
                ),
            ),
            (
                i18n.t().land.deadline,
                p.deadline.clone().unwrap_or_else(|| "–".to_owned()),
            ),
            (
                i18n.t().land.eligible_applicants,
                p.eligible_applicants.clone(),
            ),
            (i18n.t().land.procedure, p.procedure.clone()),
            (i18n.t().land.contact, p.contact.clone()),
        ];
        view! {
            <PageTitle text=Signal::derive(move || title.clone()) />
            <p><A href="/foerderung">{move || i18n.t().land.programmes_title}</A></p>
            <dl class="facts">
                {facts.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            <h2>{move || i18n.t().land.fields_of_action}</h2>
            <ul>{p.fields_of_action.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
            {(!p.documents.is_empty()).then(|| view! {
                <h2>{move || i18n.t().land.documents}</h2>
                <ul>{p.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
            })}
            <Ledger id=p.id.clone() state=p.federal_state />
        }
    })
}

/// The budget and the applications, for readers who are logged in.
#[component]
fn Ledger(id: String, state: FederalState) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The application whose decision is being recorded: (municipality, application, title).
    let page = Editing::<(String, String, String)>::new();
    let deciding = page.editing();
    let ledger = LocalResource::new(move || {
        page.version().track();
        let lang = i18n.0.get_untracked();
        let id = id.clone();
        async move {
            let data =
                api::run::<ProgrammeLedger>(lang, programme_ledger::Variables { id }).await?;
            Ok::<_, ApiError>(data.funding_programme)
        }
    });
    let reload = move || page.reload();
    move || match ledger.get() {
        None => view! { <p aria-busy="true">{i18n.t().common.loading}</p> }.into_any(),
        Some(Err(err)) if err.code() == Some("UNAUTHENTICATED") => {
            view! { <p>{move || i18n.t().land.login_for_budget}</p> }.into_any()
        }
        Some(Err(err)) => {
            view! { <div class="error-box" role="alert"><p>{err.message(i18n.t())}</p></div> }
                .into_any()
        }
        Some(Ok(data)) => {
            let b = data.budget;
            let lang = i18n.lang();
            view! {
                <section aria-labelledby="budget-heading">
                    <h2 id="budget-heading">{move || i18n.t().land.budget}</h2>
                    <p class="status-line">
                        {move || i18n.t().land.committed} ": " <strong>{euros(b.committed, lang)}</strong>
                        " · " {move || i18n.t().land.remaining} ": " <strong>{euros(b.remaining, lang)}</strong>
                        " · " {move || i18n.t().land.total_budget} ": " {euros(b.total, lang)}
                    </p>
                    <ul>
                        {b.years.into_iter().map(|y| view! {
                            <li>
                                {y.year} ": " {move || i18n.t().land.committed} " " {euros(y.committed, lang)}
                                {y.remaining.map(|r| view! { ", " {move || i18n.t().land.remaining} " " {euros(r, lang)} })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="applications-heading">
                    <h2 id="applications-heading">{move || i18n.t().land.applications}</h2>
                    {data.applications.is_empty().then(|| view! { <p>{move || i18n.t().land.no_applications}</p> })}
                    <ul class="cards">
                        {data.applications.into_iter().map(|a| {
                            let can_decide = a.status == programme_ledger::ApplicationStatus::REQUESTED
                                && session.can_manage(state, &a.municipality_id);
                            let key = (a.municipality_id.clone(), a.id.clone(), a.project_title.clone());
                            view! {
                                <li class="card">
                                    <h3>{a.project_title.clone()}</h3>
                                    <p>
                                        {a.municipality_name.clone()} " · " {a.funding_year} " · "
                                        {move || i18n.t().land.requested} " " {euros(a.requested_amount, lang)}
                                    </p>
                                    <p class="status-line">
                                        <strong>{a.status_label.clone()}</strong>
                                        {a.granted_amount.map(|g| view! { " · " {euros(g, lang)} })}
                                        {a.decided_on.clone().map(|d| view! { " · " {move || i18n.t().land.decided_on} " " {d.clone()} })}
                                        {a.report_due.clone().map(|d| view! { " · " {move || i18n.t().land.report_due} " " {d.clone()} })}
                                    </p>
                                    {can_decide.then(|| view! {
                                        <button type="button" class="secondary" on:click=move |_| deciding.set(Some(key.clone()))>
                                            {move || i18n.t().land.record_decision}
                                        </button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {move || deciding.get().map(|(municipality, application, title)| view! {
                        <DecisionForm municipality application title done=reload />
                    })}
                </section>
            }
            .into_any()
        }
    }
}

/// Records the decision on one application: granted with an amount, or rejected.
#[component]
pub(super) fn DecisionForm(
    municipality: String,
    application: String,
    title: String,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let verdict = RwSignal::new("GRANT".to_owned());
    let [amount, decided, due] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let note = RwSignal::new(String::new());
    let verdicts = Signal::derive(move || {
        vec![
            ("GRANT".to_owned(), i18n.t().land.verdict_grant.to_owned()),
            ("REJECT".to_owned(), i18n.t().land.verdict_reject.to_owned()),
        ]
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.0.get_untracked();
        let granted = match euros_typed("grantedAmount", amount, lang.texts()) {
            Ok(value) => value,
            Err(err) => return error.set(Some(err)),
        };
        let Some(verdict_value) =
            from_code::<decide_application::FundingVerdict>(&verdict.get_untracked())
        else {
            return;
        };
        let optional = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.is_empty());
        let variables = decide_application::Variables {
            municipality_id: municipality.clone(),
            id: application.clone(),
            input: decide_application::FundingDecisionInput {
                verdict: verdict_value,
                granted_amount: granted,
                decided_on: optional(decided),
                note: note.get_untracked(),
                report_due: optional(due),
            },
        };
        send::<DecideApplication>(lang, variables, error, announcer, done);
    };
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="decision-heading">
            <h3 id="decision-heading">{move || i18n.t().land.record_decision} ": " {title.clone()}</h3>
            <ErrorBox error=error />
            <Select id="decision-verdict" name="verdict" label=|t| t.land.verdict value=verdict error=error options=verdicts />
            <Field id="decision-amount" name="grantedAmount" label=|t| t.land.granted_amount_euro value=amount error=error />
            <Field id="decision-date" name="decidedOn" label=|t| t.land.decided_on value=decided error=error kind="date" />
            <Field id="decision-due" name="reportDue" label=|t| t.land.report_due value=due error=error kind="date" />
            <TextArea id="decision-note" label=|t| t.land.decision_note value=note />
            <button type="submit">{move || i18n.t().common.save}</button>
        </form>
    }
}
