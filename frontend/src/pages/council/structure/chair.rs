//! Who chairs the whole council and who deputises: shown to everyone who sees the structure,
//! chosen among the council's people by those who manage it.

use leptos::prelude::*;

use crate::a11y::use_announcer;
use crate::components::{ErrorBox, FormError, Select, SubmitButton, with_empty_choice};
use crate::i18n::use_i18n;
use crate::queries::{SetCouncilChair, council_structure, set_council_chair};
use crate::submit::{on_submit, save};

type Structure = council_structure::CouncilStructureCouncilStructure;

/// A person holding an office: the name, with the function when it says more.
fn holder(name: &str, function: Option<&str>) -> String {
    match function.filter(|f| !f.trim().is_empty() && *f != name) {
        Some(function) => format!("{name} ({function})"),
        None => name.to_owned(),
    }
}

/// "Vorsitz: … · Stellvertretung: …", naming the offices that are filled; nothing when neither
/// is.
#[component]
pub(super) fn ChairLine(data: Structure) -> impl IntoView {
    let i18n = use_i18n();
    let chair = data
        .chair
        .as_ref()
        .map(|p| holder(&p.name, p.function_title.as_deref()));
    let deputy = data
        .deputy_chair
        .as_ref()
        .map(|p| holder(&p.name, p.function_title.as_deref()));
    if chair.is_none() && deputy.is_none() {
        return ().into_any();
    }
    let line = move || {
        let t = &i18n.t().council;
        [(t.council_chair, &chair), (t.council_deputy_chair, &deputy)]
            .into_iter()
            .filter_map(|(office, person)| person.as_ref().map(|p| format!("{office}: {p}")))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! { <p class="council-chair">{line}</p> }.into_any()
}

/// Choosing the council's chair and deputy; "nicht besetzt" clears an office.
#[component]
pub(super) fn ChairForm(
    municipality: String,
    data: Structure,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let current = |person: Option<&String>| RwSignal::new(person.cloned().unwrap_or_default());
    let chair = current(data.chair.as_ref().map(|p| &p.id));
    let deputy = current(data.deputy_chair.as_ref().map(|p| &p.id));
    let people: Vec<(String, String)> = data
        .people
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let chairs = with_empty_choice(|t| t.council.no_chair, people.clone());
    let deputies = with_empty_choice(|t| t.council.no_chair, people);
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let chosen =
            |value: RwSignal<String>| Some(value.get_untracked()).filter(|v| !v.is_empty());
        let variables = set_council_chair::Variables {
            municipality_id: municipality.clone(),
            chair_id: chosen(chair),
            deputy_chair_id: chosen(deputy),
        };
        save::<SetCouncilChair>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().council.council_chair_title}</h2>
            <ErrorBox error=error />
            <Select id="council-chair" name="chairId" label=|t| t.council.council_chair value=chair error=error options=chairs />
            <Select id="council-deputy-chair" name="deputyChairId" label=|t| t.council.council_deputy_chair value=deputy error=error options=deputies />
            <SubmitButton pending=pending text=|t| t.council.council_chair_submit />
        </form>
    }
}
