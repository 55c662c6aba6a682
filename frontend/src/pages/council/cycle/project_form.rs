//! Projects: recording one with its goal, owner, funding application, indicators and an
//! interim report; recording measured values; evaluating it; and opening the good practice it
//! becomes in the network (the practice form, filled from the project).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::forms::{number, optional};
use crate::a11y::use_announcer;
use crate::components::{
    Checkbox, ErrorBox, Field, FormError, MultiChoice, Select, SubmitButton, TextArea,
    with_empty_choice,
};
use crate::i18n::use_i18n;
use crate::pages::{from_code, today};
use crate::queries::{
    CycleApplications, EvaluateProject, PracticeFromProject, RecordMeasurement, SaveProject,
    cycle_applications, evaluate_project, practice_from_project, record_measurement, save_project,
};
use crate::submit::{on_submit, save, submit_call};

/// Indicator slots of the new-project form; those left without a name are not sent.
const INDICATOR_SLOTS: usize = 3;

#[component]
pub(super) fn NewProject(
    municipality: String,
    /// The goals (id, title) it may serve.
    goals: Vec<(String, String)>,
    /// The bodies (id, name) the caller may let run it.
    bodies: Vec<(String, String)>,
    /// The organisations (id, name) of the structure that may be partners.
    organisations: Vec<(String, String)>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [
        title,
        description,
        goal,
        owner,
        starts,
        ends,
        budget,
        application,
        report,
        report_due,
    ] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let indicators: [[RwSignal<String>; 4]; INDICATOR_SLOTS] =
        std::array::from_fn(|_| std::array::from_fn(|_| RwSignal::new(String::new())));
    let public = RwSignal::new(false);
    let partners = RwSignal::new(Vec::<String>::new());
    let goals = with_empty_choice(|t| t.cycle.none_chosen, goals);
    let bodies = with_empty_choice(|t| t.cycle.none_chosen, bodies);
    // The municipality's funding applications; a caller who may not read them sees none.
    let m = municipality.clone();
    let applications = LocalResource::new(move || {
        let variables = cycle_applications::Variables {
            municipality_id: m.clone(),
        };
        let lang = i18n.0.get_untracked();
        async move { crate::api::run::<CycleApplications>(lang, variables).await }
    });
    let application_options = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().cycle.none_chosen.to_owned())];
        if let Some(Ok(data)) = applications.get() {
            options.extend(
                data.funding_applications
                    .into_iter()
                    .map(|a| (a.id, format!("{} ({})", a.project_title, a.programme_name))),
            );
        }
        options
    });
    let submit = on_submit(pending, move || {
        let t = i18n.t();
        let mut slots = Vec::new();
        for (n, [name, unit, baseline, target]) in indicators.iter().enumerate() {
            if name.get_untracked().trim().is_empty() {
                continue;
            }
            let parsed = number(*baseline, &format!("indicator-{n}-baseline"), t)
                .and_then(|b| number(*target, &format!("indicator-{n}-target"), t).map(|g| (b, g)));
            match parsed {
                Ok((baseline, target)) => slots.push(save_project::IndicatorInput {
                    id: None,
                    name: name.get_untracked(),
                    unit: unit.get_untracked(),
                    baseline,
                    target,
                }),
                Err(err) => {
                    error.set(Some(err));
                    return;
                }
            }
        }
        let budget_euros = match optional(budget) {
            None => None,
            Some(_) => match number(budget, "budgetEuros", t) {
                // Whole euros; the API bounds the amount.
                #[allow(clippy::cast_possible_truncation)]
                Ok(b) => Some(b.round() as i64),
                Err(err) => {
                    error.set(Some(err));
                    return;
                }
            },
        };
        let milestones = match (optional(report), optional(report_due)) {
            (Some(title), Some(due_on)) => vec![save_project::MilestoneInput {
                id: None,
                kind: from_code("INTERIM_REPORT"),
                title,
                due_on,
                done_on: None,
            }],
            _ => Vec::new(),
        };
        let variables = save_project::Variables {
            municipality_id: municipality.clone(),
            input: save_project::ProjectInput {
                title: title.get_untracked(),
                description: description.get_untracked(),
                goal_id: optional(goal),
                owner_body_id: optional(owner),
                partner_ids: partners.get_untracked(),
                starts_on: optional(starts),
                ends_on: optional(ends),
                budget_euros,
                application_id: optional(application),
                status: from_code("RUNNING"),
                indicators: slots,
                milestones,
                public: public.get_untracked(),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveProject>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="project-form-heading">
            <h3 id="project-form-heading">{move || i18n.t().cycle.new_project}</h3>
            <ErrorBox error=error />
            <Field id="project-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <TextArea id="project-description" label=|t| t.cycle.description value=description />
            <Select id="project-goal" name="goalId" label=|t| t.cycle.serves_goal value=goal error=error options=goals />
            <Select id="project-owner" name="ownerBodyId" label=|t| t.cycle.owner value=owner error=error options=bodies />
            <Field id="project-starts" name="startsOn" kind="date" label=|t| t.cycle.starts value=starts error=error />
            <Field id="project-ends" name="endsOn" kind="date" label=|t| t.cycle.ends value=ends error=error />
            {(!organisations.is_empty()).then(|| view! {
                <MultiChoice id="project-partner" label=|t| t.cycle.partners options=organisations value=partners />
            })}
            <Field id="project-budget" name="budgetEuros" label=|t| t.cycle.budget value=budget error=error />
            <Select id="project-application" name="applicationId" label=|t| t.cycle.funding value=application error=error options=application_options />
            {indicators.into_iter().enumerate().map(|(n, [name, unit, baseline, target])| view! {
                <fieldset>
                    <legend>{move || i18n.t().cycle.indicator} " " {n + 1}</legend>
                    <Field id=format!("indicator-{n}-name") name="indicators.name" label=|t| t.cycle.indicator_name value=name error=error />
                    <Field id=format!("indicator-{n}-unit") name="indicators.unit" label=|t| t.cycle.unit value=unit error=error />
                    <Field id=format!("indicator-{n}-baseline") name="indicators.baseline" label=|t| t.cycle.baseline value=baseline error=error />
                    <Field id=format!("indicator-{n}-target") name="indicators.target" label=|t| t.cycle.target value=target error=error />
                </fieldset>
            }).collect_view()}
            <Field id="project-report" name="milestones.title" label=|t| t.cycle.interim_report value=report error=error />
            <Field id="project-report-due" name="milestones.dueOn" kind="date" label=|t| t.cycle.interim_report_due value=report_due error=error />
            <Checkbox id="project-public" label=|t| t.cycle.mark_public value=public />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}

/// A value measured for one indicator, dated today unless changed.
#[component]
pub(super) fn Measurement(
    municipality: String,
    indicator: String,
    /// The indicator's place on the page, which keeps the form's ids apart.
    key: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let on = RwSignal::new(today());
    let value = RwSignal::new(String::new());
    let heading = format!("{key}-heading");
    let labelled = heading.clone();
    let submit = on_submit(pending, move || {
        let t = i18n.t();
        let value = match number(value, "value", t) {
            Ok(v) => v,
            Err(err) => {
                error.set(Some(err));
                return;
            }
        };
        let variables = record_measurement::Variables {
            municipality_id: municipality.clone(),
            indicator_id: indicator.clone(),
            on: on.get_untracked(),
            value,
        };
        let lang = i18n.0.get_untracked();
        save::<RecordMeasurement>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit inline" on:submit=submit aria-labelledby=labelled>
            <p id=heading class="visually-hidden">{move || i18n.t().cycle.record_value}</p>
            <ErrorBox error=error />
            <Field id=format!("{key}-on") name="on" kind="date" label=|t| t.cycle.measured_on value=on error=error />
            <Field id=format!("{key}-value") name="value" label=|t| t.cycle.value value=value error=error />
            <SubmitButton pending=pending text=|t| t.cycle.record_value />
        </form>
    }
}

/// The evaluation of a project: its day and what it found; the project is then completed.
#[component]
pub(super) fn Evaluation(
    municipality: String,
    project: String,
    key: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let on = RwSignal::new(today());
    let text = RwSignal::new(String::new());
    let heading = format!("{key}-heading");
    let labelled = heading.clone();
    let submit = on_submit(pending, move || {
        let variables = evaluate_project::Variables {
            municipality_id: municipality.clone(),
            id: project.clone(),
            input: evaluate_project::EvaluationInput {
                on: on.get_untracked(),
                text: text.get_untracked(),
                status: None,
            },
        };
        let lang = i18n.0.get_untracked();
        save::<EvaluateProject>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit" on:submit=submit aria-labelledby=labelled>
            <h4 id=heading>{move || i18n.t().cycle.evaluate}</h4>
            <ErrorBox error=error />
            <Field id=format!("{key}-on") name="on" kind="date" label=|t| t.cycle.evaluated_on value=on error=error />
            <TextArea id=format!("{key}-text") label=|t| t.cycle.findings value=text />
            <SubmitButton pending=pending text=|t| t.cycle.evaluate />
        </form>
    }
}

/// Opens the practice form of the network, filled from the project.
#[component]
pub(super) fn ShareAsPractice(
    municipality: String,
    slug: String,
    project: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let open = move |_| {
        let variables = practice_from_project::Variables {
            municipality_id: municipality.clone(),
            id: project.clone(),
        };
        let lang = i18n.0.get_untracked();
        let (navigate, slug) = (navigate.clone(), slug.clone());
        submit_call(
            pending,
            error,
            crate::api::run::<PracticeFromProject>(lang, variables),
            move |answer| {
                let id = answer.practice_from_project;
                navigate(
                    &format!("/kommunen/{slug}/praxis?bearbeiten={id}"),
                    Default::default(),
                );
            },
        );
    };
    view! {
        <ErrorBox error=error />
        <button type="button" class="secondary" disabled=move || pending.get() on:click=open>
            {move || i18n.t().cycle.share_as_practice}
        </button>
    }
}
