//! The app's GraphQL operations, typed by graphql_client from `queries/*.graphql` and checked
//! against the committed SDL (`crates/api/schema.graphql`) when this crate compiles: a schema
//! change that breaks an operation breaks the build.

#![allow(clippy::all, missing_debug_implementations, unused_qualifications)]

use graphql_client::GraphQLQuery;

pub use crate::model::{FederalState, MunicipalityStatus, RoleKind};

/// `YYYY-MM-DD`, the value format of `<input type="date">`.
type NaiveDate = String;
/// RFC 3339, shown as its date.
type DateTime = String;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/session.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct Me;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/session.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct Login;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/session.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct Logout;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/session.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct RequestPasswordReset;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/session.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct ResetPassword;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/session.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct AcceptInvitation;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/municipalities.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct Municipalities;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/municipalities.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct MunicipalityBySlug;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/municipalities.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct MunicipalityName;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/municipalities.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct CreateMunicipality;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/municipalities.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct UpdateMunicipality;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/municipalities.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct SaveCouncil;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct CouncilStructure;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct ApplyStructureTemplate;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct CreateBody;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct SavePerson;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct AddMembership;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct UpdateBody;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct UpdateMembership;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct ImportMembers;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct AdoptRulesOfProcedure;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct RecordRulesInformed;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct InvitePerson;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/structure.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct SaveOrganisation;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct StateOverview;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct StateOverviewCsv;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct FoundingOf;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct StartFounding;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct SaveFoundingStep;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct InviteAdministrator;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../crates/api/schema.graphql",
    query_path = "queries/founding.graphql",
    extern_enums("FederalState", "MunicipalityStatus", "RoleKind"),
    response_derives = "Debug, Clone, PartialEq",
    variables_derives = "Debug, Clone"
)]
pub struct TemplatePreviews;
