//! The registry's table, read by everyone; a scope of Länder looks its municipalities up here.

pub(crate) mod municipality {
    use sea_orm::entity::prelude::*;

    use crate::MunicipalityId;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "municipalities")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: MunicipalityId,
        pub name: String,
        pub slug: String,
        pub ags: String,
        pub federal_state: String,
        pub population: i64,
        pub status: String,
        pub created_at: ChronoDateTimeUtc,
        pub updated_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
