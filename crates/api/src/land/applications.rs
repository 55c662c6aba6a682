//! Municipalities' applications to funding programmes: applying, the decision (checked against
//! the budget), the report on the use of funds, withdrawal.

use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::land::applications::{Application, ApplicationInput, DecisionInput, Verdict};
use praevnet_core::{ApplicationId, Error, Problem, ProgrammeId};

use crate::context::ContextExt;
use crate::error::ResultExt;

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
pub(crate) struct FundingApplication(pub(crate) Application);

#[Object]
impl FundingApplication {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn municipality_id(&self) -> ID {
        ID(self.0.municipality_id.to_string())
    }
    async fn municipality_name(&self) -> &str {
        &self.0.municipality_name
    }
    async fn programme_id(&self) -> ID {
        ID(self.0.programme_id.to_string())
    }
    async fn programme_name(&self) -> &str {
        &self.0.programme_name
    }
    async fn project_title(&self) -> &str {
        &self.0.project_title
    }
    async fn project_description(&self) -> &str {
        &self.0.project_description
    }
    async fn funding_year(&self) -> i32 {
        self.0.funding_year
    }
    async fn requested_amount(&self) -> i64 {
        self.0.requested_amount
    }
    async fn status(&self) -> ApplicationStatus {
        self.0.status.into()
    }
    /// The status in the caller's language.
    async fn status_label(&self, ctx: &Context<'_>) -> &'static str {
        self.0.status.label(ctx.request().lang)
    }
    async fn granted_amount(&self) -> Option<i64> {
        self.0.granted_amount
    }
    async fn decided_on(&self) -> Option<NaiveDate> {
        self.0.decided_on
    }
    async fn decision_note(&self) -> &str {
        &self.0.decision_note
    }
    /// When the report on the use of the funds (Verwendungsnachweis) is due.
    async fn report_due(&self) -> Option<NaiveDate> {
        self.0.report_due
    }
    async fn reported_on(&self) -> Option<NaiveDate> {
        self.0.reported_on
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
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
            .await
            .gql(ctx)?;
        Ok(found.into_iter().map(FundingApplication).collect())
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
            .await
            .gql(ctx)?;
        Ok(FundingApplication(saved))
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
                    .ok_or_else(|| Error::validation("grantedAmount", Problem::Required))
                    .gql(ctx)?,
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
            .await
            .gql(ctx)?;
        Ok(FundingApplication(saved))
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
            .await
            .gql(ctx)?;
        Ok(FundingApplication(saved))
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
            .await
            .gql(ctx)?;
        Ok(FundingApplication(saved))
    }
}
