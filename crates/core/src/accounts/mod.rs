//! Accounts: logins and sessions, roles and who may grant them, invitations and password
//! resets by mail, and the export and erasure of a person's data (GDPR Art. 15, 17).

pub mod account;
mod calendar;
mod invitations;
mod mail_quota;
pub mod password;
mod personal_data;
mod problems;
pub(crate) mod token;

pub use problems::AccountsProblem;

use crate::Services;

/// Use cases of accounts, sessions and personal data.
#[derive(Clone, Copy, Debug)]
pub struct Accounts<'a> {
    pub(crate) services: &'a Services,
}

impl Services {
    /// Use cases of accounts, sessions and personal data.
    pub fn accounts(&self) -> Accounts<'_> {
        Accounts { services: self }
    }
}
