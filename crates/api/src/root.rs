//! The query root with a bound on how many of its fields run at once: a query's root fields
//! are resolved concurrently, and each may hold a database connection while it runs.
//!
//! The bound wraps the root instead of being an engine extension: with any extension
//! installed, the engine takes a slower path for every field of every answer (it builds the
//! field's resolve information and runs the extension chain), which a structure of 500
//! memberships pays several thousand times per request.

use std::borrow::Cow;

use async_graphql::parser::types::Field;
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::resolve_container;
use async_graphql::{
    ContainerType, Context, ContextSelectionSet, ObjectType, OutputType, Positioned, ServerError,
    ServerResult, Value,
};
use tokio::sync::Semaphore;

/// One request's share of concurrently running root fields.
pub(crate) struct RootFields(pub(crate) Semaphore);

/// A root object whose fields take a permit of the request's [`RootFields`] while they run;
/// to clients it is the object it wraps.
#[derive(Debug, Default)]
pub struct Bounded<T>(pub(crate) T);

impl<T: ObjectType> ContainerType for Bounded<T> {
    async fn resolve_field(&self, ctx: &Context<'_>) -> ServerResult<Option<Value>> {
        // The semaphore lives as long as the request and is never closed.
        let _permit = match ctx.data_opt::<RootFields>() {
            Some(RootFields(semaphore)) => Some(
                semaphore
                    .acquire()
                    .await
                    .map_err(|_| ServerError::new("request ended", None))?,
            ),
            None => None,
        };
        self.0.resolve_field(ctx).await
    }
}

impl<T: ObjectType> OutputType for Bounded<T> {
    fn type_name() -> Cow<'static, str> {
        T::type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        T::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        resolve_container(ctx, self).await
    }
}

impl<T: ObjectType> ObjectType for Bounded<T> {}
