//! Assembling the schema with the limits that protect the server from expensive queries, and
//! running a request through them.

use async_graphql::{EmptySubscription, MergedObject, Pos, Request, Response, Schema};
use praevnet_core::{Error, Services};
use tokio::sync::Semaphore;

use crate::accounts::{AccountMutation, AccountQuery};
use crate::audit::AuditQuery;
use crate::council::cycle::{CycleMutation, CycleQuery};
use crate::council::founding::{FoundingMutation, FoundingQuery};
use crate::council::invitations::{InvitationMutation, InvitationQuery};
use crate::council::meetings::{MeetingMutation, MeetingQuery};
use crate::council::minutes::MinutesMutation;
use crate::council::recommendations::{RecommendationMutation, RecommendationQuery};
use crate::council::structure::{StructureMutation, StructureQuery};
use crate::land::applications::{ApplicationMutation, ApplicationQuery};
use crate::land::funding::{FundingMutation, FundingQuery};
use crate::land::support::{SupportMutation, SupportQuery};
use crate::limits::{self, Bounds};
use crate::network::catalogue::{CatalogueMutation, CatalogueQuery};
use crate::network::contacts::{ContactMutation, ContactQuery};
use crate::network::practices::{PracticeMutation, PracticeQuery};
use crate::network::search::SearchQuery;
use crate::operation;
use crate::registry::council::CouncilMutation;
use crate::registry::municipality::{MunicipalityMutation, MunicipalityQuery};
use crate::request::RequestContext;
use crate::root::{Bounded, RootFields};

#[derive(MergedObject, Default, Debug)]
pub struct Query(
    MunicipalityQuery,
    AccountQuery,
    AuditQuery,
    StructureQuery,
    FoundingQuery,
    FundingQuery,
    ApplicationQuery,
    SupportQuery,
    MeetingQuery,
    InvitationQuery,
    RecommendationQuery,
    CycleQuery,
    PracticeQuery,
    ContactQuery,
    SearchQuery,
    CatalogueQuery,
);

#[derive(MergedObject, Default, Debug)]
pub struct Mutation(
    MunicipalityMutation,
    CouncilMutation,
    AccountMutation,
    StructureMutation,
    FoundingMutation,
    FundingMutation,
    ApplicationMutation,
    SupportMutation,
    MeetingMutation,
    InvitationMutation,
    MinutesMutation,
    RecommendationMutation,
    CycleMutation,
    PracticeMutation,
    ContactMutation,
    CatalogueMutation,
);

/// The schema with the request bounds it runs every request through.
#[derive(Clone)]
pub struct ApiSchema {
    schema: Schema<Bounded<Query>, Mutation, EmptySubscription>,
    bounds: Bounds,
}

impl ApiSchema {
    /// Runs one request: parsed once, its operation named on the request's span, refused when
    /// its shape exceeds the bounds (before validation, so a refusal costs only the parse),
    /// then executed with its share of concurrently running root fields.
    pub async fn execute(&self, mut request: Request, context: RequestContext) -> Response {
        let named = request.operation_name.clone();
        let document = match request.parsed_query() {
            Ok(document) => document,
            Err(err) => {
                context.span.record("graphql.operation", "unparsable");
                return Response::from_errors(vec![err]);
            }
        };
        let name = named.or_else(|| operation::only_named(document));
        context
            .span
            .record("graphql.operation", name.as_deref().unwrap_or("anonymous"));
        if let Err(problem) = limits::check(document, &self.bounds) {
            let err = async_graphql::Error::from(Error::BadRequest(problem));
            return Response::from_errors(vec![err.into_server_error(Pos::default())]);
        }
        let root_fields = RootFields(Semaphore::new(self.bounds.concurrent_root_fields.max(1)));
        self.schema
            .execute(request.data(context).data(root_fields))
            .await
    }
}

impl std::fmt::Debug for ApiSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiSchema")
            .field("bounds", &self.bounds)
            .finish_non_exhaustive()
    }
}

/// Limits and switches that differ between development and production.
#[derive(Clone, Copy, Debug)]
pub struct SchemaOptions {
    pub introspection: bool,
    /// Deepest nesting of selections accepted (introspection may nest deeper: see
    /// [`crate::limits`]).
    pub max_depth: usize,
    /// Highest summed field cost accepted: each field costs 1 unless it says otherwise (the
    /// search and other fields that scan many records cost what their work is worth).
    pub max_complexity: usize,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        Self {
            introspection: true,
            max_depth: 10,
            max_complexity: 500,
        }
    }
}

/// Fields in one document, fragments expanded: the web app's largest query has about 120.
const MAX_FIELDS: usize = 1_000;
/// Fields at the root of one operation: the web app asks for at most 6.
const MAX_ROOT_FIELDS: usize = 30;
/// Root fields of one request that run at the same time (each may hold a connection).
const CONCURRENT_ROOT_FIELDS: usize = 4;
/// The standard introspection query nests type references 9 levels below `__schema`'s types.
const MAX_INTROSPECTION_DEPTH: usize = 16;

pub fn build_schema(services: Services, options: SchemaOptions) -> ApiSchema {
    let mut builder = Schema::build(
        Bounded(Query::default()),
        Mutation::default(),
        EmptySubscription,
    )
    .data(services)
    .limit_complexity(options.max_complexity);
    if !options.introspection {
        builder = builder.disable_introspection();
    }
    ApiSchema {
        schema: builder.finish(),
        bounds: Bounds {
            max_fields: MAX_FIELDS,
            max_root_fields: MAX_ROOT_FIELDS,
            max_depth: options.max_depth,
            max_introspection_depth: MAX_INTROSPECTION_DEPTH,
            concurrent_root_fields: CONCURRENT_ROOT_FIELDS,
        },
    }
}

/// The schema in SDL, as committed in `crates/api/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .finish()
        .sdl()
}

#[cfg(test)]
mod tests {
    /// The committed SDL is what the frontend's queries are checked against; it must follow
    /// every change of the schema. Regenerate with `cargo run -- schema > crates/api/schema.graphql`,
    /// or, when the web app does not build against the old SDL (the server builds it), with
    /// `PRAEVNET_WRITE_SDL=1 cargo test -p praevnet-api committed_sdl`, which writes the file
    /// instead of comparing it.
    #[test]
    fn committed_sdl_matches_the_schema() {
        if std::env::var_os("PRAEVNET_WRITE_SDL").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
            std::fs::write(path, super::sdl()).expect("the SDL is written");
            return;
        }
        let committed = include_str!("../schema.graphql");
        assert!(
            committed == super::sdl(),
            "crates/api/schema.graphql is out of date: run `cargo run -- schema > crates/api/schema.graphql`"
        );
    }
}
