//! Municipalities' applications to funding programmes: applying, the decision (checked against
//! the budget), the report on the use of funds, withdrawal.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::land::applications::{Application, ApplicationInput, DecisionInput, Verdict};
use praevnet_core::{ApplicationId, Error, Lang, Problem, ProgrammeId};

use crate::context::ContextExt;
use crate::ids::id_of;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::land::applications::ApplicationStatus")]
pub(crate) enum ApplicationStatus {
    Requested,
    Granted,
    Rejected,
    Reported,
    Withdrawn,
}

/// A municipality's application to a funding programme.
#[derive(SimpleObject)]
pub(crate) struct FundingApplication {
    id: ID,
    municipality_id: ID,
    municipality_name: String,
    programme_id: ID,
    programme_name: String,
    project_title: String,
    project_description: String,
    funding_year: i32,
    requested_amount: i64,
    status: ApplicationStatus,
    /// The status in the caller's language.
    status_label: &'static str,
    granted_amount: Option<i64>,
    decided_on: Option<NaiveDate>,
    decision_note: String,
    /// When the report on the use of the funds (Verwendungsnachweis) is due.
    report_due: Option<NaiveDate>,
    reported_on: Option<NaiveDate>,
    created_at: DateTime<Utc>,
}

impl FundingApplication {
    pub(crate) fn new(a: Application, lang: Lang) -> Self {
        Self {
            id: id_of(a.id),
            municipality_id: id_of(a.municipality_id),
            municipality_name: a.municipality_name,
            programme_id: id_of(a.programme_id),
            programme_name: a.programme_name,
            project_title: a.project_title,
            project_description: a.project_description,
            funding_year: a.funding_year,
            requested_amount: a.requested_amount,
            status: a.status.into(),
            status_label: a.status.label(lang),
            granted_amount: a.granted_amount,
            decided_on: a.decided_on,
            decision_note: a.decision_note,
            report_due: a.report_due,
            reported_on: a.reported_on,
            created_at: a.created_at,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct FundingApplicationInput {
    programme_id: ID,
    project_title: String,
    #[graphql(default)]
    project_description: String,
    /// This year when not given.
    funding_year: Option<i32>,
    requested_amount: i64,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FundingVerdict {
    Grant,
    Reject,
}

#[derive(InputObject)]
pub(crate) struct FundingDecisionInput {
    verdict: FundingVerdict,
    /// Required when granting.
    granted_amount: Option<i64>,
    /// Today when not given.
    decided_on: Option<NaiveDate>,
    #[graphql(default)]
    note: String,
    report_due: Option<NaiveDate>,
}

#[derive(Default, Debug)]
pub(crate) struct ApplicationQuery;

#[Object]
impl ApplicationQuery {
    /// A municipality's applications, newest first (its administrators, its Land's office).
    async fn funding_applications(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
    ) -> async_graphql::Result<Vec<FundingApplication>> {
        let m = ctx.municipality(&municipality_id)?;
        let found = ctx
            .services()
            .land()
            .funding_applications(ctx.principal(), m)
            .await?;
        Ok(found
            .into_iter()
            .map(|a| FundingApplication::new(a, ctx.request().lang))
            .collect())
    }
}

#[derive(Default, Debug)]
pub(crate) struct ApplicationMutation;

#[Object]
impl ApplicationMutation {
    /// A municipality applies for funding of a project.
    async fn apply_for_funding(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: FundingApplicationInput,
    ) -> async_graphql::Result<FundingApplication> {
        let m = ctx.municipality(&municipality_id)?;
        let input = ApplicationInput {
            programme_id: ctx.id::<ProgrammeId>(&input.programme_id, "programmeId")?,
            project_title: input.project_title,
            project_description: input.project_description,
            funding_year: input.funding_year,
            requested_amount: input.requested_amount,
        };
        let saved = ctx
            .services()
            .land()
            .apply_for_funding(ctx.principal(), m, input)
            .await?;
        Ok(FundingApplication::new(saved, ctx.request().lang))
    }

    /// Records the decision on an application (the state office, or the municipality that
    /// received it). A grant beyond the programme's remaining budget is refused (CONFLICT).
    async fn decide_funding_application(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: FundingDecisionInput,
    ) -> async_graphql::Result<FundingApplication> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ApplicationId>(&id, "id")?;
        let verdict = match input.verdict {
            FundingVerdict::Reject => Verdict::Reject,
            FundingVerdict::Grant => Verdict::Grant {
                amount: input
                    .granted_amount
                    .ok_or_else(|| Error::validation("grantedAmount", Problem::Required))?,
            },
        };
        let input = DecisionInput {
            verdict,
            decided_on: input.decided_on,
            note: input.note,
            report_due: input.report_due,
        };
        let saved = ctx
            .services()
            .land()
            .decide_funding_application(ctx.principal(), m, id, input)
            .await?;
        Ok(FundingApplication::new(saved, ctx.request().lang))
    }

    /// Records that the use of granted funds was reported (Verwendungsnachweis).
    async fn report_funding_use(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        reported_on: NaiveDate,
    ) -> async_graphql::Result<FundingApplication> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ApplicationId>(&id, "id")?;
        let saved = ctx
            .services()
            .land()
            .close_funding_application(ctx.principal(), m, id, Some(reported_on))
            .await?;
        Ok(FundingApplication::new(saved, ctx.request().lang))
    }

    /// Withdraws an application not yet decided.
    async fn withdraw_funding_application(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<FundingApplication> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ApplicationId>(&id, "id")?;
        let saved = ctx
            .services()
            .land()
            .close_funding_application(ctx.principal(), m, id, None)
            .await?;
        Ok(FundingApplication::new(saved, ctx.request().lang))
    }
}
