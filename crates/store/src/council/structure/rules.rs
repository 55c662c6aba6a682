//! The rules of procedure: versions numbered per municipality, never changed once adopted but
//! for the day the city council was told of them.

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

use crate::tenant::{Tenant, TenantConnection, rules_of_procedure};
use crate::{BodyId, RulesId, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesData {
    pub title: String,
    pub body: String,
    pub adopted_by: Option<BodyId>,
    pub adopted_on: NaiveDate,
    pub resolution: Option<String>,
    pub council_informed_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesRecord {
    pub id: RulesId,
    pub version: i32,
    pub data: RulesData,
}
impl From<rules_of_procedure::Model> for RulesRecord {
    fn from(m: rules_of_procedure::Model) -> Self {
        RulesRecord {
            id: m.id,
            version: m.version,
            data: RulesData {
                title: m.title,
                body: m.body,
                adopted_by: m.adopted_by,
                adopted_on: m.adopted_on,
                resolution: m.resolution,
                council_informed_on: m.council_informed_on,
            },
        }
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// Every version of the rules of procedure, oldest first.
    pub async fn rules_of_procedure(&self) -> Result<Vec<RulesRecord>, StoreError> {
        let query = self
            .rows::<rules_of_procedure::Model>()
            .order_by_asc(rules_of_procedure::Column::Version);
        self.records(query).await
    }

    /// Stores a new version, numbered one above the latest.
    pub async fn insert_rules(&self, data: RulesData) -> Result<RulesRecord, StoreError> {
        let id = RulesId::generate();
        let version = self
            .transaction(async |tx| {
                let latest = self
                    .rows::<rules_of_procedure::Model>()
                    .order_by_desc(rules_of_procedure::Column::Version)
                    .one(tx)
                    .await?;
                let version = latest.map_or(1, |r| r.version + 1);
                let row = rules_of_procedure::New {
                    id,
                    version,
                    title: data.title.clone(),
                    body: data.body.clone(),
                    adopted_by: data.adopted_by,
                    adopted_on: data.adopted_on,
                    resolution: data.resolution.clone(),
                    council_informed_on: data.council_informed_on,
                    created_at: Utc::now(),
                };
                self.insert(row).exec(tx).await?;
                Ok(version)
            })
            .await?;
        Ok(RulesRecord { id, version, data })
    }

    /// Records when the city council was informed of a version.
    pub async fn set_rules_informed(
        &self,
        id: RulesId,
        informed_on: Option<NaiveDate>,
    ) -> Result<bool, StoreError> {
        let update = self
            .update::<rules_of_procedure::Model>()
            .col_expr(
                rules_of_procedure::Column::CouncilInformedOn,
                Expr::value(informed_on),
            )
            .filter(rules_of_procedure::Column::Id.eq(id));
        self.changed(update).await
    }
}
