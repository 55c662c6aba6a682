//! The prevention cycle through the API: its query, its mutations, and records of every kind
//! made by the administrator for tests that need them (`tests/prevention.rs`,
//! `tests/authorization.rs`).

use serde_json::{Value, json};

use super::TestApp;

/// Records of one kind, one per call; the id of the one whose `key` is `value`.
async fn made(app: &TestApp, query: &str, variables: Value, list: &str, key: &str) -> String {
    let value = variables["i"][key].clone();
    let answer = app.admin(query, variables).await;
    let field = answer["data"]
        .as_object()
        .and_then(|d| d.values().next())
        .unwrap_or_else(|| panic!("{query}: {answer}"));
    field[list]
        .as_array()
        .and_then(|l| l.iter().find(|r| r[key] == value))
        .and_then(|r| r["id"].as_str())
        .unwrap_or_else(|| panic!("no {list} with {key} {value}: {answer}"))
        .to_owned()
}

pub fn save(name: &str, input: &str) -> String {
    format!(
        "mutation($m: ID!, $id: ID, $i: {input}!) {{ {name}(municipalityId: $m, id: $id, input: $i) {{ actionFields {{ id name }} figures {{ id category }} hotSpots {{ id name }} demands {{ id title }} inventory {{ id name }} goals {{ id title }} projects {{ id title indicators {{ id values {{ id on }} }} milestones {{ id }} }} }} }}"
    )
}

/// Unlinked records of every kind in `municipality`, named after `tag`.
#[derive(Clone, Debug, Default)]
pub struct CycleRecords {
    pub field: String,
    pub figure: String,
    pub spot: String,
    pub demand: String,
    pub item: String,
    pub goal: String,
    pub project: String,
    pub indicator: String,
    pub value: String,
    pub milestone: String,
}

pub async fn records(app: &TestApp, municipality: &str, tag: &str) -> CycleRecords {
    let m = municipality;
    let field = made(
        app,
        &save("saveActionField", "ActionFieldInput"),
        json!({ "m": m, "i": { "code": tag, "name": format!("Handlungsfeld {tag}") } }),
        "actionFields",
        "name",
    )
    .await;
    let figure = made(app, &save("saveSafetyFigure", "SafetyFigureInput"),
        json!({ "m": m, "i": { "year": 2025, "area": "Stadt", "kind": "CRIME", "category": format!("Kategorie {tag}"), "value": 1, "source": "PKS" } }), "figures", "category").await;
    let spot = made(
        app,
        &save("saveHotSpot", "HotSpotInput"),
        json!({ "m": m, "i": { "year": 2025, "name": format!("Ort {tag}") } }),
        "hotSpots",
        "name",
    )
    .await;
    let demand = made(
        app,
        &save("saveDemand", "DemandInput"),
        json!({ "m": m, "i": { "title": format!("Anliegen {tag}"), "sourceKind": "PETITION" } }),
        "demands",
        "title",
    )
    .await;
    let item = made(
        app,
        &save("saveInventoryItem", "InventoryItemInput"),
        json!({ "m": m, "i": { "kind": "OFFER", "name": format!("Angebot {tag}") } }),
        "inventory",
        "name",
    )
    .await;
    let goal = made(
        app,
        &save("saveGoal", "GoalInput"),
        json!({ "m": m, "i": { "title": format!("Ziel {tag}") } }),
        "goals",
        "title",
    )
    .await;
    let title = format!("Projekt {tag}");
    let answer = app
        .admin(
            &save("saveProject", "ProjectInput"),
            json!({ "m": m, "i": { "title": title, "startsOn": "2025-01-01",
                "indicators": [ { "name": "Wert", "baseline": 0, "target": 10 } ],
                "milestones": [ { "title": "Auftakt", "dueOn": "2025-06-30" } ] } }),
        )
        .await;
    let project = answer["data"]["saveProject"]["projects"]
        .as_array()
        .and_then(|l| l.iter().find(|p| p["title"] == title))
        .unwrap_or_else(|| panic!("project: {answer}"))
        .clone();
    let indicator = project["indicators"][0]["id"]
        .as_str()
        .expect("indicator")
        .to_owned();
    let milestone = project["milestones"][0]["id"]
        .as_str()
        .expect("milestone")
        .to_owned();
    let measured = app
        .admin(
            "mutation($m: ID!, $i: ID!) { recordMeasurement(municipalityId: $m, indicatorId: $i, on: \"2025-06-01\", value: 4) { projects { id indicators { id values { id } } } } }",
            json!({ "m": m, "i": indicator }),
        )
        .await;
    let value = measured["data"]["recordMeasurement"]["projects"]
        .as_array()
        .and_then(|l| l.iter().find(|p| p["id"] == project["id"]))
        .and_then(|p| p["indicators"][0]["values"][0]["id"].as_str())
        .unwrap_or_else(|| panic!("value: {measured}"))
        .to_owned();
    CycleRecords {
        field,
        figure,
        spot,
        demand,
        item,
        goal,
        project: project["id"].as_str().expect("project").to_owned(),
        indicator,
        value,
        milestone,
    }
}
