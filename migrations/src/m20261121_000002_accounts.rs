//! Accounts: users, their role grants, sessions, single-use tokens and login throttling.
//!
//! Users are platform-wide (one person can hold roles in several municipalities), so these
//! tables are not tenant-owned; access to them is decided in core's policy.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    char_len, integer, pk_uuid, string_len, string_len_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{drop_tables, index, references, references_municipality, unique_index};
use crate::tenancy;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    Id,
    UserId,
    Role,
    FederalState,
    MunicipalityId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
    IdleExpiresAt,
    AbsoluteExpiresAt,
}

#[derive(DeriveIden)]
enum OneTimeTokens {
    Table,
    TokenHash,
    UserId,
    Purpose,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Failures,
    LastFailureAt,
    BlockedUntil,
}

fn user_fk(table: impl IntoIden, name: &str) -> ForeignKeyCreateStatement {
    references(
        table,
        Alias::new("user_id"),
        Users::Table,
        Users::Id,
        ForeignKeyAction::Cascade,
    )
    .name(name)
    .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_uuid(Users::Id))
                    .col(string_len(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 200))
                    .col(string_len_null(Users::PasswordHash, 255))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "users_email_key",
                Users::Table,
                [Users::Email],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleGrants::Table)
                    .col(pk_uuid(RoleGrants::Id))
                    .col(uuid(RoleGrants::UserId))
                    .col(string_len(RoleGrants::Role, 32))
                    .col(string_len_null(RoleGrants::FederalState, 2))
                    .col(uuid_null(RoleGrants::MunicipalityId))
                    .col(timestamp_with_time_zone(RoleGrants::CreatedAt))
                    .foreign_key(&mut user_fk(RoleGrants::Table, "role_grants_user_fk"))
                    .foreign_key(
                        references_municipality(RoleGrants::Table, RoleGrants::MunicipalityId)
                            .name("role_grants_municipality_fk"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "role_grants_user_idx",
                RoleGrants::Table,
                [RoleGrants::UserId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(char_len(Sessions::TokenHash, 64).primary_key())
                    .col(uuid(Sessions::UserId))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::IdleExpiresAt))
                    .col(timestamp_with_time_zone(Sessions::AbsoluteExpiresAt))
                    .foreign_key(&mut user_fk(Sessions::Table, "sessions_user_fk"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "sessions_user_idx",
                Sessions::Table,
                [Sessions::UserId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OneTimeTokens::Table)
                    .col(char_len(OneTimeTokens::TokenHash, 64).primary_key())
                    .col(uuid(OneTimeTokens::UserId))
                    .col(string_len(OneTimeTokens::Purpose, 16))
                    .col(timestamp_with_time_zone(OneTimeTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OneTimeTokens::UsedAt))
                    .col(timestamp_with_time_zone(OneTimeTokens::CreatedAt))
                    .foreign_key(&mut user_fk(
                        OneTimeTokens::Table,
                        "one_time_tokens_user_fk",
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .col(string_len(LoginThrottle::Key, 300).primary_key())
                    .col(integer(LoginThrottle::Failures))
                    .col(timestamp_with_time_zone(LoginThrottle::LastFailureAt))
                    .col(timestamp_with_time_zone(LoginThrottle::BlockedUntil))
                    .to_owned(),
            )
            .await?;

        for table in [
            "users",
            "role_grants",
            "sessions",
            "one_time_tokens",
            "login_throttle",
        ] {
            tenancy::grant_shared_table(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            "login_throttle",
            "one_time_tokens",
            "sessions",
            "role_grants",
            "users",
        ];
        drop_tables(manager, tables.map(Alias::new)).await
    }
}
