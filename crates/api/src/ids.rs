//! GraphQL `ID`s are UUIDs; parsing them is the API's job, their meaning core's.

use async_graphql::ID;
use praevnet_core::{Error, MunicipalityId, Problem, UserId};
use uuid::Uuid;

pub(crate) fn municipality_id(id: &ID, field: &'static str) -> Result<MunicipalityId, Error> {
    Uuid::parse_str(id.as_str())
        .map(MunicipalityId::from_uuid)
        .map_err(|_| Error::validation(field, Problem::InvalidId))
}

pub(crate) fn user_id(id: &ID, field: &'static str) -> Result<UserId, Error> {
    Uuid::parse_str(id.as_str())
        .map(UserId::from_uuid)
        .map_err(|_| Error::validation(field, Problem::InvalidId))
}

/// Parses any typed id of core from a GraphQL `ID`.
pub(crate) fn parse<T>(id: &ID, field: &'static str, make: fn(Uuid) -> T) -> Result<T, Error> {
    Uuid::parse_str(id.as_str())
        .map(make)
        .map_err(|_| Error::validation(field, Problem::InvalidId))
}
