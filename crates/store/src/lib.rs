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
//!
//! The modules follow core's areas (registry, accounts, council, land, network, audit); the
//! tenant handle, the infrastructure (connection, units of work, migrations) and the typed
//! ids serve them all.

mod accounts;
mod audit;
mod connection;
mod council;
mod error;
mod ids;
mod land;
mod mail;
mod migrate;
mod network;
mod outage;
mod read;
mod registry;
mod tenant;
mod writes;

pub use accounts::{
    Accounts, GrantRecord, SessionRecord, SessionSummary, ThrottleRecord, UserRecord,
};
pub use audit::{AuditLog, AuditRecord, AuditScope};
pub use connection::{Backend, Store, StoreOptions};
pub use council::{
    ActionFieldData, AgendaItemData, AgendaItemRecord, BodyData, BodyRecord, CouncilData,
    CouncilRecord, CycleRecord, Deadline, DemandData, DocumentRecord, DueDeadline,
    FoundingStepRecord, GoalData, HotSpotData, IndicatorData, IndicatorValueRecord,
    InventoryItemData, MeetingData, MeetingRecord, MembershipData, MembershipRecord, MilestoneData,
    MinutesData, MinutesEntryData, MinutesRecord, NewMembers, OrganisationData, OrganisationRecord,
    ParticipantData, ParticipantRecord, PersonData, PersonRecord, ProjectData, ProjectRecord,
    RecommendationData, RecommendationRecord, Row, RulesData, RulesRecord, SafetyFigureData,
    SeatRecord, StepRecord, StructureRecord,
};
pub use error::{StoreError, UniqueField};
pub use ids::{
    ActionFieldId, AgendaItemId, ApplicationId, AttachmentId, BodyId, CatalogueOfferId, CouncilId,
    DemandId, DocumentId, GoalId, GrantId, HotSpotId, IndicatorId, IndicatorValueId,
    InventoryItemId, MailId, MeetingId, MembershipId, MilestoneId, MinutesId, MunicipalityId,
    OfferId, OrganisationId, ParticipantId, PersonId, PracticeId, ProgrammeId, ProjectId,
    RecommendationId, RulesId, SafetyFigureId, SupportRequestId, ThreadId, UserId,
};
pub use land::{
    ApplicationRecord, COMMITTED_STATES, Commitments, CouncilSummary, FundingProgrammes,
    NewApplication, NewSupportRequest, OfferData, OfferRecord, ProgrammeData, ProgrammeRecord,
    SupportOffers, SupportRequestRecord,
};
pub use mail::{NewMail, Outbox, OutboxCounts, OutboxMail};
pub use migrate::{MigrationState, migrate_down, migrate_status, migrate_up};
pub use network::{
    AttachmentRecord, CatalogueOfferData, CatalogueOfferRecord, CatalogueOffers, ContactMessage,
    NetworkAttachments, NetworkPracticeRecord, NetworkPractices, PracticeData, PracticeRecord,
    SealData, SearchChange, SearchChanges,
};
pub use registry::{Municipalities, MunicipalityData, MunicipalityFilter, MunicipalityRecord};
pub use sea_orm::DatabaseTransaction;
pub use tenant::{Reach, Scope, Tenant};
pub use writes::Writes;
