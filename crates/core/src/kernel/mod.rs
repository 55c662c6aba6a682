//! What every area builds on: the error codes with their messages, e-mail addresses, free
//! text, pages of listings, stored code lists, and the ports to mail and files.

pub mod email;
pub mod error;
pub mod files;
pub mod mail;
pub mod outbox;
pub mod page;
pub(crate) mod stored_codes;
pub(crate) mod text;
