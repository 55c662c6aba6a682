//! Storage of praevnet: the only crate that talks to the database.
//!
//! Tenant-owned tables can only be reached through a [`Tenant`] handle, which is built from a
//! municipality id and sets that tenant on every transaction it opens. The sea-orm entities are
//! private to this crate, so code outside cannot write a query of a tenant table that forgets
//! the tenant:
//!
//! ```compile_fail
//! // The entity of a tenant table is not reachable from outside the store.
//! use praevnet_store::entity::council;
//! ```

mod accounts;
mod applications;
mod attachments;
mod audit;
mod catalogue;
mod connection;
mod contacts;
mod entity;
mod error;
mod founding;
mod funding;
mod ids;
mod meetings;
mod migrate;
mod municipalities;
mod practices;
mod scope;
mod search_changes;
mod structure;
mod support;
mod tenant;
mod writes;

pub use accounts::{
    Accounts, GrantRecord, SessionRecord, SessionSummary, ThrottleRecord, UserRecord,
};
pub use applications::{ApplicationRecord, COMMITTED_STATES, Commitments};
pub use attachments::{AttachmentRecord, NetworkAttachments};
pub use audit::{AuditLog, AuditRecord, AuditScope};
pub use catalogue::{CatalogueOfferData, CatalogueOfferRecord, CatalogueOffers, SealData};
pub use connection::{Backend, Store, StoreOptions};
pub use contacts::ContactMessage;
pub use error::{StoreError, UniqueField};
pub use founding::FoundingStepRecord;
pub use funding::{FundingProgrammes, ProgrammeData, ProgrammeRecord};
pub use ids::{
    ApplicationId, AttachmentId, BodyId, CatalogueOfferId, CouncilId, GrantId, MeetingId,
    MembershipId, MunicipalityId, OfferId, OrganisationId, PersonId, PracticeId, ProgrammeId,
    RulesId, SupportRequestId, ThreadId, UserId,
};
pub use meetings::{MeetingData, MeetingRecord};
pub use migrate::{MigrationState, migrate_down, migrate_status, migrate_up};
pub use municipalities::{
    Municipalities, MunicipalityData, MunicipalityFilter, MunicipalityRecord,
};
pub use practices::{NetworkPracticeRecord, NetworkPractices, PracticeData, PracticeRecord};
pub use scope::{CouncilSummary, Reach, Scope};
pub use sea_orm::DatabaseTransaction;
pub use search_changes::{SearchChange, SearchChanges};
pub use structure::{
    BodyData, BodyRecord, MembershipData, MembershipRecord, OrganisationData, OrganisationRecord,
    PersonData, PersonRecord, RulesData, RulesRecord, SeatRecord, StructureRecord,
};
pub use support::{OfferData, OfferRecord, SupportOffers, SupportRequestRecord};
pub use tenant::{CouncilData, CouncilRecord, Tenant};
pub use writes::Writes;
