use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub title: String,
    pub problem: String,
    pub causes: String,
    pub goals: String,
    pub measures: String,
    pub concept: String,
    pub evaluation: String,
    pub conclusions: String,
    pub topics: String,
    pub target_groups: String,
    pub settings: String,
    pub evidence_level: Option<String>,
    pub duration: String,
    pub costs: String,
    pub partners: String,
    pub funding_programme_id: Option<Uuid>,
    pub contact: String,
    pub status: String,
    pub published_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
