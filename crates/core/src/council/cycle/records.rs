//! Recording the cycle's records that stand on their own: the fields of action, the security
//! analysis (figures, hot spots), citizens' demands, the inventory and the strategy's goals.
//! Each answers with the cycle as the caller sees it after the change.

use praevnet_store::{
    ActionFieldId, BodyId, Deadline, DemandId, GoalId, HotSpotId, InventoryItemId, MunicipalityId,
    SafetyFigureId,
};

use super::input::{
    ActionFieldInput, DemandInput, GoalInput, HotSpotInput, InventoryItemInput, SafetyFigureInput,
};
use super::model::{DemandStatus, PreventionCycle};
use super::view::Policy;
use crate::council::{CouncilProblem, CouncilWork};
use crate::{Error, Principal, Result};

/// A record as it stands: the body that answers for it and whether it is marked public.
type Standing = (Option<BodyId>, bool);

/// The caller may change the record standing as `current` (if it exists) and leave it
/// answered for by `owner`: one they cannot see is unknown to them, one they see but may not
/// change is forbidden.
fn may_change(policy: &Policy<'_>, current: Option<Standing>, owner: Option<BodyId>) -> Result<()> {
    if let Some((old, public)) = current {
        if !policy.sees(old, public) {
            return Err(Error::NotFound);
        }
        if !policy.edits(old) {
            return Err(Error::Forbidden);
        }
    }
    if policy.edits(owner) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// The record `found` if the caller may change it where it stands: one missing or not for
/// their eyes is unknown, one they see but may not change is forbidden.
pub(super) fn changeable<'r, T>(
    policy: &Policy<'_>,
    found: Option<&'r T>,
    at: impl Fn(&T) -> Standing,
) -> Result<&'r T> {
    let record = found.ok_or(Error::NotFound)?;
    let (owner, public) = at(record);
    may_change(policy, Some((owner, public)), owner)?;
    Ok(record)
}

/// A body named by a record is one the caller sees.
pub(super) fn known_body(policy: &Policy<'_>, body: Option<BodyId>) -> Result<()> {
    match body {
        None => Ok(()),
        Some(id) => match policy.structure.body(id) {
            Some(b) if policy.access.sees(b.id, b.public) => Ok(()),
            _ => Err(Error::NotFound),
        },
    }
}

/// Where the record is standing now; a missing one is unknown.
fn standing<T>(found: Option<T>, of: impl FnOnce(T) -> Standing) -> Result<Option<Standing>> {
    found.map(of).map(Some).ok_or(Error::NotFound)
}

fn linked(by_others: bool) -> Result<()> {
    if by_others {
        Err(Error::validation("id", CouncilProblem::CycleRecordLinked))
    } else {
        Ok(())
    }
}

impl CouncilWork<'_> {
    /// Records a field of action of the strategy, or changes one (`id`); the managers'.
    pub async fn save_action_field(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<ActionFieldId>,
        input: ActionFieldInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        c.edit.access.require_manage()?;
        let data = input.parse()?;
        if id.is_some_and(|id| c.cycle.action_fields.iter().all(|f| f.id != id)) {
            return Err(Error::NotFound);
        }
        let tenant = c.edit.writes.tenant(municipality);
        let saved = tenant
            .save_action_field(id, &data)
            .await?
            .ok_or(Error::NotFound)?;
        let summary = format!("Handlungsfeld „{} {}“", data.code, data.name);
        c.finish(
            self,
            principal,
            (
                "cycle.field_saved",
                "action_field",
                saved.to_string(),
                summary,
            ),
        )
        .await
    }

    pub async fn delete_action_field(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: ActionFieldId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        c.edit.access.require_manage()?;
        let field = c.cycle.action_fields.iter().find(|f| f.id == id);
        let name = field.ok_or(Error::NotFound)?.data.name.clone();
        let field = Some(id);
        linked(
            c.cycle
                .goals
                .iter()
                .any(|g| g.data.action_field_id == field)
                || c.cycle
                    .inventory
                    .iter()
                    .any(|i| i.data.action_field_id == field),
        )?;
        c.edit
            .writes
            .tenant(municipality)
            .delete_action_field(id)
            .await?;
        let summary = format!("Handlungsfeld „{name}“");
        c.finish(
            self,
            principal,
            (
                "cycle.field_deleted",
                "action_field",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    /// Records a figure of the security analysis, or changes one (`id`).
    pub async fn save_safety_figure(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<SafetyFigureId>,
        input: SafetyFigureInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let current = match id {
            None => None,
            Some(id) => standing(c.cycle.figures.iter().find(|f| f.id == id), |f| {
                (None, f.data.is_public)
            })?,
        };
        may_change(&c.policy(), current, None)?;
        let data = input.parse()?;
        let tenant = c.edit.writes.tenant(municipality);
        let saved = tenant
            .save_safety_figure(id, &data)
            .await?
            .ok_or(Error::NotFound)?;
        let summary = format!("Kennzahl „{}“ {} ({})", data.category, data.year, data.area);
        c.finish(
            self,
            principal,
            (
                "cycle.figure_saved",
                "safety_figure",
                saved.to_string(),
                summary,
            ),
        )
        .await
    }

    pub async fn delete_safety_figure(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: SafetyFigureId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let figure = changeable(
            &c.policy(),
            c.cycle.figures.iter().find(|f| f.id == id),
            |f| (None, f.data.is_public),
        )?;
        let summary = format!("Kennzahl „{}“", figure.data.category);
        c.edit
            .writes
            .tenant(municipality)
            .delete_safety_figure(id)
            .await?;
        c.finish(
            self,
            principal,
            (
                "cycle.figure_deleted",
                "safety_figure",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    /// Records a hot spot, or changes one (`id`).
    pub async fn save_hot_spot(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<HotSpotId>,
        input: HotSpotInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let current = match id {
            None => None,
            Some(id) => standing(c.cycle.hot_spots.iter().find(|h| h.id == id), |h| {
                (None, h.data.is_public)
            })?,
        };
        may_change(&c.policy(), current, None)?;
        let data = input.parse()?;
        let tenant = c.edit.writes.tenant(municipality);
        let saved = tenant
            .save_hot_spot(id, &data)
            .await?
            .ok_or(Error::NotFound)?;
        let summary = format!("Brennpunkt „{}“", data.name);
        c.finish(
            self,
            principal,
            (
                "cycle.hot_spot_saved",
                "hot_spot",
                saved.to_string(),
                summary,
            ),
        )
        .await
    }

    pub async fn delete_hot_spot(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: HotSpotId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let spot = changeable(
            &c.policy(),
            c.cycle.hot_spots.iter().find(|h| h.id == id),
            |h| (None, h.data.is_public),
        )?;
        linked(
            c.cycle
                .demands
                .iter()
                .any(|d| d.data.hot_spot_id == Some(id)),
        )?;
        let summary = format!("Brennpunkt „{}“", spot.data.name);
        c.edit
            .writes
            .tenant(municipality)
            .delete_hot_spot(id)
            .await?;
        c.finish(
            self,
            principal,
            (
                "cycle.hot_spot_deleted",
                "hot_spot",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    /// Records a citizens' demand, or changes one (`id`).
    pub async fn save_demand(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<DemandId>,
        input: DemandInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let current = match id {
            None => None,
            Some(id) => standing(c.cycle.demands.iter().find(|d| d.id == id), |d| {
                (d.data.responsible_body_id, d.data.is_public)
            })?,
        };
        known_body(&c.policy(), input.responsible_body_id)?;
        may_change(&c.policy(), current, input.responsible_body_id)?;
        if let Some(spot) = input.hot_spot_id
            && c.cycle.hot_spots.iter().all(|h| h.id != spot)
        {
            return Err(Error::NotFound);
        }
        let data = input.parse()?;
        let tenant = c.edit.writes.tenant(municipality);
        let saved = tenant
            .save_demand(id, &data)
            .await?
            .ok_or(Error::NotFound)?;
        let moved = c
            .cycle
            .demands
            .iter()
            .any(|d| d.id == saved && d.data.due_on != data.due_on);
        if moved {
            tenant.reset_reminder(Deadline::Demand(saved)).await?;
        }
        let summary = format!("Bürgeranliegen „{}“", data.title);
        c.finish(
            self,
            principal,
            ("cycle.demand_saved", "demand", saved.to_string(), summary),
        )
        .await
    }

    pub async fn delete_demand(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: DemandId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let demand = changeable(
            &c.policy(),
            c.cycle.demands.iter().find(|d| d.id == id),
            |d| (d.data.responsible_body_id, d.data.is_public),
        )?;
        linked(c.cycle.goals.iter().any(|g| g.data.demand_id == Some(id)))?;
        let summary = format!("Bürgeranliegen „{}“", demand.data.title);
        c.edit.writes.tenant(municipality).delete_demand(id).await?;
        c.finish(
            self,
            principal,
            ("cycle.demand_deleted", "demand", id.to_string(), summary),
        )
        .await
    }

    /// Records an entry of the inventory of needs and resources, or changes one (`id`).
    pub async fn save_inventory_item(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<InventoryItemId>,
        input: InventoryItemInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let current = match id {
            None => None,
            Some(id) => standing(c.cycle.inventory.iter().find(|i| i.id == id), |_| {
                (None, false)
            })?,
        };
        may_change(&c.policy(), current, None)?;
        if let Some(field) = input.action_field_id
            && c.cycle.action_fields.iter().all(|f| f.id != field)
        {
            return Err(Error::NotFound);
        }
        let tenant = c.edit.writes.tenant(municipality);
        if let Some(practice) = input.practice_id
            && tenant.practice(practice).await?.is_none()
        {
            return Err(Error::NotFound);
        }
        if let Some(offer) = input.catalogue_offer_id
            && c.edit.writes.catalogue_offers().get(offer).await?.is_none()
        {
            return Err(Error::NotFound);
        }
        let data = input.parse()?;
        let saved = tenant
            .save_inventory_item(id, &data)
            .await?
            .ok_or(Error::NotFound)?;
        let summary = format!("Bestandsaufnahme „{}“", data.name);
        c.finish(
            self,
            principal,
            (
                "cycle.inventory_saved",
                "inventory_item",
                saved.to_string(),
                summary,
            ),
        )
        .await
    }

    pub async fn delete_inventory_item(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: InventoryItemId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let item = changeable(
            &c.policy(),
            c.cycle.inventory.iter().find(|i| i.id == id),
            |_| (None, false),
        )?;
        let summary = format!("Bestandsaufnahme „{}“", item.data.name);
        c.edit
            .writes
            .tenant(municipality)
            .delete_inventory_item(id)
            .await?;
        c.finish(
            self,
            principal,
            (
                "cycle.inventory_deleted",
                "inventory_item",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    /// Records a goal of the strategy, or changes one (`id`).
    pub async fn save_goal(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<GoalId>,
        input: GoalInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let current = match id {
            None => None,
            Some(id) => standing(c.cycle.goals.iter().find(|g| g.id == id), |g| {
                (g.data.adopting_body_id, g.data.is_public)
            })?,
        };
        known_body(&c.policy(), input.adopting_body_id)?;
        may_change(&c.policy(), current, input.adopting_body_id)?;
        if let Some(field) = input.action_field_id
            && c.cycle.action_fields.iter().all(|f| f.id != field)
        {
            return Err(Error::NotFound);
        }
        // The demand it answers is one the caller sees (one of a hidden body is unknown).
        if let Some(demand) = input.demand_id
            && !c.cycle.demands.iter().any(|d| {
                d.id == demand
                    && c.policy()
                        .sees(d.data.responsible_body_id, d.data.is_public)
            })
        {
            return Err(Error::NotFound);
        }
        let data = input.parse()?;
        let tenant = c.edit.writes.tenant(municipality);
        let saved = tenant.save_goal(id, &data).await?.ok_or(Error::NotFound)?;
        let summary = format!("Ziel „{}“", data.title);
        c.finish(
            self,
            principal,
            ("cycle.goal_saved", "goal", saved.to_string(), summary),
        )
        .await
    }

    pub async fn delete_goal(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: GoalId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let goal = changeable(
            &c.policy(),
            c.cycle.goals.iter().find(|g| g.id == id),
            |g| (g.data.adopting_body_id, g.data.is_public),
        )?;
        linked(c.cycle.projects.iter().any(|p| p.data.goal_id == Some(id)))?;
        let summary = format!("Ziel „{}“", goal.data.title);
        c.edit.writes.tenant(municipality).delete_goal(id).await?;
        c.finish(
            self,
            principal,
            ("cycle.goal_deleted", "goal", id.to_string(), summary),
        )
        .await
    }

    /// Moves a citizens' demand to `status` (in progress, done, rejected, or open again).
    pub async fn set_demand_status(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: DemandId,
        status: DemandStatus,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let demand = changeable(
            &c.policy(),
            c.cycle.demands.iter().find(|d| d.id == id),
            |d| (d.data.responsible_body_id, d.data.is_public),
        )?;
        let mut data = demand.data.clone();
        data.status = status.code().to_owned();
        let summary = format!(
            "Bürgeranliegen „{}“: {}",
            data.title,
            status.label(crate::Lang::De)
        );
        c.edit
            .writes
            .tenant(municipality)
            .save_demand(Some(id), &data)
            .await?
            .ok_or(Error::NotFound)?;
        c.finish(
            self,
            principal,
            ("cycle.demand_status", "demand", id.to_string(), summary),
        )
        .await
    }
}
