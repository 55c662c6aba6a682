//! The council structure through the API: the query that reads a whole structure, and the
//! mutations the structure tests (`tests/structure.rs`, `tests/terms.rs`) change it with.

use serde_json::{Value, json};

use super::{TestApp, returned_id};

pub const STRUCTURE: &str = "query($m: ID!, $on: NaiveDate) { councilStructure(municipalityId: $m) {
    canManage
    bodies { id name kind parentId public moderatorsAreMembers moderatorTakesSeat maxMembers seats { label sector seats }
             dissolvedOn memberships(activeOn: $on) { id role derived termStart termEnd person { name email } } }
    people { id name email }
    warnings { kind message bodyId }
} }";

pub async fn structure(app: &TestApp, municipality: &str, on: Option<&str>) -> Value {
    let body = app
        .admin(STRUCTURE, json!({ "m": municipality, "on": on }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["councilStructure"].clone()
}

pub fn body<'a>(structure: &'a Value, name: &str) -> &'a Value {
    structure["bodies"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["name"] == name))
        .unwrap_or_else(|| panic!("no body {name} in {structure}"))
}

/// Runs a structure mutation as the administrator and returns the id it reports.
pub async fn change(app: &TestApp, mutation: &str, variables: Value) -> String {
    let body = app.admin(mutation, variables).await;
    returned_id(&body).unwrap_or_else(|| panic!("{mutation}: {body}"))
}

pub const APPLY: &str = "mutation($m: ID!, $t: String!) { applyStructureTemplate(municipalityId: $m, templateId: $t) { id } }";
pub const CREATE_BODY: &str =
    "mutation($m: ID!, $i: BodyInput!) { createBody(municipalityId: $m, input: $i) { id } }";
pub const UPDATE_BODY: &str = "mutation($m: ID!, $id: ID!, $i: BodyInput!) { updateBody(municipalityId: $m, id: $id, input: $i) { id } }";
pub const PERSON: &str =
    "mutation($m: ID!, $i: PersonInput!) { savePerson(municipalityId: $m, input: $i) { id } }";
pub const ORGANISATION: &str = "mutation($m: ID!, $i: OrganisationInput!) { saveOrganisation(municipalityId: $m, input: $i) { id } }";
pub const ADD: &str = "mutation($m: ID!, $i: MembershipInput!) { addMembership(municipalityId: $m, input: $i) { id } }";
pub const UPDATE: &str = "mutation($m: ID!, $id: ID!, $i: MembershipInput!) { updateMembership(municipalityId: $m, id: $id, input: $i) { id } }";

pub async fn city_with(app: &TestApp, template: &str) -> String {
    let city = app
        .create_municipality("Musterstadt", "14522000", "SN")
        .await;
    change(app, APPLY, json!({ "m": city, "t": template })).await;
    city
}

pub async fn person(app: &TestApp, city: &str, name: &str) -> String {
    change(
        app,
        PERSON,
        json!({ "m": city, "i": { "name": name, "email": format!("{}@musterstadt.test", name.len()) } }),
    )
    .await
}

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
