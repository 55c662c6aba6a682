//! Editing the whole configuration of a body: kind, place in the structure, limits, required
//! seats, founding and dissolution.

use leptos::prelude::*;

use super::{Body, SECTORS, active_bodies, kind_options};
use crate::a11y::use_announcer;
use crate::components::{
    Checkbox, ErrorBox, Field, FormError, SaveCancel, Select, TextArea, with_empty_choice,
};
use crate::i18n::{LangExt, use_i18n};
use crate::pages::{code, from_code};
use crate::queries::{UpdateBody, update_body};
use crate::submit::{on_submit, save};

/// One required seat while it is being edited.
#[derive(Clone, Copy, Debug)]
struct SeatRow {
    key: u32,
    label: RwSignal<String>,
    sector: RwSignal<String>,
    count: RwSignal<String>,
}

/// Numbers typed into a form: empty is "none"; anything else must be a whole number.
fn number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// The whole configuration of a body, for its administrators and leads; moving, limits and
/// dissolution are refused by the server for leads.
#[component]
pub(super) fn BodyForm(
    body: Body,
    municipality: String,
    bodies: Vec<Body>,
    done: impl Fn() + Copy + Send + Sync + 'static,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let text = |value: &Option<String>| RwSignal::new(value.clone().unwrap_or_default());
    let count =
        |value: Option<i64>| RwSignal::new(value.map(|v| v.to_string()).unwrap_or_default());
    let name = RwSignal::new(body.name.clone());
    let kind = RwSignal::new(code(&body.kind));
    let parent = text(&body.parent_id);
    let reports_to = text(&body.reports_to_id);
    let tasks = RwSignal::new(body.tasks.clone());
    let chair = text(&body.chair_rule);
    let meetings = count(body.meetings_per_year);
    let min = count(body.min_members);
    let max = count(body.max_members);
    let term = count(body.term_months);
    let public = RwSignal::new(body.public);
    let moderators = RwSignal::new(body.moderators_are_members);
    let moderator_seat = RwSignal::new(body.moderator_takes_seat);
    let appointment = text(&body.appointment_procedure);
    let founded_on = text(&body.founded_on);
    let founding = text(&body.founding_resolution);
    let dissolved_on = text(&body.dissolved_on);
    let dissolution = text(&body.dissolution_resolution);
    let next_key = RwSignal::new(0_u32);
    let new_row = move |label: String, sector: String, count: String| {
        let key = next_key.get_untracked();
        next_key.set(key + 1);
        SeatRow {
            key,
            label: RwSignal::new(label),
            sector: RwSignal::new(sector),
            count: RwSignal::new(count),
        }
    };
    let seats = RwSignal::new(
        body.seats
            .iter()
            .map(|s| new_row(s.label.clone(), code(&s.sector), s.seats.to_string()))
            .collect::<Vec<_>>(),
    );
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let kinds = kind_options();
    let others = active_bodies(bodies.iter().filter(|b| b.id != body.id));
    let parents = with_empty_choice(|t| t.council.no_parent, others.clone());
    let reporting = with_empty_choice(|t| t.council.reports_to_parent, others);
    let submit = on_submit(pending, move || {
        let Some(kind_value) = from_code::<update_body::BodyKind>(&kind.get_untracked()) else {
            return;
        };
        let lang = i18n.0.get_untracked();
        let mut numbers = Vec::new();
        for (field, value) in [
            ("meetingsPerYear", meetings),
            ("minMembers", min),
            ("maxMembers", max),
            ("termMonths", term),
        ] {
            let typed = value.get_untracked();
            match number(&typed) {
                None if !typed.trim().is_empty() => {
                    error.set(Some(crate::components::invalid_number(field, lang.texts())));
                    return;
                }
                parsed => numbers.push(parsed),
            }
        }
        let optional =
            |value: RwSignal<String>| Some(value.get_untracked()).filter(|v| !v.trim().is_empty());
        let variables = update_body::Variables {
            municipality_id: municipality.clone(),
            id: body.id.clone(),
            input: update_body::BodyInput {
                parent_id: optional(parent),
                reports_to_id: optional(reports_to),
                name: name.get_untracked(),
                kind: kind_value,
                own_kind: body.own_kind.clone(),
                scope: body.scope.as_ref().and_then(|s| from_code(&code(s))),
                district: body.district.clone(),
                tasks: tasks.get_untracked(),
                chair_rule: optional(chair),
                meetings_per_year: numbers[0],
                min_members: numbers[1],
                max_members: numbers[2],
                term_months: numbers[3],
                appointment_procedure: optional(appointment),
                public: public.get_untracked(),
                moderators_are_members: moderators.get_untracked(),
                moderator_takes_seat: moderator_seat.get_untracked(),
                founded_on: optional(founded_on),
                founding_resolution: optional(founding),
                dissolved_on: optional(dissolved_on),
                dissolution_resolution: optional(dissolution),
                seats: seats
                    .get_untracked()
                    .iter()
                    .filter(|row| !row.label.get_untracked().trim().is_empty())
                    .filter_map(|row| {
                        Some(update_body::SeatInput {
                            label: row.label.get_untracked(),
                            sector: from_code(&row.sector.get_untracked())?,
                            seats: number(&row.count.get_untracked()).unwrap_or(1),
                        })
                    })
                    .collect(),
            },
        };
        save::<UpdateBody>(lang, variables, pending, error, announcer, move || {
            done();
            reload();
        });
    });
    view! {
        <form class="edit" id="body-form" on:submit=submit>
            <ErrorBox error=error />
            <Field id="edit-name" name="name" label=|t| t.common.name value=name error=error required=true />
            <Select id="edit-kind" name="kind" label=|t| t.council.body_kind value=kind error=error options=kinds />
            <Select id="edit-parent" name="parentId" label=|t| t.council.parent_body value=parent error=error options=parents />
            <Select id="edit-reports-to" name="reportsToId" label=|t| t.council.reports_to value=reports_to error=error options=reporting />
            <TextArea id="edit-tasks" label=|t| t.council.tasks value=tasks />
            <Field id="edit-chair" name="chairRule" label=|t| t.council.chair_rule value=chair error=error />
            <Field id="edit-meetings" name="meetingsPerYear" label=|t| t.council.meetings_per_year value=meetings error=error />
            <Field id="edit-min" name="minMembers" label=|t| t.council.min_members value=min error=error />
            <Field id="edit-max" name="maxMembers" label=|t| t.council.max_members value=max error=error />
            <Field id="edit-term" name="termMonths" label=|t| t.council.term_months value=term error=error />
            <Field id="edit-appointment" name="appointmentProcedure" label=|t| t.council.appointment_procedure value=appointment error=error />
            <Checkbox id="edit-public" label=|t| t.council.public_body value=public />
            <Checkbox id="edit-moderators" label=|t| t.council.moderators_are_members value=moderators />
            {move || (kind.get() == "WORKING_GROUP").then(|| view! {
                <Checkbox id="edit-moderator-seat" label=|t| t.council.moderator_takes_seat value=moderator_seat />
            })}
            <fieldset>
                <legend>{move || i18n.t().council.seats_title}</legend>
                {move || {
                    seats
                        .get()
                        .into_iter()
                        .map(|row| {
                            let (label_id, sector_id, count_id) = (
                                format!("seat-label-{}", row.key),
                                format!("seat-sector-{}", row.key),
                                format!("seat-count-{}", row.key),
                            );
                            view! {
                                <div class="seat-row">
                                    <div class="field">
                                        <label for=label_id.clone()>{move || i18n.t().council.seat_label}</label>
                                        <input id=label_id prop:value=move || row.label.get() on:input=move |ev| row.label.set(event_target_value(&ev)) />
                                    </div>
                                    <div class="field">
                                        <label for=sector_id.clone()>{move || i18n.t().council.seat_sector}</label>
                                        <select id=sector_id on:change=move |ev| row.sector.set(event_target_value(&ev))>
                                            {SECTORS
                                                .iter()
                                                .map(|(code, de, en)| {
                                                    let code = *code;
                                                    view! {
                                                        <option value=code selected=move || row.sector.get() == code>
                                                            {move || if i18n.lang() == crate::i18n::Lang::De { *de } else { *en }}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for=count_id.clone()>{move || i18n.t().council.seat_count}</label>
                                        <input id=count_id type="number" min="1" prop:value=move || row.count.get() on:input=move |ev| row.count.set(event_target_value(&ev)) />
                                    </div>
                                    <button
                                        type="button"
                                        class="secondary field"
                                        on:click=move |_| seats.update(|rows| rows.retain(|r| r.key != row.key))
                                    >
                                        {move || i18n.t().council.seat_remove}
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()
                }}
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        let row = new_row(String::new(), "POLICE".to_owned(), "1".to_owned());
                        seats.update(|rows| rows.push(row));
                    }
                >
                    {move || i18n.t().council.seat_add}
                </button>
            </fieldset>
            <Field id="edit-founded" name="foundedOn" kind="date" label=|t| t.council.founded_on value=founded_on error=error />
            <Field id="edit-founding" name="foundingResolution" label=|t| t.council.founding_resolution_body value=founding error=error />
            <Field id="edit-dissolved" name="dissolvedOn" kind="date" label=|t| t.council.dissolved_on value=dissolved_on error=error />
            <Field id="edit-dissolution" name="dissolutionResolution" label=|t| t.council.dissolution_resolution value=dissolution error=error />
            <SaveCancel pending=pending cancel=done />
        </form>
    }
}
