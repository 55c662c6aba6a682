//! Advice, training and coaching that a state office offers (shared, per Land), and the
//! requests municipalities make for them (tenant-owned, followed by the office via a scope).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::entity::support_offer;
use crate::tenant::{Scope, Tenant, TenantConnection, support_request};
use crate::{MunicipalityId, OfferId, StoreError, SupportRequestId};

/// An offer's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferData {
    pub federal_state: String,
    /// `advice`, `training` or `coaching`.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub contact: String,
    /// Inactive offers stay for the requests made, but take no new ones.
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferRecord {
    pub id: OfferId,
    pub data: OfferData,
}

impl From<support_offer::Model> for OfferRecord {
    fn from(m: support_offer::Model) -> Self {
        Self {
            id: m.id,
            data: OfferData {
                federal_state: m.federal_state,
                kind: m.kind,
                title: m.title,
                description: m.description,
                contact: m.contact,
                active: m.active,
            },
        }
    }
}

fn offer_model(id: OfferId, d: &OfferData) -> support_offer::ActiveModel {
    let now = Utc::now();
    support_offer::ActiveModel {
        id: Set(id),
        federal_state: Set(d.federal_state.clone()),
        kind: Set(d.kind.clone()),
        title: Set(d.title.clone()),
        description: Set(d.description.clone()),
        contact: Set(d.contact.clone()),
        active: Set(d.active),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Access to the offers of all Länder.
#[derive(Debug)]
pub struct SupportOffers<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait> SupportOffers<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    /// The offers of a Land, or of all, by kind and title.
    pub async fn list(&self, federal_state: Option<&str>) -> Result<Vec<OfferRecord>, StoreError> {
        use support_offer::{Column, Entity};
        let mut query = Entity::find()
            .order_by_asc(Column::Kind)
            .order_by_asc(Column::Title)
            .order_by_asc(Column::Id);
        if let Some(state) = federal_state {
            query = query.filter(Column::FederalState.eq(state));
        }
        crate::read::records(query, self.db).await
    }

    pub async fn get(&self, id: OfferId) -> Result<Option<OfferRecord>, StoreError> {
        Ok(support_offer::Entity::find_by_id(id)
            .one(self.db)
            .await?
            .map(Into::into))
    }

    pub async fn insert(&self, data: OfferData) -> Result<OfferRecord, StoreError> {
        let id = OfferId::generate();
        support_offer::Entity::insert(offer_model(id, &data))
            .exec(self.db)
            .await?;
        Ok(OfferRecord { id, data })
    }

    /// Replaces an offer's fields; `None` when there is no such offer.
    pub async fn update(
        &self,
        id: OfferId,
        data: OfferData,
    ) -> Result<Option<OfferRecord>, StoreError> {
        let mut model = offer_model(id, &data);
        model.created_at = NotSet;
        let result = support_offer::Entity::update_many()
            .set(model)
            .filter(support_offer::Column::Id.eq(id))
            .exec(self.db)
            .await?;
        Ok((result.rows_affected > 0).then_some(OfferRecord { id, data }))
    }
}

/// A municipality's request for an offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportRequestRecord {
    pub id: SupportRequestId,
    pub municipality_id: MunicipalityId,
    pub offer_id: OfferId,
    pub message: String,
    /// `requested`, `scheduled`, `done` or `declined`.
    pub status: String,
    pub scheduled_on: Option<NaiveDate>,
    pub office_note: String,
    pub created_at: DateTime<Utc>,
}

/// A new request for an offer; the store gives it its id and time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSupportRequest {
    pub offer_id: OfferId,
    pub message: String,
    /// The state it starts in (`requested`).
    pub status: String,
}

impl From<support_request::Model> for SupportRequestRecord {
    fn from(m: support_request::Model) -> Self {
        Self {
            id: m.id,
            municipality_id: m.municipality_id,
            offer_id: m.offer_id,
            message: m.message,
            status: m.status,
            scheduled_on: m.scheduled_on,
            office_note: m.office_note,
            created_at: m.created_at,
        }
    }
}

/// The row of a request; its tenant is the handle's, whatever the record says.
fn request_row(r: &SupportRequestRecord) -> support_request::New {
    support_request::New {
        id: r.id,
        offer_id: r.offer_id,
        message: r.message.clone(),
        status: r.status.clone(),
        scheduled_on: r.scheduled_on,
        office_note: r.office_note.clone(),
        created_at: r.created_at,
        updated_at: Utc::now(),
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The municipality's requests, newest first.
    pub async fn support_requests(&self) -> Result<Vec<SupportRequestRecord>, StoreError> {
        let query = self
            .rows::<support_request::Model>()
            .order_by_desc(support_request::Column::CreatedAt)
            .order_by_desc(support_request::Column::Id);
        self.records(query).await
    }

    pub async fn support_request(
        &self,
        id: SupportRequestId,
    ) -> Result<Option<SupportRequestRecord>, StoreError> {
        let row = self
            .one(self.row_by_id::<support_request::Model>(id))
            .await?;
        Ok(row.map(Into::into))
    }

    pub async fn insert_support_request(
        &self,
        new: NewSupportRequest,
    ) -> Result<SupportRequestRecord, StoreError> {
        let record = SupportRequestRecord {
            id: SupportRequestId::generate(),
            municipality_id: self.municipality(),
            offer_id: new.offer_id,
            message: new.message,
            status: new.status,
            scheduled_on: None,
            office_note: String::new(),
            created_at: Utc::now(),
        };
        self.add_row(request_row(&record)).await?;
        Ok(record)
    }

    /// Replaces a request's state; `false` when it is not this tenant's.
    pub async fn update_support_request(
        &self,
        record: &SupportRequestRecord,
    ) -> Result<bool, StoreError> {
        self.changed(self.replace(request_row(record))).await
    }
}

impl<C: TenantConnection> Scope<'_, C> {
    /// The requests of the scope's municipalities, oldest first.
    pub async fn support_requests(&self) -> Result<Vec<SupportRequestRecord>, StoreError> {
        let query = self
            .rows::<support_request::Model>()
            .order_by_asc(support_request::Column::CreatedAt)
            .order_by_asc(support_request::Column::Id);
        self.records(query).await
    }
}
