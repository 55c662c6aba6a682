//! Accounts: users, role grants, sessions, single-use tokens and login throttling; shared by
//! all tenants, as a person's account is not a municipality's.
//!
//! Secrets never reach this crate in clear: sessions and tokens are stored by the SHA-256 of
//! the value the user holds, passwords as argon2id hashes made in core.

mod entity;
mod sessions;
mod throttle;
mod users;

use sea_orm::DatabaseConnection;

pub use sessions::{SessionRecord, SessionSummary};
pub use throttle::ThrottleRecord;
pub use users::{GrantRecord, UserRecord};

#[derive(Debug)]
pub struct Accounts<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C> Accounts<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }
}
