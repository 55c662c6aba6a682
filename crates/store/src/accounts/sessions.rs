//! Sessions and single-use tokens, each stored by the hash of the secret its holder has.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

use super::Accounts;
use super::entity::{one_time_token, session};
use crate::{StoreError, UserId};

/// A session as a person's data export shows it (never its secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSummary {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    pub user_id: UserId,
    pub last_seen_at: DateTime<Utc>,
    pub idle_expires_at: DateTime<Utc>,
    pub absolute_expires_at: DateTime<Utc>,
}

impl<C: ConnectionTrait + TransactionTrait> Accounts<'_, C> {
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
            user_id: Set(user_id),
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
            user_id: m.user_id,
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
            .filter(session::Column::UserId.eq(user_id))
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

    /// Ends every session of a user, e.g. after a password reset.
    pub async fn delete_sessions_of(&self, user_id: UserId) -> Result<(), StoreError> {
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
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
            user_id: Set(user_id),
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
        Ok(found.map(|m| m.user_id))
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
        Ok(used.into_iter().next().map(|m| m.user_id))
    }
}
