//! A certifying council's catalogue of prevention offers (as Chemnitz's Steuerungsgruppe
//! Prävention keeps one): who offers what, in which format, for whom, on which topic; and the
//! quality seal it grants for a period, renews or withdraws. The catalogue is published to
//! the network: every city reads it, and the search finds its offers.

use chrono::{DateTime, NaiveDate, Utc};
use praevnet_common::codes;
use praevnet_store::{CatalogueOfferData, CatalogueOfferId, CatalogueOfferRecord, SealData};

use crate::FederalState;
use crate::audit::{self, Change};
use crate::index::SearchKind;
use crate::kernel::stored_codes::{join, split, unique};
use crate::kernel::text::{bounded_text, required_text};
use crate::network::Network;
use crate::network::NetworkProblem;
use crate::{Error, MunicipalityId, Principal, Problem, Result};
use praevnet_common::vocabulary::OfferFormat;
use praevnet_common::vocabulary::{TargetGroup, Topic};

codes!(
    /// The recorded state of an offer's seal.
    SealStatus {
        None = "none", "kein Siegel", "no seal";
        Granted = "granted", "erteilt", "granted";
        Withdrawn = "withdrawn", "entzogen", "withdrawn";
    }
);

/// Whether a seal holds on a given day, which is what readers of the catalogue care about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealValidity {
    NoSeal,
    Valid,
    /// Granted, but the period is over and it was not renewed.
    Expired,
    Withdrawn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seal {
    pub status: SealStatus,
    pub granted_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub note: String,
}

impl Seal {
    pub fn validity_on(&self, day: NaiveDate) -> SealValidity {
        match (self.status, self.valid_until) {
            (SealStatus::Withdrawn, _) => SealValidity::Withdrawn,
            (SealStatus::Granted, Some(until)) if day <= until => SealValidity::Valid,
            (SealStatus::Granted, _) => SealValidity::Expired,
            (SealStatus::None, _) => SealValidity::NoSeal,
        }
    }
}

/// An offer's description as its certifier writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogueOfferInput {
    pub title: String,
    pub provider: String,
    pub format: Option<OfferFormat>,
    pub target_groups: Vec<TargetGroup>,
    pub topics: Vec<Topic>,
    pub description: String,
    /// A functional contact of the provider.
    pub contact: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueOffer {
    pub id: CatalogueOfferId,
    pub certifier_id: MunicipalityId,
    pub certifier_name: String,
    pub federal_state: FederalState,
    pub title: String,
    pub provider: String,
    pub format: OfferFormat,
    pub target_groups: Vec<TargetGroup>,
    pub topics: Vec<Topic>,
    pub description: String,
    pub contact: String,
    pub seal: Seal,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<CatalogueOfferRecord> for CatalogueOffer {
    type Error = Error;

    fn try_from(r: CatalogueOfferRecord) -> Result<Self> {
        let stored = |what: &str, value: &str| Error::Internal(format!("stored {what} {value}"));
        Ok(Self {
            id: r.id,
            certifier_id: r.certifier_id,
            federal_state: FederalState::from_code(&r.federal_state)
                .ok_or_else(|| stored("Land", &r.federal_state))?,
            certifier_name: r.certifier_name,
            format: OfferFormat::parse(&r.data.format)
                .ok_or_else(|| stored("format", &r.data.format))?,
            target_groups: split(&r.data.target_groups, TargetGroup::parse)?,
            topics: split(&r.data.topics, Topic::parse)?,
            title: r.data.title,
            provider: r.data.provider,
            description: r.data.description,
            contact: r.data.contact,
            seal: Seal {
                status: SealStatus::parse(&r.seal.status)
                    .ok_or_else(|| stored("seal", &r.seal.status))?,
                granted_on: r.seal.granted_on,
                valid_until: r.seal.valid_until,
                note: r.seal.note,
            },
            updated_at: r.updated_at,
        })
    }
}

impl CatalogueOfferInput {
    fn parse(&self) -> Result<CatalogueOfferData> {
        Ok(CatalogueOfferData {
            title: required_text("title", &self.title, 200)?,
            provider: required_text("provider", &self.provider, 200)?,
            format: self
                .format
                .ok_or_else(|| Error::validation("format", Problem::Required))?
                .code()
                .to_owned(),
            target_groups: join(&unique(&self.target_groups), TargetGroup::code),
            topics: join(&unique(&self.topics), Topic::code),
            description: bounded_text("description", &self.description, 20_000)?,
            contact: bounded_text("contact", &self.contact, 1_000)?,
        })
    }
}

/// A decision on an offer's seal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealDecision {
    Grant {
        granted_on: NaiveDate,
        valid_until: NaiveDate,
        note: String,
    },
    Renew {
        valid_until: NaiveDate,
        note: String,
    },
    Withdraw {
        note: String,
    },
}

impl SealDecision {
    /// The seal after the decision, or why it cannot be taken.
    fn apply(&self, current: &Seal, today: NaiveDate) -> Result<SealData> {
        match self {
            SealDecision::Grant {
                granted_on,
                valid_until,
                note,
            } => {
                if current.validity_on(today) == SealValidity::Valid
                    && let Some(until) = current.valid_until
                {
                    return Err(Error::validation(
                        "validUntil",
                        NetworkProblem::SealValid { until },
                    ));
                }
                if valid_until <= granted_on {
                    return Err(Error::validation("validUntil", Problem::EndBeforeStart));
                }
                Ok(SealData {
                    status: SealStatus::Granted.code().to_owned(),
                    granted_on: Some(*granted_on),
                    valid_until: Some(*valid_until),
                    note: bounded_text("note", note, 2_000)?,
                })
            }
            SealDecision::Renew { valid_until, note } => {
                let Some(until) = current
                    .valid_until
                    .filter(|_| current.status == SealStatus::Granted)
                else {
                    return Err(Error::validation("validUntil", NetworkProblem::NoSeal));
                };
                if *valid_until <= until || *valid_until <= today {
                    return Err(Error::validation(
                        "validUntil",
                        NetworkProblem::RenewalNotLater { until },
                    ));
                }
                Ok(SealData {
                    status: SealStatus::Granted.code().to_owned(),
                    granted_on: current.granted_on,
                    valid_until: Some(*valid_until),
                    note: bounded_text("note", note, 2_000)?,
                })
            }
            SealDecision::Withdraw { note } => {
                if current.status != SealStatus::Granted {
                    return Err(Error::validation("note", NetworkProblem::NoSeal));
                }
                Ok(SealData {
                    status: SealStatus::Withdrawn.code().to_owned(),
                    granted_on: current.granted_on,
                    valid_until: current.valid_until,
                    note: bounded_text("note", note, 2_000)?,
                })
            }
        }
    }

    fn action(&self) -> (&'static str, &'static str) {
        match self {
            SealDecision::Grant { .. } => ("catalogue_offer.seal_granted", "erteilt"),
            SealDecision::Renew { .. } => ("catalogue_offer.seal_renewed", "verlängert"),
            SealDecision::Withdraw { .. } => ("catalogue_offer.seal_withdrawn", "entzogen"),
        }
    }
}

impl Network<'_> {
    /// A certifier's catalogue, or all catalogues, for anyone logged in.
    pub async fn catalogue(
        &self,
        principal: &Principal,
        certifier: Option<MunicipalityId>,
    ) -> Result<Vec<CatalogueOffer>> {
        principal.require_login()?;
        self.services
            .store
            .catalogue_offers()
            .list(certifier)
            .await?
            .into_iter()
            .map(CatalogueOffer::try_from)
            .collect()
    }

    pub async fn catalogue_offer(
        &self,
        principal: &Principal,
        id: CatalogueOfferId,
    ) -> Result<CatalogueOffer> {
        principal.require_login()?;
        self.services
            .store
            .catalogue_offers()
            .get(id)
            .await?
            .ok_or(Error::NotFound)?
            .try_into()
    }

    /// Adds an offer to the certifier's catalogue or changes one (its administrators, its
    /// Land's office). Another certifier's offer is answered as unknown.
    pub async fn save_catalogue_offer(
        &self,
        principal: &Principal,
        certifier: MunicipalityId,
        id: Option<CatalogueOfferId>,
        input: CatalogueOfferInput,
    ) -> Result<CatalogueOffer> {
        let target = self
            .services
            .registry()
            .manageable(principal, certifier)
            .await?;
        let data = input.parse()?;
        let writes = self.services.store.writes().await?;
        let offers = writes.catalogue_offers();
        let saved = match id {
            None => {
                offers
                    .insert(certifier, &target.name, target.federal_state.code(), &data)
                    .await?
            }
            Some(id) => offers
                .update(certifier, id, &data)
                .await?
                .ok_or(Error::NotFound)?,
        };
        let offer = CatalogueOffer::try_from(saved)?;
        self.services
            .index()
            .changed(&writes, SearchKind::Offer, offer.id.as_uuid())
            .await?;
        let action = if id.is_some() {
            "catalogue_offer.updated"
        } else {
            "catalogue_offer.created"
        };
        let summary = format!("Präventionsangebot gespeichert: {}", offer.title);
        let change = Change::of_municipality(&target, action, "catalogue_offer", offer.id, summary);
        audit::commit(writes, principal, change).await?;
        self.services.index().after_write().await;
        Ok(offer)
    }

    /// Takes an offer out of the catalogue.
    pub async fn remove_catalogue_offer(
        &self,
        principal: &Principal,
        certifier: MunicipalityId,
        id: CatalogueOfferId,
    ) -> Result<()> {
        let target = self
            .services
            .registry()
            .manageable(principal, certifier)
            .await?;
        let writes = self.services.store.writes().await?;
        let offer: CatalogueOffer = writes
            .catalogue_offers()
            .get(id)
            .await?
            .filter(|o| o.certifier_id == certifier)
            .ok_or(Error::NotFound)?
            .try_into()?;
        writes.catalogue_offers().remove(certifier, id).await?;
        self.services
            .index()
            .changed(&writes, SearchKind::Offer, id.as_uuid())
            .await?;
        let summary = format!("Präventionsangebot entfernt: {}", offer.title);
        let change = Change::of_municipality(
            &target,
            "catalogue_offer.removed",
            "catalogue_offer",
            offer.id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
        self.services.index().after_write().await;
        Ok(())
    }

    /// Grants, renews or withdraws an offer's quality seal.
    pub async fn decide_seal(
        &self,
        principal: &Principal,
        certifier: MunicipalityId,
        id: CatalogueOfferId,
        decision: SealDecision,
    ) -> Result<CatalogueOffer> {
        let target = self
            .services
            .registry()
            .manageable(principal, certifier)
            .await?;
        let writes = self.services.store.writes().await?;
        let offers = writes.catalogue_offers();
        let current: CatalogueOffer = offers
            .get(id)
            .await?
            .filter(|o| o.certifier_id == certifier)
            .ok_or(Error::NotFound)?
            .try_into()?;
        let seal = decision.apply(&current.seal, Utc::now().date_naive())?;
        let offer = CatalogueOffer::try_from(
            offers
                .set_seal(certifier, id, &seal)
                .await?
                .ok_or(Error::NotFound)?,
        )?;
        self.services
            .index()
            .changed(&writes, SearchKind::Offer, id.as_uuid())
            .await?;
        let (action, verb) = decision.action();
        let summary = format!("Qualitätssiegel {verb}: {}", offer.title);
        let change = Change::of_municipality(&target, action, "catalogue_offer", offer.id, summary);
        audit::commit(writes, principal, change).await?;
        self.services.index().after_write().await;
        Ok(offer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn granted(until: &str) -> Seal {
        Seal {
            status: SealStatus::Granted,
            granted_on: Some(day("2025-01-01")),
            valid_until: Some(day(until)),
            note: String::new(),
        }
    }

    #[test]
    fn descriptors_are_stored_once_each() {
        let input = CatalogueOfferInput {
            title: "Workshop".into(),
            provider: "Träger".into(),
            format: Some(OfferFormat::Workshop),
            topics: vec![Topic::Addiction, Topic::Graffiti, Topic::Addiction],
            ..CatalogueOfferInput::default()
        };
        assert_eq!(input.parse().expect("valid").topics, "addiction,graffiti");
    }

    #[test]
    fn a_seal_holds_through_its_last_day() {
        let seal = granted("2026-12-31");
        assert_eq!(seal.validity_on(day("2026-12-31")), SealValidity::Valid);
        assert_eq!(seal.validity_on(day("2027-01-01")), SealValidity::Expired);
    }

    #[test]
    fn a_valid_seal_is_renewed_not_granted_again() {
        let today = day("2026-06-01");
        let grant = SealDecision::Grant {
            granted_on: today,
            valid_until: day("2028-06-01"),
            note: String::new(),
        };
        let err = grant
            .apply(&granted("2026-12-31"), today)
            .expect_err("valid");
        assert_eq!(err.field(), Some("validUntil"));
        assert!(grant.apply(&granted("2026-01-31"), today).is_ok());
    }

    #[test]
    fn a_renewal_ends_later_and_needs_a_seal() {
        let today = day("2026-06-01");
        let renew = |until: &str| SealDecision::Renew {
            valid_until: day(until),
            note: String::new(),
        };
        assert!(
            renew("2026-11-30")
                .apply(&granted("2026-12-31"), today)
                .is_err()
        );
        let renewed = renew("2028-12-31")
            .apply(&granted("2026-12-31"), today)
            .expect("renewed");
        assert_eq!(renewed.valid_until, Some(day("2028-12-31")));
        assert_eq!(renewed.granted_on, Some(day("2025-01-01")));
        let none = Seal {
            status: SealStatus::None,
            granted_on: None,
            valid_until: None,
            note: String::new(),
        };
        assert!(renew("2028-12-31").apply(&none, today).is_err());
        assert!(
            SealDecision::Withdraw {
                note: String::new()
            }
            .apply(&none, today)
            .is_err()
        );
    }
}
