use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "funding_applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub programme_id: Uuid,
    pub project_title: String,
    pub project_description: String,
    pub funding_year: i32,
    pub requested_amount: i64,
    pub status: String,
    pub granted_amount: Option<i64>,
    pub decided_on: Option<ChronoDate>,
    pub decision_note: String,
    pub report_due: Option<ChronoDate>,
    pub reported_on: Option<ChronoDate>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
