//! The organigram's text alternative: the structure as a nested list of bodies.

use leptos::prelude::*;

use super::Body;
use crate::i18n::use_i18n;

/// The structure as a nested list: the organigram's text alternative in the page.
#[component]
pub(super) fn Outline(bodies: Vec<Body>, parent: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let level: Vec<Body> = bodies
        .iter()
        .filter(|b| b.dissolved_on.is_none())
        .filter(|b| {
            let parent_shown = b.parent_id.as_ref().is_some_and(|p| {
                bodies
                    .iter()
                    .any(|x| &x.id == p && x.dissolved_on.is_none())
            });
            match &parent {
                None => !parent_shown,
                Some(p) => b.parent_id.as_ref() == Some(p),
            }
        })
        .cloned()
        .collect();
    if level.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="outline">
            {level
                .into_iter()
                .map(|b| {
                    let children = bodies.clone();
                    let members = b.memberships.len();
                    let reports_to = b
                        .reports_to_id
                        .as_ref()
                        .and_then(|id| bodies.iter().find(|x| &x.id == id))
                        .map(|x| x.name.clone());
                    view! {
                        <li>
                            <strong>{b.name.clone()}</strong>
                            " (" {b.kind_label.clone()} ", " {move || (i18n.t().council.member_count)(members)}
                            {reports_to.map(|name| view! { ", " {move || i18n.t().council.reports_to_note} " " {name} })}
                            ")"
                            <Outline bodies=children parent=Some(b.id.clone()) />
                        </li>
                    }
                    .into_any()
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
