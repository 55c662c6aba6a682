//! What an unusual council showed its structure lacked: a chair of the whole council and a
//! deputy, a body that reports to another than the one it is placed under, and working groups
//! whose moderators do not sit in the steering body.
//!
//! SQLite cannot add a foreign key to an existing table, so the new references are checked by
//! core on both databases; PostgreSQL also gets them as same-tenant constraints.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{boolean, uuid_null};

use crate::common::{add_column, drop_column};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Councils {
    Table,
    ChairPersonId,
    DeputyChairPersonId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Bodies {
    Table,
    ReportsToId,
    ModeratorTakesSeat,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_column(manager, Councils::Table, uuid_null(Councils::ChairPersonId)).await?;
        add_column(
            manager,
            Councils::Table,
            uuid_null(Councils::DeputyChairPersonId),
        )
        .await?;
        add_column(manager, Bodies::Table, uuid_null(Bodies::ReportsToId)).await?;
        // Every working group's moderator sat in the steering body so far.
        add_column(
            manager,
            Bodies::Table,
            boolean(Bodies::ModeratorTakesSeat).default(true).to_owned(),
        )
        .await?;
        tenancy::execute_on_postgres(
            manager,
            "ALTER TABLE councils \
               ADD CONSTRAINT councils_chair_fk FOREIGN KEY (municipality_id, chair_person_id) \
                 REFERENCES people (municipality_id, id), \
               ADD CONSTRAINT councils_deputy_chair_fk \
                 FOREIGN KEY (municipality_id, deputy_chair_person_id) \
                 REFERENCES people (municipality_id, id); \
             ALTER TABLE bodies \
               ADD CONSTRAINT bodies_reports_to_fk FOREIGN KEY (municipality_id, reports_to_id) \
                 REFERENCES bodies (municipality_id, id)",
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Dropping a column drops its constraint with it.
        drop_column(manager, Bodies::Table, Bodies::ModeratorTakesSeat).await?;
        drop_column(manager, Bodies::Table, Bodies::ReportsToId).await?;
        drop_column(manager, Councils::Table, Councils::DeputyChairPersonId).await?;
        drop_column(manager, Councils::Table, Councils::ChairPersonId).await
    }
}
