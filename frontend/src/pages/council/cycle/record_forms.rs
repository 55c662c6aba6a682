//! Recording the analysis's figures, the fields of action and the inventory; and deleting a
//! record recorded in error (the API refuses one that others build on, and says so).

use leptos::prelude::*;

use super::forms::{number, optional, whole_year};
use crate::a11y::use_announcer;
use crate::components::{
    Checkbox, ErrorBox, Field, FormError, Select, SubmitButton, TextArea, code_choices,
    with_empty_choice,
};
use crate::i18n::use_i18n;
use crate::pages::from_code;
use crate::pages::today;
use crate::queries::{
    CompleteMilestone, InventoryLinks, SaveActionField, SaveInventoryItem, SaveSafetyFigure,
    SetDemandStatus, complete_milestone, inventory_links, save_action_field, save_inventory_item,
    save_safety_figure, set_demand_status,
};
use crate::submit::{Mutation, announce, on_submit, save};

#[component]
pub(super) fn NewFigure(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [year, area, kind, category, value, unit, source] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let public = RwSignal::new(false);
    let kinds = code_choices(
        Some(|t| t.council.choose),
        &[
            ("CRIME", |t| t.cycle.figure_crime),
            ("SURVEY", |t| t.cycle.figure_survey),
        ],
    );
    let submit = on_submit(pending, move || {
        let t = i18n.t();
        let parsed = whole_year(year, t).and_then(|y| number(value, "value", t).map(|v| (y, v)));
        let (year, value) = match parsed {
            Ok(p) => p,
            Err(err) => {
                error.set(Some(err));
                return;
            }
        };
        let variables = save_safety_figure::Variables {
            municipality_id: municipality.clone(),
            input: save_safety_figure::SafetyFigureInput {
                year,
                area: area.get_untracked(),
                kind: optional(kind).and_then(|k| from_code(&k)),
                category: category.get_untracked(),
                value,
                unit: unit.get_untracked(),
                source: source.get_untracked(),
                public: public.get_untracked(),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveSafetyFigure>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="figure-form-heading">
            <h3 id="figure-form-heading">{move || i18n.t().cycle.new_figure}</h3>
            <ErrorBox error=error />
            <Field id="figure-year" name="year" label=|t| t.cycle.year value=year error=error required=true />
            <Field id="figure-area" name="area" label=|t| t.cycle.area value=area error=error required=true />
            <Select id="figure-kind" name="kind" label=|t| t.cycle.figure_kind value=kind error=error options=kinds />
            <Field id="figure-category" name="category" label=|t| t.cycle.category value=category error=error required=true />
            <Field id="figure-value" name="value" label=|t| t.cycle.value value=value error=error required=true />
            <Field id="figure-unit" name="unit" label=|t| t.cycle.unit value=unit error=error />
            <Field id="figure-source" name="source" label=|t| t.cycle.source value=source error=error required=true />
            <Checkbox id="figure-public" label=|t| t.cycle.mark_public value=public />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}

#[component]
pub(super) fn NewActionField(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [code, name, description] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let submit = on_submit(pending, move || {
        let variables = save_action_field::Variables {
            municipality_id: municipality.clone(),
            input: save_action_field::ActionFieldInput {
                code: code.get_untracked(),
                name: name.get_untracked(),
                description: description.get_untracked(),
                position: 0,
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveActionField>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="field-form-heading">
            <h3 id="field-form-heading">{move || i18n.t().cycle.new_action_field}</h3>
            <ErrorBox error=error />
            <Field id="field-code" name="code" label=|t| t.cycle.field_code value=code error=error required=true />
            <Field id="field-name" name="name" label=|t| t.cycle.indicator_name value=name error=error required=true />
            <TextArea id="field-description" label=|t| t.cycle.description value=description />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}

#[component]
pub(super) fn NewInventoryItem(
    municipality: String,
    /// The fields of action (id, "I Name").
    fields: Vec<(String, String)>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [
        kind,
        name,
        field,
        provider,
        assessment,
        note,
        practice,
        offer,
    ] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // What an entry may be: the city's own practices and the network's catalogue; a caller who
    // may not read the practices sees no choices (the API would refuse them anyway).
    let m = municipality.clone();
    let links = LocalResource::new(move || {
        let variables = inventory_links::Variables {
            municipality_id: m.clone(),
        };
        let lang = i18n.0.get_untracked();
        async move { crate::api::run::<InventoryLinks>(lang, variables).await }
    });
    let practices = Signal::derive(move || {
        let mut all = vec![(String::new(), i18n.t().cycle.none_chosen.to_owned())];
        if let Some(Ok(data)) = links.get() {
            all.extend(data.practices.into_iter().map(|p| (p.id, p.title)));
        }
        all
    });
    let offers = Signal::derive(move || {
        let mut all = vec![(String::new(), i18n.t().cycle.none_chosen.to_owned())];
        if let Some(Ok(data)) = links.get() {
            all.extend(
                data.catalogue
                    .into_iter()
                    .map(|o| (o.id, format!("{} ({})", o.title, o.certifier_name))),
            );
        }
        all
    });
    let fields = with_empty_choice(|t| t.cycle.none_chosen, fields);
    let kinds = code_choices(
        Some(|t| t.council.choose),
        &[
            ("OFFER", |t| t.cycle.kind_offer),
            ("PROJECT", |t| t.cycle.kind_project),
            ("INITIATIVE", |t| t.cycle.kind_initiative),
            ("BODY", |t| t.cycle.kind_body),
        ],
    );
    let assessments = code_choices(
        Some(|t| t.council.choose),
        &[
            ("COVERED", |t| t.cycle.assessment_covered),
            ("GAP", |t| t.cycle.assessment_gap),
            ("OVERLAP", |t| t.cycle.assessment_overlap),
        ],
    );
    let submit = on_submit(pending, move || {
        let variables = save_inventory_item::Variables {
            municipality_id: municipality.clone(),
            input: save_inventory_item::InventoryItemInput {
                kind: optional(kind).and_then(|k| from_code(&k)),
                name: name.get_untracked(),
                action_field_id: optional(field),
                practice_id: optional(practice),
                catalogue_offer_id: optional(offer),
                provider: provider.get_untracked(),
                assessment: optional(assessment).and_then(|a| from_code(&a)),
                note: note.get_untracked(),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveInventoryItem>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="inventory-form-heading">
            <h3 id="inventory-form-heading">{move || i18n.t().cycle.new_inventory_item}</h3>
            <ErrorBox error=error />
            <Select id="inventory-kind" name="kind" label=|t| t.cycle.inventory_kind value=kind error=error options=kinds />
            <Field id="inventory-name" name="name" label=|t| t.cycle.indicator_name value=name error=error required=true />
            <Select id="inventory-field" name="actionFieldId" label=|t| t.cycle.action_field value=field error=error options=fields />
            <Select id="inventory-practice" name="practiceId" label=|t| t.cycle.own_practice value=practice error=error options=practices />
            <Select id="inventory-offer" name="catalogueOfferId" label=|t| t.cycle.catalogue_offer value=offer error=error options=offers />
            <Field id="inventory-provider" name="provider" label=|t| t.cycle.provider value=provider error=error />
            <Select id="inventory-assessment" name="assessment" label=|t| t.cycle.assessment value=assessment error=error options=assessments />
            <TextArea id="inventory-note" label=|t| t.cycle.note value=note />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}

/// A button that deletes one record with `Q`; the outcome is announced (a record others
/// build on is refused with the reason), and the page loads again.
pub(super) fn delete_button<Q>(
    variables: Q::Variables,
    what: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    Q: Mutation<Variables: Clone + Send + Sync>,
{
    let i18n = use_i18n();
    let announcer = use_announcer();
    let delete = move |_| {
        let lang = i18n.0.get_untracked();
        announce::<Q>(
            lang,
            variables.clone(),
            announcer,
            |t| t.cycle.deleted,
            reload,
        );
    };
    view! {
        <button type="button" class="link-button" on:click=delete>
            {move || i18n.t().cycle.delete} <span class="visually-hidden">" " {what}</span>
        </button>
    }
}

/// Moves a demand to another status.
#[component]
pub(super) fn DemandStatus(
    municipality: String,
    demand: String,
    /// The demand's place on the page, which keeps the form's ids apart.
    key: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let statuses = code_choices(
        Some(|t| t.council.choose),
        &[
            ("OPEN", |t| t.cycle.status_open),
            ("IN_PROGRESS", |t| t.cycle.status_in_progress),
            ("DONE", |t| t.cycle.status_done),
            ("REJECTED", |t| t.cycle.status_rejected),
        ],
    );
    let heading = format!("{key}-heading");
    let labelled = heading.clone();
    let submit = on_submit(pending, move || {
        let Some(chosen) = optional(status).and_then(|s| from_code(&s)) else {
            return;
        };
        let variables = set_demand_status::Variables {
            municipality_id: municipality.clone(),
            id: demand.clone(),
            status: chosen,
        };
        let lang = i18n.0.get_untracked();
        save::<SetDemandStatus>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit inline" on:submit=submit aria-labelledby=labelled>
            <p id=heading class="visually-hidden">{move || i18n.t().cycle.change_status}</p>
            <ErrorBox error=error />
            <Select id=format!("{key}-status") name="status" label=|t| t.cycle.status value=status error=error options=statuses />
            <SubmitButton pending=pending text=|t| t.cycle.change_status />
        </form>
    }
}

/// A button that records a milestone as done today.
pub(super) fn done_button(
    municipality: String,
    milestone: String,
    what: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let done = move |_| {
        let variables = complete_milestone::Variables {
            municipality_id: municipality.clone(),
            id: milestone.clone(),
            done_on: today(),
        };
        let lang = i18n.0.get_untracked();
        announce::<CompleteMilestone>(lang, variables, announcer, |t| t.common.saved, reload);
    };
    view! {
        <button type="button" class="link-button" on:click=done>
            {move || i18n.t().cycle.mark_done} <span class="visually-hidden">" " {what}</span>
        </button>
    }
}
