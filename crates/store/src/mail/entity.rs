//! The outbox table: shared by all tenants, read only by the sending worker.

use sea_orm::entity::prelude::*;

use crate::{MailId, MunicipalityId};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: MailId,
    pub municipality_id: Option<MunicipalityId>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub calendar: Option<String>,
    pub calendar_method: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub due_at: ChronoDateTimeUtc,
    pub attempts: i32,
    pub lease_until: Option<ChronoDateTimeUtc>,
    pub sent_at: Option<ChronoDateTimeUtc>,
    pub failed_at: Option<ChronoDateTimeUtc>,
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
