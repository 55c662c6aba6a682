//! A council's prevention cycle: security analysis, demands, inventory, strategy, projects.

mod projects;
mod records;
mod reminders;

use sea_orm::{QueryOrder, QueryResult, QueryTrait};

pub use projects::{
    IndicatorData, IndicatorValueRecord, MilestoneData, ProjectData, ProjectRecord,
};
pub use records::{
    ActionFieldData, DemandData, GoalData, HotSpotData, InventoryItemData, Row, SafetyFigureData,
};
pub use reminders::{Deadline, DueDeadline};

use crate::tenant::{
    Tenant, TenantConnection, action_field, demand, goal, hot_spot, indicator, indicator_value,
    inventory_item, milestone, models, project, project_partner, safety_figure,
};
use crate::{
    ActionFieldId, DemandId, GoalId, HotSpotId, InventoryItemId, SafetyFigureId, StoreError,
};

/// Everything of one council's cycle, each list in the order it is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CycleRecord {
    pub action_fields: Vec<Row<ActionFieldId, ActionFieldData>>,
    /// Newest year first.
    pub figures: Vec<Row<SafetyFigureId, SafetyFigureData>>,
    pub hot_spots: Vec<Row<HotSpotId, HotSpotData>>,
    pub demands: Vec<Row<DemandId, DemandData>>,
    pub inventory: Vec<Row<InventoryItemId, InventoryItemData>>,
    pub goals: Vec<Row<GoalId, GoalData>>,
    pub projects: Vec<ProjectRecord>,
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The whole cycle in eleven statements, whatever its size, read together (on PostgreSQL
    /// in one round trip), so that every link points at a record of the same state.
    pub async fn prevention_cycle(&self) -> Result<CycleRecord, StoreError> {
        let groups = self
            .all_together(vec![
                self.rows::<action_field::Model>()
                    .order_by_asc(action_field::Column::Position)
                    .order_by_asc(action_field::Column::Code)
                    .into_query(),
                self.rows::<safety_figure::Model>()
                    .order_by_desc(safety_figure::Column::Year)
                    .order_by_asc(safety_figure::Column::Area)
                    .order_by_asc(safety_figure::Column::Kind)
                    .order_by_asc(safety_figure::Column::Category)
                    .into_query(),
                self.rows::<hot_spot::Model>()
                    .order_by_desc(hot_spot::Column::Year)
                    .order_by_asc(hot_spot::Column::Name)
                    .into_query(),
                self.rows::<demand::Model>()
                    .order_by_desc(demand::Column::CreatedAt)
                    .order_by_desc(demand::Column::Id)
                    .into_query(),
                self.rows::<inventory_item::Model>()
                    .order_by_asc(inventory_item::Column::Name)
                    .order_by_asc(inventory_item::Column::Id)
                    .into_query(),
                self.rows::<goal::Model>()
                    .order_by_asc(goal::Column::CreatedAt)
                    .order_by_asc(goal::Column::Id)
                    .into_query(),
                self.rows::<project::Model>()
                    .order_by_desc(project::Column::CreatedAt)
                    .order_by_desc(project::Column::Id)
                    .into_query(),
                self.rows::<project_partner::Model>()
                    .order_by_asc(project_partner::Column::Id)
                    .into_query(),
                self.rows::<indicator::Model>()
                    .order_by_asc(indicator::Column::Position)
                    .into_query(),
                self.rows::<indicator_value::Model>()
                    .order_by_asc(indicator_value::Column::On)
                    .order_by_asc(indicator_value::Column::Id)
                    .into_query(),
                self.rows::<milestone::Model>()
                    .order_by_asc(milestone::Column::DueOn)
                    .order_by_asc(milestone::Column::Id)
                    .into_query(),
            ])
            .await?;
        let Ok(
            [
                fields,
                figures,
                hot_spots,
                demands,
                inventory,
                goals,
                projects,
                partners,
                indicators,
                values,
                milestones,
            ],
        ) = <[Vec<QueryResult>; 11]>::try_from(groups)
        else {
            return Err(StoreError::Corrupt(
                "the cycle's eleven reads did not answer eleven times".into(),
            ));
        };
        Ok(CycleRecord {
            action_fields: rows_of::<action_field::Model, _>(fields)?,
            figures: rows_of::<safety_figure::Model, _>(figures)?,
            hot_spots: rows_of::<hot_spot::Model, _>(hot_spots)?,
            demands: rows_of::<demand::Model, _>(demands)?,
            inventory: rows_of::<inventory_item::Model, _>(inventory)?,
            goals: rows_of::<goal::Model, _>(goals)?,
            projects: projects::assemble(
                models(projects)?,
                models(partners)?,
                models(indicators)?,
                models(values)?,
                models(milestones)?,
            ),
        })
    }
}

fn rows_of<M: sea_orm::FromQueryResult, R: From<M>>(
    rows: Vec<QueryResult>,
) -> Result<Vec<R>, StoreError> {
    Ok(models::<M>(rows)?.into_iter().map(R::from).collect())
}
