//! Recording the cycle's first strands: a hot spot of the security analysis, a citizens'
//! demand (from a survey, a petition, a resolution), and a goal of the strategy. Each form
//! stays open for the next entry; the page loads again after a save.

use leptos::prelude::*;

use crate::a11y::use_announcer;
use crate::api::ApiError;
use crate::components::{
    Checkbox, ErrorBox, Field, FormError, Select, SubmitButton, TextArea, code_choices,
    invalid_number, with_empty_choice,
};
use crate::i18n::{Texts, use_i18n};
use crate::pages::from_code;
use crate::queries::{SaveDemand, SaveGoal, SaveHotSpot, save_demand, save_goal, save_hot_spot};
use crate::submit::{on_submit, save};

/// A field's text, `None` when nothing is typed.
pub(super) fn optional(value: RwSignal<String>) -> Option<String> {
    Some(value.get_untracked()).filter(|v| !v.trim().is_empty())
}

/// A number as typed (a decimal comma is read as a point); a refusal at `field` in the user's
/// language when it is none, so that nothing is sent in vain.
pub(super) fn number(
    value: RwSignal<String>,
    field: &str,
    t: &'static Texts,
) -> Result<f64, ApiError> {
    value
        .get_untracked()
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| ApiError::Refused {
            code: "VALIDATION".into(),
            message: t.cycle.number_needed.into(),
            field: Some(field.into()),
        })
}

/// A year as typed: a whole number (the API bounds it).
pub(super) fn whole_year(value: RwSignal<String>, t: &'static Texts) -> Result<i64, ApiError> {
    value
        .get_untracked()
        .trim()
        .parse::<i64>()
        .map_err(|_| invalid_number("year", t))
}

/// The kinds of source a demand has, after an empty choice: the API needs one and says so.
fn source_options() -> Signal<Vec<(String, String)>> {
    code_choices(
        Some(|t| t.council.choose),
        &[
            ("SURVEY", |t| t.cycle.source_survey),
            ("PETITION", |t| t.cycle.source_petition),
            ("RESOLUTION", |t| t.cycle.source_resolution),
            ("OTHER", |t| t.cycle.source_other),
        ],
    )
}

#[component]
pub(super) fn NewHotSpot(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [name, year, area, address, reasons, latitude, longitude] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let public = RwSignal::new(false);
    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let year = match whole_year(year, i18n.t()) {
            Ok(y) => y,
            Err(err) => {
                error.set(Some(err));
                return;
            }
        };
        // Coordinates are optional; a typed one must be a number (the API checks the range).
        let coordinate = |value: RwSignal<String>, field: &str| match optional(value) {
            None => Ok(None),
            Some(_) => number(value, field, i18n.t()).map(Some),
        };
        let (latitude, longitude) = match coordinate(latitude, "latitude")
            .and_then(|la| coordinate(longitude, "longitude").map(|lo| (la, lo)))
        {
            Ok(both) => both,
            Err(err) => {
                error.set(Some(err));
                return;
            }
        };
        let variables = save_hot_spot::Variables {
            municipality_id: municipality.clone(),
            input: save_hot_spot::HotSpotInput {
                year,
                name: name.get_untracked(),
                area: area.get_untracked(),
                address: address.get_untracked(),
                latitude,
                longitude,
                reasons: reasons.get_untracked(),
                public: public.get_untracked(),
            },
        };
        save::<SaveHotSpot>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="hot-spot-form-heading">
            <h3 id="hot-spot-form-heading">{move || i18n.t().cycle.new_hot_spot}</h3>
            <ErrorBox error=error />
            <Field id="hot-spot-name" name="name" label=|t| t.cycle.place_name value=name error=error required=true />
            <Field id="hot-spot-year" name="year" kind="number" label=|t| t.cycle.year value=year error=error required=true />
            <Field id="hot-spot-address" name="address" label=|t| t.cycle.address value=address error=error />
            <Field id="hot-spot-area" name="area" label=|t| t.cycle.area value=area error=error />
            <Field id="hot-spot-latitude" name="latitude" label=|t| t.cycle.latitude value=latitude error=error />
            <Field id="hot-spot-longitude" name="longitude" label=|t| t.cycle.longitude value=longitude error=error />
            <TextArea id="hot-spot-reasons" label=|t| t.cycle.reasons value=reasons />
            <Checkbox id="hot-spot-public" label=|t| t.cycle.mark_public value=public />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}

#[component]
pub(super) fn NewDemand(
    municipality: String,
    /// The hot spots (id, name) a demand may be about.
    hot_spots: Vec<(String, String)>,
    /// The bodies (id, name) that may answer for it.
    bodies: Vec<(String, String)>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [
        title,
        description,
        kind,
        source,
        spot,
        place,
        body,
        responsible,
        due,
    ] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let public = RwSignal::new(false);
    let spots = with_empty_choice(|t| t.cycle.none_chosen, hot_spots);
    let bodies = with_empty_choice(|t| t.cycle.none_chosen, bodies);
    let kinds = source_options();
    let submit = on_submit(pending, move || {
        let variables = save_demand::Variables {
            municipality_id: municipality.clone(),
            input: save_demand::DemandInput {
                title: title.get_untracked(),
                description: description.get_untracked(),
                // The generated enums read any text (as `Other`): the empty choice stays out.
                source_kind: optional(kind).and_then(|k| from_code(&k)),
                source: source.get_untracked(),
                hot_spot_id: optional(spot),
                place: place.get_untracked(),
                responsible_body_id: optional(body),
                responsible: responsible.get_untracked(),
                status: None,
                due_on: optional(due),
                public: public.get_untracked(),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveDemand>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="demand-form-heading">
            <h3 id="demand-form-heading">{move || i18n.t().cycle.new_demand}</h3>
            <ErrorBox error=error />
            <Field id="demand-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <TextArea id="demand-description" label=|t| t.cycle.description value=description />
            <Select id="demand-source-kind" name="sourceKind" label=|t| t.cycle.source_kind value=kind error=error options=kinds />
            <Field id="demand-source" name="source" label=|t| t.cycle.source value=source error=error />
            <Select id="demand-hot-spot" name="hotSpotId" label=|t| t.cycle.from_hot_spot value=spot error=error options=spots />
            <Field id="demand-place" name="place" label=|t| t.cycle.place value=place error=error />
            <Select id="demand-body" name="responsibleBodyId" label=|t| t.cycle.responsible_body value=body error=error options=bodies />
            <Field id="demand-responsible" name="responsible" label=|t| t.cycle.responsible value=responsible error=error />
            <Field id="demand-due" name="dueOn" kind="date" label=|t| t.cycle.due value=due error=error />
            <Checkbox id="demand-public" label=|t| t.cycle.mark_public value=public />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}

#[component]
pub(super) fn NewGoal(
    municipality: String,
    /// The fields of action (id, "I Name").
    fields: Vec<(String, String)>,
    /// The demands (id, title) a goal may answer.
    demands: Vec<(String, String)>,
    bodies: Vec<(String, String)>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [title, field, what, how, place, demand, body, adopted] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let public = RwSignal::new(false);
    let fields = with_empty_choice(|t| t.cycle.none_chosen, fields);
    let demands = with_empty_choice(|t| t.cycle.none_chosen, demands);
    let bodies = with_empty_choice(|t| t.cycle.none_chosen, bodies);
    let submit = on_submit(pending, move || {
        let variables = save_goal::Variables {
            municipality_id: municipality.clone(),
            input: save_goal::GoalInput {
                action_field_id: optional(field),
                title: title.get_untracked(),
                what: what.get_untracked(),
                how: how.get_untracked(),
                place: place.get_untracked(),
                demand_id: optional(demand),
                adopting_body_id: optional(body),
                adopted_on: optional(adopted),
                public: public.get_untracked(),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveGoal>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="goal-form-heading">
            <h3 id="goal-form-heading">{move || i18n.t().cycle.new_goal}</h3>
            <ErrorBox error=error />
            <Field id="goal-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <Select id="goal-field" name="actionFieldId" label=|t| t.cycle.action_field value=field error=error options=fields />
            <TextArea id="goal-what" label=|t| t.cycle.what value=what />
            <TextArea id="goal-how" label=|t| t.cycle.how value=how />
            <Field id="goal-place" name="place" label=|t| t.cycle.place value=place error=error />
            <Select id="goal-demand" name="demandId" label=|t| t.cycle.answers_demand value=demand error=error options=demands />
            <Select id="goal-body" name="adoptingBodyId" label=|t| t.cycle.adopting_body value=body error=error options=bodies />
            <Field id="goal-adopted" name="adoptedOn" kind="date" label=|t| t.cycle.adopted value=adopted error=error />
            <Checkbox id="goal-public" label=|t| t.cycle.mark_public value=public />
            <SubmitButton pending=pending text=|t| t.cycle.save />
        </form>
    }
}
