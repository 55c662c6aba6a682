//! A year of the demo councils' prevention cycle, dated from today: the last year's figures
//! and hot spots, citizens' demands from a survey and a petition, an inventory with a gap,
//! two fields of action with a goal, and a running project of a working group with two
//! indicators measured over the year and an interim report due. Marked as demo data.

use chrono::{Datelike, Duration, Utc};

use crate::council::cycle::{
    ActionFieldInput, Assessment, DemandInput, DemandSource, FigureKind, GoalInput, HotSpotInput,
    IndicatorInput, InventoryItemInput, InventoryKind, MilestoneInput, MilestoneKind, ProjectInput,
    ProjectStatus, SafetyFigureInput,
};
use crate::council::structure::StructureView;
use crate::{MunicipalityId, Principal, Result, Services};

pub(super) async fn cycle(
    services: &Services,
    system: &Principal,
    municipality: MunicipalityId,
    city: &str,
) -> Result<()> {
    let council = services.council();
    let structure: StructureView = council.council_structure(system, municipality).await?;
    let bodies = &structure.structure.bodies;
    let (Some(steering), Some(group)) = (bodies.get(1).or(bodies.first()), bodies.last()) else {
        return Ok(());
    };
    let partner = structure.structure.organisations.first().map(|o| o.id);
    let today = Utc::now().date_naive();
    let day = |days: i64| today + Duration::days(days);
    let year = today.year() - 1;
    let m = municipality;

    for (code, name) in [
        ("I", "Sicherheit im öffentlichen Raum"),
        ("II", "Gewalt- und Suchtprävention"),
    ] {
        let input = ActionFieldInput {
            code: code.into(),
            name: name.into(),
            description: String::new(),
            position: 0,
        };
        council.save_action_field(system, m, None, input).await?;
    }
    for (kind, category, value, unit, source) in [
        (
            FigureKind::Crime,
            "Straßenkriminalität",
            412.0,
            "Fälle",
            "Polizeiliche Kriminalstatistik (Demo-Daten)",
        ),
        (
            FigureKind::Crime,
            "Sachbeschädigung durch Graffiti",
            96.0,
            "Fälle",
            "Polizeiliche Kriminalstatistik (Demo-Daten)",
        ),
        (
            FigureKind::Survey,
            "Fühlt sich abends in der Innenstadt sicher",
            41.5,
            "%",
            "Bürgerbefragung (Demo-Daten)",
        ),
    ] {
        let input = SafetyFigureInput {
            year,
            area: format!("{city} Innenstadt"),
            kind: Some(kind),
            category: category.into(),
            value,
            unit: unit.into(),
            source: source.into(),
            public: kind == FigureKind::Survey,
        };
        council.save_safety_figure(system, m, None, input).await?;
    }
    let spot = HotSpotInput {
        year,
        name: "Bahnhofsvorplatz".into(),
        area: "Innenstadt".into(),
        address: format!("Bahnhofsvorplatz, {city}"),
        latitude: None,
        longitude: None,
        reasons: "Schlecht beleuchtete Wege, Gruppen am Abend, viele Befragte meiden den Platz \
                  nach 20 Uhr (Demo-Daten)."
            .into(),
        public: true,
    };
    let cycle = council.save_hot_spot(system, m, None, spot).await?;
    let spot = cycle.hot_spots.first().map(|h| h.id);
    let park = HotSpotInput {
        year,
        name: "Stadtpark, Ostteil".into(),
        area: "Innenstadt".into(),
        address: String::new(),
        latitude: None,
        longitude: None,
        reasons: "Drogenhandel, Angstraum (Demo-Daten).".into(),
        public: false,
    };
    council.save_hot_spot(system, m, None, park).await?;

    let lighting = DemandInput {
        title: "Bessere Beleuchtung am Bahnhofsvorplatz".into(),
        description: "Aus der Bürgerbefragung: mehr Licht auf den Wegen zum Bahnhof (Demo-Daten)."
            .into(),
        source_kind: Some(DemandSource::Survey),
        source: format!("Bürgerbefragung {year}"),
        hot_spot_id: spot,
        place: "Bahnhofsvorplatz".into(),
        responsible_body_id: None,
        responsible: "Tiefbauamt".into(),
        status: None,
        due_on: Some(day(20)),
        public: true,
    };
    let cycle = council.save_demand(system, m, None, lighting).await?;
    let demand = cycle.demands.first().map(|d| d.id);
    let service = DemandInput {
        title: "Kommunaler Ordnungsdienst rund um die Uhr".into(),
        description: "Petition an den Stadtrat (Demo-Daten).".into(),
        source_kind: Some(DemandSource::Petition),
        source: "Petition mit 1.200 Unterschriften".into(),
        hot_spot_id: None,
        place: "Innenstadt".into(),
        responsible_body_id: None,
        responsible: "Ordnungsamt".into(),
        status: None,
        due_on: Some(day(-10)),
        public: false,
    };
    council.save_demand(system, m, None, service).await?;

    let fields = council.prevention_cycle(system, m).await?.action_fields;
    let field = fields.first().map(|f| f.id);
    for (kind, name, assessment, note) in [
        (
            InventoryKind::Offer,
            "Streetwork Innenstadt",
            Assessment::Covered,
            "",
        ),
        (
            InventoryKind::Initiative,
            "Nachtcafé für Jugendliche",
            Assessment::Gap,
            "Kein Angebot nach 22 Uhr (Demo-Daten).",
        ),
    ] {
        let input = InventoryItemInput {
            kind: Some(kind),
            name: name.into(),
            action_field_id: field,
            practice_id: None,
            catalogue_offer_id: None,
            provider: "Freier Träger (Demo-Daten)".into(),
            assessment: Some(assessment),
            note: note.into(),
        };
        council.save_inventory_item(system, m, None, input).await?;
    }

    let goal = GoalInput {
        action_field_id: field,
        title: "Angsträume in der Innenstadt entschärfen".into(),
        what: "Mehr Menschen fühlen sich abends in der Innenstadt sicher.".into(),
        how: "Licht, Präsenz des Ordnungsdienstes, Aufenthaltsqualität.".into(),
        place: "Bahnhofsvorplatz und Stadtpark".into(),
        demand_id: demand,
        adopting_body_id: Some(steering.id),
        adopted_on: Some(day(-300)),
        public: true,
    };
    let cycle = council.save_goal(system, m, None, goal).await?;
    let goal = cycle.goals.first().map(|g| g.id);
    let project = ProjectInput {
        title: "Lichtkonzept Bahnhofsvorplatz".into(),
        description: "Neue Leuchten, freigeschnittene Sichtachsen und abendliche Streifen, \
                      begleitet von einer Befragung am Platz (Demo-Daten)."
            .into(),
        goal_id: goal,
        owner_body_id: Some(group.id),
        partner_ids: partner.into_iter().collect(),
        starts_on: Some(day(-280)),
        ends_on: Some(day(85)),
        budget_euros: Some(18_000),
        application_id: None,
        status: Some(ProjectStatus::Running),
        indicators: vec![
            IndicatorInput {
                id: None,
                name: "Anteil, die sich abends sicher fühlen".into(),
                unit: "%".into(),
                baseline: 41.5,
                target: 60.0,
            },
            IndicatorInput {
                id: None,
                name: "Straftaten am Platz je Quartal".into(),
                unit: "Fälle".into(),
                baseline: 38.0,
                target: 25.0,
            },
        ],
        milestones: vec![
            MilestoneInput {
                id: None,
                kind: Some(MilestoneKind::Milestone),
                title: "Leuchten montiert".into(),
                due_on: day(-120),
                done_on: Some(day(-125)),
            },
            MilestoneInput {
                id: None,
                kind: Some(MilestoneKind::InterimReport),
                title: "Zwischenbericht an den Stadtrat".into(),
                due_on: day(14),
                done_on: None,
            },
        ],
        public: true,
    };
    let cycle = council.save_project(system, m, None, project).await?;
    let Some(project) = cycle.projects.first() else {
        return Ok(());
    };
    let measured: [(usize, [f64; 4]); 2] =
        [(0, [43.0, 47.5, 50.0, 53.5]), (1, [36.0, 33.0, 31.0, 28.0])];
    for (index, values) in measured {
        let Some(indicator) = project.indicators.get(index) else {
            continue;
        };
        for (value, days) in values.into_iter().zip([-270, -180, -90, -10]) {
            council
                .record_measurement(system, m, indicator.id, day(days), value, String::new())
                .await?;
        }
    }
    Ok(())
}
