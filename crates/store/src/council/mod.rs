//! A municipality's prevention council: its record, its founding on the platform, its
//! structure (bodies, people, rules of procedure) and its meetings.

mod cycle;
mod documents;
mod founding;
mod meetings;
mod minutes;
mod participants;
mod recommendations;
mod record;
mod structure;

pub use cycle::{
    ActionFieldData, CycleRecord, Deadline, DemandData, DueDeadline, GoalData, HotSpotData,
    IndicatorData, IndicatorValueRecord, InventoryItemData, MilestoneData, ProjectData,
    ProjectRecord, Row, SafetyFigureData,
};
pub use documents::DocumentRecord;
pub use founding::FoundingStepRecord;
pub use meetings::{AgendaItemData, AgendaItemRecord, MeetingData, MeetingRecord};
pub use minutes::{MinutesData, MinutesEntryData, MinutesRecord};
pub use participants::{ParticipantData, ParticipantRecord};
pub use recommendations::{RecommendationData, RecommendationRecord, StepRecord};
pub use record::{CouncilData, CouncilRecord};
pub use structure::{
    BodyData, BodyRecord, MembershipData, MembershipRecord, NewMembers, OrganisationData,
    OrganisationRecord, PersonData, PersonRecord, RulesData, RulesRecord, SeatRecord,
    StructureRecord,
};
