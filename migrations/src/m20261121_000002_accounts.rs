//! Accounts: users, their role grants, sessions, single-use tokens and login throttling.
//!
//! Users are platform-wide (one person can hold roles in several municipalities), so these
//! tables are not tenant-owned; access to them is decided in core's policy.

use sea_orm_migration::prelude::*;

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

#[derive(DeriveIden)]
enum Municipalities {
    Table,
    Id,
}

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn user_fk(table: impl IntoIden, name: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, Alias::new("user_id"))
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(ColumnDef::new(Users::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Users::Email).string_len(254).not_null())
                    .col(
                        ColumnDef::new(Users::DisplayName)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Users::PasswordHash).string_len(255).null())
                    .col(timestamp(Users::CreatedAt))
                    .col(timestamp(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("users_email_key")
                    .table(Users::Table)
                    .col(Users::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleGrants::Table)
                    .col(
                        ColumnDef::new(RoleGrants::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(RoleGrants::UserId).uuid().not_null())
                    .col(ColumnDef::new(RoleGrants::Role).string_len(32).not_null())
                    .col(
                        ColumnDef::new(RoleGrants::FederalState)
                            .string_len(2)
                            .null(),
                    )
                    .col(ColumnDef::new(RoleGrants::MunicipalityId).uuid().null())
                    .col(timestamp(RoleGrants::CreatedAt))
                    .foreign_key(&mut user_fk(RoleGrants::Table, "role_grants_user_fk"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("role_grants_municipality_fk")
                            .from(RoleGrants::Table, RoleGrants::MunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("role_grants_user_idx")
                    .table(RoleGrants::Table)
                    .col(RoleGrants::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(
                        ColumnDef::new(Sessions::TokenHash)
                            .char_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Sessions::UserId).uuid().not_null())
                    .col(timestamp(Sessions::CreatedAt))
                    .col(timestamp(Sessions::LastSeenAt))
                    .col(timestamp(Sessions::IdleExpiresAt))
                    .col(timestamp(Sessions::AbsoluteExpiresAt))
                    .foreign_key(&mut user_fk(Sessions::Table, "sessions_user_fk"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("sessions_user_idx")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OneTimeTokens::Table)
                    .col(
                        ColumnDef::new(OneTimeTokens::TokenHash)
                            .char_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(OneTimeTokens::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(OneTimeTokens::Purpose)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(timestamp(OneTimeTokens::ExpiresAt))
                    .col(
                        ColumnDef::new(OneTimeTokens::UsedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(timestamp(OneTimeTokens::CreatedAt))
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
                    .col(
                        ColumnDef::new(LoginThrottle::Key)
                            .string_len(300)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(LoginThrottle::Failures).integer().not_null())
                    .col(timestamp(LoginThrottle::LastFailureAt))
                    .col(timestamp(LoginThrottle::BlockedUntil))
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
        for table in [
            "login_throttle",
            "one_time_tokens",
            "sessions",
            "role_grants",
            "users",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
