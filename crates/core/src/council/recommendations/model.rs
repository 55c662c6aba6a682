//! A recommendation as the council sees it, its way from draft to answer, and what callers
//! send to record one.

use chrono::NaiveDate;
use praevnet_common::codes;
use praevnet_store::{AgendaItemId, BodyId, MeetingId, RecommendationId};

codes!(
    /// Where a recommendation stands on its way.
    RecommendationStatus {
        Draft = "draft", "Entwurf", "draft";
        Adopted = "adopted", "beschlossen", "adopted";
        Submitted = "submitted", "eingereicht", "submitted";
        Answered = "answered", "beantwortet", "answered";
        Implemented = "implemented", "umgesetzt", "implemented";
        Rejected = "rejected", "abgelehnt", "rejected";
    }
);

codes!(
    /// Whom a recommendation is addressed to.
    Addressee {
        CityCouncil = "city_council", "Stadtrat", "city council";
        Administration = "administration", "Verwaltung", "administration";
    }
);

impl RecommendationStatus {
    /// The steps that may follow this one: adopted by the steering body, submitted to the
    /// addressee, answered, then implemented or rejected (the addressee may reject without
    /// a separate answer).
    pub fn next(self) -> &'static [RecommendationStatus] {
        use RecommendationStatus as S;
        match self {
            S::Draft => &[S::Adopted],
            S::Adopted => &[S::Submitted],
            S::Submitted => &[S::Answered, S::Rejected],
            S::Answered => &[S::Implemented, S::Rejected],
            S::Implemented | S::Rejected => &[],
        }
    }

    /// Waiting for the addressee: an answer due date passed in these states is overdue.
    pub fn awaits_answer(self) -> bool {
        matches!(
            self,
            RecommendationStatus::Adopted | RecommendationStatus::Submitted
        )
    }

    /// Still on its way (the Beschlusskontrolle lists these).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            RecommendationStatus::Implemented | RecommendationStatus::Rejected
        )
    }
}

/// One step of a recommendation's way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub status: RecommendationStatus,
    pub on: NaiveDate,
    pub note: String,
}

/// A body a recommendation names, with its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedBody {
    pub id: BodyId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub id: RecommendationId,
    pub title: String,
    pub text: String,
    pub source_body: Option<NamedBody>,
    pub source_meeting_id: Option<MeetingId>,
    pub source_agenda_item_id: Option<AgendaItemId>,
    pub adopting_body: Option<NamedBody>,
    pub addressee: Addressee,
    pub paper_reference: Option<String>,
    pub status: RecommendationStatus,
    pub due_on: Option<NaiveDate>,
    pub answer: String,
    /// The answer was due and has not come.
    pub overdue: bool,
    pub steps: Vec<Step>,
    /// Whether the caller may change it.
    pub editable: bool,
}

/// A recommendation as sent by its editor.
#[derive(Clone, Debug)]
pub struct RecommendationInput {
    pub title: String,
    pub text: String,
    pub source_body_id: Option<BodyId>,
    pub source_meeting_id: Option<MeetingId>,
    /// The item of that meeting it was raised under.
    pub source_agenda_item_id: Option<AgendaItemId>,
    pub adopting_body_id: Option<BodyId>,
    /// Required; an option so that leaving it out is a clear error at the field.
    pub addressee: Option<Addressee>,
    pub paper_reference: Option<String>,
    pub due_on: Option<NaiveDate>,
}

/// A step on the way: the new status, its date, a note, and for an answer its text.
#[derive(Clone, Debug)]
pub struct StepInput {
    pub status: RecommendationStatus,
    pub on: NaiveDate,
    pub note: String,
    pub answer: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::RecommendationStatus as S;

    #[test]
    fn the_way_runs_forward_only() {
        assert_eq!(S::Draft.next(), &[S::Adopted]);
        assert!(S::Submitted.next().contains(&S::Rejected));
        assert!(S::Implemented.next().is_empty());
        assert!(!S::Adopted.next().contains(&S::Draft));
        assert!(S::Submitted.awaits_answer() && !S::Answered.awaits_answer());
    }
}
