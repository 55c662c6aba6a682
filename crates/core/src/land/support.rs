//! Advice, training and coaching a state office offers (ASSKOMM in Saxony), the requests of
//! municipalities for them, and how the office answers: requested, scheduled, done, declined.

use chrono::{DateTime, NaiveDate, Utc};
use praevnet_common::codes;
use praevnet_store::{NewSupportRequest, OfferData, OfferRecord, Reach, SupportRequestRecord};

use crate::FederalState;
use crate::audit::{self, Change};
use crate::kernel::text::{bounded_text, required_text};
use crate::land::Land;
use crate::land::LandProblem;
use crate::registry::municipality::Municipality;
use crate::{Error, Lang, MunicipalityId, OfferId, Principal, Problem, Result, SupportRequestId};

codes!(
    /// What kind of support is offered.
    SupportKind {
        Advice = "advice", "Beratung", "Advice";
        Training = "training", "Fortbildung", "Training";
        Coaching = "coaching", "Coaching", "Coaching";
    }
);

codes!(
    /// Where a request stands.
    RequestStatus {
        Requested = "requested", "angefragt", "requested";
        Scheduled = "scheduled", "terminiert", "scheduled";
        Done = "done", "durchgeführt", "done";
        Declined = "declined", "abgelehnt", "declined";
    }
);

const TEXT_MAX: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub id: OfferId,
    pub federal_state: FederalState,
    pub kind: SupportKind,
    pub title: String,
    pub description: String,
    pub contact: String,
    pub active: bool,
}

impl TryFrom<OfferRecord> for Offer {
    type Error = Error;

    fn try_from(r: OfferRecord) -> Result<Offer> {
        let stored = |what: &str| Error::Internal(format!("stored offer {what}"));
        Ok(Offer {
            id: r.id,
            federal_state: FederalState::from_code(&r.data.federal_state)
                .ok_or_else(|| stored("Land"))?,
            kind: SupportKind::parse(&r.data.kind).ok_or_else(|| stored("kind"))?,
            title: r.data.title,
            description: r.data.description,
            contact: r.data.contact,
            active: r.data.active,
        })
    }
}

#[derive(Clone, Debug)]
pub struct OfferInput {
    pub federal_state: FederalState,
    pub kind: SupportKind,
    pub title: String,
    pub description: String,
    pub contact: String,
    pub active: bool,
}

impl OfferInput {
    fn parse(self) -> Result<OfferData> {
        Ok(OfferData {
            federal_state: self.federal_state.code().to_owned(),
            kind: self.kind.code().to_owned(),
            title: required_text("title", &self.title, 200)?,
            description: bounded_text("description", &self.description, TEXT_MAX)?,
            contact: bounded_text("contact", &self.contact, TEXT_MAX)?,
            active: self.active,
        })
    }
}

/// A request with the offer and municipality it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportRequest {
    pub id: SupportRequestId,
    pub municipality_id: MunicipalityId,
    pub municipality_name: String,
    pub offer: Offer,
    pub message: String,
    pub status: RequestStatus,
    pub scheduled_on: Option<NaiveDate>,
    pub office_note: String,
    pub created_at: DateTime<Utc>,
}

/// The state office's answer to a request.
#[derive(Clone, Debug)]
pub struct Answer {
    pub status: RequestStatus,
    pub scheduled_on: Option<NaiveDate>,
    pub note: String,
}

fn request(
    r: SupportRequestRecord,
    municipality: &str,
    offers: &[Offer],
) -> Result<SupportRequest> {
    let offer = offers
        .iter()
        .find(|o| o.id == r.offer_id)
        .cloned()
        .ok_or_else(|| Error::Internal("request without offer".into()))?;
    Ok(SupportRequest {
        status: RequestStatus::parse(&r.status)
            .ok_or_else(|| Error::Internal(format!("stored status {}", r.status)))?,
        id: r.id,
        municipality_id: r.municipality_id,
        municipality_name: municipality.to_owned(),
        offer,
        message: r.message,
        scheduled_on: r.scheduled_on,
        office_note: r.office_note,
        created_at: r.created_at,
    })
}

impl Land<'_> {
    /// Offers of a Land, or of all: public information, like the programmes.
    pub async fn support_offers(
        &self,
        _principal: &Principal,
        federal_state: Option<FederalState>,
    ) -> Result<Vec<Offer>> {
        self.services
            .store
            .support_offers()
            .list(federal_state.map(FederalState::code))
            .await?
            .into_iter()
            .map(Offer::try_from)
            .collect()
    }

    /// Publishes an offer, or changes one (`id`): the Land's state office, the operator. An
    /// offer of another Land is answered as unknown.
    pub async fn save_support_offer(
        &self,
        principal: &Principal,
        id: Option<OfferId>,
        input: OfferInput,
    ) -> Result<Offer> {
        principal.require_can_create_in(input.federal_state)?;
        let data = input.parse()?;
        let writes = self.services.store.writes().await?;
        let offers = writes.support_offers();
        let saved: Offer = match id {
            None => offers.insert(data).await?,
            Some(id) => {
                let current: Offer = offers.get(id).await?.ok_or(Error::NotFound)?.try_into()?;
                principal.require_own_land_record(current.federal_state)?;
                // Requests are made by the offer's Land's municipalities: moved to another
                // Land, the offer would leave them with a request of a foreign offer.
                if data.federal_state != current.federal_state.code() {
                    let land = Reach::Lands(vec![current.federal_state.code().to_owned()]);
                    let requested = writes
                        .scope(land)
                        .support_requests()
                        .await?
                        .iter()
                        .any(|r| r.offer_id == id);
                    if requested {
                        return Err(Error::conflict("federalState", LandProblem::OfferRequested));
                    }
                }
                offers.update(id, data).await?.ok_or(Error::NotFound)?
            }
        }
        .try_into()?;
        audit::commit(
            writes,
            principal,
            Change {
                action: if id.is_some() {
                    "support_offer.updated"
                } else {
                    "support_offer.published"
                },
                entity: "support_offer",
                entity_id: Some(saved.id.to_string()),
                municipality: None,
                federal_state: Some(saved.federal_state.code()),
                summary: format!("{} angeboten: {}", saved.kind.label(Lang::De), saved.title),
            },
        )
        .await?;
        Ok(saved)
    }

    /// A municipality asks for an active offer of its Land.
    pub async fn request_support(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        offer: OfferId,
        message: String,
    ) -> Result<SupportRequest> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let offer: Offer = self
            .services
            .store
            .support_offers()
            .get(offer)
            .await?
            .ok_or(Error::validation("offerId", Problem::InvalidId))?
            .try_into()?;
        if offer.federal_state != target.federal_state {
            return Err(Error::validation(
                "offerId",
                LandProblem::OtherLand {
                    state: offer.federal_state.name_de(),
                },
            ));
        }
        if !offer.active {
            return Err(Error::validation("offerId", LandProblem::OfferInactive));
        }
        let record = NewSupportRequest {
            offer_id: offer.id,
            message: bounded_text("message", &message, TEXT_MAX)?,
            status: RequestStatus::Requested.code().to_owned(),
        };
        let writes = self.services.store.writes().await?;
        let saved = writes
            .tenant(municipality)
            .insert_support_request(record)
            .await?;
        let summary = format!("{} angefragt: {}", offer.kind.label(Lang::De), offer.title);
        let change = Change::of_municipality(
            &target,
            "support_request.created",
            "support_request",
            saved.id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
        request(saved, &target.name, &[offer])
    }

    /// A municipality's requests (its administrators, its Land's office).
    pub async fn municipality_support_requests(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Vec<SupportRequest>> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let offers = self
            .support_offers(principal, Some(target.federal_state))
            .await?;
        self.services
            .store
            .tenant(municipality)
            .support_requests()
            .await?
            .into_iter()
            .map(|r| request(r, &target.name, &offers))
            .collect()
    }

    /// Every request of a Land's municipalities, for its state office and the operator.
    pub async fn state_support_requests(
        &self,
        principal: &Principal,
        state: FederalState,
    ) -> Result<Vec<SupportRequest>> {
        principal.require_can_create_in(state)?;
        let land = self.services.registry().of_land(state).await?;
        let offers = self.support_offers(principal, Some(state)).await?;
        let records = self
            .services
            .store
            .scope(Reach::Lands(vec![state.code().to_owned()]))
            .support_requests()
            .await?;
        records
            .into_iter()
            .map(|r| {
                let name = land
                    .iter()
                    .find(|m| m.id == r.municipality_id)
                    .map_or("", |m: &Municipality| m.name.as_str());
                request(r, name, &offers)
            })
            .collect()
    }

    /// The state office answers a request; the municipality's administrators read the answer
    /// but cannot set it.
    pub async fn answer_support_request(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: SupportRequestId,
        answer: Answer,
    ) -> Result<SupportRequest> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let note = bounded_text("note", &answer.note, TEXT_MAX)?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let mut record = tenant.support_request(id).await?.ok_or(Error::NotFound)?;
        principal.require_answering_for(target.federal_state)?;
        record.status = answer.status.code().to_owned();
        record.scheduled_on = answer.scheduled_on;
        record.office_note = note;
        if !tenant.update_support_request(&record).await? {
            return Err(Error::NotFound);
        }
        let offer: Offer = writes
            .support_offers()
            .get(record.offer_id)
            .await?
            .ok_or_else(|| Error::Internal("request without offer".into()))?
            .try_into()?;
        let summary = format!(
            "Anfrage „{}“: {}",
            offer.title,
            answer.status.label(Lang::De)
        );
        let change = Change::of_municipality(
            &target,
            "support_request.answered",
            "support_request",
            id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
        request(record, &target.name, &[offer])
    }
}
