use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "funding_programmes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub federal_state: String,
    pub name: String,
    pub provider: String,
    pub total_budget: i64,
    pub yearly_budget: Option<i64>,
    pub fields_of_action: String,
    pub eligible_applicants: String,
    pub funding_rate_percent: Option<i32>,
    pub min_amount: Option<i64>,
    pub max_amount: Option<i64>,
    pub deadline: Option<ChronoDate>,
    pub procedure: String,
    pub contact: String,
    pub documents: String,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
