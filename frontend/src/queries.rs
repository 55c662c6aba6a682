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

/// The network's closed vocabularies travel as their GraphQL names (`"BURGLARY"`): the app
/// shows the labels the API sends with them (`vocabulary`, facets), so it needs no copy.
pub type Code = String;
type Topic = Code;
type TargetGroup = Code;
type Setting = Code;
type EvidenceLevel = Code;
type SearchKind = Code;
type FacetGroup = Code;
type SearchSort = Code;
type OfferFormat = Code;
type SealStatus = Code;
type SealValidity = Code;
type PracticeStatus = Code;

/// One typed operation per name, all from one file of `queries/`.
macro_rules! operations {
    ($file:tt: $($name:ident),+ $(,)?) => {
        $(
            #[derive(GraphQLQuery)]
            #[graphql(
                schema_path = "../crates/api/schema.graphql",
                query_path = $file,
                extern_enums(
                    "FederalState", "MunicipalityStatus", "RoleKind", "Topic", "TargetGroup",
                    "Setting", "EvidenceLevel", "SearchKind", "FacetGroup", "SearchSort",
                    "OfferFormat", "SealStatus", "SealValidity", "PracticeStatus"
                ),
                response_derives = "Debug, Clone, PartialEq",
                variables_derives = "Debug, Clone"
            )]
            pub struct $name;
        )+
    };
}

operations!(
    "queries/session.graphql":
    Me,
    Login,
    Logout,
    RequestPasswordReset,
    ResetPassword,
    AcceptInvitation,
);

operations!(
    "queries/municipalities.graphql":
    Municipalities,
    MunicipalityBySlug,
    MunicipalityName,
    CreateMunicipality,
    UpdateMunicipality,
    SaveCouncil,
);

operations!(
    "queries/structure.graphql":
    CouncilStructure,
    ApplyStructureTemplate,
    CreateBody,
    SavePerson,
    AddMembership,
    UpdateBody,
    UpdateMembership,
    ImportMembers,
    AdoptRulesOfProcedure,
    RecordRulesInformed,
    InvitePerson,
    SaveOrganisation,
    SetCouncilChair,
);

operations!(
    "queries/founding.graphql":
    StateOverview,
    StateOverviewCsv,
    FoundingOf,
    StartFounding,
    SaveFoundingStep,
    InviteAdministrator,
    TemplatePreviews,
);

operations!(
    "queries/funding.graphql":
    Programmes,
    ProgrammeDetail,
    ProgrammeLedger,
    SaveProgramme,
    MunicipalityFunding,
    ApplyForFunding,
    DecideApplication,
    ReportFundingUse,
    WithdrawApplication,
    RequestSupport,
    SupportDesk,
    SaveOffer,
    AnswerRequest,
);

operations!(
    "queries/meetings.graphql":
    MeetingsOf,
    NextMeetingNumber,
    SaveMeeting,
    DeleteMeeting,
    SaveAgendaItem,
    DeleteAgendaItem,
    DeleteAgendaDocument,
    RenewCalendarFeed,
    SendInvitations,
    RecordAttendance,
    SaveMinutes,
    CirculateMinutes,
    ApproveMinutes,
    CorrectMinutes,
);

operations!(
    "queries/recommendations.graphql":
    RecommendationsOf,
    SaveRecommendation,
    AdvanceRecommendation,
    DeleteRecommendation,
);

operations!(
    "queries/cycle.graphql":
    PreventionCycleOf,
    SaveHotSpot,
    SaveDemand,
    SaveGoal,
    SaveProject,
    RecordMeasurement,
    EvaluateProject,
    PracticeFromProject,
    CycleApplications,
    SaveSafetyFigure,
    SaveActionField,
    SaveInventoryItem,
    DeleteSafetyFigure,
    DeleteHotSpot,
    DeleteDemand,
    DeleteInventoryItem,
    DeleteGoal,
    DeleteProject,
    SetDemandStatus,
    CompleteMilestone,
    InventoryLinks,
);

operations!(
    "queries/invitations.graphql":
    InvitationAnswer,
    AnswerInvitation,
);

operations!(
    "queries/contacts.graphql":
    ContactThreads,
    ReplyToContact,
);

operations!(
    "queries/network.graphql":
    Search,
    NetworkPracticePage,
    SendContactRequest,
    PracticesOf,
    SavePractice,
    PublishPractice,
    WithdrawPractice,
    CatalogueOf,
    CatalogueOfferPage,
    SaveCatalogueOffer,
    GrantSeal,
    RenewSeal,
    WithdrawSeal,
    DeleteAttachment,
    RemoveCatalogueOffer,
);
