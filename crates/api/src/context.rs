//! What every resolver takes from its context: the request, the services, and the ids the
//! client sent, parsed in one place.

use async_graphql::{Context, ID};
use praevnet_core::{MunicipalityId, Principal, Services};

use crate::ids::TypedId;
use crate::request::RequestContext;

/// What every resolver needs from its context: the request, the services, and the ids the
/// client sent, parsed in one place.
pub(crate) trait ContextExt {
    fn request(&self) -> &RequestContext;
    fn services(&self) -> &Services;

    fn principal(&self) -> &Principal {
        &self.request().principal
    }

    /// Parses a typed id; a malformed one answers as a validation error of `field`.
    fn id<T: TypedId>(&self, id: &ID, field: &'static str) -> async_graphql::Result<T>;

    fn optional_id<T: TypedId>(
        &self,
        id: Option<&ID>,
        field: &'static str,
    ) -> async_graphql::Result<Option<T>> {
        id.map(|id| self.id(id, field)).transpose()
    }

    /// Parses the id of the municipality an operation touches (the `municipalityId`
    /// argument) and records it on the request's span, for traces and logs.
    fn municipality(&self, id: &ID) -> async_graphql::Result<MunicipalityId> {
        self.municipality_named(id, "municipalityId")
    }

    /// [`ContextExt::municipality`] for an argument of another name.
    fn municipality_named(
        &self,
        id: &ID,
        field: &'static str,
    ) -> async_graphql::Result<MunicipalityId> {
        let parsed: MunicipalityId = self.id(id, field)?;
        self.record_municipality(parsed);
        Ok(parsed)
    }

    fn record_municipality(&self, municipality: MunicipalityId) {
        self.request()
            .span
            .record("municipality", municipality.to_string());
    }
}

impl ContextExt for Context<'_> {
    fn request(&self) -> &RequestContext {
        // The server inserts a RequestContext into every request; a schema executed without
        // one (only the SDL export) never resolves fields.
        self.data_unchecked::<RequestContext>()
    }

    fn services(&self) -> &Services {
        self.data_unchecked::<Services>()
    }

    fn id<T: TypedId>(&self, id: &ID, field: &'static str) -> async_graphql::Result<T> {
        T::parse(id, field).map_err(Into::into)
    }
}
