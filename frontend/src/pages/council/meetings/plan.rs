//! The year's meeting plan: how many meetings each body holds this year against the cadence
//! its configuration asks for.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::pages::today;
use crate::queries::meetings_of;

/// The current year, for the meeting plan.
pub(super) fn this_year() -> i64 {
    today()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or_default()
}

/// The year's meeting plan: each body with a cadence, its meetings this year, and whether it
/// falls behind (more meetings to schedule).
#[component]
pub(super) fn Plan(rows: Vec<meetings_of::MeetingsOfMeetingPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let year = this_year();
    (!rows.is_empty()).then(|| {
        view! {
            <table>
                <caption>{move || format!("{} {year}", i18n.t().council.meeting_plan_title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().council.body}</th>
                        <th scope="col" class="number">{move || i18n.t().council.plan_per_year}</th>
                        <th scope="col" class="number">{move || i18n.t().council.plan_meetings}</th>
                        <th scope="col">{move || i18n.t().council.plan_state}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let behind = r.behind;
                        view! {
                            <tr>
                                <th scope="row">{r.body_name.clone()}</th>
                                <td class="number">{r.per_year}</td>
                                <td class="number">{r.meetings}</td>
                                <td>{move || if behind {
                                    i18n.t().council.plan_behind
                                } else {
                                    i18n.t().council.plan_on_track
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}
