//! The GraphQL API: parses requests into core's types, calls core, maps errors. Thin on
//! purpose: rules and authorisation live in `praevnet-core`.

mod accounts;
mod audit;
mod codes;
mod context;
mod council;
mod error;
mod ids;
mod land;
mod limits;
mod network;
mod operation;
mod registry;
mod request;
mod root;
mod schema;

pub use error::finalize_response;
pub use request::{RequestContext, SessionChange};
pub use schema::{ApiSchema, SchemaOptions, build_schema, sdl};
