//! Keys and indexes in the shapes most migrations repeat. Columns need nothing of their own:
//! the helpers of [`sea_orm_migration::schema`] (`pk_uuid`, `uuid`, `string_len`, ...) build
//! exactly the definitions the migrations spelled out before.
//!
//! Each helper only bundles builder calls, so the SQL is the same as the long form.

use sea_orm_migration::prelude::*;

/// The tenant registry's key; the table itself is created by the first migration.
#[derive(DeriveIden, Clone, Copy)]
enum Municipalities {
    Table,
    Id,
}

/// A reference to a municipality, deleted with it: nearly every table names a municipality,
/// and a tenant's rows must not outlive the tenant.
pub fn references_municipality(
    table: impl IntoTableRef,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    references(
        table,
        column,
        Municipalities::Table,
        Municipalities::Id,
        ForeignKeyAction::Cascade,
    )
}

/// A foreign key, unnamed unless the caller names it. The columns are one iden or a tuple,
/// so that references within a tenant can include `municipality_id`.
pub fn references(
    table: impl IntoTableRef,
    columns: impl IdenList,
    ref_table: impl IntoTableRef,
    ref_columns: impl IdenList,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, columns)
        .to(ref_table, ref_columns)
        .on_delete(on_delete)
        .to_owned()
}

/// A named index; the columns are listed in the order of the index (tenant column first).
pub fn index<C: IntoIndexColumn>(
    name: &str,
    table: impl IntoTableRef,
    columns: impl IntoIterator<Item = C>,
) -> IndexCreateStatement {
    let mut statement = Index::create();
    statement.name(name).table(table);
    for column in columns {
        statement.col(column);
    }
    statement
}

/// A named unique index, for natural keys and for the targets of composite references.
pub fn unique_index<C: IntoIndexColumn>(
    name: &str,
    table: impl IntoTableRef,
    columns: impl IntoIterator<Item = C>,
) -> IndexCreateStatement {
    index(name, table, columns).unique().to_owned()
}

/// Adds a column to an existing table, one statement per column: SQLite alters a table one
/// change at a time.
pub async fn add_column(
    manager: &SchemaManager<'_>,
    table: impl IntoTableRef,
    column: ColumnDef,
) -> Result<(), DbErr> {
    manager
        .alter_table(Table::alter().table(table).add_column(column).to_owned())
        .await
}

/// Drops a column (and on PostgreSQL the constraints on it), one statement per column.
pub async fn drop_column(
    manager: &SchemaManager<'_>,
    table: impl IntoTableRef,
    column: impl IntoIden,
) -> Result<(), DbErr> {
    manager
        .alter_table(Table::alter().table(table).drop_column(column).to_owned())
        .await
}

/// Drops tables one statement each, in the order given (referencing tables first), for the
/// `down` of migrations that create several.
pub async fn drop_tables<T: IntoTableRef>(
    manager: &SchemaManager<'_>,
    tables: impl IntoIterator<Item = T>,
) -> Result<(), DbErr> {
    for table in tables {
        manager
            .drop_table(Table::drop().table(table).to_owned())
            .await?;
    }
    Ok(())
}
