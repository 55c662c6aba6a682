//! The mail outbox: mail written in a unit of work is sent after it commits, by whichever
//! replica claims it first. A claim is a lease (one conditional update, the same on SQLite and
//! PostgreSQL): while it runs no other replica takes the mail; a replica that dies while
//! sending leaves a lease that runs out, and the mail is taken again.

mod entity;

use chrono::{DateTime, Timelike, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

use self::entity::{ActiveModel, Column, Entity, Model};
use crate::{MailId, MunicipalityId, StoreError};

/// A mail to put into the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMail {
    /// The tenant it was written for, if any (for the log).
    pub municipality_id: Option<MunicipalityId>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// An iCalendar object sent along, with its method (`REQUEST`, `CANCEL`).
    pub calendar: Option<(String, String)>,
}

/// A mail claimed for sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMail {
    pub id: MailId,
    pub municipality_id: Option<MunicipalityId>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub calendar: Option<(String, String)>,
    /// Attempts so far, this one included.
    pub attempts: i32,
    /// The lease this claim holds: recording the outcome needs it, so that a replica whose
    /// lease ran out cannot overwrite what another replica recorded since.
    pub lease: DateTime<Utc>,
}

impl From<Model> for OutboxMail {
    fn from(m: Model) -> Self {
        Self {
            id: m.id,
            municipality_id: m.municipality_id,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            calendar: m.calendar.zip(m.calendar_method),
            attempts: m.attempts,
            lease: m.lease_until.unwrap_or(m.created_at),
        }
    }
}

/// How many mails wait, were sent, and were given up; for the operator and the tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: u64,
    pub sent: u64,
    pub failed: u64,
}

#[derive(Debug)]
pub struct Outbox<'a, C = DatabaseConnection> {
    db: &'a C,
}

/// Not sent, not given up.
fn waiting() -> Condition {
    Condition::all()
        .add(Column::SentAt.is_null())
        .add(Column::FailedAt.is_null())
}

impl<'a, C: ConnectionTrait> Outbox<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    /// Puts mails into the outbox, inside the caller's unit of work: they leave only if it
    /// commits.
    pub async fn enqueue(&self, mails: Vec<NewMail>) -> Result<(), StoreError> {
        if mails.is_empty() {
            return Ok(());
        }
        let now = Utc::now();
        let rows = mails.into_iter().map(|mail| {
            let (calendar, method) = mail.calendar.unzip();
            ActiveModel {
                id: Set(MailId::generate()),
                municipality_id: Set(mail.municipality_id),
                recipient: Set(mail.recipient),
                subject: Set(mail.subject),
                body: Set(mail.body),
                calendar: Set(calendar),
                calendar_method: Set(method),
                created_at: Set(now),
                due_at: Set(now),
                attempts: Set(0),
                lease_until: Set(None),
                sent_at: Set(None),
                failed_at: Set(None),
                last_error: Set(None),
            }
        });
        Entity::insert_many(rows).exec(self.db).await?;
        Ok(())
    }

    /// Up to `limit` mails due at `now` and not leased, oldest first.
    pub async fn due(&self, now: DateTime<Utc>, limit: u64) -> Result<Vec<MailId>, StoreError> {
        Ok(Entity::find()
            .select_only()
            .column(Column::Id)
            .filter(waiting())
            .filter(Column::DueAt.lte(now))
            .filter(
                Condition::any()
                    .add(Column::LeaseUntil.is_null())
                    .add(Column::LeaseUntil.lt(now)),
            )
            .order_by_asc(Column::DueAt)
            .order_by_asc(Column::Id)
            .limit(limit)
            .into_tuple()
            .all(self.db)
            .await?)
    }

    /// Takes the mail `id` for sending until `lease_until`; `None` when another replica took
    /// it first (or it was sent meanwhile).
    pub async fn claim(
        &self,
        id: MailId,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> Result<Option<OutboxMail>, StoreError> {
        // Whole milliseconds: the value is compared again when the outcome is recorded, and
        // both databases keep milliseconds exactly.
        let lease_until = lease_until
            .with_nanosecond(lease_until.timestamp_subsec_millis() * 1_000_000)
            .unwrap_or(lease_until);
        let taken = Entity::update_many()
            .col_expr(Column::LeaseUntil, Expr::value(lease_until))
            .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
            .filter(Column::Id.eq(id))
            .filter(waiting())
            .filter(
                Condition::any()
                    .add(Column::LeaseUntil.is_null())
                    .add(Column::LeaseUntil.lt(now)),
            )
            .exec(self.db)
            .await?;
        if taken.rows_affected == 0 {
            return Ok(None);
        }
        Ok(Entity::find_by_id(id).one(self.db).await?.map(Into::into))
    }

    /// Records that `mail` was sent, if its claim still holds; the text and the calendar are
    /// cleared then (the answer link in them is a secret, and the record needs only who got
    /// what when). Answers whether the claim still held.
    pub async fn mark_sent(
        &self,
        mail: &OutboxMail,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = Entity::update_many()
            .col_expr(Column::SentAt, Expr::value(at))
            .col_expr(
                Column::LeaseUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(Column::LastError, Expr::value(Option::<String>::None))
            .col_expr(Column::Body, Expr::value(String::new()))
            .col_expr(Column::Calendar, Expr::value(Option::<String>::None))
            .filter(Column::Id.eq(mail.id))
            .filter(Column::LeaseUntil.eq(mail.lease))
            .exec(self.db)
            .await?;
        Ok(done.rows_affected > 0)
    }

    /// Records a failed attempt of `mail`, if its claim still holds: tried again from
    /// `retry_at`, or given up when `None` (its text cleared, as for a sent one).
    pub async fn mark_failed(
        &self,
        mail: &OutboxMail,
        error: &str,
        now: DateTime<Utc>,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<bool, StoreError> {
        let mut update = Entity::update_many()
            .col_expr(
                Column::LeaseUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(Column::LastError, Expr::value(error.to_owned()));
        update = match retry_at {
            Some(at) => update.col_expr(Column::DueAt, Expr::value(at)),
            None => update
                .col_expr(Column::FailedAt, Expr::value(now))
                .col_expr(Column::Body, Expr::value(String::new()))
                .col_expr(Column::Calendar, Expr::value(Option::<String>::None)),
        };
        let done = update
            .filter(Column::Id.eq(mail.id))
            .filter(Column::LeaseUntil.eq(mail.lease))
            .exec(self.db)
            .await?;
        Ok(done.rows_affected > 0)
    }

    pub async fn counts(&self) -> Result<OutboxCounts, StoreError> {
        let waiting = Entity::find().filter(waiting()).count(self.db).await?;
        let sent = Entity::find()
            .filter(Column::SentAt.is_not_null())
            .count(self.db)
            .await?;
        let failed = Entity::find()
            .filter(Column::FailedAt.is_not_null())
            .count(self.db)
            .await?;
        Ok(OutboxCounts {
            waiting,
            sent,
            failed,
        })
    }
}
