//! Funding programmes a state office publishes (ASSKOMM in Saxony: 1.3 M EUR a year for local
//! prevention strategies). Programmes are public information; publishing and changing them is
//! for the Land's state office and the operator.

use chrono::NaiveDate;
use praevnet_store::{ProgrammeData, ProgrammeId, ProgrammeRecord};

use crate::FederalState;
use crate::audit::{self, Change};
use crate::kernel::text::{bounded_text, required_text};
use crate::land::Land;
use crate::land::LandProblem;
use crate::network::search::SearchKind;
use crate::{Error, Principal, Problem, Result};

const TEXT_MAX: usize = 20_000;

/// A published programme; amounts in whole euros.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programme {
    pub id: ProgrammeId,
    pub federal_state: FederalState,
    pub name: String,
    pub provider: String,
    pub total_budget: i64,
    pub yearly_budget: Option<i64>,
    pub fields_of_action: Vec<String>,
    pub eligible_applicants: String,
    pub funding_rate_percent: Option<i32>,
    pub min_amount: Option<i64>,
    pub max_amount: Option<i64>,
    pub deadline: Option<NaiveDate>,
    pub procedure: String,
    pub contact: String,
    pub documents: Vec<String>,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl TryFrom<ProgrammeRecord> for Programme {
    type Error = Error;

    fn try_from(r: ProgrammeRecord) -> Result<Programme> {
        let d = r.data;
        Ok(Programme {
            id: r.id,
            federal_state: FederalState::from_code(&d.federal_state)
                .ok_or_else(|| Error::Internal(format!("stored Land {}", d.federal_state)))?,
            name: d.name,
            provider: d.provider,
            total_budget: d.total_budget,
            yearly_budget: d.yearly_budget,
            fields_of_action: lines(&d.fields_of_action),
            eligible_applicants: d.eligible_applicants,
            funding_rate_percent: d.funding_rate_percent,
            min_amount: d.min_amount,
            max_amount: d.max_amount,
            deadline: d.deadline,
            procedure: d.procedure,
            contact: d.contact,
            documents: lines(&d.documents),
        })
    }
}

/// A programme as sent.
#[derive(Clone, Debug)]
pub struct ProgrammeInput {
    pub federal_state: FederalState,
    pub name: String,
    pub provider: String,
    pub total_budget: i64,
    pub yearly_budget: Option<i64>,
    pub fields_of_action: Vec<String>,
    pub eligible_applicants: String,
    pub funding_rate_percent: Option<i32>,
    pub min_amount: Option<i64>,
    pub max_amount: Option<i64>,
    pub deadline: Option<NaiveDate>,
    pub procedure: String,
    pub contact: String,
    pub documents: Vec<String>,
}

fn amount(field: &'static str, value: i64) -> Result<i64> {
    if value < 0 {
        return Err(Error::validation(field, LandProblem::NegativeAmount));
    }
    Ok(value)
}

impl ProgrammeInput {
    fn parse(self) -> Result<ProgrammeData> {
        amount("totalBudget", self.total_budget)?;
        if let Some(yearly) = self.yearly_budget {
            amount("yearlyBudget", yearly)?;
        }
        if let Some(rate) = self.funding_rate_percent
            && !(0..=100).contains(&rate)
        {
            return Err(Error::validation(
                "fundingRatePercent",
                LandProblem::PercentRange,
            ));
        }
        if let Some(min) = self.min_amount {
            amount("minAmount", min)?;
        }
        if let Some(max) = self.max_amount {
            amount("maxAmount", max)?;
        }
        if let (Some(min), Some(max)) = (self.min_amount, self.max_amount)
            && min > max
        {
            return Err(Error::validation("minAmount", Problem::MinAboveMax));
        }
        Ok(ProgrammeData {
            federal_state: self.federal_state.code().to_owned(),
            name: required_text("name", &self.name, 200)?,
            provider: required_text("provider", &self.provider, 200)?,
            total_budget: self.total_budget,
            yearly_budget: self.yearly_budget,
            fields_of_action: bounded_text(
                "fieldsOfAction",
                &self.fields_of_action.join("\n"),
                TEXT_MAX,
            )?,
            eligible_applicants: bounded_text(
                "eligibleApplicants",
                &self.eligible_applicants,
                TEXT_MAX,
            )?,
            funding_rate_percent: self.funding_rate_percent,
            min_amount: self.min_amount,
            max_amount: self.max_amount,
            deadline: self.deadline,
            procedure: bounded_text("procedure", &self.procedure, TEXT_MAX)?,
            contact: bounded_text("contact", &self.contact, TEXT_MAX)?,
            documents: bounded_text("documents", &self.documents.join("\n"), TEXT_MAX)?,
        })
    }
}

impl Land<'_> {
    /// The programmes of a Land, or of all Länder: public information.
    pub async fn funding_programmes(
        &self,
        _principal: &Principal,
        federal_state: Option<FederalState>,
    ) -> Result<Vec<Programme>> {
        self.services
            .store
            .funding_programmes()
            .list(federal_state.map(FederalState::code))
            .await?
            .into_iter()
            .map(Programme::try_from)
            .collect()
    }

    /// Publishes a programme, or changes one (`id`): the Land's state office, the operator.
    /// A programme of another Land is answered as unknown.
    pub async fn save_funding_programme(
        &self,
        principal: &Principal,
        id: Option<ProgrammeId>,
        input: ProgrammeInput,
    ) -> Result<Programme> {
        principal.require_can_create_in(input.federal_state)?;
        let data = input.parse()?;
        let writes = self.services.store.writes().await?;
        let programmes = writes.funding_programmes();
        let saved = match id {
            None => programmes.insert(data).await?,
            Some(id) => {
                let current = programmes.get(id).await?.ok_or(Error::NotFound)?;
                let current_state =
                    FederalState::from_code(&current.data.federal_state).ok_or(Error::NotFound)?;
                principal
                    .require_can_create_in(current_state)
                    .map_err(|_| Error::NotFound)?;
                programmes.update(id, data).await?.ok_or(Error::NotFound)?
            }
        };
        let programme = Programme::try_from(saved)?;
        self.services
            .index()
            .changed(&writes, SearchKind::Programme, programme.id.as_uuid())
            .await?;
        audit::commit(
            writes,
            principal,
            Change {
                action: if id.is_some() {
                    "funding_programme.updated"
                } else {
                    "funding_programme.published"
                },
                entity: "funding_programme",
                entity_id: Some(programme.id.to_string()),
                municipality: None,
                federal_state: Some(programme.federal_state.code()),
                summary: format!("Förderprogramm gespeichert: {}", programme.name),
            },
        )
        .await?;
        self.services.index().after_write().await;
        Ok(programme)
    }
}

/// ASSKOMM, the alliance of Saxony's state prevention office (seed 004), as demo data.
pub fn asskomm() -> ProgrammeInput {
    ProgrammeInput {
        federal_state: FederalState::Sachsen,
        name: "Allianz Sichere Sächsische Kommunen (ASSKOMM)".into(),
        provider: "Sächsisches Staatsministerium des Innern – Landespräventionsrat Sachsen".into(),
        total_budget: 1_300_000,
        yearly_budget: Some(1_300_000),
        fields_of_action: vec![
            "Sachbeschädigungen durch Graffiti".into(),
            "Vermüllung öffentlicher Plätze".into(),
            "Gewalt".into(),
            "Extremismus".into(),
            "Drogenmissbrauch".into(),
        ],
        eligible_applicants: "Sächsische Städte und Gemeinden mit einem Kommunalen Präventionsrat oder auf dem Weg zu seiner Gründung".into(),
        funding_rate_percent: None,
        min_amount: None,
        max_amount: None,
        deadline: None,
        procedure: "Beratung durch den Landespräventionsrat (Identifizierung von Problemfeldern, Auf- und Ausbau kommunaler Präventionsstrukturen), Fortbildung und Coaching; Antrag auf Förderung individueller Präventionsstrategien.".into(),
        contact: "Landespräventionsrat Sachsen, Geschäftsstelle".into(),
        documents: vec!["Informationsvorlage I-051/2020 der Stadt Chemnitz: Ein Jahr ASSKOMM".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_programme_is_valid() {
        let data = asskomm().parse().expect("valid");
        assert_eq!(data.total_budget, 1_300_000);
        assert_eq!(data.federal_state, "SN");
        assert!(data.fields_of_action.contains("Graffiti"));
    }

    #[test]
    fn amounts_and_rates_are_checked() {
        let mut input = asskomm();
        input.min_amount = Some(50_000);
        input.max_amount = Some(10_000);
        assert_eq!(
            input.parse().expect_err("min above max").field(),
            Some("minAmount")
        );
        let mut input = asskomm();
        input.total_budget = -1;
        assert_eq!(
            input.parse().expect_err("negative").field(),
            Some("totalBudget")
        );
        let mut input = asskomm();
        input.funding_rate_percent = Some(120);
        assert_eq!(
            input.parse().expect_err("rate").field(),
            Some("fundingRatePercent")
        );
    }
}
