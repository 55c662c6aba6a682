//! Sending the mail outbox: mail is written in the unit of work that causes it and leaves
//! after the commit, retried with growing pauses while the mail server fails, and sent once
//! however many replicas run (each mail is leased to one of them while it is sent).
//!
//! "Once" holds up to one gap: a replica that dies (or whose database stays unreachable for a
//! few tries) after the mail server accepted a mail but before it recorded that, leaves the
//! mail to be sent again when the lease runs out; that is logged. Every mail carries a
//! `Message-ID` of its outbox id, so that a copy can be recognised as one.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use praevnet_store::{MunicipalityId, NewMail, OutboxCounts, OutboxMail};
use tokio::sync::Notify;

use crate::kernel::mail::{CalendarPart, Mail};
use crate::{Result, Services};

/// How the outbox is worked off.
#[derive(Clone, Copy, Debug)]
pub struct OutboxSettings {
    /// The pause after the first failed attempt; it doubles with each further one.
    pub first_retry: Duration,
    /// Attempts before a mail is given up (and the failure logged).
    pub max_attempts: i32,
    /// How long a replica holds a mail while it sends it; longer than any SMTP conversation.
    pub lease: Duration,
    /// Mails taken per round.
    pub batch: u64,
    /// Mails sent at the same time (SMTP conversations mostly wait on the network).
    pub parallel: usize,
    /// How often the outbox is looked at without a nudge (mail of other replicas, retries).
    pub poll: Duration,
}

impl Default for OutboxSettings {
    fn default() -> Self {
        Self {
            first_retry: Duration::from_secs(30),
            max_attempts: 10,
            lease: Duration::from_secs(300),
            batch: 50,
            parallel: 8,
            poll: Duration::from_secs(2),
        }
    }
}

/// The local sender's doorbell: rung after a commit that put mail into the outbox, so that it
/// leaves at once instead of at the next poll.
#[derive(Clone, Debug, Default)]
pub(crate) struct MailReady(Arc<Notify>);

impl MailReady {
    pub(crate) fn ring(&self) {
        self.0.notify_one();
    }
}

/// `mail` as a row of the outbox.
pub(crate) fn queued(municipality: Option<MunicipalityId>, mail: Mail) -> NewMail {
    NewMail {
        municipality_id: municipality,
        recipient: mail.to,
        subject: mail.subject,
        body: mail.text,
        calendar: mail.calendar.map(|c| (c.text, c.method)),
    }
}

/// What one round sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub retried: usize,
    pub given_up: usize,
}

/// What became of one mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Sent,
    Retried,
    GivenUp,
}

impl Delivered {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Sent => self.sent += 1,
            Outcome::Retried => self.retried += 1,
            Outcome::GivenUp => self.given_up += 1,
        }
    }
}

fn pause_after(settings: &OutboxSettings, attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(16);
    settings
        .first_retry
        .saturating_mul(1 << doublings)
        .min(Duration::from_secs(6 * 3600))
}

impl Services {
    /// Sends what is due in the outbox, one round, `parallel` mails at a time (each SMTP
    /// conversation waits on the network most of its time); without a mailer nothing is sent
    /// (mail waits until the platform is started with one).
    pub async fn deliver_mail(&self, settings: &OutboxSettings) -> Result<Delivered> {
        let mut delivered = Delivered::default();
        if self.mailer.is_none() {
            return Ok(delivered);
        }
        let outbox = self.store.outbox();
        let lease = chrono::Duration::from_std(settings.lease).unwrap_or(chrono::Duration::MAX);
        let mut sending = tokio::task::JoinSet::new();
        for id in outbox.due(Utc::now(), settings.batch).await? {
            let Some(mail) = outbox.claim(id, Utc::now(), Utc::now() + lease).await? else {
                continue; // another replica has it
            };
            if sending.len() >= settings.parallel
                && let Some(Ok(outcome)) = sending.join_next().await
            {
                delivered.count(outcome);
            }
            let (services, settings) = (self.clone(), *settings);
            sending.spawn(async move { services.deliver_one(&settings, mail).await });
        }
        while let Some(joined) = sending.join_next().await {
            if let Ok(outcome) = joined {
                delivered.count(outcome);
            }
        }
        Ok(delivered)
    }

    /// Sends one claimed mail and records the outcome under its lease.
    async fn deliver_one(&self, settings: &OutboxSettings, mail: OutboxMail) -> Outcome {
        let Some(mailer) = self.mailer.as_deref() else {
            return Outcome::Retried;
        };
        let outbox = self.store.outbox();
        let (recorded, outcome) = match mailer.send(&as_mail(&mail)).await {
            Ok(()) => (record_sent(&outbox, &mail).await, Outcome::Sent),
            Err(error) if mail.attempts >= settings.max_attempts => {
                tracing::error!(mail = %mail.id, tenant = ?mail.municipality_id, attempts = mail.attempts, %error, "mail given up");
                let failed = outbox.mark_failed(&mail, &error, Utc::now(), None).await;
                (failed.unwrap_or(false), Outcome::GivenUp)
            }
            Err(error) => {
                let pause = pause_after(settings, mail.attempts);
                tracing::warn!(mail = %mail.id, tenant = ?mail.municipality_id, attempts = mail.attempts, retry_in_s = pause.as_secs(), %error, "mail not sent; retrying");
                let retry = Utc::now() + chrono::Duration::from_std(pause).unwrap_or_default();
                let failed = outbox
                    .mark_failed(&mail, &error, Utc::now(), Some(retry))
                    .await;
                (failed.unwrap_or(false), Outcome::Retried)
            }
        };
        if !recorded {
            // The lease runs out and the mail is taken again: for a sent one that is the one
            // way it can go out twice (logged, so that the operator can tell).
            tracing::warn!(mail = %mail.id, outcome = ?outcome, "mail outcome not recorded; the mail will be taken again after its lease");
        }
        outcome
    }

    /// Works off the outbox for as long as the server runs: after each nudge and every
    /// `poll`. A failing database is logged and tried again at the next round.
    pub async fn deliver_mail_forever(&self, settings: OutboxSettings) {
        loop {
            match self.deliver_mail(&settings).await {
                // A full batch may have left more behind: go on at once.
                Ok(round)
                    if round.sent + round.retried + round.given_up >= settings.batch as usize =>
                {
                    continue;
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "mail outbox: round failed"),
            }
            tokio::select! {
                () = self.mail_ready.0.notified() => {}
                () = tokio::time::sleep(settings.poll) => {}
            }
        }
    }

    /// How many mails wait, were sent, and were given up.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        Ok(self.store.outbox().counts().await?)
    }
}

/// Records a sent mail, trying a few times: the database failing right then would otherwise
/// send the mail again after its lease.
async fn record_sent(outbox: &praevnet_store::Outbox<'_>, mail: &OutboxMail) -> bool {
    for attempt in 1..=3 {
        match outbox.mark_sent(mail, Utc::now()).await {
            Ok(held) => return held,
            Err(err) => {
                tracing::warn!(mail = %mail.id, attempt, error = %err, "recording a sent mail failed");
                tokio::time::sleep(Duration::from_millis(250 * attempt)).await;
            }
        }
    }
    false
}

fn as_mail(mail: &OutboxMail) -> Mail {
    Mail {
        to: mail.recipient.clone(),
        subject: mail.subject.clone(),
        text: mail.body.clone(),
        calendar: mail
            .calendar
            .clone()
            .map(|(text, method)| CalendarPart { method, text }),
        message_id: Some(mail.id.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_double_from_the_first_retry_up_to_six_hours() {
        let settings = OutboxSettings::default();
        assert_eq!(pause_after(&settings, 1), Duration::from_secs(30));
        assert_eq!(pause_after(&settings, 3), Duration::from_secs(120));
        assert_eq!(pause_after(&settings, 40), Duration::from_secs(6 * 3600));
    }
}
