//! Bodies: starting a council from a template, adding a body, and changing one (rename,
//! move, reconfigure, dissolve).

use praevnet_store::{BodyId, MunicipalityId};

use super::edit::{Changed, Edit, Record};
use super::input::BodyInput;
use super::model::{Body, Membership};
use super::rules::{check_parent, check_reports_to};
use super::templates::template;
use crate::council::CouncilProblem;
use crate::council::CouncilWork;
use crate::{Error, Principal, Result};

impl CouncilWork<'_> {
    /// Starts an empty council from a template; returns the bodies created.
    pub async fn apply_template(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        template_id: &str,
    ) -> Result<Changed<Vec<Body>>> {
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let template = template(template_id)?;
        if !edit.structure.bodies.is_empty() {
            return Err(Error::conflict(
                "templateId",
                CouncilProblem::StructureNotEmpty,
            ));
        }
        let mut created: Vec<(String, Body)> = Vec::new();
        for item in &template.bodies {
            let parent = item
                .parent
                .as_ref()
                .and_then(|key| created.iter().find(|(k, _)| k == key))
                .map(|(_, b)| b.id);
            let mut body = item.body.clone();
            body.parent = parent;
            let stored = edit.tenant().insert_body(body.data()).await?;
            body.id = stored.id;
            created.push((item.key.clone(), body));
        }
        let bodies: Vec<Body> = created.into_iter().map(|(_, b)| b).collect();
        edit.structure.bodies.clone_from(&bodies);
        // The overview shows which model a council started from.
        if !edit.tenant().set_structure_template(&template.id).await? {
            let input = crate::registry::council::CouncilInput {
                name: format!("Kommunaler Präventionsrat {}", edit.municipality.name),
                founding_resolution: None,
                founding_date: None,
            };
            edit.tenant().save_council(input.parse()?).await?;
            edit.tenant().set_structure_template(&template.id).await?;
        }
        let summary = format!(
            "Strukturvorlage „{}“ (Version {}) übernommen: {} Gremien",
            template.name,
            template.version,
            bodies.len()
        );
        self.finish(
            edit,
            principal,
            Record::new(
                "structure.template_applied",
                "council",
                None::<BodyId>,
                summary,
            ),
            bodies,
        )
        .await
    }

    /// Checks the bodies a body is placed under and reports to: of this council (another
    /// tenant's id is answered like an unknown one), and no circle.
    fn check_relations_in(edit: &Edit, body: &Body) -> Result<()> {
        for related in [body.parent, body.reports_to].into_iter().flatten() {
            if edit.structure.body(related).is_none() {
                return Err(Error::NotFound);
            }
        }
        check_parent(&edit.structure, body.id, body.parent)?;
        check_reports_to(body.id, body.reports_to)
    }

    pub async fn create_body(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: BodyInput,
    ) -> Result<Changed<Body>> {
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let position = edit
            .structure
            .bodies
            .iter()
            .map(|b| b.position)
            .max()
            .map_or(0, |p| p.saturating_add(1));
        let placeholder = BodyId::from_uuid(uuid::Uuid::now_v7());
        let mut body = input.parse(placeholder, position)?;
        Self::check_relations_in(&edit, &body)?;
        body.id = edit.tenant().insert_body(body.data()).await?.id;
        edit.structure.bodies.push(body.clone());
        self.finish(
            edit,
            principal,
            Record::new(
                "body.created",
                "body",
                Some(body.id),
                format!("Gremium angelegt: {}", body.name),
            )
            .touching(vec![body.id], Vec::new()),
            body,
        )
        .await
    }

    /// Changes a body: rename, move, reconfigure, dissolve. Its chair, deputy or moderator may
    /// change what describes it; moving, dissolving and the rules of seats are for managers.
    pub async fn update_body(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: BodyId,
        input: BodyInput,
    ) -> Result<Changed<Body>> {
        let mut edit = self.edit(principal, municipality).await?;
        let current = edit.require_edit(id)?.clone();
        let body = input.parse(id, current.position)?;
        let structural = body.parent != current.parent
            || body.kind != current.kind
            || body.dissolved_on != current.dissolved_on
            || body.reports_to != current.reports_to
            || body.moderators_are_members != current.moderators_are_members
            || body.moderator_takes_seat != current.moderator_takes_seat
            || body.max_members != current.max_members
            || body.seats != current.seats;
        if structural {
            edit.require_manage().map_err(|_| Error::Forbidden)?;
        }
        Self::check_relations_in(&edit, &body)?;
        let mut dates = Vec::new();
        // Dissolving ends the terms that run past the dissolution.
        if let Some(end) = body.dissolved_on
            && current.dissolved_on != body.dissolved_on
        {
            let ending: Vec<Membership> = edit
                .structure
                .memberships
                .iter()
                .filter(|m| m.body == id && m.term_end.is_none_or(|e| e > end))
                .cloned()
                .collect();
            for mut m in ending {
                m.term_end = Some(end.max(m.term_start));
                edit.tenant().update_membership(m.id, m.data()).await?;
                if let Some(slot) = edit.structure.memberships.iter_mut().find(|x| x.id == m.id) {
                    *slot = m;
                }
            }
            dates.push(end);
        }
        edit.tenant()
            .update_body(id, body.data())
            .await?
            .ok_or(Error::NotFound)?;
        if let Some(slot) = edit.structure.bodies.iter_mut().find(|b| b.id == id) {
            *slot = body.clone();
        }
        let summary = if body.dissolved_on.is_some() && current.dissolved_on.is_none() {
            format!("Gremium aufgelöst: {}", body.name)
        } else {
            format!("Gremium geändert: {}", body.name)
        };
        self.finish(
            edit,
            principal,
            Record::new("body.updated", "body", Some(id), summary).touching(vec![id], dates),
            body,
        )
        .await
    }
}
