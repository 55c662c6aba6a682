//! A unit of work: several writes, and the audit entry that records them, committed together
//! or not at all.

use sea_orm::{
    DatabaseConnection, DatabaseTransaction, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

use crate::accounts::Accounts;
use crate::audit::AuditLog;
use crate::registry::Municipalities;
use crate::tenant::{SetTenant, Tenant};
use crate::{MunicipalityId, StoreError};

/// An open write transaction. Dropped without [`Writes::commit`], everything is rolled back.
#[derive(Debug)]
pub struct Writes {
    tx: DatabaseTransaction,
    /// The tenant `tx` is set to, shared by the unit of work's tenant handles.
    tenant: SetTenant,
}

impl Writes {
    /// On SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`), so a read
    /// inside it can never deadlock against another writer when it later writes.
    pub(crate) async fn begin(db: &DatabaseConnection) -> Result<Writes, StoreError> {
        let options = TransactionOptions {
            isolation_level: None,
            access_mode: None,
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        };
        Ok(Writes {
            tx: db.begin_with_options(options).await?,
            tenant: SetTenant::default(),
        })
    }

    pub fn municipalities(&self) -> Municipalities<'_, DatabaseTransaction> {
        Municipalities::new(&self.tx)
    }

    pub fn accounts(&self) -> Accounts<'_, DatabaseTransaction> {
        Accounts::new(&self.tx)
    }

    pub fn funding_programmes(&self) -> crate::FundingProgrammes<'_, DatabaseTransaction> {
        crate::FundingProgrammes::new(&self.tx)
    }

    pub fn network_practices(&self) -> crate::NetworkPractices<'_, DatabaseTransaction> {
        crate::NetworkPractices::new(&self.tx)
    }

    /// Mail that leaves only if this unit of work commits.
    pub fn outbox(&self) -> crate::Outbox<'_, DatabaseTransaction> {
        crate::Outbox::new(&self.tx)
    }

    pub fn search_changes(&self) -> crate::SearchChanges<'_, DatabaseTransaction> {
        crate::SearchChanges::new(&self.tx)
    }

    pub fn catalogue_offers(&self) -> crate::CatalogueOffers<'_, DatabaseTransaction> {
        crate::CatalogueOffers::new(&self.tx)
    }

    pub fn network_attachments(&self) -> crate::NetworkAttachments<'_, DatabaseTransaction> {
        crate::NetworkAttachments::new(&self.tx)
    }

    pub fn support_offers(&self) -> crate::SupportOffers<'_, DatabaseTransaction> {
        crate::SupportOffers::new(&self.tx)
    }

    /// Reads of several tenants inside this unit of work, such as what a programme's budget
    /// has committed before a grant is added to it.
    pub fn scope(&self, reach: crate::Reach) -> crate::Scope<'_, DatabaseTransaction> {
        crate::Scope::new(&self.tx, reach)
    }

    pub fn audit(&self) -> AuditLog<'_, DatabaseTransaction> {
        AuditLog::new(&self.tx)
    }

    /// Tenant-owned data inside this unit of work, each call in a savepoint of its own; the
    /// transaction is set to the tenant once, not on every call.
    pub fn tenant(&self, municipality: MunicipalityId) -> Tenant<'_, DatabaseTransaction> {
        Tenant::within(&self.tx, municipality, &self.tenant)
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit().await?)
    }

    #[cfg(test)]
    pub(crate) fn connection(&self) -> &DatabaseTransaction {
        &self.tx
    }
}
