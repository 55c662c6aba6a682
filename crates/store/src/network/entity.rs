//! The network's shared tables: the published copies of practices and their attachments,
//! the certifying councils' catalogues, and the change log the search index follows. Every
//! city reads them, so they are not tenant-owned.

pub(crate) mod network_practice {
    use sea_orm::entity::prelude::*;

    use crate::{MunicipalityId, PracticeId, ProgrammeId};

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "network_practices")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub practice_id: PracticeId,
        pub municipality_id: MunicipalityId,
        pub municipality_name: String,
        pub federal_state: String,
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
        pub funding_programme_id: Option<ProgrammeId>,
        pub contact: String,
        pub published_at: ChronoDateTimeUtc,
        pub updated_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub(crate) mod network_attachment {
    use sea_orm::entity::prelude::*;

    use crate::{AttachmentId, PracticeId};

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "network_attachments")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: AttachmentId,
        pub practice_id: PracticeId,
        pub file_name: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub created_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub(crate) mod prevention_offer {
    use sea_orm::entity::prelude::*;

    use crate::{CatalogueOfferId, MunicipalityId};

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "prevention_offers")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: CatalogueOfferId,
        pub certifier_id: MunicipalityId,
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
}

pub(crate) mod search_change {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "search_changes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub kind: String,
        pub record_id: Uuid,
        pub changed_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
