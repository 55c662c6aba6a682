//! A council's structure: organigram, bodies with their members, warnings; for its
//! administrators the template to start from and forms to add bodies, people and memberships.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::a11y::{PageTitle, use_announcer};
use crate::api;
use crate::components::{Checkbox, ErrorBox, Field, FormError, Select, TextArea};
use crate::i18n::{Texts, use_i18n};
use crate::queries::{
    AddMembership, AdoptRulesOfProcedure, ApplyStructureTemplate, CouncilStructure, CreateBody,
    ImportMembers, InvitePerson, RecordRulesInformed, SaveOrganisation, SavePerson, UpdateBody,
    UpdateMembership, add_membership, adopt_rules_of_procedure, apply_structure_template,
    council_structure, create_body, import_members, invite_person, record_rules_informed,
    save_organisation, save_person, update_body, update_membership,
};

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

const ROLES: [&str; 6] = [
    "CHAIR",
    "DEPUTY",
    "MODERATOR",
    "MEMBER",
    "ADVISORY_GUEST",
    "TEMPORARY_PARTICIPANT",
];

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

/// One required seat while it is being edited.
#[derive(Clone, Copy, Debug)]
struct SeatRow {
    key: u32,
    label: RwSignal<String>,
    sector: RwSignal<String>,
    count: RwSignal<String>,
}

fn role_label(code: &str, t: &Texts) -> &'static str {
    match code {
        "CHAIR" => t.role_chair,
        "DEPUTY" => t.role_deputy,
        "MODERATOR" => t.role_moderator,
        "ADVISORY_GUEST" => t.role_advisory_guest,
        "TEMPORARY_PARTICIPANT" => t.role_temporary,
        _ => t.role_member,
    }
}

fn kind_label(code: &str, t: &Texts) -> &'static str {
    match code {
        "LEADERSHIP" => t.kind_leadership,
        "LEADERSHIP_STAFF" => t.kind_leadership_staff,
        "STEERING_GROUP" => t.kind_steering_group,
        "COORDINATION_OFFICE" => t.kind_coordination_office,
        "PLENARY_ASSEMBLY" => t.kind_plenary_assembly,
        "SECURITY_CONFERENCE" => t.kind_security_conference,
        "OWN" => t.kind_own,
        _ => t.kind_working_group,
    }
}

/// The API's spelling of a generated enum value (`"MODERATOR"`).
pub(super) fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(super) fn from_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

pub(super) fn today() -> String {
    let now = web_sys::js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

#[component]
pub fn Structure() -> impl IntoView {
    let version = RwSignal::new(0_u32);
    let loaded = super::of_municipality(version, |lang, m| async move {
        let variables = council_structure::Variables {
            municipality_id: m.id,
        };
        api::run::<CouncilStructure>(lang, variables).await
    });
    let reload = move || version.update(|v| *v += 1);
    super::loaded(loaded, move |(m, data)| {
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
    let title = Signal::derive(move || format!("{} – {}", i18n.t().structure_title, name));
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
        {(manage && empty).then(|| view! { <TemplateChooser municipality=id.clone() templates=templates reload=reload /> })}
        {(!warnings.is_empty()).then(|| view! {
            <section aria-labelledby="warnings-heading">
                <h2 id="warnings-heading">{move || i18n.t().warnings_title}</h2>
                <ul class="warnings">
                    {warnings.into_iter().map(|w| view! { <li>{w.message}</li> }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="organigram-heading">
            <h2 id="organigram-heading">{move || i18n.t().organigram_title}</h2>
            <div class="organigram" role="region" tabindex="0" aria-labelledby="organigram-heading" inner_html=svg></div>
            <p>
                <a href=download download="organigramm.svg">{move || i18n.t().organigram_download}</a>
            </p>
            <h3>{move || i18n.t().organigram_list}</h3>
            <Outline bodies=bodies.clone() parent=None />
        </section>
        <section aria-labelledby="bodies-heading">
            <h2 id="bodies-heading">{move || i18n.t().bodies_title}</h2>
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

/// The structure as a nested list: the organigram's text alternative in the page.
#[component]
fn Outline(bodies: Vec<Body>, parent: Option<String>) -> impl IntoView {
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
                    view! {
                        <li>
                            <strong>{b.name.clone()}</strong>
                            " (" {b.kind_label.clone()} ", " {move || (i18n.t().member_count)(members)} ")"
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

/// Numbers typed into a form: empty is "none"; anything else must be a whole number.
fn number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

#[component]
fn BodyCard(
    body: Body,
    municipality: String,
    bodies: Vec<Body>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let heading = format!("body-{}", body.id);
    let dissolved = body.dissolved_on.is_some();
    let memberships = body.memberships.clone();
    let can_edit = body.can_edit && !dissolved;
    let editing = RwSignal::new(false);
    let end_term = {
        let municipality = municipality.clone();
        let body_id = body.id.clone();
        move |m: council_structure::CouncilStructureCouncilStructureBodiesMemberships| {
            let lang = i18n.0.get_untracked();
            let Some(role) = from_code::<update_membership::MembershipRole>(&code(&m.role)) else {
                return;
            };
            let variables = update_membership::Variables {
                municipality_id: municipality.clone(),
                id: m.id.clone(),
                input: update_membership::MembershipInput {
                    body_id: body_id.clone(),
                    person_id: m.person.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
                    role,
                    organisation_id: m.organisation.as_ref().map(|o| o.id.clone()),
                    term_start: m.term_start.clone(),
                    term_end: Some(today().max(m.term_start.clone())),
                    appointed_by: m.appointed_by.clone(),
                },
            };
            spawn_local(async move {
                match api::run::<UpdateMembership>(lang, variables).await {
                    Ok(_) => {
                        announcer.say(lang.texts().saved.to_owned());
                        reload();
                    }
                    Err(err) => announcer.say(err.message(lang.texts())),
                }
            });
        }
    };
    view! {
        <article class="body-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {body.name.clone()}
                <span class="kind">" · " {body.kind_label.clone()}</span>
                {dissolved.then(|| view! { <span class="kind">" · " {move || i18n.t().dissolved}</span> })}
            </h3>
            {body.chair_rule.clone().map(|rule| view! { <p class="hint">{rule}</p> })}
            {(!body.tasks.is_empty()).then(|| view! { <p class="tasks">{body.tasks.clone()}</p> })}
            {can_edit.then(|| view! {
                <button type="button" class="secondary" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || i18n.t().edit_body}
                </button>
            })}
            {
                let body = body.clone();
                let municipality = municipality.clone();
                move || editing.get().then(|| view! {
                    <BodyForm body=body.clone() municipality=municipality.clone() bodies=bodies.clone() done=move || editing.set(false) reload=reload />
                })
            }
            {if memberships.is_empty() {
                view! { <p>{move || i18n.t().no_members}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-label=body.name.clone() tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t().person}</th>
                                    <th scope="col">{move || i18n.t().role}</th>
                                    <th scope="col">{move || i18n.t().organisation}</th>
                                    <th scope="col">{move || i18n.t().term}</th>
                                    {can_edit.then(|| view! { <th scope="col">{move || i18n.t().actions}</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {memberships
                                    .into_iter()
                                    .map(|m| {
                                        let role = code(&m.role);
                                        let derived = m.derived;
                                        let running = m.term_end.as_ref().is_none_or(|end| *end > today());
                                        let action = (can_edit && running && !derived).then(|| {
                                            let end_term = end_term.clone();
                                            let m = m.clone();
                                            view! {
                                                <button type="button" class="secondary" on:click=move |_| end_term(m.clone())>
                                                    {move || i18n.t().end_term}
                                                </button>
                                            }
                                        });
                                        let term = match &m.term_end {
                                            Some(end) => format!("{} – {end}", m.term_start),
                                            None => format!("{} –", m.term_start),
                                        };
                                        view! {
                                            <tr>
                                                <th scope="row">{m.person.map(|p| p.name).unwrap_or_default()}</th>
                                                <td>
                                                    {move || role_label(&role, i18n.t())}
                                                    {derived.then(|| view! { <span class="hint">" (" {move || i18n.t().derived_note} ")"</span> })}
                                                </td>
                                                <td>{m.organisation.map(|o| o.name).unwrap_or_default()}</td>
                                                <td>{term}</td>
                                                {can_edit.then(|| view! { <td>{action}</td> })}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </article>
    }
}

#[component]
fn TemplateChooser(
    municipality: String,
    templates: Vec<council_structure::CouncilStructureStructureTemplates>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let chosen = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let template = chosen.get_untracked();
        if template.is_empty() || pending.get_untracked() {
            return;
        }
        pending.set(true);
        let lang = i18n.0.get_untracked();
        let variables = apply_structure_template::Variables {
            municipality_id: municipality.clone(),
            template_id: template,
        };
        spawn_local(async move {
            match api::run::<ApplyStructureTemplate>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" on:submit=submit>
            <ErrorBox error=error />
            <fieldset>
                <legend>{move || i18n.t().template_legend}</legend>
                <p class="hint">{move || i18n.t().template_hint}</p>
                {templates
                    .into_iter()
                    .map(|t| {
                        let id = format!("template-{}", t.id);
                        let value = t.id.clone();
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    name="template"
                                    id=id.clone()
                                    value=t.id.clone()
                                    on:change=move |_| chosen.set(value.clone())
                                />
                                <label for=id>
                                    <strong>{t.name}</strong>
                                    <span class="hint">{t.description}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().template_apply}</button>
        </form>
    }
}

#[component]
fn AddBody(
    municipality: String,
    bodies: Vec<Body>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("WORKING_GROUP".to_owned());
    let parent = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let kinds = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| ((*k).to_owned(), kind_label(k, i18n.t()).to_owned()))
            .collect()
    });
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().no_parent.to_owned())];
        options.extend(
            bodies
                .iter()
                .filter(|b| b.dissolved_on.is_none())
                .map(|b| (b.id.clone(), b.name.clone())),
        );
        options
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(kind_value) = from_code::<create_body::BodyKind>(&kind.get_untracked()) else {
            return;
        };
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = create_body::Variables {
            municipality_id: municipality.clone(),
            input: create_body::BodyInput {
                parent_id: Some(parent.get_untracked()).filter(|p| !p.is_empty()),
                name: name.get_untracked(),
                kind: kind_value,
                own_kind: None,
                scope: None,
                district: None,
                tasks: String::new(),
                chair_rule: None,
                meetings_per_year: None,
                min_members: None,
                max_members: None,
                term_months: None,
                appointment_procedure: None,
                public: false,
                moderators_are_members: false,
                founded_on: None,
                founding_resolution: None,
                dissolved_on: None,
                dissolution_resolution: None,
                seats: Vec::new(),
            },
        };
        spawn_local(async move {
            match api::run::<CreateBody>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().add_body_title}</h2>
            <ErrorBox error=error />
            <Field id="body-name" name="name" label=|t| t.name value=name error=error required=true />
            <Select id="body-kind" name="kind" label=|t| t.body_kind value=kind error=error options=kinds />
            <Select id="body-parent" name="parentId" label=|t| t.parent_body value=parent error=error options=parents />
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().add_body_submit}</button>
        </form>
    }
}

#[component]
fn AddPerson(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = RwSignal::new(String::new());
    let function = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = save_person::Variables {
            municipality_id: municipality.clone(),
            input: save_person::PersonInput {
                name: name.get_untracked(),
                function_title: Some(function.get_untracked()).filter(|f| !f.trim().is_empty()),
                email: Some(email.get_untracked()).filter(|f| !f.trim().is_empty()),
                phone: Some(phone.get_untracked()).filter(|f| !f.trim().is_empty()),
            },
        };
        spawn_local(async move {
            match api::run::<SavePerson>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().add_person_title}</h2>
            <ErrorBox error=error />
            <Field id="person-name" name="name" label=|t| t.person_name value=name error=error required=true />
            <Field id="person-function" name="functionTitle" label=|t| t.function_title value=function error=error />
            <Field id="person-email" name="email" kind="email" label=|t| t.email value=email error=error />
            <Field id="person-phone" name="phone" kind="tel" label=|t| t.phone value=phone error=error />
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().add_person_submit}</button>
        </form>
    }
}

#[component]
fn AddMembershipForm(
    municipality: String,
    data: council_structure::CouncilStructureCouncilStructure,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let body = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let role = RwSignal::new("MEMBER".to_owned());
    let organisation = RwSignal::new(String::new());
    let appointed = RwSignal::new(String::new());
    let start = RwSignal::new(today());
    let organisations_list: Vec<(String, String)> = data
        .organisations
        .iter()
        .map(|o| (o.id.clone(), o.name.clone()))
        .collect();
    let organisations = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().no_organisation.to_owned())];
        options.extend(organisations_list.clone());
        options
    });
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let bodies_list: Vec<(String, String)> = data
        .bodies
        .iter()
        .filter(|b| b.dissolved_on.is_none())
        .map(|b| (b.id.clone(), b.name.clone()))
        .collect();
    let people_list: Vec<(String, String)> = data
        .people
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let bodies = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().choose.to_owned())];
        options.extend(bodies_list.clone());
        options
    });
    let people = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().choose.to_owned())];
        options.extend(people_list.clone());
        options
    });
    let roles = Signal::derive(move || {
        ROLES
            .iter()
            .map(|r| ((*r).to_owned(), role_label(r, i18n.t()).to_owned()))
            .collect()
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(role_value) = from_code::<add_membership::MembershipRole>(&role.get_untracked())
        else {
            return;
        };
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = add_membership::Variables {
            municipality_id: municipality.clone(),
            input: add_membership::MembershipInput {
                body_id: body.get_untracked(),
                person_id: person.get_untracked(),
                role: role_value,
                organisation_id: Some(organisation.get_untracked()).filter(|o| !o.is_empty()),
                term_start: start.get_untracked(),
                term_end: None,
                appointed_by: Some(appointed.get_untracked()).filter(|a| !a.trim().is_empty()),
            },
        };
        spawn_local(async move {
            match api::run::<AddMembership>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().add_membership_title}</h2>
            <ErrorBox error=error />
            <Select id="membership-body" name="bodyId" label=|t| t.body value=body error=error options=bodies />
            <Select id="membership-person" name="personId" label=|t| t.person value=person error=error options=people />
            <Select id="membership-role" name="role" label=|t| t.role value=role error=error options=roles />
            <Select id="membership-organisation" name="organisationId" label=|t| t.organisation value=organisation error=error options=organisations />
            <Field id="membership-start" name="termStart" kind="date" label=|t| t.term_start value=start error=error required=true />
            <Field id="membership-appointed" name="appointedBy" label=|t| t.appointed_by value=appointed error=error />
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().add_membership_submit}</button>
        </form>
    }
}

/// The whole configuration of a body, for its administrators and leads; moving, limits and
/// dissolution are refused by the server for leads.
#[component]
fn BodyForm(
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
    let tasks = RwSignal::new(body.tasks.clone());
    let chair = text(&body.chair_rule);
    let meetings = count(body.meetings_per_year);
    let min = count(body.min_members);
    let max = count(body.max_members);
    let term = count(body.term_months);
    let public = RwSignal::new(body.public);
    let moderators = RwSignal::new(body.moderators_are_members);
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
    let own_id = body.id.clone();
    let kinds = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| ((*k).to_owned(), kind_label(k, i18n.t()).to_owned()))
            .collect()
    });
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().no_parent.to_owned())];
        options.extend(
            bodies
                .iter()
                .filter(|b| b.dissolved_on.is_none() && b.id != own_id)
                .map(|b| (b.id.clone(), b.name.clone())),
        );
        options
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
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
        pending.set(true);
        error.set(None);
        let variables = update_body::Variables {
            municipality_id: municipality.clone(),
            id: body.id.clone(),
            input: update_body::BodyInput {
                parent_id: optional(parent),
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
        spawn_local(async move {
            match api::run::<UpdateBody>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    done();
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" id="body-form" on:submit=submit>
            <ErrorBox error=error />
            <Field id="edit-name" name="name" label=|t| t.name value=name error=error required=true />
            <Select id="edit-kind" name="kind" label=|t| t.body_kind value=kind error=error options=kinds />
            <Select id="edit-parent" name="parentId" label=|t| t.parent_body value=parent error=error options=parents />
            <TextArea id="edit-tasks" label=|t| t.tasks value=tasks />
            <Field id="edit-chair" name="chairRule" label=|t| t.chair_rule value=chair error=error />
            <Field id="edit-meetings" name="meetingsPerYear" label=|t| t.meetings_per_year value=meetings error=error />
            <Field id="edit-min" name="minMembers" label=|t| t.min_members value=min error=error />
            <Field id="edit-max" name="maxMembers" label=|t| t.max_members value=max error=error />
            <Field id="edit-term" name="termMonths" label=|t| t.term_months value=term error=error />
            <Field id="edit-appointment" name="appointmentProcedure" label=|t| t.appointment_procedure value=appointment error=error />
            <Checkbox id="edit-public" label=|t| t.public_body value=public />
            <Checkbox id="edit-moderators" label=|t| t.moderators_are_members value=moderators />
            <fieldset>
                <legend>{move || i18n.t().seats_title}</legend>
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
                                        <label for=label_id.clone()>{move || i18n.t().seat_label}</label>
                                        <input id=label_id prop:value=move || row.label.get() on:input=move |ev| row.label.set(event_target_value(&ev)) />
                                    </div>
                                    <div class="field">
                                        <label for=sector_id.clone()>{move || i18n.t().seat_sector}</label>
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
                                        <label for=count_id.clone()>{move || i18n.t().seat_count}</label>
                                        <input id=count_id type="number" min="1" prop:value=move || row.count.get() on:input=move |ev| row.count.set(event_target_value(&ev)) />
                                    </div>
                                    <button
                                        type="button"
                                        class="secondary field"
                                        on:click=move |_| seats.update(|rows| rows.retain(|r| r.key != row.key))
                                    >
                                        {move || i18n.t().seat_remove}
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
                    {move || i18n.t().seat_add}
                </button>
            </fieldset>
            <Field id="edit-founded" name="foundedOn" kind="date" label=|t| t.founded_on value=founded_on error=error />
            <Field id="edit-founding" name="foundingResolution" label=|t| t.founding_resolution_body value=founding error=error />
            <Field id="edit-dissolved" name="dissolvedOn" kind="date" label=|t| t.dissolved_on value=dissolved_on error=error />
            <Field id="edit-dissolution" name="dissolutionResolution" label=|t| t.dissolution_resolution value=dissolution error=error />
            <div class="actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().saving } else { i18n.t().save }}
                </button>
                <button type="button" class="secondary" on:click=move |_| done()>
                    {move || i18n.t().cancel}
                </button>
            </div>
        </form>
    }
}

/// The council's people; those with an e-mail address can be invited to log in.
#[component]
fn People(
    municipality: String,
    people: Vec<council_structure::CouncilStructureCouncilStructurePeople>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    if people.is_empty() {
        return ().into_any();
    }
    view! {
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{move || i18n.t().people_title}</h2>
            <ul class="people">
                {people
                    .into_iter()
                    .map(|p| {
                        let municipality = municipality.clone();
                        let id = p.id.clone();
                        let invite = move |_| {
                            let lang = i18n.0.get_untracked();
                            let variables = invite_person::Variables {
                                municipality_id: municipality.clone(),
                                id: id.clone(),
                            };
                            spawn_local(async move {
                                match api::run::<InvitePerson>(lang, variables).await {
                                    Ok(_) => announcer.say(lang.texts().invited.to_owned()),
                                    Err(err) => announcer.say(err.message(lang.texts())),
                                }
                            });
                        };
                        let label = format!("{}: {}", p.name, i18n.t().invite);
                        view! {
                            <li>
                                <span>{p.name.clone()}</span>
                                {p.function_title.clone().map(|f| view! { <span class="hint">" · " {f}</span> })}
                                {p.email.clone().map(|e| view! { <span class="hint">" · " {e}</span> })}
                                {p.email.is_some().then(|| view! {
                                    <button type="button" class="link-button" aria-label=label.clone() on:click=invite.clone()>
                                        {move || i18n.t().invite}
                                    </button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// Importing members from a CSV file (or pasted text); the server checks every row first.
#[component]
fn ImportForm(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let text = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let read_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        spawn_local(async move {
            if let Ok(content) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                && let Some(content) = content.as_string()
            {
                text.set(content);
            }
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = import_members::Variables {
            municipality_id: municipality.clone(),
            csv: text.get_untracked(),
        };
        spawn_local(async move {
            match api::run::<ImportMembers>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit wide" on:submit=submit>
            <h2>{move || i18n.t().import_title}</h2>
            <p class="hint">{move || i18n.t().import_hint}</p>
            <ErrorBox error=error />
            <div class="field">
                <label for="import-file">{move || i18n.t().import_file}</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=read_file />
            </div>
            <TextArea id="import-text" label=|t| t.import_text value=text />
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().import_submit}</button>
        </form>
    }
}

/// The versions of the rules of procedure, and for administrators a new version and the day
/// the city council was informed.
#[component]
fn Rules(
    municipality: String,
    data: council_structure::CouncilStructureCouncilStructure,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let manage = data.can_manage;
    let body_name = {
        let bodies = data.bodies.clone();
        move |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| bodies.iter().find(|b| &b.id == id))
                .map(|b| b.name.clone())
                .unwrap_or_default()
        }
    };
    let versions = data.rules_of_procedure.clone();
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let adopted_by = RwSignal::new(String::new());
    let adopted_on = RwSignal::new(today());
    let resolution = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let bodies_list: Vec<(String, String)> = data
        .bodies
        .iter()
        .filter(|b| b.dissolved_on.is_none())
        .map(|b| (b.id.clone(), b.name.clone()))
        .collect();
    let bodies = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().choose.to_owned())];
        options.extend(bodies_list.clone());
        options
    });
    let adopt = {
        let municipality = municipality.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            pending.set(true);
            error.set(None);
            let lang = i18n.0.get_untracked();
            let variables = adopt_rules_of_procedure::Variables {
                municipality_id: municipality.clone(),
                input: adopt_rules_of_procedure::RulesInput {
                    title: title.get_untracked(),
                    text: text.get_untracked(),
                    adopted_by_body_id: Some(adopted_by.get_untracked()).filter(|b| !b.is_empty()),
                    adopted_on: adopted_on.get_untracked(),
                    resolution: Some(resolution.get_untracked()).filter(|r| !r.trim().is_empty()),
                    council_informed_on: None,
                },
            };
            spawn_local(async move {
                match api::run::<AdoptRulesOfProcedure>(lang, variables).await {
                    Ok(_) => {
                        announcer.say(lang.texts().saved.to_owned());
                        reload();
                    }
                    Err(err) => error.set(Some(err)),
                }
                pending.set(false);
            });
        }
    };
    view! {
        <section aria-labelledby="rules-heading">
            <h2 id="rules-heading">{move || i18n.t().rules_title}</h2>
            {if versions.is_empty() {
                view! { <p>{move || i18n.t().rules_none}</p> }.into_any()
            } else {
                view! {
                    <ol class="rules">
                        {versions
                            .into_iter()
                            .map(|v| {
                                let by = body_name(&v.adopted_by_body_id);
                                let informed = v.council_informed_on.clone();
                                let record = (manage && informed.is_none()).then(|| {
                                    let municipality = municipality.clone();
                                    let id = v.id.clone();
                                    let input_id = format!("informed-{}", v.version);
                                    let day = RwSignal::new(today());
                                    let record = move |ev: SubmitEvent| {
                                        ev.prevent_default();
                                        let lang = i18n.0.get_untracked();
                                        let variables = record_rules_informed::Variables {
                                            municipality_id: municipality.clone(),
                                            id: id.clone(),
                                            informed_on: Some(day.get_untracked()),
                                        };
                                        spawn_local(async move {
                                            match api::run::<RecordRulesInformed>(lang, variables).await {
                                                Ok(_) => {
                                                    announcer.say(lang.texts().saved.to_owned());
                                                    reload();
                                                }
                                                Err(err) => announcer.say(err.message(lang.texts())),
                                            }
                                        });
                                    };
                                    view! {
                                        <form class="inline" on:submit=record>
                                            <label for=input_id.clone()>{move || i18n.t().rules_informed}</label>
                                            <input
                                                id=input_id
                                                type="date"
                                                prop:value=move || day.get()
                                                on:input=move |ev| day.set(event_target_value(&ev))
                                            />
                                            <button type="submit" class="secondary">{move || i18n.t().rules_record_informed}</button>
                                        </form>
                                    }
                                });
                                view! {
                                    <li>
                                        <details>
                                            <summary>
                                                {move || i18n.t().rules_version} " " {v.version} ": " {v.title.clone()}
                                                " – " {move || i18n.t().rules_adopted} " " {v.adopted_on.clone()}
                                                {(!by.is_empty()).then(|| view! { " " {move || i18n.t().rules_by} " " {by.clone()} })}
                                                {v.resolution.clone().map(|r| view! { " (" {r} ")" })}
                                                "; " {move || i18n.t().rules_informed} ": "
                                                {informed.clone().unwrap_or_else(|| i18n.t().rules_not_informed.to_owned())}
                                            </summary>
                                            <pre class="rules-text">{v.text.clone()}</pre>
                                        </details>
                                        {record}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {manage.then(|| view! {
                <form class="edit wide" on:submit=adopt>
                    <h3>{move || i18n.t().rules_adopt_title}</h3>
                    <ErrorBox error=error />
                    <Field id="rules-title" name="title" label=|t| t.rules_doc_title value=title error=error required=true />
                    <TextArea id="rules-text" label=|t| t.rules_text value=text />
                    <Select id="rules-body" name="adoptedByBodyId" label=|t| t.rules_adopted_by value=adopted_by error=error options=bodies />
                    <Field id="rules-date" name="adoptedOn" kind="date" label=|t| t.rules_adopted_on value=adopted_on error=error required=true />
                    <Field id="rules-resolution" name="resolution" label=|t| t.rules_resolution value=resolution error=error />
                    <button type="submit" disabled=move || pending.get()>{move || i18n.t().rules_adopt_submit}</button>
                </form>
            })}
        </section>
    }
}

#[component]
fn AddOrganisation(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = RwSignal::new(String::new());
    let sector = RwSignal::new("ADMINISTRATION".to_owned());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let sectors = Signal::derive(move || {
        SECTORS
            .iter()
            .map(|(code, de, en)| {
                let label = if i18n.lang() == crate::i18n::Lang::De {
                    de
                } else {
                    en
                };
                ((*code).to_owned(), (*label).to_owned())
            })
            .collect()
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(sector_value) = from_code::<save_organisation::Sector>(&sector.get_untracked())
        else {
            return;
        };
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = save_organisation::Variables {
            municipality_id: municipality.clone(),
            input: save_organisation::OrganisationInput {
                name: name.get_untracked(),
                sector: sector_value,
            },
        };
        spawn_local(async move {
            match api::run::<SaveOrganisation>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().add_organisation_title}</h2>
            <ErrorBox error=error />
            <Field id="organisation-name" name="name" label=|t| t.name value=name error=error required=true />
            <Select id="organisation-sector" name="sector" label=|t| t.seat_sector value=sector error=error options=sectors />
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().add_organisation_submit}</button>
        </form>
    }
}
