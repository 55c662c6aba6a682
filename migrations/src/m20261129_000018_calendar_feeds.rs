//! A personal calendar feed per account: its secret, kept as a hash like every secret handed
//! to users, so that a feed's address opens the internal meetings of the person's bodies.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::char_len_null;

use crate::common::{add_column, drop_column, unique_index};

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    CalendarTokenHash,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_column(
            manager,
            Users::Table,
            char_len_null(Users::CalendarTokenHash, 64),
        )
        .await?;
        manager
            .create_index(unique_index(
                "users_calendar_token_key",
                Users::Table,
                [Users::CalendarTokenHash],
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("users_calendar_token_key")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        drop_column(manager, Users::Table, Users::CalendarTokenHash).await
    }
}
