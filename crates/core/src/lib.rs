//! The domain of praevnet: types that are valid by construction, the rules, the use cases and
//! who may run them. Knows no HTTP and no GraphQL; every transport goes through [`Services`].

#[macro_use]
mod codes;

pub mod accounts;
pub mod ags;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod catalogue;
pub mod contacts;
pub mod council;
pub mod demo;
pub mod email;
pub mod error;
pub mod federal_state;
pub mod files;
pub mod founding;
pub mod funding;
mod invitations;
pub mod lang;
pub mod mail;
pub mod meetings;
pub mod municipality;
pub mod password;
mod personal_data;
pub mod practices;
pub mod principal;
pub mod search;
mod services;
pub mod slug;
pub mod structure;
pub mod support;
mod token;
pub mod vocabulary;

pub use error::{Error, Problem};
pub use lang::Lang;
pub use praevnet_store::{
    ApplicationId, AttachmentId, BodyId, CatalogueOfferId, CouncilId, MeetingId, MembershipId,
    MunicipalityId, OfferId, OrganisationId, PersonId, PracticeId, ProgrammeId, RulesId,
    SupportRequestId, ThreadId, UserId,
};
pub use principal::Principal;
pub use services::{Page, Services, page_bounds};

/// Result of a use case.
pub type Result<T, E = Error> = std::result::Result<T, E>;
