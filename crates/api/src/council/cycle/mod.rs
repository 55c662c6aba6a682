//! The prevention cycle: security analysis, demands, inventory, strategy, projects and their
//! evaluation. Every change answers with the whole cycle as the caller sees it after it, since
//! a change of one record moves the summary, the deadlines and the links of others.

mod inputs;
mod objects;

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use praevnet_core::{
    ActionFieldId, DemandId, GoalId, HotSpotId, IndicatorId, IndicatorValueId, InventoryItemId,
    MilestoneId, ProjectId, SafetyFigureId,
};

use crate::context::ContextExt;
use crate::ids::id_of;
use inputs::{
    ActionFieldInput, DemandInput, EvaluationInput, GoalInput, HotSpotInput, InventoryItemInput,
    ProjectInput, SafetyFigureInput,
};
use objects::{DemandStatus, PreventionCycle};

type Answer = async_graphql::Result<PreventionCycle>;

fn answer(ctx: &Context<'_>, cycle: praevnet_core::council::cycle::PreventionCycle) -> Answer {
    Ok(PreventionCycle::new(cycle, ctx.request().lang))
}

#[derive(Default, Debug)]
pub(crate) struct CycleQuery;

#[Object]
impl CycleQuery {
    /// A council's prevention cycle as the caller may see it: to the public what the council
    /// marked public, to its members and managers the rest as their rights allow.
    async fn prevention_cycle(&self, ctx: &Context<'_>, municipality_id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let cycle = ctx
            .services()
            .council()
            .prevention_cycle(ctx.principal(), m)
            .await?;
        answer(ctx, cycle)
    }
}

#[derive(Default, Debug)]
pub(crate) struct CycleMutation;

#[Object]
impl CycleMutation {
    /// Records a field of action of the strategy, or changes one (`id`).
    async fn save_action_field(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: ActionFieldInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<ActionFieldId>(id.as_ref(), "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .save_action_field(ctx.principal(), m, id, input.parse())
                .await?,
        )
    }

    /// Deletes a field of action no goal or inventory entry names.
    async fn delete_action_field(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ActionFieldId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council.delete_action_field(ctx.principal(), m, id).await?,
        )
    }

    /// Records a figure of the security analysis, or changes one (`id`).
    async fn save_safety_figure(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: SafetyFigureInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<SafetyFigureId>(id.as_ref(), "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .save_safety_figure(ctx.principal(), m, id, input.parse())
                .await?,
        )
    }

    async fn delete_safety_figure(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<SafetyFigureId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council.delete_safety_figure(ctx.principal(), m, id).await?,
        )
    }

    /// Records a hot spot, or changes one (`id`).
    async fn save_hot_spot(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: HotSpotInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<HotSpotId>(id.as_ref(), "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .save_hot_spot(ctx.principal(), m, id, input.parse())
                .await?,
        )
    }

    /// Deletes a hot spot no demand names.
    async fn delete_hot_spot(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<HotSpotId>(&id, "id")?;
        let council = ctx.services().council();
        answer(ctx, council.delete_hot_spot(ctx.principal(), m, id).await?)
    }

    /// Records a citizens' demand, or changes one (`id`).
    async fn save_demand(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: DemandInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<DemandId>(id.as_ref(), "id")?;
        let input = input.parse(ctx)?;
        let council = ctx.services().council();
        answer(
            ctx,
            council.save_demand(ctx.principal(), m, id, input).await?,
        )
    }

    /// Deletes a demand no goal names.
    async fn delete_demand(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<DemandId>(&id, "id")?;
        let council = ctx.services().council();
        answer(ctx, council.delete_demand(ctx.principal(), m, id).await?)
    }

    /// Records an entry of the inventory of needs and resources, or changes one (`id`).
    async fn save_inventory_item(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: InventoryItemInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<InventoryItemId>(id.as_ref(), "id")?;
        let input = input.parse(ctx)?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .save_inventory_item(ctx.principal(), m, id, input)
                .await?,
        )
    }

    async fn delete_inventory_item(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<InventoryItemId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .delete_inventory_item(ctx.principal(), m, id)
                .await?,
        )
    }

    /// Records a goal of the strategy, or changes one (`id`).
    async fn save_goal(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: GoalInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<GoalId>(id.as_ref(), "id")?;
        let input = input.parse(ctx)?;
        let council = ctx.services().council();
        answer(ctx, council.save_goal(ctx.principal(), m, id, input).await?)
    }

    /// Deletes a goal no project serves.
    async fn delete_goal(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<GoalId>(&id, "id")?;
        let council = ctx.services().council();
        answer(ctx, council.delete_goal(ctx.principal(), m, id).await?)
    }

    /// Records a measure or project with its partners, funding, indicators and milestones, or
    /// changes one (`id`).
    async fn save_project(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: ProjectInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<ProjectId>(id.as_ref(), "id")?;
        let input = input.parse(ctx)?;
        let council = ctx.services().council();
        answer(
            ctx,
            council.save_project(ctx.principal(), m, id, input).await?,
        )
    }

    /// Deletes a project with its parts, unless it became a good practice.
    async fn delete_project(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ProjectId>(&id, "id")?;
        let council = ctx.services().council();
        answer(ctx, council.delete_project(ctx.principal(), m, id).await?)
    }

    /// Records a value measured for a project's indicator.
    async fn record_measurement(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        indicator_id: ID,
        on: NaiveDate,
        value: f64,
        #[graphql(default)] note: String,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let indicator = ctx.id::<IndicatorId>(&indicator_id, "indicatorId")?;
        let council = ctx.services().council();
        let cycle = council
            .record_measurement(ctx.principal(), m, indicator, on, value, note)
            .await?;
        answer(ctx, cycle)
    }

    async fn delete_measurement(&self, ctx: &Context<'_>, municipality_id: ID, id: ID) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<IndicatorValueId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council.delete_measurement(ctx.principal(), m, id).await?,
        )
    }

    /// Moves a citizens' demand to `status`.
    async fn set_demand_status(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        status: DemandStatus,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<DemandId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .set_demand_status(ctx.principal(), m, id, status.into())
                .await?,
        )
    }

    /// Records that a milestone or interim report was done on `doneOn`.
    async fn complete_milestone(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        done_on: NaiveDate,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<MilestoneId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .complete_milestone(ctx.principal(), m, id, done_on)
                .await?,
        )
    }

    /// Evaluates a project against its indicators; it is then completed (or stopped).
    async fn evaluate_project(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: EvaluationInput,
    ) -> Answer {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ProjectId>(&id, "id")?;
        let council = ctx.services().council();
        answer(
            ctx,
            council
                .evaluate_project(ctx.principal(), m, id, input.parse())
                .await?,
        )
    }

    /// Opens the good practice a project becomes in the network: a draft filled from the
    /// project and what it came from, to complete and publish; answers its id.
    async fn practice_from_project(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<ID> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ProjectId>(&id, "id")?;
        let practice = ctx
            .services()
            .council()
            .practice_from_project(ctx.principal(), m, id)
            .await?;
        Ok(id_of(practice))
    }
}
