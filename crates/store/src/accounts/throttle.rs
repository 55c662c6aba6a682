//! Counting failed logins per account and per client address, to slow down guessing, and
//! mails asked for per address and per client in a window, to keep the platform from being
//! used to flood an inbox. Both kinds share one table; their keys carry distinct prefixes.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};

use super::Accounts;
use super::entity::login_throttle;
use crate::StoreError;

/// Login failures counted for one key (an account or a client address).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThrottleRecord {
    pub failures: i32,
    pub blocked_until: DateTime<Utc>,
}

impl<C: ConnectionTrait + TransactionTrait> Accounts<'_, C> {
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
        let counted = OnConflict::column(login_throttle::Column::Key)
            .value(
                login_throttle::Column::Failures,
                stored(login_throttle::Column::Failures).add(1),
            )
            .value(login_throttle::Column::LastFailureAt, Expr::value(now))
            .to_owned();
        Ok(self.count(key, now, counted).await?.failures)
    }

    /// Counts one more event for `key` in the window that started at `window_start` or later
    /// and returns the count in the window with the window's start: an older window starts
    /// anew at `now`. One statement, so concurrent requests cannot both see a count under the
    /// limit.
    pub async fn count_in_window(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window_start: DateTime<Utc>,
    ) -> Result<(i32, DateTime<Utc>), StoreError> {
        let started = || stored(login_throttle::Column::LastFailureAt).lt(window_start);
        let counted = OnConflict::column(login_throttle::Column::Key)
            .value(
                login_throttle::Column::Failures,
                Expr::case(started(), 1).finally(stored(login_throttle::Column::Failures).add(1)),
            )
            .value(
                login_throttle::Column::LastFailureAt,
                Expr::case(started(), now).finally(stored(login_throttle::Column::LastFailureAt)),
            )
            .to_owned();
        let row = self.count(key, now, counted).await?;
        Ok((row.failures, row.last_failure_at))
    }

    /// Inserts the first count of `key`, or updates a counted key as `counted` says, in one
    /// statement, and returns the row.
    async fn count(
        &self,
        key: &str,
        now: DateTime<Utc>,
        counted: OnConflict,
    ) -> Result<login_throttle::Model, StoreError> {
        let first = login_throttle::ActiveModel {
            key: Set(key.to_owned()),
            failures: Set(1),
            last_failure_at: Set(now),
            blocked_until: Set(now),
        };
        Ok(login_throttle::Entity::insert(first)
            .on_conflict(counted)
            .exec_with_returning(self.db)
            .await?)
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

/// The stored value of a column, in an update that also names the new one.
fn stored(column: login_throttle::Column) -> Expr {
    Expr::col((login_throttle::Entity, column))
}
