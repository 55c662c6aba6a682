//! Municipalities (Kommunen), the tenants of the platform.

use chrono::{DateTime, Utc};
use praevnet_store::{MunicipalityData, MunicipalityRecord};

use crate::FederalState;
use crate::kernel::text::required_text;
use crate::registry::RegistryProblem;
use crate::registry::ags::Ags;
use crate::registry::slug::Slug;
use crate::{Error, MunicipalityId};

/// Longest name accepted; the longest German municipality names have about 60 characters.
pub const NAME_MAX: usize = 200;
/// Above Berlin's population with room to spare; catches typos such as an extra zero.
pub const POPULATION_MAX: i64 = 10_000_000;

/// Where a municipality stands on the platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MunicipalityStatus {
    /// Created by a state office or the operator; the council is being set up.
    Onboarding,
    Active,
    /// Left the platform; its data is kept but it is no longer worked with.
    Inactive,
}

impl MunicipalityStatus {
    fn as_stored(self) -> &'static str {
        match self {
            MunicipalityStatus::Onboarding => "ONBOARDING",
            MunicipalityStatus::Active => "ACTIVE",
            MunicipalityStatus::Inactive => "INACTIVE",
        }
    }

    fn from_stored(value: &str) -> Option<Self> {
        match value {
            "ONBOARDING" => Some(MunicipalityStatus::Onboarding),
            "ACTIVE" => Some(MunicipalityStatus::Active),
            "INACTIVE" => Some(MunicipalityStatus::Inactive),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Municipality {
    pub id: MunicipalityId,
    pub name: String,
    pub slug: Slug,
    pub ags: Ags,
    pub federal_state: FederalState,
    pub population: i64,
    pub status: MunicipalityStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl crate::access::Jurisdiction for Municipality {
    fn id(&self) -> MunicipalityId {
        self.id
    }

    fn federal_state(&self) -> FederalState {
        self.federal_state
    }
}

impl TryFrom<MunicipalityRecord> for Municipality {
    type Error = Error;

    /// Stored rows were valid when written; one that is not is corrupt, not a user error.
    fn try_from(r: MunicipalityRecord) -> Result<Self, Error> {
        let corrupt = |what: &str| Error::Internal(format!("municipality {}: bad {what}", r.id));
        Ok(Municipality {
            id: r.id,
            slug: Slug::parse(&r.slug).map_err(|_| corrupt("slug"))?,
            ags: Ags::parse(&r.ags).map_err(|_| corrupt("ags"))?,
            federal_state: FederalState::from_code(&r.federal_state)
                .ok_or_else(|| corrupt("federal_state"))?,
            status: MunicipalityStatus::from_stored(&r.status).ok_or_else(|| corrupt("status"))?,
            name: r.name,
            population: r.population,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

/// A municipality as a caller describes it, not yet checked.
#[derive(Clone, Debug)]
pub struct MunicipalityInput {
    pub name: String,
    pub ags: String,
    pub federal_state: FederalState,
    pub population: i64,
    /// Derived from the name when not given.
    pub slug: Option<String>,
    pub status: MunicipalityStatus,
}

/// Changes to a municipality; `None` keeps the current value.
#[derive(Clone, Debug, Default)]
pub struct MunicipalityPatch {
    pub name: Option<String>,
    pub ags: Option<String>,
    pub federal_state: Option<FederalState>,
    pub population: Option<i64>,
    pub slug: Option<String>,
    pub status: Option<MunicipalityStatus>,
}

impl MunicipalityPatch {
    /// The full input that results from applying the patch to `current`.
    pub(crate) fn apply_to(self, current: &Municipality) -> MunicipalityInput {
        MunicipalityInput {
            name: self.name.unwrap_or_else(|| current.name.clone()),
            ags: self.ags.unwrap_or_else(|| current.ags.to_string()),
            federal_state: self.federal_state.unwrap_or(current.federal_state),
            population: self.population.unwrap_or(current.population),
            slug: Some(self.slug.unwrap_or_else(|| current.slug.to_string())),
            status: self.status.unwrap_or(current.status),
        }
    }
}

impl MunicipalityInput {
    /// Parses into the data to store; the first problem found is reported with its field.
    pub(crate) fn parse(self) -> Result<MunicipalityData, Error> {
        let name = required_text("name", &self.name, NAME_MAX)?;
        let ags = Ags::parse(&self.ags)?;
        if ags.federal_state() != self.federal_state {
            return Err(Error::validation(
                "ags",
                RegistryProblem::AgsStateMismatch {
                    ags_state: ags.federal_state().name_de(),
                    given_state: self.federal_state.name_de(),
                },
            ));
        }
        if !(0..=POPULATION_MAX).contains(&self.population) {
            return Err(Error::validation(
                "population",
                RegistryProblem::PopulationRange {
                    max: POPULATION_MAX,
                },
            ));
        }
        let slug = match self
            .slug
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(given) => Slug::parse(given)?,
            None => Slug::from_name(&name)?,
        };
        Ok(MunicipalityData {
            name,
            slug: slug.to_string(),
            ags: ags.to_string(),
            federal_state: self.federal_state.code().to_owned(),
            population: self.population,
            status: self.status.as_stored().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leipzig() -> MunicipalityInput {
        MunicipalityInput {
            name: "Leipzig".into(),
            ags: "14713000".into(),
            federal_state: FederalState::Sachsen,
            population: 616_000,
            slug: None,
            status: MunicipalityStatus::Active,
        }
    }

    #[test]
    fn valid_input_gets_a_slug_from_its_name() {
        let data = leipzig().parse().expect("valid");
        assert_eq!(data.slug, "leipzig");
        assert_eq!(data.federal_state, "SN");
        assert_eq!(data.status, "ACTIVE");
    }

    #[test]
    fn ags_must_belong_to_the_federal_state() {
        let input = MunicipalityInput {
            federal_state: FederalState::SachsenAnhalt,
            ..leipzig()
        };
        let err = input.parse().expect_err("mismatch");
        assert_eq!(err.field(), Some("ags"));
        assert!(err.message(crate::Lang::De).contains("Sachsen-Anhalt"));
    }

    #[test]
    fn each_field_is_checked() {
        let cases = [
            (
                MunicipalityInput {
                    name: "  ".into(),
                    ..leipzig()
                },
                "name",
            ),
            (
                MunicipalityInput {
                    name: "x".repeat(201),
                    ..leipzig()
                },
                "name",
            ),
            (
                MunicipalityInput {
                    ags: "1471300".into(),
                    ..leipzig()
                },
                "ags",
            ),
            (
                MunicipalityInput {
                    population: -1,
                    ..leipzig()
                },
                "population",
            ),
            (
                MunicipalityInput {
                    population: POPULATION_MAX + 1,
                    ..leipzig()
                },
                "population",
            ),
            (
                MunicipalityInput {
                    slug: Some("Leipzig City".into()),
                    ..leipzig()
                },
                "slug",
            ),
        ];
        for (input, field) in cases {
            let err = input.parse().expect_err(field);
            assert_eq!((err.code(), err.field()), ("VALIDATION", Some(field)));
        }
    }
}
