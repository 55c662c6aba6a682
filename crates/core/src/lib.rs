//! The domain of praevnet: types that are valid by construction, the rules, the use cases and
//! who may run them. Knows no HTTP and no GraphQL; every transport goes through [`Services`].
//!
//! One folder per area, the same names as in the other layers: `registry` (municipalities and
//! councils), `accounts`, `council` (the council's own work), `land` (state offices), `network`
//! (what all cities share). Below them `kernel` (errors, text, pages), `access` (principal and
//! policy), `audit` (the log of changes) and `index` (this replica's search index); above them
//! `demo`. Each area is a handle over [`Services`]: `services.council().create_body(..)`.

pub mod access;
pub mod accounts;
pub mod audit;
pub mod council;
pub mod demo;
pub mod index;
pub mod kernel;
pub mod land;
pub mod network;
pub mod registry;
mod services;

pub use access::Principal;
pub use kernel::error::{Error, Problem};
pub use kernel::page::{Page, page_bounds};
pub use praevnet_common::{FederalState, Lang, codes};
pub use praevnet_store::{
    ActionFieldId, AgendaItemId, ApplicationId, AttachmentId, BodyId, CatalogueOfferId, CouncilId,
    DemandId, DocumentId, GoalId, HotSpotId, IndicatorId, IndicatorValueId, InventoryItemId,
    MeetingId, MembershipId, MilestoneId, MunicipalityId, OfferId, OrganisationId, ParticipantId,
    PersonId, PracticeId, ProgrammeId, ProjectId, RecommendationId, RulesId, SafetyFigureId,
    SupportRequestId, ThreadId, UserId,
};
pub use services::{Services, SessionSettings};

/// Result of a use case.
pub type Result<T, E = Error> = std::result::Result<T, E>;
