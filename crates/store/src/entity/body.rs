use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bodies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub name: String,
    pub kind: String,
    pub own_kind: Option<String>,
    pub scope: Option<String>,
    pub district: Option<String>,
    pub tasks: String,
    pub chair_rule: Option<String>,
    pub meetings_per_year: Option<i32>,
    pub min_members: Option<i32>,
    pub max_members: Option<i32>,
    pub term_months: Option<i32>,
    pub appointment_procedure: Option<String>,
    pub is_public: bool,
    pub moderators_are_members: bool,
    pub founded_on: Option<ChronoDate>,
    pub founding_resolution: Option<String>,
    pub dissolved_on: Option<ChronoDate>,
    pub dissolution_resolution: Option<String>,
    pub position: i32,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
