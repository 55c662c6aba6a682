//! GraphQL `ID`s are UUIDs; parsing them is the API's job, their meaning core's. The SDL keeps
//! the standard `ID` scalar, so the typing happens here, once, for every id core knows.

use async_graphql::ID;
use praevnet_core::{
    ActionFieldId, AgendaItemId, ApplicationId, AttachmentId, BodyId, CatalogueOfferId, DemandId,
    DocumentId, Error, GoalId, HotSpotId, IndicatorId, IndicatorValueId, InventoryItemId,
    MeetingId, MembershipId, MilestoneId, MunicipalityId, OfferId, OrganisationId, ParticipantId,
    PersonId, PracticeId, Problem, ProgrammeId, ProjectId, RecommendationId, RulesId,
    SafetyFigureId, SupportRequestId, ThreadId, UserId,
};
use uuid::Uuid;

/// A typed id of core that a client names by its UUID.
pub(crate) trait TypedId: Sized {
    fn from_uuid(uuid: Uuid) -> Self;

    /// Parses `id`; a malformed one is a validation error of `field`.
    fn parse(id: &ID, field: &'static str) -> Result<Self, Error> {
        Uuid::parse_str(id.as_str())
            .map(Self::from_uuid)
            .map_err(|_| Error::validation(field, Problem::InvalidId))
    }
}

macro_rules! typed_ids {
    ($($id:ident),* $(,)?) => {
        $(impl TypedId for $id {
            fn from_uuid(uuid: Uuid) -> Self {
                $id::from_uuid(uuid)
            }
        })*
    };
}

typed_ids!(
    ActionFieldId,
    DemandId,
    GoalId,
    HotSpotId,
    IndicatorId,
    IndicatorValueId,
    InventoryItemId,
    MilestoneId,
    ProjectId,
    SafetyFigureId,
    AgendaItemId,
    ApplicationId,
    AttachmentId,
    BodyId,
    CatalogueOfferId,
    DocumentId,
    MeetingId,
    MembershipId,
    MunicipalityId,
    OfferId,
    OrganisationId,
    ParticipantId,
    PersonId,
    PracticeId,
    ProgrammeId,
    RecommendationId,
    RulesId,
    SupportRequestId,
    ThreadId,
    UserId,
);

/// Any typed id as the GraphQL `ID` clients see.
pub(crate) fn id_of(value: impl ToString) -> ID {
    ID(value.to_string())
}
