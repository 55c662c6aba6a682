//! Good practices (Praxisbeispiele): a municipality writes them along the Beccaria quality
//! steps and publishes them to the network only on purpose; it can change or withdraw them.
//! The network reads the published copy, which carries no personal data beyond the functional
//! contact given for it.

use chrono::{DateTime, Utc};
use praevnet_common::codes;
use praevnet_store::{NetworkPracticeRecord, PracticeData, PracticeId, PracticeRecord};

use crate::FederalState;
use crate::audit::{self, Change};
use crate::kernel::stored_codes::{join, split, unique};
use crate::kernel::text::{bounded_text, required_text};
use crate::network::Network;
use crate::network::NetworkProblem;
use crate::network::search::SearchKind;
use crate::registry::municipality::Municipality;
use crate::{Error, MunicipalityId, Principal, Problem, ProgrammeId, Result};
use praevnet_common::vocabulary::{EvidenceLevel, Setting, TargetGroup, Topic};

codes!(
    /// Where a practice stands.
    PracticeStatus {
        Draft = "draft", "Entwurf", "draft";
        Published = "published", "veröffentlicht", "published";
        Withdrawn = "withdrawn", "zurückgezogen", "withdrawn";
    }
);

/// Limits of a practice's texts; a draft filled from elsewhere (a project) is cut to them.
pub(crate) const TEXT_MAX: usize = 20_000;
pub(crate) const SHORT_MAX: usize = 200;

/// A practice's content: the Beccaria steps and the descriptors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PracticeContent {
    pub title: String,
    pub problem: String,
    pub causes: String,
    /// Goals and target groups, as the Beccaria step names them.
    pub goals: String,
    pub measures: String,
    /// Concept and delivery.
    pub concept: String,
    pub evaluation: String,
    pub conclusions: String,
    pub topics: Vec<Topic>,
    pub target_groups: Vec<TargetGroup>,
    pub settings: Vec<Setting>,
    pub evidence_level: Option<EvidenceLevel>,
    pub duration: String,
    pub costs: String,
    pub partners: String,
    pub funding_programme_id: Option<ProgrammeId>,
    /// A functional contact (an office, a shared mailbox), published with the practice.
    pub contact: String,
}

/// A practice as its municipality keeps it, or as the network shows it (then `Published`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Practice {
    pub id: PracticeId,
    pub municipality_id: MunicipalityId,
    pub municipality_name: String,
    pub federal_state: FederalState,
    pub content: PracticeContent,
    pub status: PracticeStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

fn content(d: PracticeData) -> Result<PracticeContent> {
    Ok(PracticeContent {
        topics: split(&d.topics, Topic::parse)?,
        target_groups: split(&d.target_groups, TargetGroup::parse)?,
        settings: split(&d.settings, Setting::parse)?,
        evidence_level: match d.evidence_level.as_deref() {
            None => None,
            Some(code) => Some(
                EvidenceLevel::parse(code)
                    .ok_or_else(|| Error::Internal(format!("stored evidence level {code}")))?,
            ),
        },
        title: d.title,
        problem: d.problem,
        causes: d.causes,
        goals: d.goals,
        measures: d.measures,
        concept: d.concept,
        evaluation: d.evaluation,
        conclusions: d.conclusions,
        duration: d.duration,
        costs: d.costs,
        partners: d.partners,
        funding_programme_id: d.funding_programme_id,
        contact: d.contact,
    })
}

fn own(r: PracticeRecord, municipality: &Municipality) -> Result<Practice> {
    Ok(Practice {
        id: r.id,
        municipality_id: r.municipality_id,
        municipality_name: municipality.name.clone(),
        federal_state: municipality.federal_state,
        status: PracticeStatus::parse(&r.status)
            .ok_or_else(|| Error::Internal(format!("stored status {}", r.status)))?,
        published_at: r.published_at,
        updated_at: r.updated_at,
        content: content(r.data)?,
    })
}

fn shared(r: NetworkPracticeRecord) -> Result<Practice> {
    Ok(Practice {
        id: r.id,
        municipality_id: r.municipality_id,
        federal_state: FederalState::from_code(&r.federal_state)
            .ok_or_else(|| Error::Internal(format!("stored Land {}", r.federal_state)))?,
        municipality_name: r.municipality_name,
        status: PracticeStatus::Published,
        published_at: Some(r.published_at),
        updated_at: r.updated_at,
        content: content(r.data)?,
    })
}

impl PracticeContent {
    fn parse(&self) -> Result<PracticeData> {
        Ok(PracticeData {
            title: required_text("title", &self.title, SHORT_MAX)?,
            problem: bounded_text("problem", &self.problem, TEXT_MAX)?,
            causes: bounded_text("causes", &self.causes, TEXT_MAX)?,
            goals: bounded_text("goals", &self.goals, TEXT_MAX)?,
            measures: bounded_text("measures", &self.measures, TEXT_MAX)?,
            concept: bounded_text("concept", &self.concept, TEXT_MAX)?,
            evaluation: bounded_text("evaluation", &self.evaluation, TEXT_MAX)?,
            conclusions: bounded_text("conclusions", &self.conclusions, TEXT_MAX)?,
            topics: join(&unique(&self.topics), Topic::code),
            target_groups: join(&unique(&self.target_groups), TargetGroup::code),
            settings: join(&unique(&self.settings), Setting::code),
            evidence_level: self.evidence_level.map(|e| e.code().to_owned()),
            duration: bounded_text("duration", &self.duration, SHORT_MAX)?,
            costs: bounded_text("costs", &self.costs, SHORT_MAX)?,
            partners: bounded_text("partners", &self.partners, TEXT_MAX)?,
            funding_programme_id: self.funding_programme_id,
            contact: bounded_text("contact", &self.contact, 1_000)?,
        })
    }

    /// What the network needs of a practice: the problem, the measures, a topic and a contact.
    fn check_publishable(&self) -> Result<()> {
        let missing = [
            ("problem", self.problem.trim().is_empty()),
            ("measures", self.measures.trim().is_empty()),
            ("topics", self.topics.is_empty()),
            ("contact", self.contact.trim().is_empty()),
        ];
        match missing.iter().find(|(_, empty)| *empty) {
            Some((field, _)) => Err(Error::validation(field, NetworkProblem::NeededToPublish)),
            None => Ok(()),
        }
    }
}

impl Network<'_> {
    /// A municipality's own practices (its administrators, its Land's office), drafts included.
    pub async fn practices(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Vec<Practice>> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        self.services
            .store
            .tenant(municipality)
            .practices()
            .await?
            .into_iter()
            .map(|r| own(r, &target))
            .collect()
    }

    /// Writes a new practice (a draft) or changes one; a published practice's network copy
    /// changes with it, in the same unit of work.
    pub async fn save_practice(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<PracticeId>,
        input: PracticeContent,
    ) -> Result<Practice> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let data = input.parse()?;
        if let Some(programme) = data.funding_programme_id
            && self
                .services
                .store
                .funding_programmes()
                .get(programme)
                .await?
                .is_none()
        {
            return Err(Error::validation("fundingProgrammeId", Problem::InvalidId));
        }
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let saved = match id {
            None => tenant.insert_practice(&data).await?,
            Some(id) => {
                let current = tenant.practice(id).await?.ok_or(Error::NotFound)?;
                if current.status == PracticeStatus::Published.code() {
                    input.check_publishable()?;
                }
                tenant
                    .update_practice(id, &data)
                    .await?
                    .ok_or(Error::NotFound)?
            }
        };
        let practice = own(saved, &target)?;
        if practice.status == PracticeStatus::Published {
            writes
                .network_practices()
                .put(&copy(&practice, data))
                .await?;
            self.services
                .index()
                .changed(&writes, SearchKind::Practice, practice.id.as_uuid())
                .await?;
        }
        let action = if id.is_some() {
            "practice.updated"
        } else {
            "practice.created"
        };
        let summary = format!("Praxisbeispiel gespeichert: {}", practice.content.title);
        let change = Change::of_municipality(&target, action, "practice", practice.id, summary);
        audit::commit(writes, principal, change).await?;
        self.services.index().after_write().await;
        Ok(practice)
    }

    /// Publishes a practice to the network (explicitly: nothing is shared by default).
    pub async fn publish_practice(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: PracticeId,
    ) -> Result<Practice> {
        self.set_published(principal, municipality, id, true).await
    }

    /// Withdraws a practice: it leaves the network at once; the city keeps its record.
    pub async fn withdraw_practice(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: PracticeId,
    ) -> Result<Practice> {
        self.set_published(principal, municipality, id, false).await
    }

    async fn set_published(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: PracticeId,
        publish: bool,
    ) -> Result<Practice> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let current = tenant.practice(id).await?.ok_or(Error::NotFound)?;
        let data = current.data.clone();
        if publish {
            own(current.clone(), &target)?.content.check_publishable()?;
        }
        let (status, first_published) = if publish {
            (
                PracticeStatus::Published,
                Some(current.published_at.unwrap_or_else(Utc::now)),
            )
        } else {
            (PracticeStatus::Withdrawn, None)
        };
        let saved = tenant
            .set_practice_status(id, status.code(), first_published)
            .await?
            .ok_or(Error::NotFound)?;
        let practice = own(saved, &target)?;
        if publish {
            writes
                .network_practices()
                .put(&copy(&practice, data))
                .await?;
            self.mirror_attachments(&writes, municipality, id).await?;
        } else {
            writes.network_practices().remove(id).await?;
        }
        self.services
            .index()
            .changed(&writes, SearchKind::Practice, id.as_uuid())
            .await?;
        let (action, verb) = if publish {
            ("practice.published", "veröffentlicht")
        } else {
            ("practice.withdrawn", "zurückgezogen")
        };
        let summary = format!("Praxisbeispiel {verb}: {}", practice.content.title);
        let change = Change::of_municipality(&target, action, "practice", id, summary);
        audit::commit(writes, principal, change).await?;
        self.services.index().after_write().await;
        Ok(practice)
    }

    /// A published practice, for anyone logged in; a withdrawn or unpublished one is unknown.
    pub async fn network_practice(
        &self,
        principal: &Principal,
        id: PracticeId,
    ) -> Result<Practice> {
        principal.require_login()?;
        shared(
            self.services
                .store
                .network_practices()
                .get(id)
                .await?
                .ok_or(Error::NotFound)?,
        )
    }

    /// Every published practice, newest first, for anyone logged in (the search builds on it).
    pub async fn network_practices(&self, principal: &Principal) -> Result<Vec<Practice>> {
        principal.require_login()?;
        self.services
            .store
            .network_practices()
            .list()
            .await?
            .into_iter()
            .map(shared)
            .collect()
    }
}

/// The network's copy of a practice.
fn copy(practice: &Practice, data: PracticeData) -> NetworkPracticeRecord {
    NetworkPracticeRecord {
        id: practice.id,
        municipality_id: practice.municipality_id,
        municipality_name: practice.municipality_name.clone(),
        federal_state: practice.federal_state.code().to_owned(),
        data,
        published_at: practice.published_at.unwrap_or(practice.updated_at),
        updated_at: practice.updated_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> PracticeContent {
        PracticeContent {
            title: "Kleingartenpatenschaften".into(),
            problem: "Einbrüche in Kleingartenanlagen".into(),
            measures: "Patenschaften, Beleuchtung, Streifen".into(),
            topics: vec![Topic::Burglary, Topic::Burglary],
            settings: vec![Setting::AllotmentGardens],
            contact: "Geschäftsstelle KPR".into(),
            ..PracticeContent::default()
        }
    }

    #[test]
    fn publishing_needs_problem_measures_topic_and_contact() {
        assert!(complete().check_publishable().is_ok());
        for field in ["problem", "measures", "topics", "contact"] {
            let mut content = complete();
            match field {
                "problem" => content.problem = " ".into(),
                "measures" => content.measures.clear(),
                "topics" => content.topics.clear(),
                _ => content.contact.clear(),
            }
            assert_eq!(
                content.check_publishable().expect_err(field).field(),
                Some(field)
            );
        }
    }

    #[test]
    fn vocabulary_is_stored_as_unique_codes() {
        let data = complete().parse().expect("valid");
        assert_eq!(data.topics, "burglary");
        assert_eq!(data.settings, "allotment_gardens");
        assert_eq!(
            content(data).expect("read back").topics,
            vec![Topic::Burglary]
        );
    }
}
