//! The Land's shared tables: the funding programmes and the support that its state office
//! offers, which every municipality of the Land reads.

pub(crate) mod funding_programme {
    use sea_orm::entity::prelude::*;

    use crate::ProgrammeId;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "funding_programmes")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: ProgrammeId,
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
}

pub(crate) mod support_offer {
    use sea_orm::entity::prelude::*;

    use crate::OfferId;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "support_offers")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: OfferId,
        pub federal_state: String,
        pub kind: String,
        pub title: String,
        pub description: String,
        pub contact: String,
        pub active: bool,
        pub created_at: ChronoDateTimeUtc,
        pub updated_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
