//! The network of cities: good practices (each city's own, and the published copies everyone
//! reads), their attachments, messages between cities, the certifying councils' catalogues and
//! the change log of the search index.

mod attachments;
mod catalogue;
mod contacts;
mod entity;
mod practices;
mod published;
mod search_changes;

pub use attachments::{AttachmentRecord, NetworkAttachments};
pub use catalogue::{CatalogueOfferData, CatalogueOfferRecord, CatalogueOffers, SealData};
pub use contacts::ContactMessage;
pub use practices::{PracticeData, PracticeRecord};
pub use published::{NetworkPracticeRecord, NetworkPractices};
pub use search_changes::{SearchChange, SearchChanges};
