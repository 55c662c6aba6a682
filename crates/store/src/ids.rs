//! Typed ids, so that a council id can never be passed where a municipality id belongs. They
//! are sea-orm value types as well, so that rows carry them and queries take them unconverted.

use std::fmt;

use sea_orm::{DbErr, DeriveValueType, TryFromU64};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, DeriveValueType)]
        pub struct $name(Uuid);

        impl $name {
            /// A new time-ordered (v7) id: unguessable in URLs, yet index friendly.
            pub(crate) fn generate() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        /// sea-orm asks this of every primary key, for keys the database counts up; these are
        /// made by the application, so a number is never one of them.
        impl TryFromU64 for $name {
            fn try_from_u64(_: u64) -> Result<Self, DbErr> {
                Err(DbErr::ConvertFromU64(stringify!($name)))
            }
        }
    };
}
typed_id!(
    /// Id of a funding programme.
    ProgrammeId
);
typed_id!(
    /// Id of a municipality's application to a funding programme.
    ApplicationId
);
typed_id!(
    /// Id of an advice, training or coaching offer of a state office.
    OfferId
);
typed_id!(
    /// Id of a municipality's request for a state office's offer.
    SupportRequestId
);
typed_id!(
    /// Id of a meeting of a body.
    MeetingId
);
typed_id!(
    /// Id of an item on a meeting's agenda.
    AgendaItemId
);
typed_id!(
    /// Id of a person invited to or taking part in a meeting.
    ParticipantId
);
typed_id!(
    /// Id of a version of a meeting's minutes.
    MinutesId
);
typed_id!(
    /// Id of a recommendation (Handlungsempfehlung) of a council.
    RecommendationId
);
typed_id!(
    /// Id of a document on an agenda item.
    DocumentId
);
typed_id!(
    /// Id of a mail waiting in the outbox.
    MailId
);
typed_id!(
    /// Id of a good practice of a municipality.
    PracticeId
);
typed_id!(
    /// Id of a conversation between two cities about a practice.
    ThreadId
);
typed_id!(
    /// Id of a body (Gremium) of a council.
    BodyId
);
typed_id!(
    /// Id of an organisation (Akteur) of a municipality.
    OrganisationId
);
typed_id!(
    /// Id of a person in a municipality's council records.
    PersonId
);
typed_id!(
    /// Id of a membership of a person in a body.
    MembershipId
);
typed_id!(
    /// Id of a version of the rules of procedure.
    RulesId
);
typed_id!(
    /// Id of a municipality, the tenant.
    MunicipalityId
);
typed_id!(
    /// Id of a municipality's prevention council.
    CouncilId
);
typed_id!(
    /// Id of a user account.
    UserId
);
typed_id!(
    /// Id of one role granted to a user.
    GrantId
);
typed_id!(
    /// Id of an offer in a certifying council's catalogue of prevention offers.
    CatalogueOfferId
);
typed_id!(
    /// Id of a file attached to a good practice.
    AttachmentId
);
typed_id!(
    /// Id of a field of action (Handlungsfeld) of a council's strategy.
    ActionFieldId
);
typed_id!(
    /// Id of a figure of a council's security analysis.
    SafetyFigureId
);
typed_id!(
    /// Id of a hot spot (Kriminalitätsschwerpunkt, Angstraum) of a security analysis.
    HotSpotId
);
typed_id!(
    /// Id of a citizens' demand (Bürgeranliegen).
    DemandId
);
typed_id!(
    /// Id of an entry of a council's inventory of offers, projects, initiatives and bodies.
    InventoryItemId
);
typed_id!(
    /// Id of a goal of a council's prevention strategy.
    GoalId
);
typed_id!(
    /// Id of a measure or project of a council.
    ProjectId
);
typed_id!(
    /// Id of a measurable indicator of a project.
    IndicatorId
);
typed_id!(
    /// Id of a value measured for an indicator.
    IndicatorValueId
);
typed_id!(
    /// Id of a project's milestone or interim report.
    MilestoneId
);
