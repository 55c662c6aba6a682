//! Applications of municipalities to a Land's funding programmes: a municipality applies for a
//! project; the decision (recorded by the state office or by the municipality that received
//! it) may never grant more than the programme's budget has left, in all or in the year.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use praevnet_common::codes;
use praevnet_store::{ApplicationRecord, Commitments, NewApplication, Reach};

use crate::audit::{self, Change};
use crate::kernel::text::{bounded_text, required_text};
use crate::land::Land;
use crate::land::LandProblem;
use crate::land::funding::Programme;
use crate::{
    ApplicationId, Error, FederalState, Lang, MunicipalityId, Principal, Problem, ProgrammeId,
    Result,
};
use praevnet_common::euros;

codes!(
    /// Where an application stands.
    ApplicationStatus {
        Requested = "requested", "beantragt", "requested";
        Granted = "granted", "bewilligt", "granted";
        Rejected = "rejected", "abgelehnt", "rejected";
        Reported = "reported", "Verwendungsnachweis erbracht", "use of funds reported";
        Withdrawn = "withdrawn", "zurückgezogen", "withdrawn";
    }
);

const DESCRIPTION_MAX: usize = 20_000;

/// An application with the names a reader needs beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub id: ApplicationId,
    pub municipality_id: MunicipalityId,
    pub municipality_name: String,
    pub programme_id: ProgrammeId,
    pub programme_name: String,
    pub project_title: String,
    pub project_description: String,
    pub funding_year: i32,
    pub requested_amount: i64,
    pub status: ApplicationStatus,
    pub granted_amount: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    pub decision_note: String,
    pub report_due: Option<NaiveDate>,
    pub reported_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

/// An application as sent.
#[derive(Clone, Debug)]
pub struct ApplicationInput {
    pub programme_id: ProgrammeId,
    pub project_title: String,
    pub project_description: String,
    /// The year whose budget the project draws on; this year when not given.
    pub funding_year: Option<i32>,
    pub requested_amount: i64,
}

/// What was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Grant { amount: i64 },
    Reject,
}

#[derive(Clone, Debug)]
pub struct DecisionInput {
    pub verdict: Verdict,
    /// Today when not given.
    pub decided_on: Option<NaiveDate>,
    pub note: String,
    /// When the report on the use of the funds is due (Verwendungsnachweis).
    pub report_due: Option<NaiveDate>,
}

/// A programme's budget against what its grants have committed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub total: i64,
    pub committed: i64,
    pub remaining: i64,
    /// Per funding year with grants, and the current year.
    pub years: Vec<YearBudget>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearBudget {
    pub year: i32,
    pub committed: i64,
    /// `None` when the programme has no yearly budget.
    pub remaining: Option<i64>,
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn application(
    r: ApplicationRecord,
    municipality_name: String,
    programme_name: String,
) -> Result<Application> {
    Ok(Application {
        status: ApplicationStatus::parse(&r.status)
            .ok_or_else(|| Error::Internal(format!("stored status {}", r.status)))?,
        id: r.id,
        municipality_id: r.municipality_id,
        municipality_name,
        programme_id: r.programme_id,
        programme_name,
        project_title: r.project_title,
        project_description: r.project_description,
        funding_year: r.funding_year,
        requested_amount: r.requested_amount,
        granted_amount: r.granted_amount,
        decided_on: r.decided_on,
        decision_note: r.decision_note,
        report_due: r.report_due,
        reported_on: r.reported_on,
        created_at: r.created_at,
    })
}

/// A programme's budget against its commitments, with the current year always listed.
fn budget_of(programme: &Programme, commitments: &Commitments) -> Budget {
    let mut years: Vec<YearBudget> = commitments
        .by_year
        .iter()
        .map(|(year, committed)| YearBudget {
            year: *year,
            committed: *committed,
            remaining: programme.yearly_budget.map(|b| b - committed),
        })
        .collect();
    let this_year = today().year();
    if !years.iter().any(|y| y.year == this_year) {
        years.push(YearBudget {
            year: this_year,
            committed: 0,
            remaining: programme.yearly_budget,
        });
        years.sort_by_key(|y| y.year);
    }
    Budget {
        total: programme.total_budget,
        committed: commitments.total,
        remaining: programme.total_budget - commitments.total,
        years,
    }
}

impl Land<'_> {
    /// One programme: public information.
    pub async fn funding_programme(
        &self,
        _principal: &Principal,
        id: ProgrammeId,
    ) -> Result<Programme> {
        self.programme(id).await
    }

    async fn programme(&self, id: ProgrammeId) -> Result<Programme> {
        self.services
            .store
            .funding_programmes()
            .get(id)
            .await?
            .ok_or(Error::NotFound)?
            .try_into()
    }

    /// A programme's budget and what is committed: for anyone logged in, since a municipality
    /// planning an application needs to know what is left.
    pub async fn funding_budget(&self, principal: &Principal, id: ProgrammeId) -> Result<Budget> {
        let programme = self.programme(id).await?;
        let mut budgets = self.funding_budgets(principal, &[programme]).await?;
        budgets
            .pop()
            .map(|(_, budget)| budget)
            .ok_or(Error::NotFound)
    }

    /// The budgets of several programmes, with one read of the commitments per Land however
    /// many programmes it has (a list of programmes asking for each one's budget).
    pub async fn funding_budgets(
        &self,
        principal: &Principal,
        programmes: &[Programme],
    ) -> Result<Vec<(ProgrammeId, Budget)>> {
        principal.require_login()?;
        let mut lands: Vec<FederalState> = programmes.iter().map(|p| p.federal_state).collect();
        lands.sort_unstable_by_key(|state| state.code());
        lands.dedup();
        let mut budgets = Vec::with_capacity(programmes.len());
        for land in lands {
            let of_land: Vec<&Programme> = programmes
                .iter()
                .filter(|p| p.federal_state == land)
                .collect();
            let ids: Vec<ProgrammeId> = of_land.iter().map(|p| p.id).collect();
            let mut commitments = self
                .services
                .store
                .scope(Reach::Lands(vec![land.code().to_owned()]))
                .commitments_of(&ids)
                .await?;
            for programme in of_land {
                let committed = commitments.remove(&programme.id).unwrap_or_default();
                budgets.push((programme.id, budget_of(programme, &committed)));
            }
        }
        Ok(budgets)
    }

    /// A programme's applications as the caller may see them: all of the Land for its state
    /// office and the operator, a municipality's own for its administrators.
    pub async fn programme_applications(
        &self,
        principal: &Principal,
        id: ProgrammeId,
    ) -> Result<Vec<Application>> {
        let programme = self.programme(id).await?;
        self.programmes_applications(principal, &[programme]).await
    }

    /// The applications to several programmes as the caller may see them, with one read of
    /// the Land's municipalities and one of the applications per Land.
    pub async fn programmes_applications(
        &self,
        principal: &Principal,
        programmes: &[Programme],
    ) -> Result<Vec<Application>> {
        principal.require_login()?;
        let mut lands: Vec<FederalState> = programmes.iter().map(|p| p.federal_state).collect();
        lands.sort_unstable_by_key(|state| state.code());
        lands.dedup();
        let mut found = Vec::new();
        for land in lands {
            let of_land: Vec<&Programme> = programmes
                .iter()
                .filter(|p| p.federal_state == land)
                .collect();
            let mut visible = self.services.registry().of_land(land).await?;
            let reach = if principal.oversees(land) {
                Reach::Lands(vec![land.code().to_owned()])
            } else {
                let own = principal.administered();
                visible.retain(|m| own.contains(&m.id));
                Reach::Municipalities(visible.iter().map(|m| m.id).collect())
            };
            if visible.is_empty() {
                continue;
            }
            let ids: Vec<ProgrammeId> = of_land.iter().map(|p| p.id).collect();
            let records = self
                .services
                .store
                .scope(reach)
                .funding_applications(&ids)
                .await?;
            for record in records {
                let municipality = visible
                    .iter()
                    .find(|m| m.id == record.municipality_id)
                    .map(|m| m.name.clone())
                    .unwrap_or_default();
                let programme = of_land
                    .iter()
                    .find(|p| p.id == record.programme_id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                found.push(application(record, municipality, programme)?);
            }
        }
        Ok(found)
    }

    /// A municipality's applications (its administrators, its Land's office), newest first.
    pub async fn funding_applications(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Vec<Application>> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let records = self
            .services
            .store
            .tenant(municipality)
            .funding_applications()
            .await?;
        let programmes = self
            .services
            .store
            .funding_programmes()
            .list(Some(target.federal_state.code()))
            .await?;
        records
            .into_iter()
            .map(|r| {
                let programme = programmes
                    .iter()
                    .find(|p| p.id == r.programme_id)
                    .map(|p| p.data.name.clone())
                    .unwrap_or_default();
                application(r, target.name.clone(), programme)
            })
            .collect()
    }

    /// A municipality applies for a project: the programme must be its Land's, open, and the
    /// amount within the programme's limits.
    pub async fn apply_for_funding(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: ApplicationInput,
    ) -> Result<Application> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let programme = self
            .programme(input.programme_id)
            .await
            .map_err(|e| match e {
                Error::NotFound => Error::validation("programmeId", Problem::InvalidId),
                other => other,
            })?;
        if programme.federal_state != target.federal_state {
            return Err(Error::validation(
                "programmeId",
                LandProblem::OtherLand {
                    state: programme.federal_state.name_de(),
                },
            ));
        }
        if let Some(deadline) = programme.deadline
            && today() > deadline
        {
            return Err(Error::validation(
                "programmeId",
                LandProblem::DeadlinePassed { deadline },
            ));
        }
        let amount = input.requested_amount;
        if amount <= 0 {
            return Err(Error::validation(
                "requestedAmount",
                LandProblem::AmountPositive,
            ));
        }
        if programme.min_amount.is_some_and(|min| amount < min)
            || programme.max_amount.is_some_and(|max| amount > max)
        {
            return Err(Error::validation(
                "requestedAmount",
                LandProblem::AmountRange {
                    min: programme.min_amount,
                    max: programme.max_amount,
                },
            ));
        }
        let funding_year = input.funding_year.unwrap_or_else(|| today().year());
        if !(2000..=2100).contains(&funding_year) {
            return Err(Error::validation("fundingYear", LandProblem::YearRange));
        }
        let description = bounded_text(
            "projectDescription",
            &input.project_description,
            DESCRIPTION_MAX,
        )?;
        let record = NewApplication {
            programme_id: programme.id,
            project_title: required_text("projectTitle", &input.project_title, 200)?,
            project_description: description,
            funding_year,
            requested_amount: amount,
            status: ApplicationStatus::Requested.code().to_owned(),
        };
        let writes = self.services.store.writes().await?;
        let saved = writes
            .tenant(municipality)
            .insert_funding_application(record)
            .await?;
        let summary = format!(
            "Förderantrag „{}“ an {} über {}",
            saved.project_title,
            programme.name,
            euros(amount, Lang::De)
        );
        let change = Change::of_municipality(
            &target,
            "funding_application.submitted",
            "funding_application",
            saved.id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
        application(saved, target.name, programme.name)
    }

    /// Records the decision on a requested application. A grant is checked against the
    /// programme's total and yearly budget under a lock on the programme, so two grants at
    /// once cannot overspend it.
    pub async fn decide_funding_application(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: ApplicationId,
        input: DecisionInput,
    ) -> Result<Application> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let note = bounded_text("note", &input.note, DESCRIPTION_MAX)?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let mut record = tenant
            .funding_application(id)
            .await?
            .ok_or(Error::NotFound)?;
        if record.status != ApplicationStatus::Requested.code() {
            return Err(Error::conflict("verdict", LandProblem::AlreadyDecided));
        }
        let programme: Programme = writes
            .funding_programmes()
            .get(record.programme_id)
            .await?
            .ok_or_else(|| Error::Internal("application without programme".into()))?
            .try_into()?;
        let status = match input.verdict {
            Verdict::Reject => ApplicationStatus::Rejected,
            Verdict::Grant { amount } => {
                if amount <= 0 {
                    return Err(Error::validation(
                        "grantedAmount",
                        LandProblem::AmountPositive,
                    ));
                }
                if amount > record.requested_amount {
                    return Err(Error::validation(
                        "grantedAmount",
                        LandProblem::GrantAboveRequest {
                            requested: record.requested_amount,
                        },
                    ));
                }
                writes.funding_programmes().lock(programme.id).await?;
                let committed = writes
                    .scope(Reach::Lands(vec![
                        programme.federal_state.code().to_owned(),
                    ]))
                    .commitments(programme.id)
                    .await?;
                let exceeded = |budget: i64, spent: i64, year: Option<i32>| {
                    Error::conflict(
                        "grantedAmount",
                        LandProblem::BudgetExceeded {
                            programme: programme.name.clone(),
                            amount,
                            remaining: (budget - spent).max(0),
                            budget,
                            year,
                        },
                    )
                };
                if committed.total + amount > programme.total_budget {
                    return Err(exceeded(programme.total_budget, committed.total, None));
                }
                if let Some(yearly) = programme.yearly_budget {
                    let spent = committed
                        .by_year
                        .iter()
                        .find(|(y, _)| *y == record.funding_year)
                        .map_or(0, |(_, s)| *s);
                    if spent + amount > yearly {
                        return Err(exceeded(yearly, spent, Some(record.funding_year)));
                    }
                }
                record.granted_amount = Some(amount);
                ApplicationStatus::Granted
            }
        };
        record.status = status.code().to_owned();
        record.decided_on = Some(input.decided_on.unwrap_or_else(today));
        record.decision_note = note;
        record.report_due = input.report_due;
        if !tenant.update_funding_application(&record).await? {
            return Err(Error::NotFound);
        }
        let summary = match input.verdict {
            Verdict::Grant { amount } => format!(
                "Förderantrag „{}“ bewilligt: {}",
                record.project_title,
                euros(amount, Lang::De)
            ),
            Verdict::Reject => format!("Förderantrag „{}“ abgelehnt", record.project_title),
        };
        let change = Change::of_municipality(
            &target,
            "funding_application.decided",
            "funding_application",
            id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
        application(record, target.name, programme.name)
    }

    /// Records that the use of granted funds was reported, or withdraws a requested
    /// application (`reported_on` = `None`).
    pub async fn close_funding_application(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: ApplicationId,
        reported_on: Option<NaiveDate>,
    ) -> Result<Application> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let mut record = tenant
            .funding_application(id)
            .await?
            .ok_or(Error::NotFound)?;
        let current = ApplicationStatus::parse(&record.status);
        let (status, action, summary) = match reported_on {
            Some(on) => {
                if current != Some(ApplicationStatus::Granted) {
                    return Err(Error::conflict("reportedOn", LandProblem::NotGranted));
                }
                record.reported_on = Some(on);
                (
                    ApplicationStatus::Reported,
                    "funding_application.reported",
                    format!("Verwendungsnachweis für „{}“", record.project_title),
                )
            }
            None => {
                if current != Some(ApplicationStatus::Requested) {
                    return Err(Error::conflict("verdict", LandProblem::AlreadyDecided));
                }
                (
                    ApplicationStatus::Withdrawn,
                    "funding_application.withdrawn",
                    format!("Förderantrag „{}“ zurückgezogen", record.project_title),
                )
            }
        };
        record.status = status.code().to_owned();
        if !tenant.update_funding_application(&record).await? {
            return Err(Error::NotFound);
        }
        let programme = writes
            .funding_programmes()
            .get(record.programme_id)
            .await?
            .map(|p| p.data.name)
            .unwrap_or_default();
        let change = Change::of_municipality(&target, action, "funding_application", id, summary);
        audit::commit(writes, principal, change).await?;
        application(record, target.name, programme)
    }
}
