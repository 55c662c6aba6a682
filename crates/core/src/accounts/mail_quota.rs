//! How many account mails may leave: one mail of a kind per address in a window, and a quota
//! per sender, so that no request, however many aliases it carries, turns the platform into a
//! tool for flooding an inbox.
//!
//! An address over its window gets no second mail, silently: the first mail's link still
//! works, and the answer must not reveal whether an account exists. A sender over its quota
//! is told to wait.

use chrono::{DateTime, Duration, Utc};

use crate::accounts::Accounts;
use crate::kernel::email::EmailAddress;
use crate::{Error, Result};

/// One mail of a kind per address in this window.
const ADDRESS_WINDOW: Duration = Duration::minutes(15);

/// The kinds of account mail, each with its own window per address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MailKind {
    Invitation,
    PasswordReset,
}

impl MailKind {
    fn key(self) -> &'static str {
        match self {
            MailKind::Invitation => "mail-invitation",
            MailKind::PasswordReset => "mail-reset",
        }
    }
}

/// Who asks for mails, with the quota they have in a window.
#[derive(Clone, Debug)]
pub(crate) enum Sender<'a> {
    /// A client address asking for reset links: a person needs one or two.
    Client(&'a str),
    /// An account inviting people: a council's founding wave is a few dozen.
    Inviter(&'a str),
}

impl Sender<'_> {
    fn key(&self) -> String {
        match self {
            Sender::Client(client) => format!("mail-client:{client}"),
            Sender::Inviter(user) => format!("mail-inviter:{user}"),
        }
    }

    fn quota(&self) -> (i32, Duration) {
        match self {
            Sender::Client(_) => (5, Duration::minutes(15)),
            Sender::Inviter(_) => (100, Duration::hours(1)),
        }
    }
}

fn seconds_left(started: DateTime<Utc>, window: Duration, now: DateTime<Utc>) -> u64 {
    u64::try_from((started + window - now).num_seconds().max(1)).unwrap_or(1)
}

impl Accounts<'_> {
    /// Counts a request of `sender` and refuses it when the sender's quota is spent.
    pub(crate) async fn require_mail_quota(&self, sender: &Sender<'_>) -> Result<()> {
        let now = Utc::now();
        let (max, window) = sender.quota();
        let (count, started) = self
            .services
            .store
            .accounts()
            .count_in_window(&sender.key(), now, now - window)
            .await?;
        if count > max {
            return Err(Error::MailThrottled {
                retry_after: seconds_left(started, window, now),
            });
        }
        Ok(())
    }

    /// Whether a mail of `kind` may go to `address` now (counting it if so): the first of
    /// its window may.
    pub(crate) async fn address_is_free(
        &self,
        kind: MailKind,
        address: &EmailAddress,
    ) -> Result<bool> {
        let now = Utc::now();
        let key = format!("{}:{}", kind.key(), address.as_str());
        let (count, _) = self
            .services
            .store
            .accounts()
            .count_in_window(&key, now, now - ADDRESS_WINDOW)
            .await?;
        Ok(count <= 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_is_what_is_left_of_the_window_and_at_least_a_second() {
        let now = Utc::now();
        let window = Duration::minutes(15);
        assert_eq!(seconds_left(now - Duration::minutes(5), window, now), 600);
        assert_eq!(seconds_left(now - Duration::minutes(20), window, now), 1);
    }
}
