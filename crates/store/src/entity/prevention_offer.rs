use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "prevention_offers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub certifier_id: Uuid,
    pub certifier_name: String,
    pub federal_state: String,
    pub title: String,
    pub provider: String,
    pub format: String,
    pub target_groups: String,
    pub topics: String,
    pub description: String,
    pub contact: String,
    pub seal_status: String,
    pub seal_granted_on: Option<Date>,
    pub seal_valid_until: Option<Date>,
    pub seal_note: String,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
