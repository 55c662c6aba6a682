//! What goes into the index and what comes out of a search.

use uuid::Uuid;

/// A shared record as the index sees it. Codes of the shared vocabulary, not labels: the
/// labels depend on the reader's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub id: Uuid,
    /// `practice`, `offer` or `programme`.
    pub kind: String,
    pub title: String,
    /// Every other searchable text of the record, one section after the other.
    pub text: String,
    /// The labels of its descriptors (topics, target groups, settings) in German, so that the
    /// words of the shared vocabulary find what was tagged with them.
    pub tags: String,
    /// Who published it: a municipality, an offer's provider, a programme's provider.
    pub publisher: String,
    pub federal_state: String,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    pub settings: Vec<String>,
    pub evidence_level: Option<String>,
    /// Milliseconds since the epoch: when it was published or last changed (sorting by
    /// seconds would tie two changes of one second).
    pub date: i64,
}

/// The facets a search counts and filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetGroup {
    Kind,
    Topic,
    TargetGroup,
    Setting,
    FederalState,
    EvidenceLevel,
}

impl FacetGroup {
    pub const ALL: [FacetGroup; 6] = [
        FacetGroup::Kind,
        FacetGroup::Topic,
        FacetGroup::TargetGroup,
        FacetGroup::Setting,
        FacetGroup::FederalState,
        FacetGroup::EvidenceLevel,
    ];

    /// The root of the group's paths in the facet field (`/topic/burglary`).
    pub(crate) fn root(self) -> &'static str {
        match self {
            FacetGroup::Kind => "kind",
            FacetGroup::Topic => "topic",
            FacetGroup::TargetGroup => "target",
            FacetGroup::Setting => "setting",
            FacetGroup::FederalState => "land",
            FacetGroup::EvidenceLevel => "evidence",
        }
    }

    /// The document's values in this group.
    pub(crate) fn values(self, doc: &Document) -> Vec<&str> {
        match self {
            FacetGroup::Kind => vec![doc.kind.as_str()],
            FacetGroup::Topic => doc.topics.iter().map(String::as_str).collect(),
            FacetGroup::TargetGroup => doc.target_groups.iter().map(String::as_str).collect(),
            FacetGroup::Setting => doc.settings.iter().map(String::as_str).collect(),
            FacetGroup::FederalState => vec![doc.federal_state.as_str()],
            FacetGroup::EvidenceLevel => doc.evidence_level.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first; without search words, the newest first.
    #[default]
    Relevance,
    Newest,
}

/// One search. Words are all required; `"…"` marks a phrase. Within a facet group the chosen
/// values are alternatives, across groups all must hold.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub text: String,
    pub filters: Vec<(FacetGroup, Vec<String>)>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

/// A piece of a snippet; the highlighted pieces are where the search words occur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub highlighted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: Uuid,
    pub kind: String,
    pub title: String,
    pub publisher: String,
    pub federal_state: String,
    pub date: i64,
    pub score: f32,
    pub snippet: Vec<Fragment>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// How many records match, of which `hits` is the requested page.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Per group, each value with the number of matches it would have, counted with the other
    /// groups' filters but not the group's own (so choosing one topic still shows the others).
    pub facets: Vec<(FacetGroup, Vec<(String, u64)>)>,
}
