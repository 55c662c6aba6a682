use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rules_of_procedure")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub version: i32,
    pub title: String,
    pub body: String,
    pub adopted_by: Option<Uuid>,
    pub adopted_on: ChronoDate,
    pub resolution: Option<String>,
    pub council_informed_on: Option<ChronoDate>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
