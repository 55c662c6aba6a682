//! What callers send to record the cycle, and its parsing into what the store keeps: texts
//! trimmed and bounded, codes required where they say what a record is, numbers in
//! thousandths, coordinates in millionths of a degree, years and periods in range.

use chrono::NaiveDate;
use praevnet_store::{
    ActionFieldData, ActionFieldId, ApplicationId, BodyId, CatalogueOfferId, DemandData, DemandId,
    GoalData, GoalId, HotSpotData, HotSpotId, IndicatorData, IndicatorId, InventoryItemData,
    MilestoneData, MilestoneId, OrganisationId, PracticeId, ProjectData, SafetyFigureData,
};

use super::model::{
    Assessment, DemandSource, DemandStatus, FigureKind, InventoryKind, MilestoneKind, ProjectStatus,
};
use crate::council::CouncilProblem;
use crate::kernel::text::{bounded_text, required_text};
use crate::{Error, Problem, Result};

const NAME_MAX: usize = 200;
const TITLE_MAX: usize = 300;
const TEXT_MAX: usize = 20_000;
const CODE_MAX: usize = 20;
const UNIT_MAX: usize = 40;
/// Years a security analysis or a hot spot may be of.
pub(super) const YEARS: (i32, i32) = (1990, 2100);
/// Parts one project may have, each of its lists.
pub(super) const PARTS_MAX: usize = 50;
/// The largest number a figure, an indicator or a value may have (a trillion).
const MEASURE_MAX: f64 = 1e12;

#[derive(Clone, Debug)]
pub struct ActionFieldInput {
    pub code: String,
    pub name: String,
    pub description: String,
    pub position: i32,
}

#[derive(Clone, Debug)]
pub struct SafetyFigureInput {
    pub year: i32,
    pub area: String,
    pub kind: Option<FigureKind>,
    pub category: String,
    pub value: f64,
    pub unit: String,
    pub source: String,
    pub public: bool,
}

#[derive(Clone, Debug)]
pub struct HotSpotInput {
    pub year: i32,
    pub name: String,
    pub area: String,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub reasons: String,
    pub public: bool,
}

#[derive(Clone, Debug)]
pub struct DemandInput {
    pub title: String,
    pub description: String,
    pub source_kind: Option<DemandSource>,
    pub source: String,
    pub hot_spot_id: Option<HotSpotId>,
    pub place: String,
    pub responsible_body_id: Option<BodyId>,
    pub responsible: String,
    pub status: Option<DemandStatus>,
    pub due_on: Option<NaiveDate>,
    pub public: bool,
}

#[derive(Clone, Debug)]
pub struct InventoryItemInput {
    pub kind: Option<InventoryKind>,
    pub name: String,
    pub action_field_id: Option<ActionFieldId>,
    pub practice_id: Option<PracticeId>,
    pub catalogue_offer_id: Option<CatalogueOfferId>,
    pub provider: String,
    pub assessment: Option<Assessment>,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct GoalInput {
    pub action_field_id: Option<ActionFieldId>,
    pub title: String,
    pub what: String,
    pub how: String,
    pub place: String,
    pub demand_id: Option<DemandId>,
    pub adopting_body_id: Option<BodyId>,
    pub adopted_on: Option<NaiveDate>,
    pub public: bool,
}

#[derive(Clone, Debug)]
pub struct IndicatorInput {
    pub id: Option<IndicatorId>,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
}

#[derive(Clone, Debug)]
pub struct MilestoneInput {
    pub id: Option<MilestoneId>,
    pub kind: Option<MilestoneKind>,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

#[derive(Clone, Debug)]
pub struct ProjectInput {
    pub title: String,
    pub description: String,
    pub goal_id: Option<GoalId>,
    pub owner_body_id: Option<BodyId>,
    pub partner_ids: Vec<OrganisationId>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget_euros: Option<i64>,
    pub application_id: Option<ApplicationId>,
    pub status: Option<ProjectStatus>,
    pub indicators: Vec<IndicatorInput>,
    pub milestones: Vec<MilestoneInput>,
    pub public: bool,
}

/// A number as kept: thousandths, finite and at most a trillion either way.
pub(super) fn milli(field: &'static str, value: f64) -> Result<i64> {
    if !value.is_finite() || value.abs() > MEASURE_MAX {
        return Err(Error::validation(field, CouncilProblem::NumberRange));
    }
    // Within ±10^15 after scaling: exact in an f64 and far inside an i64.
    #[allow(clippy::cast_possible_truncation)]
    Ok((value * 1000.0).round() as i64)
}

/// A degree as kept: millionths, within `max` either way.
fn micro_degrees(field: &'static str, value: Option<f64>, max: f64) -> Result<Option<i32>> {
    let Some(value) = value else { return Ok(None) };
    if !value.is_finite() || value.abs() > max {
        return Err(Error::validation(field, CouncilProblem::Coordinate));
    }
    // At most 180,000,000: inside an i32.
    #[allow(clippy::cast_possible_truncation)]
    Ok(Some((value * 1_000_000.0).round() as i32))
}

fn year(value: i32) -> Result<i32> {
    let (from, to) = YEARS;
    if (from..=to).contains(&value) {
        Ok(value)
    } else {
        Err(Error::validation(
            "year",
            CouncilProblem::PlanYear { from, to },
        ))
    }
}

fn required<T>(field: &'static str, value: Option<T>) -> Result<T> {
    value.ok_or_else(|| Error::validation(field, Problem::Required))
}

impl ActionFieldInput {
    pub(super) fn parse(self) -> Result<ActionFieldData> {
        Ok(ActionFieldData {
            code: required_text("code", &self.code, CODE_MAX)?,
            name: required_text("name", &self.name, NAME_MAX)?,
            description: bounded_text("description", &self.description, TEXT_MAX)?,
            position: self.position,
        })
    }
}

impl SafetyFigureInput {
    pub(super) fn parse(self) -> Result<SafetyFigureData> {
        Ok(SafetyFigureData {
            year: year(self.year)?,
            area: required_text("area", &self.area, NAME_MAX)?,
            kind: required("kind", self.kind)?.code().to_owned(),
            category: required_text("category", &self.category, NAME_MAX)?,
            value_milli: milli("value", self.value)?,
            unit: bounded_text("unit", &self.unit, UNIT_MAX)?,
            source: required_text("source", &self.source, TITLE_MAX)?,
            is_public: self.public,
        })
    }
}

impl HotSpotInput {
    pub(super) fn parse(self) -> Result<HotSpotData> {
        let latitude = micro_degrees("latitude", self.latitude, 90.0)?;
        let longitude = micro_degrees("longitude", self.longitude, 180.0)?;
        if latitude.is_some() != longitude.is_some() {
            let missing = if latitude.is_none() {
                "latitude"
            } else {
                "longitude"
            };
            return Err(Error::validation(missing, CouncilProblem::Coordinate));
        }
        Ok(HotSpotData {
            year: year(self.year)?,
            name: required_text("name", &self.name, NAME_MAX)?,
            area: bounded_text("area", &self.area, NAME_MAX)?,
            address: bounded_text("address", &self.address, TITLE_MAX)?,
            latitude_micro: latitude,
            longitude_micro: longitude,
            reasons: bounded_text("reasons", &self.reasons, TEXT_MAX)?,
            is_public: self.public,
        })
    }
}

impl DemandInput {
    pub(super) fn parse(self) -> Result<DemandData> {
        Ok(DemandData {
            title: required_text("title", &self.title, TITLE_MAX)?,
            description: bounded_text("description", &self.description, TEXT_MAX)?,
            source_kind: required("sourceKind", self.source_kind)?.code().to_owned(),
            source: bounded_text("source", &self.source, TITLE_MAX)?,
            hot_spot_id: self.hot_spot_id,
            place: bounded_text("place", &self.place, TITLE_MAX)?,
            responsible_body_id: self.responsible_body_id,
            responsible: bounded_text("responsible", &self.responsible, NAME_MAX)?,
            status: self.status.unwrap_or(DemandStatus::Open).code().to_owned(),
            due_on: self.due_on,
            is_public: self.public,
        })
    }
}

impl InventoryItemInput {
    pub(super) fn parse(self) -> Result<InventoryItemData> {
        Ok(InventoryItemData {
            kind: required("kind", self.kind)?.code().to_owned(),
            name: required_text("name", &self.name, TITLE_MAX)?,
            action_field_id: self.action_field_id,
            practice_id: self.practice_id,
            catalogue_offer_id: self.catalogue_offer_id,
            provider: bounded_text("provider", &self.provider, NAME_MAX)?,
            assessment: self
                .assessment
                .unwrap_or(Assessment::Covered)
                .code()
                .to_owned(),
            note: bounded_text("note", &self.note, TEXT_MAX)?,
        })
    }
}

impl GoalInput {
    pub(super) fn parse(self) -> Result<GoalData> {
        if self.adopted_on.is_some() && self.adopting_body_id.is_none() {
            return Err(Error::validation("adoptingBodyId", Problem::Required));
        }
        Ok(GoalData {
            action_field_id: self.action_field_id,
            title: required_text("title", &self.title, TITLE_MAX)?,
            what: bounded_text("what", &self.what, TEXT_MAX)?,
            how: bounded_text("how", &self.how, TEXT_MAX)?,
            place: bounded_text("place", &self.place, TITLE_MAX)?,
            demand_id: self.demand_id,
            adopting_body_id: self.adopting_body_id,
            adopted_on: self.adopted_on,
            is_public: self.public,
        })
    }
}

impl ProjectInput {
    /// The project's own fields and parts; the links are checked by the caller.
    pub(super) fn parse(self) -> Result<ProjectData> {
        if self.starts_on.zip(self.ends_on).is_some_and(|(s, e)| e < s) {
            return Err(Error::validation("endsOn", Problem::EndBeforeStart));
        }
        if self
            .budget_euros
            .is_some_and(|b| !(0..=1_000_000_000_000).contains(&b))
        {
            return Err(Error::validation(
                "budgetEuros",
                CouncilProblem::NumberRange,
            ));
        }
        for (field, len) in [
            ("partnerIds", self.partner_ids.len()),
            ("indicators", self.indicators.len()),
            ("milestones", self.milestones.len()),
        ] {
            if len > PARTS_MAX {
                return Err(Error::validation(
                    field,
                    CouncilProblem::TooManyParts { max: PARTS_MAX },
                ));
            }
        }
        let mut partners = self.partner_ids;
        partners.sort();
        partners.dedup();
        let indicators = self
            .indicators
            .into_iter()
            .map(|i| {
                Ok(IndicatorData {
                    id: i.id,
                    name: required_text("indicators.name", &i.name, NAME_MAX)?,
                    unit: bounded_text("indicators.unit", &i.unit, UNIT_MAX)?,
                    baseline_milli: milli("indicators.baseline", i.baseline)?,
                    target_milli: milli("indicators.target", i.target)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let milestones = self
            .milestones
            .into_iter()
            .map(|m| {
                if m.done_on
                    .is_some_and(|done| done > chrono::Utc::now().date_naive())
                {
                    return Err(Error::validation(
                        "milestones.doneOn",
                        CouncilProblem::DoneInFuture,
                    ));
                }
                Ok(MilestoneData {
                    id: m.id,
                    kind: m.kind.unwrap_or(MilestoneKind::Milestone).code().to_owned(),
                    title: required_text("milestones.title", &m.title, TITLE_MAX)?,
                    due_on: m.due_on,
                    done_on: m.done_on,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ProjectData {
            title: required_text("title", &self.title, TITLE_MAX)?,
            description: bounded_text("description", &self.description, TEXT_MAX)?,
            goal_id: self.goal_id,
            owner_body_id: self.owner_body_id,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            budget_euros: self.budget_euros,
            application_id: self.application_id,
            status: self
                .status
                .unwrap_or(ProjectStatus::Planned)
                .code()
                .to_owned(),
            is_public: self.public,
            partners,
            indicators,
            milestones,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_kept_in_thousandths_and_bounded() {
        assert_eq!(milli("value", 12.5).expect("12.5"), 12_500);
        assert_eq!(milli("value", -0.0004).expect("tiny"), 0);
        assert!(milli("value", f64::NAN).is_err());
        assert!(milli("value", 2e12).is_err());
        assert_eq!(
            micro_degrees("latitude", Some(51.482_7), 90.0).expect("Halle"),
            Some(51_482_700)
        );
        assert!(micro_degrees("latitude", Some(91.0), 90.0).is_err());
    }

    #[test]
    fn a_hot_spot_has_both_coordinates_or_none() {
        let input = HotSpotInput {
            year: 2026,
            name: "Hallmarkt".into(),
            area: String::new(),
            address: String::new(),
            latitude: Some(51.48),
            longitude: None,
            reasons: String::new(),
            public: false,
        };
        let err = input.parse().expect_err("one coordinate");
        assert_eq!(err.field(), Some("longitude"));
    }
}
