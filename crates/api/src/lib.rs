//! The GraphQL API: parses requests into core's types, calls core, maps errors. Thin on
//! purpose: rules and authorisation live in `praevnet-core`.

mod account;
mod applications;
mod audit;
mod catalogue;
mod contacts;
mod context;
mod council;
mod error;
mod founding;
mod funding;
mod ids;
mod meetings;
mod municipality;
mod practices;
mod schema;
mod search;
mod structure;
mod support;

pub use context::{RequestContext, SessionChange};
pub use error::finalize_response;
pub use schema::{ApiSchema, SchemaOptions, build_schema, sdl};
