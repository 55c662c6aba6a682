//! Measures and projects with their parts: partners, indicators with their measured values,
//! milestones and interim reports; and a project's evaluation.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use crate::tenant::{
    Tenant, TenantConnection, indicator, indicator_value, milestone, project, project_partner,
};
use crate::{
    ApplicationId, BodyId, GoalId, IndicatorId, IndicatorValueId, MilestoneId, OrganisationId,
    PracticeId, ProjectId, StoreError,
};

/// A measurable indicator of a project; `id` is `None` for a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorData {
    pub id: Option<IndicatorId>,
    pub name: String,
    pub unit: String,
    /// In thousandths of `unit`.
    pub baseline_milli: i64,
    pub target_milli: i64,
}

/// A milestone or an interim report due by a date; `id` is `None` for a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneData {
    pub id: Option<MilestoneId>,
    /// `milestone` or `interim_report`.
    pub kind: String,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

/// A project's fields and its parts, saved together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectData {
    pub title: String,
    pub description: String,
    pub goal_id: Option<GoalId>,
    pub owner_body_id: Option<BodyId>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget_euros: Option<i64>,
    pub application_id: Option<ApplicationId>,
    /// `planned`, `running`, `completed` or `stopped`.
    pub status: String,
    pub is_public: bool,
    pub partners: Vec<OrganisationId>,
    /// In their order.
    pub indicators: Vec<IndicatorData>,
    pub milestones: Vec<MilestoneData>,
}

/// A value measured for an indicator on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorValueRecord {
    pub id: IndicatorValueId,
    pub indicator_id: IndicatorId,
    pub on: NaiveDate,
    pub value_milli: i64,
    pub note: String,
}

/// A stored project: its data (every part with its id), its evaluation, the practice it became,
/// and its indicators' values, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectRecord {
    pub id: ProjectId,
    pub data: ProjectData,
    pub evaluated_on: Option<NaiveDate>,
    pub evaluation: String,
    pub practice_id: Option<PracticeId>,
    pub values: Vec<IndicatorValueRecord>,
}

fn project_row(id: ProjectId, d: &ProjectData) -> project::New {
    let now = Utc::now();
    project::New {
        id,
        title: d.title.clone(),
        description: d.description.clone(),
        goal_id: d.goal_id,
        owner_body_id: d.owner_body_id,
        starts_on: d.starts_on,
        ends_on: d.ends_on,
        budget_euros: d.budget_euros,
        application_id: d.application_id,
        status: d.status.clone(),
        evaluated_on: None,
        evaluation: String::new(),
        practice_id: None,
        is_public: d.is_public,
        created_at: now,
        updated_at: now,
    }
}

/// Assembles the projects from their rows, each part under its project in its order; grouped
/// once, so that a city with hundreds of projects is not searched once per project.
pub(super) fn assemble(
    projects: Vec<project::Model>,
    partners: Vec<project_partner::Model>,
    indicators: Vec<indicator::Model>,
    values: Vec<indicator_value::Model>,
    milestones: Vec<milestone::Model>,
) -> Vec<ProjectRecord> {
    let mut project_of: HashMap<IndicatorId, ProjectId> = HashMap::new();
    let mut parts: HashMap<ProjectId, ProjectParts> = HashMap::new();
    for i in indicators {
        project_of.insert(i.id, i.project_id);
        parts
            .entry(i.project_id)
            .or_default()
            .indicators
            .push(IndicatorData {
                id: Some(i.id),
                name: i.name,
                unit: i.unit,
                baseline_milli: i.baseline_milli,
                target_milli: i.target_milli,
            });
    }
    for v in values {
        if let Some(project) = project_of.get(&v.indicator_id) {
            parts
                .entry(*project)
                .or_default()
                .values
                .push(IndicatorValueRecord {
                    id: v.id,
                    indicator_id: v.indicator_id,
                    on: v.on,
                    value_milli: v.value_milli,
                    note: v.note,
                });
        }
    }
    for p in partners {
        parts
            .entry(p.project_id)
            .or_default()
            .partners
            .push(p.organisation_id);
    }
    for m in milestones {
        parts
            .entry(m.project_id)
            .or_default()
            .milestones
            .push(MilestoneData {
                id: Some(m.id),
                kind: m.kind,
                title: m.title,
                due_on: m.due_on,
                done_on: m.done_on,
            });
    }
    projects
        .into_iter()
        .map(|p| {
            let own = parts.remove(&p.id).unwrap_or_default();
            ProjectRecord {
                id: p.id,
                values: own.values,
                data: ProjectData {
                    title: p.title,
                    description: p.description,
                    goal_id: p.goal_id,
                    owner_body_id: p.owner_body_id,
                    starts_on: p.starts_on,
                    ends_on: p.ends_on,
                    budget_euros: p.budget_euros,
                    application_id: p.application_id,
                    status: p.status,
                    is_public: p.is_public,
                    partners: own.partners,
                    indicators: own.indicators,
                    milestones: own.milestones,
                },
                evaluated_on: p.evaluated_on,
                evaluation: p.evaluation,
                practice_id: p.practice_id,
            }
        })
        .collect()
}

#[derive(Default)]
struct ProjectParts {
    partners: Vec<OrganisationId>,
    indicators: Vec<IndicatorData>,
    values: Vec<IndicatorValueRecord>,
    milestones: Vec<MilestoneData>,
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// Saves a project with its partners, indicators and milestones (new when `id` is
    /// `None`): parts left out are deleted, an indicator with its values. The caller has
    /// checked that each part's id is of this project. Answers the id; `None` when `id` is not
    /// this tenant's.
    pub async fn save_project(
        &self,
        id: Option<ProjectId>,
        data: &ProjectData,
    ) -> Result<Option<ProjectId>, StoreError> {
        let new = id.is_none();
        let id = id.unwrap_or_else(ProjectId::generate);
        self.transaction(async |tx| {
            if new {
                self.insert(project_row(id, data)).exec(tx).await?;
            } else if self
                .replace(project_row(id, data))
                .exec(tx)
                .await?
                .rows_affected
                == 0
            {
                return Ok(None);
            }
            self.delete::<project_partner::Model>()
                .filter(project_partner::Column::ProjectId.eq(id))
                .exec(tx)
                .await?;
            let partners: Vec<project_partner::New> = data
                .partners
                .iter()
                .map(|&organisation_id| project_partner::New {
                    id: Uuid::now_v7(),
                    project_id: id,
                    organisation_id,
                })
                .collect();
            self.insert_batches(tx, partners).await?;

            let kept: Vec<IndicatorId> = data.indicators.iter().filter_map(|i| i.id).collect();
            self.delete::<indicator::Model>()
                .filter(indicator::Column::ProjectId.eq(id))
                .filter(indicator::Column::Id.is_not_in(kept))
                .exec(tx)
                .await?;
            for (position, i) in (0..).zip(&data.indicators) {
                let row = indicator::New {
                    id: i.id.unwrap_or_else(IndicatorId::generate),
                    project_id: id,
                    position,
                    name: i.name.clone(),
                    unit: i.unit.clone(),
                    baseline_milli: i.baseline_milli,
                    target_milli: i.target_milli,
                };
                match i.id {
                    None => self.insert(row).exec(tx).await.map(drop)?,
                    Some(_) => self.replace(row).exec(tx).await.map(drop)?,
                }
            }

            let kept: Vec<MilestoneId> = data.milestones.iter().filter_map(|m| m.id).collect();
            self.delete::<milestone::Model>()
                .filter(milestone::Column::ProjectId.eq(id))
                .filter(milestone::Column::Id.is_not_in(kept))
                .exec(tx)
                .await?;
            for m in &data.milestones {
                let row = milestone::New {
                    id: m.id.unwrap_or_else(MilestoneId::generate),
                    project_id: id,
                    kind: m.kind.clone(),
                    title: m.title.clone(),
                    due_on: m.due_on,
                    done_on: m.done_on,
                    reminded_on: None,
                };
                match m.id {
                    None => self.insert(row).exec(tx).await.map(drop)?,
                    Some(_) => self.replace(row).exec(tx).await.map(drop)?,
                }
            }
            Ok(Some(id))
        })
        .await
    }

    /// Deletes a project with all its parts.
    pub async fn delete_project(&self, id: ProjectId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<project::Model>()
            .filter(project::Column::Id.eq(id));
        self.removed(delete).await
    }

    /// Records a value measured for an indicator the caller has checked is this tenant's.
    pub async fn add_indicator_value(
        &self,
        indicator_id: IndicatorId,
        on: NaiveDate,
        value_milli: i64,
        note: String,
    ) -> Result<IndicatorValueId, StoreError> {
        let id = IndicatorValueId::generate();
        self.add_row(indicator_value::New {
            id,
            indicator_id,
            on,
            value_milli,
            note,
        })
        .await?;
        Ok(id)
    }

    pub async fn delete_indicator_value(&self, id: IndicatorValueId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<indicator_value::Model>()
            .filter(indicator_value::Column::Id.eq(id));
        self.removed(delete).await
    }

    /// Records a project's evaluation, and the status it ends with.
    pub async fn evaluate_project(
        &self,
        id: ProjectId,
        on: NaiveDate,
        evaluation: String,
        status: &str,
    ) -> Result<bool, StoreError> {
        let update = self
            .update::<project::Model>()
            .filter(project::Column::Id.eq(id))
            .col_expr(project::Column::EvaluatedOn, Expr::value(on))
            .col_expr(project::Column::Evaluation, Expr::value(evaluation))
            .col_expr(project::Column::Status, Expr::value(status))
            .col_expr(project::Column::UpdatedAt, Expr::value(Utc::now()));
        self.changed(update).await
    }

    /// Records that a milestone of this tenant was done on `on`.
    pub async fn complete_milestone(
        &self,
        id: MilestoneId,
        on: NaiveDate,
    ) -> Result<bool, StoreError> {
        let update = self
            .update::<milestone::Model>()
            .filter(milestone::Column::Id.eq(id))
            .col_expr(milestone::Column::DoneOn, Expr::value(on));
        self.changed(update).await
    }

    /// Notes the good practice a project became in the network, unless it names one already;
    /// whether it did.
    pub async fn link_project_practice(
        &self,
        id: ProjectId,
        practice: PracticeId,
    ) -> Result<bool, StoreError> {
        let update = self
            .update::<project::Model>()
            .filter(project::Column::Id.eq(id))
            .filter(project::Column::PracticeId.is_null())
            .col_expr(project::Column::PracticeId, Expr::value(practice));
        self.changed(update).await
    }
}
