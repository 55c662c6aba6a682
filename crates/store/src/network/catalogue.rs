//! The certifying councils' catalogues of prevention offers with their quality seals (shared:
//! a catalogue is published on purpose).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::entity::prevention_offer::{ActiveModel, Column, Entity, Model};
use crate::{CatalogueOfferId, MunicipalityId, StoreError};

/// An offer's description; lists of the shared vocabulary are comma-separated codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogueOfferData {
    pub title: String,
    pub provider: String,
    pub format: String,
    pub target_groups: String,
    pub topics: String,
    pub description: String,
    pub contact: String,
}

/// The quality seal as recorded: `none`, `granted` or `withdrawn`, with its dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SealData {
    pub status: String,
    pub granted_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueOfferRecord {
    pub id: CatalogueOfferId,
    pub certifier_id: MunicipalityId,
    pub certifier_name: String,
    pub federal_state: String,
    pub data: CatalogueOfferData,
    pub seal: SealData,
    pub updated_at: DateTime<Utc>,
}

impl From<Model> for CatalogueOfferRecord {
    fn from(m: Model) -> Self {
        Self {
            id: m.id,
            certifier_id: m.certifier_id,
            certifier_name: m.certifier_name,
            federal_state: m.federal_state,
            data: CatalogueOfferData {
                title: m.title,
                provider: m.provider,
                format: m.format,
                target_groups: m.target_groups,
                topics: m.topics,
                description: m.description,
                contact: m.contact,
            },
            seal: SealData {
                status: m.seal_status,
                granted_on: m.seal_granted_on,
                valid_until: m.seal_valid_until,
                note: m.seal_note,
            },
            updated_at: m.updated_at,
        }
    }
}

fn set_data(active: &mut ActiveModel, d: &CatalogueOfferData) {
    active.title = Set(d.title.clone());
    active.provider = Set(d.provider.clone());
    active.format = Set(d.format.clone());
    active.target_groups = Set(d.target_groups.clone());
    active.topics = Set(d.topics.clone());
    active.description = Set(d.description.clone());
    active.contact = Set(d.contact.clone());
}

#[derive(Debug)]
pub struct CatalogueOffers<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait> CatalogueOffers<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    /// One certifier's catalogue, or every catalogue, by title.
    pub async fn list(
        &self,
        certifier: Option<MunicipalityId>,
    ) -> Result<Vec<CatalogueOfferRecord>, StoreError> {
        let mut query = Entity::find()
            .order_by_asc(Column::Title)
            .order_by_asc(Column::Id);
        if let Some(c) = certifier {
            query = query.filter(Column::CertifierId.eq(c));
        }
        crate::read::records(query, self.db).await
    }

    /// The next `limit` offers after `after` by id, for streaming all of them.
    pub async fn page_after(
        &self,
        after: Option<CatalogueOfferId>,
        limit: u64,
    ) -> Result<Vec<CatalogueOfferRecord>, StoreError> {
        let mut query = Entity::find().order_by_asc(Column::Id).limit(limit);
        if let Some(after) = after {
            query = query.filter(Column::Id.gt(after));
        }
        crate::read::records(query, self.db).await
    }

    pub async fn get(
        &self,
        id: CatalogueOfferId,
    ) -> Result<Option<CatalogueOfferRecord>, StoreError> {
        Ok(Entity::find_by_id(id).one(self.db).await?.map(Into::into))
    }

    pub async fn insert(
        &self,
        certifier: MunicipalityId,
        certifier_name: &str,
        federal_state: &str,
        data: &CatalogueOfferData,
    ) -> Result<CatalogueOfferRecord, StoreError> {
        let now = Utc::now();
        let mut active = ActiveModel {
            id: Set(CatalogueOfferId::generate()),
            certifier_id: Set(certifier),
            certifier_name: Set(certifier_name.to_owned()),
            federal_state: Set(federal_state.to_owned()),
            seal_status: Set("none".to_owned()),
            seal_granted_on: Set(None),
            seal_valid_until: Set(None),
            seal_note: Set(String::new()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        set_data(&mut active, data);
        Ok(Entity::insert(active)
            .exec_with_returning(self.db)
            .await?
            .into())
    }

    /// Replaces an offer's description; `None` when there is no such offer of this certifier.
    pub async fn update(
        &self,
        certifier: MunicipalityId,
        id: CatalogueOfferId,
        data: &CatalogueOfferData,
    ) -> Result<Option<CatalogueOfferRecord>, StoreError> {
        let mut active = ActiveModel {
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        set_data(&mut active, data);
        self.write(certifier, id, active).await
    }

    /// Records a seal decision; `None` when there is no such offer of this certifier.
    pub async fn set_seal(
        &self,
        certifier: MunicipalityId,
        id: CatalogueOfferId,
        seal: &SealData,
    ) -> Result<Option<CatalogueOfferRecord>, StoreError> {
        let active = ActiveModel {
            seal_status: Set(seal.status.clone()),
            seal_granted_on: Set(seal.granted_on),
            seal_valid_until: Set(seal.valid_until),
            seal_note: Set(seal.note.clone()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        self.write(certifier, id, active).await
    }

    async fn write(
        &self,
        certifier: MunicipalityId,
        id: CatalogueOfferId,
        active: ActiveModel,
    ) -> Result<Option<CatalogueOfferRecord>, StoreError> {
        Ok(Entity::update_many()
            .set(active)
            .filter(Column::Id.eq(id))
            .filter(Column::CertifierId.eq(certifier))
            .exec_with_returning(self.db)
            .await?
            .into_iter()
            .next()
            .map(Into::into))
    }

    /// Deletes an offer from its certifier's catalogue; `false` when there was none.
    pub async fn remove(
        &self,
        certifier: MunicipalityId,
        id: CatalogueOfferId,
    ) -> Result<bool, StoreError> {
        Ok(Entity::delete_many()
            .filter(Column::Id.eq(id))
            .filter(Column::CertifierId.eq(certifier))
            .exec(self.db)
            .await?
            .rows_affected
            > 0)
    }

    /// Names the certifier anew in its offers (its name or Land changed).
    pub async fn update_certifier(
        &self,
        certifier: MunicipalityId,
        name: &str,
        federal_state: &str,
    ) -> Result<(), StoreError> {
        Entity::update_many()
            .col_expr(Column::CertifierName, Expr::value(name))
            .col_expr(Column::FederalState, Expr::value(federal_state))
            .filter(Column::CertifierId.eq(certifier))
            .exec(self.db)
            .await?;
        Ok(())
    }
}
