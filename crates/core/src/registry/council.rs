//! The prevention council (Kommunaler Präventionsrat) of a municipality: its founding record.

use chrono::{DateTime, NaiveDate, Utc};
use praevnet_store::{CouncilData, CouncilRecord};

use crate::kernel::text::{optional_text, required_text};
use crate::{CouncilId, Error, MunicipalityId};

pub const NAME_MAX: usize = 200;
pub const RESOLUTION_MAX: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Council {
    pub id: CouncilId,
    pub municipality_id: MunicipalityId,
    pub name: String,
    /// The council resolution that founded it, e.g. "B-41/1998" (Chemnitz).
    pub founding_resolution: Option<String>,
    pub founding_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CouncilRecord> for Council {
    fn from(r: CouncilRecord) -> Self {
        Council {
            id: r.id,
            municipality_id: r.municipality_id,
            name: r.name,
            founding_resolution: r.founding_resolution,
            founding_date: r.founding_date,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// A council as a caller describes it, not yet checked.
#[derive(Clone, Debug)]
pub struct CouncilInput {
    pub name: String,
    pub founding_resolution: Option<String>,
    pub founding_date: Option<NaiveDate>,
}

impl CouncilInput {
    pub(crate) fn parse(self) -> Result<CouncilData, Error> {
        let name = required_text("name", &self.name, NAME_MAX)?;
        let founding_resolution = optional_text(
            "foundingResolution",
            self.founding_resolution.as_deref(),
            RESOLUTION_MAX,
        )?;
        Ok(CouncilData {
            name,
            founding_resolution,
            founding_date: self.founding_date,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_resolution_means_none() {
        let data = CouncilInput {
            name: " Kriminalpräventiver Rat ".into(),
            founding_resolution: Some("  ".into()),
            founding_date: None,
        }
        .parse()
        .expect("valid");
        assert_eq!(data.name, "Kriminalpräventiver Rat");
        assert_eq!(data.founding_resolution, None);
    }

    #[test]
    fn overlong_resolution_is_refused_with_its_field() {
        let err = CouncilInput {
            name: "Rat".into(),
            founding_resolution: Some("B".repeat(101)),
            founding_date: None,
        }
        .parse()
        .expect_err("too long");
        assert_eq!(err.field(), Some("foundingResolution"));
    }
}
