//! sea-orm entities. Private on purpose: see the crate documentation.

pub(crate) mod accounts;
pub(crate) mod audit;
pub(crate) mod body;
pub(crate) mod body_seat;
pub(crate) mod contact_message;
pub(crate) mod council;
pub(crate) mod founding_step;
pub(crate) mod funding_application;
pub(crate) mod funding_programme;
pub(crate) mod meeting;
pub(crate) mod membership;
pub(crate) mod municipality;
pub(crate) mod network_attachment;
pub(crate) mod network_practice;
pub(crate) mod organisation;
pub(crate) mod person;
pub(crate) mod practice;
pub(crate) mod practice_attachment;
pub(crate) mod prevention_offer;
pub(crate) mod rules_of_procedure;
pub(crate) mod search_change;
pub(crate) mod support_offer;
pub(crate) mod support_request;
