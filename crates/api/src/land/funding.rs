//! Funding programmes in the API: public to read, published by the Land's state office, with
//! their budget and the applications the caller may see.

use async_graphql::{ComplexObject, Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::ProgrammeId;
use praevnet_core::land::applications::{Application, Budget};
use praevnet_core::land::funding::{Programme, ProgrammeInput as DomainInput};

use crate::codes::FederalState;
use crate::context::ContextExt;
use crate::ids::id_of;
use crate::land::applications::FundingApplication;

/// A funding programme (Förderprogramm); amounts in whole euros.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct FundingProgramme {
    id: ID,
    federal_state: FederalState,
    name: String,
    provider: String,
    total_budget: i64,
    yearly_budget: Option<i64>,
    fields_of_action: Vec<String>,
    eligible_applicants: String,
    funding_rate_percent: Option<i32>,
    min_amount: Option<i64>,
    max_amount: Option<i64>,
    deadline: Option<NaiveDate>,
    procedure: String,
    contact: String,
    documents: Vec<String>,
    #[graphql(skip)]
    programme: ProgrammeId,
    /// Budget and applications as read with the whole list, when the query asked for them.
    #[graphql(skip)]
    preloaded_budget: Option<Budget>,
    #[graphql(skip)]
    preloaded_applications: Option<Vec<Application>>,
}

impl From<Programme> for FundingProgramme {
    fn from(p: Programme) -> Self {
        Self {
            id: id_of(p.id),
            federal_state: p.federal_state.into(),
            name: p.name,
            provider: p.provider,
            total_budget: p.total_budget,
            yearly_budget: p.yearly_budget,
            fields_of_action: p.fields_of_action,
            eligible_applicants: p.eligible_applicants,
            funding_rate_percent: p.funding_rate_percent,
            min_amount: p.min_amount,
            max_amount: p.max_amount,
            deadline: p.deadline,
            procedure: p.procedure,
            contact: p.contact,
            documents: p.documents,
            programme: p.id,
            preloaded_budget: None,
            preloaded_applications: None,
        }
    }
}

#[ComplexObject]
impl FundingProgramme {
    /// The budget against what is granted (anyone logged in).
    async fn budget(&self, ctx: &Context<'_>) -> async_graphql::Result<FundingBudget> {
        let budget = match &self.preloaded_budget {
            Some(budget) => budget.clone(),
            None => {
                ctx.services()
                    .land()
                    .funding_budget(ctx.principal(), self.programme)
                    .await?
            }
        };
        Ok(FundingBudget {
            total: budget.total,
            committed: budget.committed,
            remaining: budget.remaining,
            years: budget
                .years
                .into_iter()
                .map(|y| FundingYear {
                    year: y.year,
                    committed: y.committed,
                    remaining: y.remaining,
                })
                .collect(),
        })
    }
    /// The applications the caller may see: all of the Land for its state office, a
    /// municipality's own for its administrators.
    async fn applications(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<FundingApplication>> {
        let found = match &self.preloaded_applications {
            Some(found) => found.clone(),
            None => {
                ctx.services()
                    .land()
                    .programme_applications(ctx.principal(), self.programme)
                    .await?
            }
        };
        Ok(found
            .into_iter()
            .map(|a| FundingApplication::new(a, ctx.request().lang))
            .collect())
    }
}

/// A programme's budget against its grants; amounts in whole euros.
#[derive(SimpleObject)]
pub(crate) struct FundingBudget {
    pub(crate) total: i64,
    pub(crate) committed: i64,
    pub(crate) remaining: i64,
    /// Each funding year with grants, and the current one.
    pub(crate) years: Vec<FundingYear>,
}

#[derive(SimpleObject)]
pub(crate) struct FundingYear {
    pub(crate) year: i32,
    pub(crate) committed: i64,
    /// Null when the programme has no yearly budget.
    pub(crate) remaining: Option<i64>,
}

#[derive(InputObject)]
pub(crate) struct FundingProgrammeInput {
    federal_state: FederalState,
    name: String,
    provider: String,
    total_budget: i64,
    yearly_budget: Option<i64>,
    #[graphql(default)]
    fields_of_action: Vec<String>,
    #[graphql(default)]
    eligible_applicants: String,
    funding_rate_percent: Option<i32>,
    min_amount: Option<i64>,
    max_amount: Option<i64>,
    deadline: Option<NaiveDate>,
    #[graphql(default)]
    procedure: String,
    #[graphql(default)]
    contact: String,
    #[graphql(default)]
    documents: Vec<String>,
}

#[derive(Default, Debug)]
pub(crate) struct FundingQuery;

#[Object]
impl FundingQuery {
    /// Published funding programmes, of one Land or of all.
    async fn funding_programmes(
        &self,
        ctx: &Context<'_>,
        federal_state: Option<FederalState>,
    ) -> async_graphql::Result<Vec<FundingProgramme>> {
        let programmes = ctx
            .services()
            .land()
            .funding_programmes(ctx.principal(), federal_state.map(Into::into))
            .await?;
        let land = ctx.services().land();
        let ahead = ctx.look_ahead();
        let mut budgets = if ahead.field("budget").exists() {
            land.funding_budgets(ctx.principal(), &programmes).await?
        } else {
            Vec::new()
        };
        let applications = if ahead.field("applications").exists() {
            Some(
                land.programmes_applications(ctx.principal(), &programmes)
                    .await?,
            )
        } else {
            None
        };
        Ok(programmes
            .into_iter()
            .map(|p| {
                let mut programme = FundingProgramme::from(p);
                let id = programme.programme;
                if let Some(at) = budgets.iter().position(|(of, _)| *of == id) {
                    programme.preloaded_budget = Some(budgets.swap_remove(at).1);
                }
                programme.preloaded_applications = applications.as_ref().map(|all| {
                    all.iter()
                        .filter(|a| a.programme_id == id)
                        .cloned()
                        .collect()
                });
                programme
            })
            .collect())
    }

    /// One published programme.
    async fn funding_programme(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<FundingProgramme> {
        let id = ctx.id::<ProgrammeId>(&id, "id")?;
        let programme = ctx
            .services()
            .land()
            .funding_programme(ctx.principal(), id)
            .await?;
        Ok(programme.into())
    }
}

#[derive(Default, Debug)]
pub(crate) struct FundingMutation;

#[Object]
impl FundingMutation {
    /// Publishes a funding programme, or changes one when `id` is given (the Land's state
    /// office, the operator).
    async fn save_funding_programme(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        input: FundingProgrammeInput,
    ) -> async_graphql::Result<FundingProgramme> {
        let id = ctx.optional_id::<ProgrammeId>(id.as_ref(), "id")?;
        let input = DomainInput {
            federal_state: input.federal_state.into(),
            name: input.name,
            provider: input.provider,
            total_budget: input.total_budget,
            yearly_budget: input.yearly_budget,
            fields_of_action: input.fields_of_action,
            eligible_applicants: input.eligible_applicants,
            funding_rate_percent: input.funding_rate_percent,
            min_amount: input.min_amount,
            max_amount: input.max_amount,
            deadline: input.deadline,
            procedure: input.procedure,
            contact: input.contact,
            documents: input.documents,
        };
        let saved = ctx
            .services()
            .land()
            .save_funding_programme(ctx.principal(), id, input)
            .await?;
        Ok(saved.into())
    }
}
