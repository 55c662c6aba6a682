//! Founding a council with the state office, and the state office's overview of its Land.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::Lang;
use praevnet_core::council::founding as domain;
use praevnet_core::land::overview::{self, OverviewSort as DomainSort};

use crate::codes::FederalState;
use crate::context::ContextExt;
use crate::registry::municipality::Municipality;

/// Where a council stands: in founding, active, dormant.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::founding::CouncilStatus")]
pub(crate) enum CouncilStatus {
    Founding,
    Active,
    Dormant,
}

/// How a council comes about: rebuilding an existing one, bottom-up or top-down.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::founding::FoundingPath")]
pub(crate) enum FoundingPath {
    Rebuild,
    BottomUp,
    TopDown,
}

/// The steps of the founding guide (seed 002), in order.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::founding::FoundingStep")]
pub(crate) enum FoundingStep {
    Awareness,
    NeedsAnalysis,
    Actors,
    Structure,
    ConstituentMeeting,
}

/// The filter of the overview by council status.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CouncilFilter {
    None,
    Founding,
    Active,
    Dormant,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OverviewSort {
    Name,
    Population,
    Bodies,
    ActivePeople,
    LastActivity,
    FundingGranted,
    Meetings,
}

#[derive(SimpleObject)]
pub(crate) struct StepState {
    step: FoundingStep,
    /// The step's name in the caller's language.
    label: String,
    /// What the guide asks at this step.
    guidance: String,
    completed_on: Option<NaiveDate>,
    notes: String,
}

/// A municipality's founding checklist, seen and edited by its administrators and its Land's
/// state office.
#[derive(SimpleObject)]
pub(crate) struct Founding {
    status: Option<CouncilStatus>,
    path: Option<FoundingPath>,
    structure_template: Option<String>,
    steps: Vec<StepState>,
}

fn founding(value: domain::Founding, lang: Lang) -> Founding {
    Founding {
        status: value.status.map(Into::into),
        path: value.path.map(Into::into),
        structure_template: value.structure_template,
        steps: value
            .steps
            .into_iter()
            .map(|s| StepState {
                step: s.step.into(),
                label: s.step.label(lang).to_owned(),
                guidance: s.step.guidance(lang).to_owned(),
                completed_on: s.completed_on,
                notes: s.notes,
            })
            .collect(),
    }
}

/// One municipality in the state office's overview.
#[derive(SimpleObject)]
pub(crate) struct OverviewRow {
    municipality: Municipality,
    /// Null when the municipality has no council.
    council_status: Option<CouncilStatus>,
    /// The structure template the council started from.
    structure_model: Option<String>,
    bodies: u64,
    /// People with a running membership today.
    active_members: u64,
    /// The newest change recorded for the municipality.
    last_activity: Option<DateTime<Utc>>,
    /// Meetings held (not called off) in the last twelve months.
    meetings_last_year: u64,
    /// Euros granted from funding programmes (granted or reported applications).
    funding_granted: i64,
}

impl From<overview::OverviewRow> for OverviewRow {
    fn from(row: overview::OverviewRow) -> Self {
        Self {
            municipality: row.municipality.into(),
            council_status: row.status.map(Into::into),
            structure_model: row.structure_template,
            bodies: row.bodies,
            active_members: row.active_people,
            last_activity: row.last_activity,
            meetings_last_year: row.meetings_last_year,
            funding_granted: row.funding_granted,
        }
    }
}

async fn overview(
    ctx: &Context<'_>,
    federal_state: Option<FederalState>,
    council: Option<CouncilFilter>,
    search: Option<String>,
    sort: OverviewSort,
    descending: bool,
) -> async_graphql::Result<Vec<overview::OverviewRow>> {
    let status = council.map(|c| match c {
        CouncilFilter::None => None,
        CouncilFilter::Founding => Some(domain::CouncilStatus::Founding),
        CouncilFilter::Active => Some(domain::CouncilStatus::Active),
        CouncilFilter::Dormant => Some(domain::CouncilStatus::Dormant),
    });
    let sort = match sort {
        OverviewSort::Name => DomainSort::Name,
        OverviewSort::Population => DomainSort::Population,
        OverviewSort::Bodies => DomainSort::Bodies,
        OverviewSort::ActivePeople => DomainSort::ActivePeople,
        OverviewSort::LastActivity => DomainSort::LastActivity,
        OverviewSort::FundingGranted => DomainSort::FundingGranted,
        OverviewSort::Meetings => DomainSort::Meetings,
    };
    ctx.services()
        .land()
        .state_overview(
            ctx.principal(),
            federal_state.map(Into::into),
            status,
            search.filter(|s| !s.trim().is_empty()),
            sort,
            descending,
        )
        .await
        .map_err(Into::into)
}

#[derive(Default, Debug)]
pub(crate) struct FoundingQuery;

#[Object]
impl FoundingQuery {
    /// Every municipality of a Land with its council's figures (its state office, the
    /// operator); without a Land, all municipalities (the operator only).
    #[graphql(complexity = "25 + child_complexity")]
    async fn state_overview(
        &self,
        ctx: &Context<'_>,
        federal_state: Option<FederalState>,
        council: Option<CouncilFilter>,
        search: Option<String>,
        #[graphql(default_with = "OverviewSort::Name")] sort: OverviewSort,
        #[graphql(default)] descending: bool,
    ) -> async_graphql::Result<Vec<OverviewRow>> {
        let rows = overview(ctx, federal_state, council, search, sort, descending).await?;
        Ok(rows.into_iter().map(OverviewRow::from).collect())
    }

    /// The same overview as CSV (`;`-separated, German headers, UTF-8 with BOM).
    #[graphql(complexity = "50 + child_complexity")]
    async fn state_overview_csv(
        &self,
        ctx: &Context<'_>,
        federal_state: Option<FederalState>,
        council: Option<CouncilFilter>,
        search: Option<String>,
        #[graphql(default_with = "OverviewSort::Name")] sort: OverviewSort,
        #[graphql(default)] descending: bool,
    ) -> async_graphql::Result<String> {
        let rows = overview(ctx, federal_state, council, search, sort, descending).await?;
        overview::overview_csv(&rows).map_err(Into::into)
    }

    /// A municipality's founding checklist.
    async fn founding(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
    ) -> async_graphql::Result<Founding> {
        let m = ctx.municipality(&municipality_id)?;
        let value = ctx
            .services()
            .council()
            .founding(ctx.principal(), m)
            .await?;
        Ok(founding(value, ctx.request().lang))
    }
}

#[derive(Default, Debug)]
pub(crate) struct FoundingMutation;

#[Object]
impl FoundingMutation {
    /// Starts the founding of a council on a path (creating the council record if needed).
    async fn start_founding(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        path: FoundingPath,
    ) -> async_graphql::Result<Founding> {
        let m = ctx.municipality(&municipality_id)?;
        let value = ctx
            .services()
            .council()
            .start_founding(ctx.principal(), m, path.into())
            .await?;
        Ok(founding(value, ctx.request().lang))
    }

    /// Records the date and notes of a step; a date on the constituent meeting makes the
    /// council active.
    async fn save_founding_step(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        step: FoundingStep,
        completed_on: Option<NaiveDate>,
        #[graphql(default)] notes: String,
    ) -> async_graphql::Result<Founding> {
        let m = ctx.municipality(&municipality_id)?;
        let value = ctx
            .services()
            .council()
            .save_founding_step(ctx.principal(), m, step.into(), completed_on, notes)
            .await?;
        Ok(founding(value, ctx.request().lang))
    }
}
