//! People's accounts and the roles granted to them.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    TransactionSession, TransactionTrait,
};

use super::Accounts;
use super::entity::{one_time_token, role_grant, session, user};
use crate::error::{UniqueIndex, on_unique};
use crate::{GrantId, MunicipalityId, StoreError, UniqueField, UserId};

/// An address belongs to one account only.
const UNIQUE: &[UniqueIndex] = &[UniqueIndex {
    name: "users_email_key",
    columns: "users.email",
    field: UniqueField::Email,
}];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
    pub erased_at: Option<DateTime<Utc>>,
}

impl From<user::Model> for UserRecord {
    fn from(m: user::Model) -> Self {
        Self {
            id: m.id,
            email: m.email,
            display_name: m.display_name,
            password_hash: m.password_hash,
            created_at: m.created_at,
            erased_at: m.erased_at,
        }
    }
}

/// One role of a user, with the Land or municipality it applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantRecord {
    pub id: GrantId,
    pub user_id: UserId,
    pub role: String,
    pub federal_state: Option<String>,
    pub municipality_id: Option<MunicipalityId>,
}

impl From<role_grant::Model> for GrantRecord {
    fn from(m: role_grant::Model) -> Self {
        Self {
            id: m.id,
            user_id: m.user_id,
            role: m.role,
            federal_state: m.federal_state,
            municipality_id: m.municipality_id,
        }
    }
}

impl<C: ConnectionTrait + TransactionTrait> Accounts<'_, C> {
    pub async fn user(&self, id: UserId) -> Result<Option<UserRecord>, StoreError> {
        Ok(user::Entity::find_by_id(id)
            .one(self.db)
            .await?
            .map(Into::into))
    }

    /// `email` must already be normalised (lower case), as core's `EmailAddress` is.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        let found = user::Entity::find()
            .filter(user::Column::Email.eq(email))
            .one(self.db)
            .await?;
        Ok(found.map(Into::into))
    }

    pub async fn insert_user(
        &self,
        email: &str,
        display_name: &str,
    ) -> Result<UserRecord, StoreError> {
        let now = Utc::now();
        let model = user::ActiveModel {
            id: Set(UserId::generate()),
            email: Set(email.to_owned()),
            display_name: Set(display_name.to_owned()),
            password_hash: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            erased_at: Set(None),
            calendar_token_hash: Set(None),
        };
        let inserted = user::Entity::insert(model)
            .exec_with_returning(self.db)
            .await
            .map_err(on_unique(UNIQUE))?;
        Ok(inserted.into())
    }

    pub async fn set_password_hash(&self, id: UserId, hash: &str) -> Result<(), StoreError> {
        user::Entity::update_many()
            .col_expr(user::Column::PasswordHash, Expr::value(hash))
            .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(user::Column::Id.eq(id))
            .exec(self.db)
            .await?;
        Ok(())
    }

    /// Replaces the hash of the secret of a person's calendar feed: the old address stops
    /// working.
    pub async fn set_calendar_token(&self, id: UserId, hash: &str) -> Result<(), StoreError> {
        user::Entity::update_many()
            .col_expr(user::Column::CalendarTokenHash, Expr::value(hash))
            .filter(user::Column::Id.eq(id))
            .exec(self.db)
            .await?;
        Ok(())
    }

    /// The account whose calendar feed has the secret of `hash`; erased accounts have none.
    pub async fn user_by_calendar_token(
        &self,
        hash: &str,
    ) -> Result<Option<UserRecord>, StoreError> {
        let found = user::Entity::find()
            .filter(user::Column::CalendarTokenHash.eq(hash))
            .filter(user::Column::ErasedAt.is_null())
            .one(self.db)
            .await?;
        Ok(found.map(Into::into))
    }

    /// All accounts that are not erased, by e-mail address.
    pub async fn users(&self) -> Result<Vec<UserRecord>, StoreError> {
        crate::read::records(
            user::Entity::find()
                .filter(user::Column::ErasedAt.is_null())
                .order_by_asc(user::Column::Email),
            self.db,
        )
        .await
    }

    /// Every role grant of the platform.
    pub async fn all_grants(&self) -> Result<Vec<GrantRecord>, StoreError> {
        crate::read::records(
            role_grant::Entity::find().order_by_asc(role_grant::Column::CreatedAt),
            self.db,
        )
        .await
    }

    /// The grants of one municipality's administrators.
    pub async fn administrators_of(
        &self,
        municipality: MunicipalityId,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        crate::read::records(
            role_grant::Entity::find()
                .filter(role_grant::Column::Role.eq("MUNICIPALITY_ADMIN"))
                .filter(role_grant::Column::MunicipalityId.eq(municipality))
                .order_by_asc(role_grant::Column::CreatedAt),
            self.db,
        )
        .await
    }

    pub async fn remove_grant(&self, id: GrantId) -> Result<(), StoreError> {
        role_grant::Entity::delete_by_id(id).exec(self.db).await?;
        Ok(())
    }

    pub async fn grants(&self, user_id: UserId) -> Result<Vec<GrantRecord>, StoreError> {
        crate::read::records(
            role_grant::Entity::find()
                .filter(role_grant::Column::UserId.eq(user_id))
                .order_by_asc(role_grant::Column::CreatedAt),
            self.db,
        )
        .await
    }

    pub async fn add_grant(
        &self,
        user_id: UserId,
        role: &str,
        federal_state: Option<&str>,
        municipality: Option<MunicipalityId>,
    ) -> Result<GrantRecord, StoreError> {
        let model = role_grant::ActiveModel {
            id: Set(GrantId::generate()),
            user_id: Set(user_id),
            role: Set(role.to_owned()),
            federal_state: Set(federal_state.map(str::to_owned)),
            municipality_id: Set(municipality),
            created_at: Set(Utc::now()),
        };
        Ok(role_grant::Entity::insert(model)
            .exec_with_returning(self.db)
            .await?
            .into())
    }

    /// Removes a person's personal data and access, keeping the row that other records refer
    /// to: sessions, links and roles are deleted, name and address replaced, password removed.
    pub async fn erase_user(&self, user_id: UserId, now: DateTime<Utc>) -> Result<(), StoreError> {
        let txn = self.db.begin().await?;
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        one_time_token::Entity::delete_many()
            .filter(one_time_token::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        role_grant::Entity::delete_many()
            .filter(role_grant::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        user::Entity::update_many()
            .col_expr(
                user::Column::Email,
                Expr::value(format!("geloescht-{user_id}@invalid")),
            )
            .col_expr(user::Column::DisplayName, Expr::value("Gelöschte Person"))
            .col_expr(
                user::Column::PasswordHash,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                user::Column::CalendarTokenHash,
                Expr::value(Option::<String>::None),
            )
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .col_expr(user::Column::ErasedAt, Expr::value(now))
            .filter(user::Column::Id.eq(user_id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }
}
