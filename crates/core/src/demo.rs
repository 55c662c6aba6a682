//! Demo data: the municipalities of the seed documents and their councils, loaded on the first
//! start of an empty database so that a new user sees a working platform.
//!
//! Populations are rounded figures for the demo, not official statistics.

use chrono::NaiveDate;

use crate::council::CouncilInput;
use crate::federal_state::FederalState;
use crate::municipality::{MunicipalityInput, MunicipalityStatus};
use crate::{Principal, Result, Services};

struct DemoCity {
    name: &'static str,
    ags: &'static str,
    federal_state: FederalState,
    population: i64,
    council: &'static str,
    /// The founding resolution and its date, as the seed documents give them.
    founding: Option<(&'static str, (i32, u32, u32))>,
}

const CITIES: [DemoCity; 4] = [
    DemoCity {
        name: "Halle (Saale)",
        ags: "15002000",
        federal_state: FederalState::SachsenAnhalt,
        population: 238_000,
        council: "Präventionsrat der Stadt Halle (Saale)",
        founding: Some(("III/2001/01855", (2001, 12, 12))),
    },
    DemoCity {
        name: "Zwickau",
        ags: "14524330",
        federal_state: FederalState::Sachsen,
        population: 87_000,
        council: "Kommunaler Präventionsrat Zwickau",
        founding: None,
    },
    DemoCity {
        name: "Leipzig",
        ags: "14713000",
        federal_state: FederalState::Sachsen,
        population: 616_000,
        council: "Kommunaler Präventionsrat Leipzig",
        founding: Some(("V-554/10", (2010, 10, 20))),
    },
    DemoCity {
        name: "Chemnitz",
        ags: "14511000",
        federal_state: FederalState::Sachsen,
        population: 248_000,
        council: "Kriminalpräventiver Rat der Stadt Chemnitz",
        founding: Some(("B-41/1998", (1998, 2, 4))),
    },
];

/// Loads the demo cities when no municipality exists yet; returns whether it did.
pub async fn load_if_empty(services: &Services) -> Result<bool> {
    if !services.has_no_municipalities().await? {
        return Ok(false);
    }
    let system = Principal::System;
    for city in &CITIES {
        let municipality = services
            .create_municipality(
                &system,
                MunicipalityInput {
                    name: city.name.into(),
                    ags: city.ags.into(),
                    federal_state: city.federal_state,
                    population: city.population,
                    slug: None,
                    status: MunicipalityStatus::Active,
                },
            )
            .await?;
        let (resolution, date) = match city.founding {
            Some((resolution, (y, m, d))) => {
                (Some(resolution.into()), NaiveDate::from_ymd_opt(y, m, d))
            }
            None => (None, None),
        };
        services
            .save_council(
                &system,
                municipality.id,
                CouncilInput {
                    name: city.council.into(),
                    founding_resolution: resolution,
                    founding_date: date,
                },
            )
            .await?;
    }
    tracing::info!(cities = CITIES.len(), "demo data loaded");
    Ok(true)
}
