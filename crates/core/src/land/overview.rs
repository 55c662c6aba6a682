//! The state office's overview of all municipalities of its Land: each council's status and
//! figures, sortable, and as CSV for spreadsheets.

use chrono::{DateTime, Utc};
use praevnet_store::{MunicipalityFilter, Reach};

use crate::council::founding::CouncilStatus;
use crate::kernel::text::optional_text;
use crate::land::Land;
use crate::registry::Municipality;
use crate::{Error, FederalState, Lang, Principal, Result};

/// One row of the state office's overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewRow {
    pub municipality: Municipality,
    /// `None`: no council recorded.
    pub status: Option<CouncilStatus>,
    pub structure_template: Option<String>,
    pub bodies: u64,
    pub active_people: u64,
    pub last_activity: Option<DateTime<Utc>>,
    /// Euros granted from funding programmes (granted or reported applications).
    pub funding_granted: i64,
    /// Meetings held in the last twelve months.
    pub meetings_last_year: u64,
}

/// How the overview is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverviewSort {
    Name,
    Population,
    Bodies,
    ActivePeople,
    LastActivity,
    FundingGranted,
    Meetings,
}

impl Land<'_> {
    /// Every municipality of a Land with its council's figures: its state office and the
    /// operator; all Länder (`state` = `None`) for the operator only. Filtered by council
    /// status (`Some(None)` asks for municipalities without a council) and by part of the name.
    pub async fn state_overview(
        &self,
        principal: &Principal,
        state: Option<FederalState>,
        status: Option<Option<CouncilStatus>>,
        name_contains: Option<String>,
        sort: OverviewSort,
        descending: bool,
    ) -> Result<Vec<OverviewRow>> {
        match state {
            Some(state) => principal.require_can_create_in(state)?,
            None => principal.require_platform_admin()?,
        }
        let filter = MunicipalityFilter {
            federal_state: state.map(|s| s.code().to_owned()),
            name_contains: optional_text("search", name_contains.as_deref(), 200)?,
        };
        let municipalities = self.services.registry().all_municipalities(&filter).await?;
        let summaries = self
            .services
            .store
            .scope(Reach::Lands(match state {
                Some(state) => vec![state.code().to_owned()],
                None => FederalState::ALL
                    .iter()
                    .map(|s| s.code().to_owned())
                    .collect(),
            }))
            .summaries(Utc::now().date_naive())
            .await?;
        let mut rows: Vec<OverviewRow> = municipalities
            .into_iter()
            .map(|m| {
                let s = summaries.get(&m.id).cloned().unwrap_or_default();
                OverviewRow {
                    status: s.status.as_deref().and_then(CouncilStatus::parse),
                    structure_template: s.structure_template,
                    bodies: s.bodies,
                    active_people: s.active_people,
                    last_activity: s.last_activity,
                    funding_granted: s.funding_granted,
                    meetings_last_year: s.meetings_last_year,
                    municipality: m,
                }
            })
            .filter(|row| status.is_none_or(|wanted| row.status == wanted))
            .collect();
        rows.sort_by(|a, b| {
            let primary = match sort {
                OverviewSort::Name => a.municipality.name.cmp(&b.municipality.name),
                OverviewSort::Population => {
                    a.municipality.population.cmp(&b.municipality.population)
                }
                OverviewSort::Bodies => a.bodies.cmp(&b.bodies),
                OverviewSort::ActivePeople => a.active_people.cmp(&b.active_people),
                OverviewSort::LastActivity => a.last_activity.cmp(&b.last_activity),
                OverviewSort::FundingGranted => a.funding_granted.cmp(&b.funding_granted),
                OverviewSort::Meetings => a.meetings_last_year.cmp(&b.meetings_last_year),
            };
            // Equal rows stay in name order either way.
            let primary = if descending {
                primary.reverse()
            } else {
                primary
            };
            primary.then_with(|| a.municipality.name.cmp(&b.municipality.name))
        });
        Ok(rows)
    }
}

/// A cell as a spreadsheet may read it without running it: a value starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be taken for a formula (CSV injection), so it
/// gets a leading apostrophe, which spreadsheets show as text. Numbers the export writes
/// itself are never negative and go out as they are.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The overview as CSV for spreadsheets (`;`, German headers, UTF-8 with BOM so that Excel
/// reads the umlauts); every text a user wrote goes through [`cell`].
pub fn overview_csv(rows: &[OverviewRow]) -> Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let io = |e: csv::Error| Error::Internal(format!("csv: {e}"));
    writer
        .write_record([
            "Kommune",
            "AGS",
            "Einwohner",
            "Präventionsrat",
            "Strukturmodell",
            "Gremien",
            "Aktive Mitglieder",
            "Sitzungen (12 Monate)",
            "Letzte Aktivität",
            "Bewilligte Förderung (EUR)",
        ])
        .map_err(io)?;
    for row in rows {
        writer
            .write_record([
                cell(&row.municipality.name),
                row.municipality.ags.to_string(),
                row.municipality.population.to_string(),
                row.status
                    .map_or("kein Rat".to_owned(), |s| s.label(Lang::De).to_owned()),
                cell(row.structure_template.as_deref().unwrap_or_default()),
                row.bodies.to_string(),
                row.active_people.to_string(),
                row.meetings_last_year.to_string(),
                row.last_activity
                    .map(|t| t.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                row.funding_granted.to_string(),
            ])
            .map_err(io)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Internal(format!("csv: {e}")))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_kept_as_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(cell("Zwickau"), "Zwickau");
        assert_eq!(cell("Halle (Saale)"), "Halle (Saale)");
    }
}
