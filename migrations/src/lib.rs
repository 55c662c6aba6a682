//! The one schema history of praevnet, applied unchanged to SQLite and PostgreSQL.
//!
//! PostgreSQL gets more than SQLite: row-level security on every tenant table and the grants
//! for the application role (see [`tenancy`]). SQLite has no roles, so there the store's
//! tenant handle is the only wall.

use sea_orm_migration::prelude::*;
pub use sea_orm_migration::{Migration, MigratorTrait};

mod common;
mod m20261121_000001_municipalities;
mod m20261121_000002_accounts;
mod m20261121_000003_audit_log;
mod m20261121_000004_erasure;
mod m20261121_000005_council_structure;
mod m20261121_000006_founding;
mod m20261121_000007_funding_programmes;
mod m20261121_000008_funding_applications;
mod m20261121_000009_meetings;
mod m20261121_000010_land_scope;
mod m20261121_000011_practices;
mod m20261121_000012_contact_messages;
mod m20261121_000013_search_changes;
mod m20261121_000014_prevention_offers;
mod m20261121_000015_attachments;
mod m20261129_000016_structure_gaps;
mod m20261129_000017_meeting_agendas;
mod m20261129_000018_calendar_feeds;
mod m20261129_000019_invitations;
mod m20261129_000020_minutes;
mod m20261129_000021_recommendations;
mod m20261129_000022_agenda_documents;
mod m20261130_000023_prevention_cycle;
pub mod tenancy;

/// Runs the migrations in order; the struct exists because sea-orm-migration is trait based.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_municipalities::Migration),
            Box::new(m20261121_000002_accounts::Migration),
            Box::new(m20261121_000003_audit_log::Migration),
            Box::new(m20261121_000004_erasure::Migration),
            Box::new(m20261121_000005_council_structure::Migration),
            Box::new(m20261121_000006_founding::Migration),
            Box::new(m20261121_000007_funding_programmes::Migration),
            Box::new(m20261121_000008_funding_applications::Migration),
            Box::new(m20261121_000009_meetings::Migration),
            Box::new(m20261121_000010_land_scope::Migration),
            Box::new(m20261121_000011_practices::Migration),
            Box::new(m20261121_000012_contact_messages::Migration),
            Box::new(m20261121_000013_search_changes::Migration),
            Box::new(m20261121_000014_prevention_offers::Migration),
            Box::new(m20261121_000015_attachments::Migration),
            Box::new(m20261129_000016_structure_gaps::Migration),
            Box::new(m20261129_000017_meeting_agendas::Migration),
            Box::new(m20261129_000018_calendar_feeds::Migration),
            Box::new(m20261129_000019_invitations::Migration),
            Box::new(m20261129_000020_minutes::Migration),
            Box::new(m20261129_000021_recommendations::Migration),
            Box::new(m20261129_000022_agenda_documents::Migration),
            Box::new(m20261130_000023_prevention_cycle::Migration),
        ]
    }
}
