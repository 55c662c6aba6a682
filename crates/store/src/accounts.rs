//! Users, role grants, sessions, single-use tokens and login throttling.
//!
//! Secrets never reach this crate in clear: sessions and tokens are stored by the SHA-256 of
//! the value the user holds, passwords as argon2id hashes made in core.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionSession, TransactionTrait,
};

use crate::entity::accounts::{login_throttle, one_time_token, role_grant, session, user};
use crate::error::classify_unique;
use crate::{GrantId, MunicipalityId, StoreError, UserId};

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
            id: UserId::from_uuid(m.id),
            email: m.email,
            display_name: m.display_name,
            password_hash: m.password_hash,
            created_at: m.created_at,
            erased_at: m.erased_at,
        }
    }
}

/// A session as a person's data export shows it (never its secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSummary {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
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
            id: GrantId::from_uuid(m.id),
            user_id: UserId::from_uuid(m.user_id),
            role: m.role,
            federal_state: m.federal_state,
            municipality_id: m.municipality_id.map(MunicipalityId::from_uuid),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    pub user_id: UserId,
    pub last_seen_at: DateTime<Utc>,
    pub idle_expires_at: DateTime<Utc>,
    pub absolute_expires_at: DateTime<Utc>,
}

/// Login failures counted for one key (an account or a client address).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThrottleRecord {
    pub failures: i32,
    pub blocked_until: DateTime<Utc>,
}

#[derive(Debug)]
pub struct Accounts<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait + TransactionTrait> Accounts<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    pub async fn user(&self, id: UserId) -> Result<Option<UserRecord>, StoreError> {
        Ok(user::Entity::find_by_id(id.as_uuid())
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
            id: Set(UserId::generate().as_uuid()),
            email: Set(email.to_owned()),
            display_name: Set(display_name.to_owned()),
            password_hash: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            erased_at: Set(None),
        };
        let inserted = user::Entity::insert(model)
            .exec_with_returning(self.db)
            .await
            .map_err(classify_unique)?;
        Ok(inserted.into())
    }

    pub async fn set_password_hash(&self, id: UserId, hash: &str) -> Result<(), StoreError> {
        user::Entity::update_many()
            .col_expr(user::Column::PasswordHash, Expr::value(hash))
            .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(user::Column::Id.eq(id.as_uuid()))
            .exec(self.db)
            .await?;
        Ok(())
    }

    /// All accounts that are not erased, by e-mail address.
    pub async fn users(&self) -> Result<Vec<UserRecord>, StoreError> {
        let rows = user::Entity::find()
            .filter(user::Column::ErasedAt.is_null())
            .order_by_asc(user::Column::Email)
            .all(self.db)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Every role grant of the platform.
    pub async fn all_grants(&self) -> Result<Vec<GrantRecord>, StoreError> {
        let rows = role_grant::Entity::find()
            .order_by_asc(role_grant::Column::CreatedAt)
            .all(self.db)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The grants of one municipality's administrators.
    pub async fn administrators_of(
        &self,
        municipality: MunicipalityId,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        let rows = role_grant::Entity::find()
            .filter(role_grant::Column::Role.eq("MUNICIPALITY_ADMIN"))
            .filter(role_grant::Column::MunicipalityId.eq(municipality.as_uuid()))
            .order_by_asc(role_grant::Column::CreatedAt)
            .all(self.db)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn remove_grant(&self, id: GrantId) -> Result<(), StoreError> {
        role_grant::Entity::delete_by_id(id.as_uuid())
            .exec(self.db)
            .await?;
        Ok(())
    }

    pub async fn grants(&self, user_id: UserId) -> Result<Vec<GrantRecord>, StoreError> {
        let rows = role_grant::Entity::find()
            .filter(role_grant::Column::UserId.eq(user_id.as_uuid()))
            .order_by_asc(role_grant::Column::CreatedAt)
            .all(self.db)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn add_grant(
        &self,
        user_id: UserId,
        role: &str,
        federal_state: Option<&str>,
        municipality: Option<MunicipalityId>,
    ) -> Result<GrantRecord, StoreError> {
        let model = role_grant::ActiveModel {
            id: Set(GrantId::generate().as_uuid()),
            user_id: Set(user_id.as_uuid()),
            role: Set(role.to_owned()),
            federal_state: Set(federal_state.map(str::to_owned)),
            municipality_id: Set(municipality.map(|m| m.as_uuid())),
            created_at: Set(Utc::now()),
        };
        Ok(role_grant::Entity::insert(model)
            .exec_with_returning(self.db)
            .await?
            .into())
    }

    pub async fn insert_session(
        &self,
        token_hash: &str,
        user_id: UserId,
        idle_expires_at: DateTime<Utc>,
        absolute_expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let now = Utc::now();
        let model = session::ActiveModel {
            token_hash: Set(token_hash.to_owned()),
            user_id: Set(user_id.as_uuid()),
            created_at: Set(now),
            last_seen_at: Set(now),
            idle_expires_at: Set(idle_expires_at),
            absolute_expires_at: Set(absolute_expires_at),
        };
        session::Entity::insert(model)
            .exec_without_returning(self.db)
            .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        let found = session::Entity::find_by_id(token_hash.to_owned())
            .one(self.db)
            .await?;
        Ok(found.map(|m| SessionRecord {
            user_id: UserId::from_uuid(m.user_id),
            last_seen_at: m.last_seen_at,
            idle_expires_at: m.idle_expires_at,
            absolute_expires_at: m.absolute_expires_at,
        }))
    }

    /// Moves the idle expiry forward after activity.
    pub async fn touch_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        idle_expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .col_expr(session::Column::IdleExpiresAt, Expr::value(idle_expires_at))
            .filter(session::Column::TokenHash.eq(token_hash))
            .exec(self.db)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        session::Entity::delete_by_id(token_hash.to_owned())
            .exec(self.db)
            .await?;
        Ok(())
    }

    pub async fn sessions_of(&self, user_id: UserId) -> Result<Vec<SessionSummary>, StoreError> {
        let rows = session::Entity::find()
            .filter(session::Column::UserId.eq(user_id.as_uuid()))
            .order_by_asc(session::Column::CreatedAt)
            .all(self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|m| SessionSummary {
                created_at: m.created_at,
                last_seen_at: m.last_seen_at,
            })
            .collect())
    }

    /// Removes a person's personal data and access, keeping the row that other records refer
    /// to: sessions, links and roles are deleted, name and address replaced, password removed.
    pub async fn erase_user(&self, user_id: UserId, now: DateTime<Utc>) -> Result<(), StoreError> {
        let txn = self.db.begin().await?;
        let id = user_id.as_uuid();
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
        one_time_token::Entity::delete_many()
            .filter(one_time_token::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
        role_grant::Entity::delete_many()
            .filter(role_grant::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
        user::Entity::update_many()
            .col_expr(
                user::Column::Email,
                Expr::value(format!("geloescht-{id}@invalid")),
            )
            .col_expr(user::Column::DisplayName, Expr::value("Gelöschte Person"))
            .col_expr(
                user::Column::PasswordHash,
                Expr::value(Option::<String>::None),
            )
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .col_expr(user::Column::ErasedAt, Expr::value(now))
            .filter(user::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Ends every session of a user, e.g. after a password reset.
    pub async fn delete_sessions_of(&self, user_id: UserId) -> Result<(), StoreError> {
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id.as_uuid()))
            .exec(self.db)
            .await?;
        Ok(())
    }

    pub async fn insert_token(
        &self,
        token_hash: &str,
        user_id: UserId,
        purpose: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let model = one_time_token::ActiveModel {
            token_hash: Set(token_hash.to_owned()),
            user_id: Set(user_id.as_uuid()),
            purpose: Set(purpose.to_owned()),
            expires_at: Set(expires_at),
            used_at: Set(None),
            created_at: Set(Utc::now()),
        };
        one_time_token::Entity::insert(model)
            .exec_without_returning(self.db)
            .await?;
        Ok(())
    }

    /// The user of a token that could still be used, without using it.
    pub async fn token_user(
        &self,
        token_hash: &str,
        purpose: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<UserId>, StoreError> {
        let found = one_time_token::Entity::find_by_id(token_hash.to_owned())
            .filter(one_time_token::Column::Purpose.eq(purpose))
            .filter(one_time_token::Column::UsedAt.is_null())
            .filter(one_time_token::Column::ExpiresAt.gt(now))
            .one(self.db)
            .await?;
        Ok(found.map(|m| UserId::from_uuid(m.user_id)))
    }

    /// Marks a token used and returns its user, in one statement, so that two concurrent
    /// uses cannot both succeed. `None` for unknown, used, expired or other-purpose tokens.
    pub async fn consume_token(
        &self,
        token_hash: &str,
        purpose: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<UserId>, StoreError> {
        let used = one_time_token::Entity::update_many()
            .col_expr(one_time_token::Column::UsedAt, Expr::value(now))
            .filter(one_time_token::Column::TokenHash.eq(token_hash))
            .filter(one_time_token::Column::Purpose.eq(purpose))
            .filter(one_time_token::Column::UsedAt.is_null())
            .filter(one_time_token::Column::ExpiresAt.gt(now))
            .exec_with_returning(self.db)
            .await?;
        Ok(used
            .into_iter()
            .next()
            .map(|m| UserId::from_uuid(m.user_id)))
    }

    pub async fn throttle(&self, key: &str) -> Result<Option<ThrottleRecord>, StoreError> {
        let found = login_throttle::Entity::find_by_id(key.to_owned())
            .one(self.db)
            .await?;
        Ok(found.map(|m| ThrottleRecord {
            failures: m.failures,
            blocked_until: m.blocked_until,
        }))
    }

    /// Counts one more failure for `key` and returns the new count.
    pub async fn record_failure(&self, key: &str, now: DateTime<Utc>) -> Result<i32, StoreError> {
        let model = login_throttle::ActiveModel {
            key: Set(key.to_owned()),
            failures: Set(1),
            last_failure_at: Set(now),
            blocked_until: Set(now),
        };
        let row = login_throttle::Entity::insert(model)
            .on_conflict(
                OnConflict::column(login_throttle::Column::Key)
                    .value(
                        login_throttle::Column::Failures,
                        Expr::col((login_throttle::Entity, login_throttle::Column::Failures))
                            .add(1),
                    )
                    .value(login_throttle::Column::LastFailureAt, Expr::value(now))
                    .to_owned(),
            )
            .exec_with_returning(self.db)
            .await?;
        Ok(row.failures)
    }

    pub async fn block_until(&self, key: &str, until: DateTime<Utc>) -> Result<(), StoreError> {
        login_throttle::Entity::update_many()
            .col_expr(login_throttle::Column::BlockedUntil, Expr::value(until))
            .filter(login_throttle::Column::Key.eq(key))
            .exec(self.db)
            .await?;
        Ok(())
    }

    pub async fn clear_throttle(&self, key: &str) -> Result<(), StoreError> {
        login_throttle::Entity::delete_by_id(key.to_owned())
            .exec(self.db)
            .await?;
        Ok(())
    }
}
