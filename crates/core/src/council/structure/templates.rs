//! Structure templates: the seed cities' councils (and a blank one) as versioned data files in
//! `crates/core/templates/`, which a municipality starts from and then changes freely.

use std::sync::LazyLock;

use praevnet_store::BodyId;
use serde::Deserialize;

use super::kinds::{BodyKind, GroupScope, Sector};
use super::model::{Body, Seat};
use crate::council::CouncilProblem;
use crate::{Error, Result};

const FILES: &[(&str, &str)] = &[
    ("halle", include_str!("../../../templates/halle.toml")),
    ("zwickau", include_str!("../../../templates/zwickau.toml")),
    (
        "zwickau-fuehrungsstab",
        include_str!("../../../templates/zwickau-fuehrungsstab.toml"),
    ),
    ("leipzig", include_str!("../../../templates/leipzig.toml")),
    ("chemnitz", include_str!("../../../templates/chemnitz.toml")),
    ("blank", include_str!("../../../templates/blank.toml")),
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeatFile {
    label: String,
    sector: String,
    seats: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyFile {
    key: String,
    name: String,
    kind: String,
    #[serde(default)]
    own_kind: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    district: Option<String>,
    #[serde(default)]
    tasks: String,
    #[serde(default)]
    chair_rule: Option<String>,
    #[serde(default)]
    meetings_per_year: Option<u32>,
    #[serde(default)]
    min_members: Option<u32>,
    #[serde(default)]
    max_members: Option<u32>,
    #[serde(default)]
    term_months: Option<u32>,
    #[serde(default)]
    appointment_procedure: Option<String>,
    #[serde(default)]
    public: bool,
    #[serde(default)]
    moderators_are_members: bool,
    #[serde(default)]
    founding_resolution: Option<String>,
    #[serde(default)]
    seats: Vec<SeatFile>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    id: String,
    version: u32,
    name: String,
    description: String,
    source: String,
    bodies: Vec<BodyFile>,
}

/// A body of a template: a [`Body`] without an id, its parent named by key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateBody {
    pub key: String,
    pub parent: Option<String>,
    pub body: Body,
}

/// A named, versioned council structure to start from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub description: String,
    pub source: String,
    pub bodies: Vec<TemplateBody>,
}

fn parse(file_id: &str, text: &str) -> std::result::Result<Template, String> {
    let file: TemplateFile = toml::from_str(text).map_err(|e| format!("{file_id}: {e}"))?;
    if file.id != file_id {
        return Err(format!("{file_id}: the file says id = {:?}", file.id));
    }
    let mut bodies: Vec<TemplateBody> = Vec::new();
    for (position, b) in file.bodies.into_iter().enumerate() {
        let bad =
            |what: &str, value: &str| format!("{file_id}/{}: unknown {what} {value:?}", b.key);
        let kind = BodyKind::parse(&b.kind).ok_or_else(|| bad("kind", &b.kind))?;
        let scope = match &b.scope {
            Some(s) => Some(GroupScope::parse(s).ok_or_else(|| bad("scope", s))?),
            None => None,
        };
        let seats = b
            .seats
            .iter()
            .map(|s| {
                Ok(Seat {
                    label: s.label.clone(),
                    sector: Sector::parse(&s.sector).ok_or_else(|| bad("sector", &s.sector))?,
                    seats: s.seats,
                })
            })
            .collect::<std::result::Result<_, String>>()?;
        if let Some(parent) = &b.parent
            && !bodies.iter().any(|earlier| &earlier.key == parent)
        {
            return Err(format!(
                "{file_id}/{}: parent {parent:?} must be a body listed before it",
                b.key
            ));
        }
        if bodies.iter().any(|earlier| earlier.key == b.key) {
            return Err(format!("{file_id}: key {:?} twice", b.key));
        }
        bodies.push(TemplateBody {
            key: b.key,
            parent: b.parent,
            body: Body {
                id: BodyId::from_uuid(uuid::Uuid::nil()),
                parent: None,
                reports_to: None,
                name: b.name,
                kind,
                own_kind: b.own_kind,
                scope,
                district: b.district,
                tasks: b.tasks,
                chair_rule: b.chair_rule,
                meetings_per_year: b.meetings_per_year,
                min_members: b.min_members,
                max_members: b.max_members,
                term_months: b.term_months,
                appointment_procedure: b.appointment_procedure,
                public: b.public,
                moderators_are_members: b.moderators_are_members,
                moderator_takes_seat: true,
                founded_on: None,
                founding_resolution: b.founding_resolution,
                dissolved_on: None,
                dissolution_resolution: None,
                position: i32::try_from(position).unwrap_or(i32::MAX),
                seats,
            },
        });
    }
    Ok(Template {
        id: file.id,
        version: file.version,
        name: file.name,
        description: file.description,
        source: file.source,
        bodies,
    })
}

static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(|| {
    FILES
        .iter()
        // The files are part of the build and checked by the tests below; a broken one
        // is left out (and logged) rather than taking the server down.
        .filter_map(|(id, text)| match parse(id, text) {
            Ok(template) => Some(template),
            Err(err) => {
                tracing::error!(%err, "structure template does not parse");
                None
            }
        })
        .collect()
});

impl Template {
    /// The template's bodies as a structure (fresh ids, parents resolved), e.g. to draw its
    /// organigram before a council adopts it.
    pub fn preview(&self) -> super::model::Structure {
        let mut bodies: Vec<Body> = Vec::new();
        for item in &self.bodies {
            let mut body = item.body.clone();
            body.id = BodyId::from_uuid(uuid::Uuid::now_v7());
            body.parent = item.parent.as_ref().and_then(|key| {
                self.bodies
                    .iter()
                    .position(|b| &b.key == key)
                    .and_then(|i| bodies.get(i))
                    .map(|b| b.id)
            });
            bodies.push(body);
        }
        super::model::Structure {
            bodies,
            ..super::model::Structure::default()
        }
    }
}

/// Every template, in the order of the files.
pub fn templates() -> &'static [Template] {
    &TEMPLATES
}

pub fn template(id: &str) -> Result<&'static Template> {
    templates()
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| Error::validation("templateId", CouncilProblem::UnknownTemplate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_file_parses() {
        for (id, text) in FILES {
            let template = parse(id, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(template.version >= 1);
        }
        assert_eq!(templates().len(), FILES.len());
    }

    fn names(id: &str) -> Vec<String> {
        template(id)
            .expect("template")
            .bodies
            .iter()
            .map(|b| b.body.name.clone())
            .collect()
    }

    #[test]
    fn halle_has_its_four_working_groups_and_the_steering_group_rule() {
        let halle = template("halle").expect("halle");
        let groups: Vec<_> = halle
            .bodies
            .iter()
            .filter(|b| b.body.kind == BodyKind::WorkingGroup)
            .map(|b| b.body.name.as_str())
            .collect();
        assert_eq!(
            groups,
            [
                "AG Opferschutz, häusliche Gewalt, Stalking und Mobbing",
                "AG Sicherheit für ältere Menschen",
                "AG Diskriminierung",
                "AG Schulumfeld und Freizeit"
            ]
        );
        let steering = halle
            .bodies
            .iter()
            .find(|b| b.body.kind == BodyKind::SteeringGroup)
            .expect("steering group");
        assert!(steering.body.moderators_are_members);
        assert_eq!(steering.body.term_months, Some(24));
        let sectors: Vec<_> = steering.body.seats.iter().map(|s| s.sector).collect();
        assert_eq!(
            sectors,
            [Sector::Police, Sector::FreeCarrier, Sector::Science]
        );
    }

    #[test]
    fn zwickau_limits_its_lenkungsgremium_to_fifteen() {
        for id in ["zwickau", "zwickau-fuehrungsstab"] {
            let zwickau = template(id).expect("zwickau");
            let steering = zwickau
                .bodies
                .iter()
                .find(|b| b.body.name == "Lenkungsgremium")
                .expect("Lenkungsgremium");
            assert_eq!(steering.body.max_members, Some(15));
            for group in [
                "AG Gewalt",
                "AG Graffiti",
                "AG Extremismus",
                "AG Sucht",
                "AG Sichere Stadt",
            ] {
                assert!(names(id).iter().any(|n| n == group), "{id} lacks {group}");
            }
        }
        let variant = template("zwickau-fuehrungsstab").expect("variant");
        assert_eq!(variant.bodies[0].body.kind, BodyKind::LeadershipStaff);
        assert!(
            variant.bodies[1]
                .body
                .chair_rule
                .as_deref()
                .is_some_and(|r| r.contains("Ordnungsamt"))
        );
    }

    #[test]
    fn leipzig_and_chemnitz_keep_their_names() {
        for group in [
            "AG Sicherheit in Kleingärten",
            "AG Innenstadt",
            "AG Sicherheit und Fußball",
            "AG Extremismusprävention",
            "Sicherheitskonferenz",
            "Führungsstab",
            "Lenkungsgruppe",
        ] {
            assert!(
                names("leipzig").iter().any(|n| n == group),
                "Leipzig lacks {group}"
            );
        }
        let chemnitz = names("chemnitz");
        for field in [
            "Themenbereich I: Aggression und Gewalt",
            "Themenbereich II: Sucht",
            "Themenbereich III: Schutz vor Alltagskriminalität",
            "Themenfeld IV: Demokratiefeindlichkeit",
            "Konfliktmanagement im öffentlichen Raum",
        ] {
            assert!(
                chemnitz.iter().any(|n| n == field),
                "Chemnitz lacks {field}"
            );
        }
        assert!(template("blank").expect("blank").bodies.is_empty());
    }

    #[test]
    fn unknown_templates_and_broken_files_are_refused() {
        assert_eq!(
            template("berlin").expect_err("unknown").code(),
            "VALIDATION"
        );
        assert!(parse("x", "id = \"x\"\nversion = 1\nname = \"\"\ndescription = \"\"\nsource = \"\"\n[[bodies]]\nkey = \"a\"\nname = \"A\"\nkind = \"committee\"").is_err());
        assert!(parse("x", "id = \"x\"\nversion = 1\nname = \"\"\ndescription = \"\"\nsource = \"\"\n[[bodies]]\nkey = \"a\"\nname = \"A\"\nkind = \"leadership\"\nparent = \"b\"").is_err());
    }
}
