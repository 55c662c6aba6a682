//! A state office's read scope names its Land instead of listing every municipality's id (see
//! [`tenancy::install_land_scope`]).

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        tenancy::install_land_scope(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        tenancy::install_scope(manager).await
    }
}
