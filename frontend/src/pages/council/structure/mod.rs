//! A council's structure: its chair, organigram, bodies with their members, warnings; for its
//! administrators the template to start from, the choice of chair and forms to add bodies,
//! people and memberships.
//!
//! One module per part of the page; this one loads the structure, lays out the page, and holds
//! the code lists with their labels that several forms offer.

mod bodies;
mod body_form;
mod chair;
mod import;
mod memberships;
mod organigram;
mod people;
mod rules;
mod template;

use leptos::prelude::*;
use leptos_router::components::A;

use bodies::{AddBody, BodyCard};
use chair::{ChairForm, ChairLine};
use import::ImportForm;
use memberships::AddMembershipForm;
use organigram::Outline;
use people::{AddOrganisation, AddPerson, People};
use rules::Rules;
use template::TemplateChooser;

use crate::a11y::PageTitle;
use crate::i18n::{Texts, use_i18n};
use crate::queries::{CouncilStructure, council_structure};

type Data = council_structure::ResponseData;
type Body = council_structure::CouncilStructureCouncilStructureBodies;

/// Everything the page shows, loaded in two calls (the municipality by address, then its
/// structure).
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    municipality_id: String,
    municipality_name: String,
    slug: String,
    data: Data,
}

/// Membership roles as the API spells them, in the order the membership form offers them.
const ROLES: [&str; 6] = [
    "CHAIR",
    "DEPUTY",
    "MODERATOR",
    "MEMBER",
    "ADVISORY_GUEST",
    "TEMPORARY_PARTICIPANT",
];

/// Kinds of body as the API spells them, in the order the body forms offer them.
const KINDS: [&str; 8] = [
    "LEADERSHIP",
    "LEADERSHIP_STAFF",
    "STEERING_GROUP",
    "COORDINATION_OFFICE",
    "WORKING_GROUP",
    "PLENARY_ASSEMBLY",
    "SECURITY_CONFERENCE",
    "OWN",
];

/// Sectors as the API spells them, with their German and English names.
const SECTORS: [(&str, &str, &str); 11] = [
    ("POLICE", "Polizei", "Police"),
    ("JUSTICE", "Justiz", "Justice"),
    ("SCIENCE", "Wissenschaft", "Science"),
    ("SOCIAL_SERVICES", "Soziales", "Social services"),
    ("FREE_CARRIER", "Freier Träger", "Independent provider"),
    ("EDUCATION", "Bildung", "Education"),
    ("ADMINISTRATION", "Verwaltung", "Administration"),
    ("POLITICS", "Politik", "Politics"),
    ("CIVIL_SOCIETY", "Zivilgesellschaft", "Civil society"),
    ("BUSINESS", "Wirtschaft", "Business"),
    ("OTHER", "Sonstige", "Other"),
];

fn role_label(code: &str, t: &Texts) -> &'static str {
    match code {
        "CHAIR" => t.council.role_chair,
        "DEPUTY" => t.council.role_deputy,
        "MODERATOR" => t.council.role_moderator,
        "ADVISORY_GUEST" => t.council.role_advisory_guest,
        "TEMPORARY_PARTICIPANT" => t.council.role_temporary,
        _ => t.council.role_member,
    }
}

fn kind_label(code: &str, t: &Texts) -> &'static str {
    match code {
        "LEADERSHIP" => t.council.kind_leadership,
        "LEADERSHIP_STAFF" => t.council.kind_leadership_staff,
        "STEERING_GROUP" => t.council.kind_steering_group,
        "COORDINATION_OFFICE" => t.council.kind_coordination_office,
        "PLENARY_ASSEMBLY" => t.council.kind_plenary_assembly,
        "SECURITY_CONFERENCE" => t.council.kind_security_conference,
        "OWN" => t.council.kind_own,
        _ => t.council.kind_working_group,
    }
}

/// The kinds of body with their labels, as the body forms offer them.
fn kind_options() -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| ((*k).to_owned(), kind_label(k, i18n.t()).to_owned()))
            .collect()
    })
}

/// The bodies that are not dissolved, as (id, name) options: only they take members, adopt
/// rules or have bodies below them.
fn active_bodies<'a>(bodies: impl IntoIterator<Item = &'a Body>) -> Vec<(String, String)> {
    bodies
        .into_iter()
        .filter(|b| b.dissolved_on.is_none())
        .map(|b| (b.id.clone(), b.name.clone()))
        .collect()
}

#[component]
pub fn Structure() -> impl IntoView {
    let version = RwSignal::new(0_u32);
    let loaded = crate::pages::of_municipality::<CouncilStructure>(version, |m| {
        council_structure::Variables {
            municipality_id: m.id,
        }
    });
    let reload = move || version.update(|v| *v += 1);
    crate::pages::loaded(loaded, move |(m, data)| {
        let loaded = Loaded {
            municipality_id: m.id,
            municipality_name: m.name,
            slug: m.slug,
            data,
        };
        view! { <Page loaded=loaded reload=reload /> }
    })
}

#[component]
fn Page(loaded: Loaded, reload: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let structure = loaded.data.council_structure.clone();
    let templates = loaded.data.structure_templates.clone();
    let name = loaded.municipality_name.clone();
    let title = Signal::derive(move || format!("{} – {}", i18n.t().council.structure_title, name));
    let manage = structure.can_manage;
    let empty = structure.bodies.is_empty();
    let svg = structure.organigram_svg.clone();
    let download = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(web_sys::js_sys::encode_uri_component(&svg))
    );
    let bodies = structure.bodies.clone();
    let warnings = structure.warnings.clone();
    let id = loaded.municipality_id.clone();

    view! {
        <PageTitle text=title />
        <p>
            <A href=format!("/kommunen/{}", loaded.slug)>{loaded.municipality_name.clone()}</A>
            " · "
            {structure.council_name.clone()}
        </p>
        <ChairLine data=structure.clone() />
        {(manage && empty).then(|| view! { <TemplateChooser municipality=id.clone() templates=templates reload=reload /> })}
        {manage.then(|| view! { <ChairForm municipality=id.clone() data=structure.clone() reload=reload /> })}
        {(!warnings.is_empty()).then(|| view! {
            <section aria-labelledby="warnings-heading">
                <h2 id="warnings-heading">{move || i18n.t().council.warnings_title}</h2>
                <ul class="warnings">
                    {warnings.into_iter().map(|w| view! { <li>{w.message}</li> }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="organigram-heading">
            <h2 id="organigram-heading">{move || i18n.t().council.organigram_title}</h2>
            <div class="organigram" role="region" tabindex="0" aria-labelledby="organigram-heading" inner_html=svg></div>
            <p>
                <a href=download download="organigramm.svg">{move || i18n.t().council.organigram_download}</a>
            </p>
            <h3>{move || i18n.t().council.organigram_list}</h3>
            <Outline bodies=bodies.clone() parent=None />
        </section>
        <section aria-labelledby="bodies-heading">
            <h2 id="bodies-heading">{move || i18n.t().council.bodies_title}</h2>
            {bodies
                .iter()
                .cloned()
                .map(|body| {
                    view! {
                        <BodyCard
                            body=body
                            municipality=id.clone()
                            bodies=bodies.clone()
                            reload=reload
                        />
                    }
                })
                .collect_view()}
        </section>
        {manage.then(|| view! {
            <div class="forms">
                <AddBody municipality=id.clone() bodies=structure.bodies.clone() reload=reload />
                <AddPerson municipality=id.clone() reload=reload />
                <AddOrganisation municipality=id.clone() reload=reload />
                <AddMembershipForm municipality=id.clone() data=structure.clone() reload=reload />
            </div>
            <People municipality=id.clone() people=structure.people.clone() />
            <ImportForm municipality=id.clone() reload=reload />
        })}
        <Rules municipality=id.clone() data=structure.clone() reload=reload />
    }
}
