//! Recommendations (Handlungsempfehlungen) and their control (Beschlusskontrolle): raised from
//! a working group, a meeting or a conference, adopted by the steering body, addressed to the
//! city council or the administration with its paper reference, and followed step by step to
//! the answer and its implementation, with overdue answers flagged.
//!
//! A recommendation belongs to its adopting body, before adoption to the body it came from:
//! that body's members see it and its leads (and the council's managers) change it. Once
//! submitted, a recommendation of a public body is public, as the paper it became is.

mod model;

use chrono::NaiveDate;
use praevnet_store::{MunicipalityId, RecommendationData, RecommendationId, RecommendationRecord};

pub use model::{
    Addressee, NamedBody, Recommendation, RecommendationInput, RecommendationStatus, Step,
    StepInput,
};

use crate::access::CouncilAccess;
use crate::audit::{self, Change};
use crate::council::internal::{CouncilRead, InternalEdit};
use crate::council::structure::{Structure, today};
use crate::council::{CouncilProblem, CouncilWork};
use crate::kernel::text::{bounded_text, optional_text, required_text};
use crate::{BodyId, Error, Principal, Problem, Result};

const TITLE_MAX: usize = 300;
const TEXT_MAX: usize = 50_000;
const REFERENCE_MAX: usize = 60;

/// The body a recommendation belongs to: the adopting one, else the one it came from.
fn owner(data: &RecommendationData) -> Option<BodyId> {
    data.adopting_body_id.or(data.source_body_id)
}

fn status_of(data: &RecommendationData) -> RecommendationStatus {
    // Codes come from this module's writes; an unknown one reads as a draft.
    RecommendationStatus::parse(&data.status).unwrap_or(RecommendationStatus::Draft)
}

/// `record` as `access` may see it; `None` when it is not for the caller's eyes.
fn visible(
    record: RecommendationRecord,
    structure: &Structure,
    access: &CouncilAccess,
    today: NaiveDate,
) -> Option<Recommendation> {
    let status = status_of(&record.data);
    let owner = owner(&record.data).and_then(|id| structure.body(id));
    let published = status >= RecommendationStatus::Submitted;
    let seen = match owner {
        Some(body) => access.sees(body.id, body.public && published),
        None => access.manages(),
    };
    if !seen {
        return None;
    }
    let named = |id: Option<BodyId>| {
        id.and_then(|id| structure.body(id)).map(|b| NamedBody {
            id: b.id,
            name: b.name.clone(),
        })
    };
    let editable = edits(access, &record.data);
    let data = record.data;
    Some(Recommendation {
        id: record.id,
        overdue: status.awaits_answer() && data.due_on.is_some_and(|due| due < today),
        source_body: named(data.source_body_id),
        adopting_body: named(data.adopting_body_id),
        title: data.title,
        text: data.text,
        source_meeting_id: data.source_meeting_id,
        source_agenda_item_id: data.source_agenda_item_id,
        addressee: Addressee::parse(&data.addressee).unwrap_or(Addressee::Administration),
        paper_reference: data.paper_reference,
        status,
        due_on: data.due_on,
        answer: data.answer,
        steps: record
            .steps
            .into_iter()
            .map(|s| Step {
                status: RecommendationStatus::parse(&s.status)
                    .unwrap_or(RecommendationStatus::Draft),
                on: s.on,
                note: s.note,
            })
            .collect(),
        editable,
    })
}

/// Managers; while a draft, the leads of the body it came from or of the one to adopt it; from
/// the adoption on, the adopting body's leads only (a working group does not record the
/// steering body's decisions).
fn edits(access: &CouncilAccess, data: &RecommendationData) -> bool {
    if access.manages() {
        return true;
    }
    let bodies = if status_of(data) == RecommendationStatus::Draft {
        [data.source_body_id, data.adopting_body_id]
    } else {
        [data.adopting_body_id, None]
    };
    bodies.into_iter().flatten().any(|body| access.edits(body))
}

impl InternalEdit {
    /// The recommendation `id` of this tenant, if the caller may change it.
    async fn editable_recommendation(&self, id: RecommendationId) -> Result<RecommendationRecord> {
        let all = self.writes.tenant(self.target.id).recommendations().await?;
        let record = all
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(Error::NotFound)?;
        if edits(&self.access, &record.data) {
            return Ok(record);
        }
        // One the caller sees but may not change is forbidden; else it is unknown to them.
        match visible(record, &self.structure, &self.access, today()) {
            Some(_) => Err(Error::Forbidden),
            None => Err(Error::NotFound),
        }
    }

    /// Audits, commits, and answers with the recommendation as the caller sees it.
    async fn finish_recommendation(
        self,
        principal: &Principal,
        id: RecommendationId,
        action: &'static str,
        title: &str,
    ) -> Result<Recommendation> {
        let all = self.writes.tenant(self.target.id).recommendations().await?;
        let record = all
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(Error::NotFound)?;
        let summary = format!("Handlungsempfehlung „{title}“");
        let change = Change::of_municipality(&self.target, action, "recommendation", id, summary);
        audit::commit(self.writes, principal, change).await?;
        visible(record, &self.structure, &self.access, today()).ok_or(Error::NotFound)
    }
}

impl CouncilWork<'_> {
    /// The recommendations the caller may see, newest first; with `open_only`, those still on
    /// their way (the Beschlusskontrolle), overdue ones first.
    pub async fn recommendations(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        open_only: bool,
    ) -> Result<Vec<Recommendation>> {
        let CouncilRead {
            structure, access, ..
        } = self.council_read(principal, municipality).await?;
        let tenant = self.services.store.tenant(municipality);
        let today = today();
        let mut list: Vec<Recommendation> = tenant
            .recommendations()
            .await?
            .into_iter()
            .filter_map(|r| visible(r, &structure, &access, today))
            .filter(|r| !open_only || r.status.is_open())
            .collect();
        if open_only {
            // Stable: within each group the newest stay first.
            list.sort_by_key(|r| !r.overdue);
        }
        Ok(list)
    }

    /// Records a recommendation as a draft, or changes one (`id`) that is still on its way.
    pub async fn save_recommendation(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<RecommendationId>,
        input: RecommendationInput,
    ) -> Result<Recommendation> {
        let edit = self.internal_edit(principal, municipality).await?;
        let current = match id {
            Some(id) => Some(edit.editable_recommendation(id).await?),
            None => None,
        };
        if current
            .as_ref()
            .is_some_and(|c| !status_of(&c.data).is_open())
        {
            return Err(Error::validation(
                "id",
                CouncilProblem::RecommendationClosed,
            ));
        }
        let addressee = input
            .addressee
            .ok_or_else(|| Error::validation("addressee", Problem::Required))?;
        let tenant = edit.writes.tenant(municipality);
        // A meeting it came from is of this tenant and names the body it came from.
        let mut source_body = input.source_body_id;
        let mut source_meeting = input.source_meeting_id;
        // An item names its meeting; a meeting its body.
        if let Some(item) = input.source_agenda_item_id {
            let item = tenant.agenda_item(item).await?.ok_or(Error::NotFound)?;
            if source_meeting.is_some_and(|m| m != item.data.meeting_id) {
                return Err(Error::validation(
                    "sourceAgendaItemId",
                    CouncilProblem::ItemOfAnotherMeeting,
                ));
            }
            source_meeting = Some(item.data.meeting_id);
        }
        if let Some(meeting) = source_meeting {
            let meeting = tenant.meeting(meeting).await?.ok_or(Error::NotFound)?;
            if source_body.is_some_and(|body| body != meeting.data.body_id) {
                return Err(Error::validation(
                    "sourceMeetingId",
                    CouncilProblem::MeetingOfAnotherBody,
                ));
            }
            source_body = Some(meeting.data.body_id);
        }
        for body in [source_body, input.adopting_body_id].into_iter().flatten() {
            let known = edit.structure.body(body).map(|b| (b.id, b.public));
            match known {
                Some((id, public)) if edit.access.sees(id, public) => {}
                _ => return Err(Error::NotFound),
            }
        }
        let (status, answer) = match &current {
            Some(c) => (c.data.status.clone(), c.data.answer.clone()),
            None => (RecommendationStatus::Draft.code().to_owned(), String::new()),
        };
        let mut data = RecommendationData {
            title: required_text("title", &input.title, TITLE_MAX)?,
            text: bounded_text("text", &input.text, TEXT_MAX)?,
            source_body_id: source_body,
            source_meeting_id: source_meeting,
            source_agenda_item_id: input.source_agenda_item_id,
            adopting_body_id: input.adopting_body_id,
            addressee: addressee.code().to_owned(),
            paper_reference: optional_text(
                "paperReference",
                input.paper_reference.as_deref(),
                REFERENCE_MAX,
            )?,
            status,
            due_on: input.due_on,
            answer,
        };
        // What the steering body adopted stays as adopted: from then on only the addressee,
        // the paper reference and the due date change.
        if let Some(c) = current
            .as_ref()
            .filter(|c| status_of(&c.data) != RecommendationStatus::Draft)
        {
            data.title.clone_from(&c.data.title);
            data.text.clone_from(&c.data.text);
            data.source_body_id = c.data.source_body_id;
            data.source_meeting_id = c.data.source_meeting_id;
            data.source_agenda_item_id = c.data.source_agenda_item_id;
            data.adopting_body_id = c.data.adopting_body_id;
        }
        // The caller must be able to change what they create (a member of a working group
        // cannot file a recommendation in another's name).
        if !edits(&edit.access, &data) {
            return Err(Error::Forbidden);
        }
        let step = id.is_none().then(|| (today(), "Erfasst".to_owned()));
        let saved = tenant
            .save_recommendation(id, &data, step)
            .await?
            .ok_or(Error::NotFound)?;
        let action = if id.is_some() {
            "recommendation.updated"
        } else {
            "recommendation.recorded"
        };
        edit.finish_recommendation(principal, saved, action, &data.title)
            .await
    }

    /// Takes a recommendation a step further on its way: adopted (by the adopting body),
    /// submitted, answered (with the answer's text), implemented or rejected.
    pub async fn advance_recommendation(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: RecommendationId,
        step: StepInput,
    ) -> Result<Recommendation> {
        let edit = self.internal_edit(principal, municipality).await?;
        let current = edit.editable_recommendation(id).await?;
        let from = status_of(&current.data);
        if !from.next().contains(&step.status) {
            return Err(Error::validation(
                "status",
                CouncilProblem::RecommendationStep {
                    from: from.code(),
                    to: step.status.code(),
                },
            ));
        }
        // Steps are often recorded after the fact: only the way's own steps (not the day the
        // draft was entered) bound the date from below.
        let last = current
            .steps
            .iter()
            .filter(|s| s.status != RecommendationStatus::Draft.code())
            .map(|s| s.on)
            .max();
        if step.on > today() || last.is_some_and(|last| step.on < last) {
            return Err(Error::validation(
                "on",
                CouncilProblem::RecommendationStepDate,
            ));
        }
        let mut data = current.data;
        match step.status {
            RecommendationStatus::Adopted if data.adopting_body_id.is_none() => {
                return Err(Error::validation("adoptingBodyId", Problem::Required));
            }
            RecommendationStatus::Answered => {
                let answer = step.answer.as_deref().unwrap_or_default();
                data.answer = required_text("answer", answer, TEXT_MAX)?;
            }
            RecommendationStatus::Rejected if step.answer.is_some() => {
                let answer = step.answer.as_deref().unwrap_or_default();
                data.answer = bounded_text("answer", answer, TEXT_MAX)?;
            }
            _ => {}
        }
        data.status = step.status.code().to_owned();
        let note = bounded_text("note", &step.note, TEXT_MAX)?;
        edit.writes
            .tenant(municipality)
            .save_recommendation(Some(id), &data, Some((step.on, note)))
            .await?
            .ok_or(Error::NotFound)?;
        edit.finish_recommendation(principal, id, "recommendation.advanced", &data.title)
            .await
    }

    /// Deletes a draft recorded in error; one that was adopted stays on record.
    pub async fn delete_recommendation(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: RecommendationId,
    ) -> Result<()> {
        let edit = self.internal_edit(principal, municipality).await?;
        let current = edit.editable_recommendation(id).await?;
        if status_of(&current.data) != RecommendationStatus::Draft {
            return Err(Error::validation(
                "id",
                CouncilProblem::RecommendationClosed,
            ));
        }
        if !edit
            .writes
            .tenant(municipality)
            .delete_recommendation(id)
            .await?
        {
            return Err(Error::NotFound);
        }
        let summary = format!("Handlungsempfehlung „{}“", current.data.title);
        let change = Change::of_municipality(
            &edit.target,
            "recommendation.deleted",
            "recommendation",
            id,
            summary,
        );
        audit::commit(edit.writes, principal, change).await
    }
}
