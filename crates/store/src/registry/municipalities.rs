//! Municipalities as stored, with the AGS and slug that each must have alone.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::entity::municipality::{self, ActiveModel, Column, Entity};
use crate::error::{UniqueIndex, on_unique};
use crate::{MunicipalityId, StoreError, UniqueField};

/// What a municipality must not share with another.
const UNIQUE: &[UniqueIndex] = &[
    UniqueIndex {
        name: "municipalities_ags_key",
        columns: "municipalities.ags",
        field: UniqueField::Ags,
    },
    UniqueIndex {
        name: "municipalities_slug_key",
        columns: "municipalities.slug",
        field: UniqueField::Slug,
    },
];

/// A stored municipality. Fields are plain values: core parses them into its domain types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityRecord {
    pub id: MunicipalityId,
    pub name: String,
    pub slug: String,
    pub ags: String,
    pub federal_state: String,
    pub population: i64,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields a caller sets, on creation and on every update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityData {
    pub name: String,
    pub slug: String,
    pub ags: String,
    pub federal_state: String,
    pub population: i64,
    pub status: String,
}

/// Narrows a listing; `None` means "any".
#[derive(Clone, Debug, Default)]
pub struct MunicipalityFilter {
    pub federal_state: Option<String>,
    /// Case-insensitive part of the name.
    pub name_contains: Option<String>,
}

impl From<municipality::Model> for MunicipalityRecord {
    fn from(m: municipality::Model) -> Self {
        Self {
            id: m.id,
            name: m.name,
            slug: m.slug,
            ags: m.ags,
            federal_state: m.federal_state,
            population: m.population,
            status: m.status,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug)]
pub struct Municipalities<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait + TransactionTrait> Municipalities<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    pub async fn get(&self, id: MunicipalityId) -> Result<Option<MunicipalityRecord>, StoreError> {
        Ok(Entity::find_by_id(id).one(self.db).await?.map(Into::into))
    }

    pub async fn by_slug(&self, slug: &str) -> Result<Option<MunicipalityRecord>, StoreError> {
        let found = Entity::find()
            .filter(Column::Slug.eq(slug))
            .one(self.db)
            .await?;
        Ok(found.map(Into::into))
    }

    /// One page ordered by name, and the number of all matches.
    pub async fn list(
        &self,
        filter: &MunicipalityFilter,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<MunicipalityRecord>, u64), StoreError> {
        let mut query = Entity::find();
        if let Some(state) = &filter.federal_state {
            query = query.filter(Column::FederalState.eq(state.as_str()));
        }
        if let Some(part) = filter.name_contains.as_deref().filter(|p| !p.is_empty()) {
            let pattern = format!("%{}%", escape_like(&part.to_lowercase()));
            query = query.filter(
                Expr::expr(Func::lower(Expr::col(Column::Name)))
                    .like(LikeExpr::new(pattern).escape('\\')),
            );
        }
        let total = query.clone().count(self.db).await?;
        let rows = crate::read::records(
            query
                .order_by_asc(Column::Name)
                .order_by_asc(Column::Id)
                .offset(offset)
                .limit(limit),
            self.db,
        )
        .await?;
        Ok((rows, total))
    }

    pub async fn count(&self) -> Result<u64, StoreError> {
        Ok(Entity::find().count(self.db).await?)
    }

    /// Inserts in one statement; a taken AGS or slug comes back as [`StoreError::Conflict`].
    pub async fn insert(&self, data: MunicipalityData) -> Result<MunicipalityRecord, StoreError> {
        let now = Utc::now();
        let model = ActiveModel {
            id: Set(MunicipalityId::generate()),
            created_at: Set(now),
            ..active(data, now)
        };
        let inserted = Entity::insert(model)
            .exec_with_returning(self.db)
            .await
            .map_err(on_unique(UNIQUE))?;
        Ok(inserted.into())
    }

    /// Overwrites all caller-set fields in one statement; `None` when no such municipality.
    pub async fn update(
        &self,
        id: MunicipalityId,
        data: MunicipalityData,
    ) -> Result<Option<MunicipalityRecord>, StoreError> {
        let model = ActiveModel {
            id: sea_orm::ActiveValue::Unchanged(id),
            ..active(data, Utc::now())
        };
        let updated = Entity::update_many()
            .set(model)
            .filter(Column::Id.eq(id))
            .exec_with_returning(self.db)
            .await
            .map_err(on_unique(UNIQUE))?;
        Ok(updated.into_iter().next().map(Into::into))
    }
}

fn active(data: MunicipalityData, now: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        name: Set(data.name),
        slug: Set(data.slug),
        ags: Set(data.ags),
        federal_state: Set(data.federal_state),
        population: Set(data.population),
        status: Set(data.status),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// Makes `%`, `_` and `\` in user input match themselves in a LIKE pattern.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape_like;

    #[test]
    fn like_wildcards_in_input_are_escaped() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
        assert_eq!(escape_like("halle"), "halle");
    }
}
