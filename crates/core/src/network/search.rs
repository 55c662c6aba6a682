//! The network search: one box over good practices, catalogue offers and funding programmes
//! of all cities, answered by this replica's index ([`crate::index`]).
//!
//! The index follows the database's change log (`search_changes`). Every write of a shared
//! record appends to the log in its own transaction; a replica applies the log after its
//! checkpoint every second, before every search when the log is ahead (so a writer reads its
//! own writes on any replica, and a withdrawn practice is gone at once) and right after its
//! own writes. A missing, foreign or too old index is rebuilt from the shared tables; the
//! log entry `all` makes every replica rebuild (`praevnet search-rebuild`).

use chrono::{DateTime, Utc};
use praevnet_common::FederalState;
use praevnet_common::vocabulary::{EvidenceLevel, Setting, TargetGroup, Topic};
pub use praevnet_search::{FacetGroup, Fragment};
use praevnet_search::{Request, Sort};
use uuid::Uuid;

pub use crate::index::SearchKind;
use crate::network::Network;
use crate::{Error, Lang, PracticeId, Principal, Problem, Result};

/// Longest search text.
const TEXT_MAX: usize = 500;
/// Most words in a search text: each word becomes several term, typo and compound queries
/// run once per facet, so the words bound a search's memory and time.
const SEARCH_WORDS_MAX: usize = praevnet_search::WORDS_MAX;
/// Most results per page.
pub const SEARCH_PAGE_MAX: u64 = 50;
/// How deep a result list can be paged (the engine keeps offset + page in memory).
pub const SEARCH_OFFSET_MAX: u64 = 10_000;

/// What a search asks for; empty lists filter nothing.
#[derive(Clone, Debug, Default)]
pub struct SearchInput {
    pub text: String,
    pub kinds: Vec<SearchKind>,
    pub topics: Vec<Topic>,
    pub target_groups: Vec<TargetGroup>,
    pub settings: Vec<Setting>,
    pub federal_states: Vec<FederalState>,
    pub evidence_levels: Vec<EvidenceLevel>,
    pub newest_first: bool,
    pub first: u64,
    pub offset: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub id: Uuid,
    pub kind: SearchKind,
    pub title: String,
    pub publisher: String,
    pub federal_state: Option<FederalState>,
    pub date: DateTime<Utc>,
    pub snippet: Vec<Fragment>,
}

/// One value of a facet with the number of results it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub code: String,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub group: FacetGroup,
    pub values: Vec<FacetValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchOutcome {
    pub total: u64,
    pub hits: Vec<SearchHit>,
    pub facets: Vec<FacetCounts>,
}

/// The label of a facet value in the reader's language (the code itself when unknown).
pub fn facet_label(group: FacetGroup, code: &str, lang: Lang) -> String {
    let label = match group {
        FacetGroup::Kind => SearchKind::parse(code).map(|v| v.label(lang)),
        FacetGroup::Topic => Topic::parse(code).map(|v| v.label(lang)),
        FacetGroup::TargetGroup => TargetGroup::parse(code).map(|v| v.label(lang)),
        FacetGroup::Setting => Setting::parse(code).map(|v| v.label(lang)),
        FacetGroup::FederalState => FederalState::from_code(code).map(FederalState::name_de),
        FacetGroup::EvidenceLevel => EvidenceLevel::parse(code).map(|v| v.label(lang)),
    };
    label.unwrap_or(code).to_owned()
}

/// The stored codes of chosen values, as the index's facets name them.
fn codes_of<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> Vec<String> {
    values.iter().map(|v| code(*v).to_owned()).collect()
}

/// Refuses a page of results longer than [`SEARCH_PAGE_MAX`].
fn require_search_page(first: u64) -> Result<()> {
    if first > SEARCH_PAGE_MAX {
        return Err(Error::validation(
            "first",
            Problem::PageSize {
                max: SEARCH_PAGE_MAX,
            },
        ));
    }
    Ok(())
}

impl Network<'_> {
    /// Searches practices, offers and programmes of all cities (anyone logged in).
    pub async fn search(&self, principal: &Principal, input: SearchInput) -> Result<SearchOutcome> {
        principal.require_login()?;
        if input.text.chars().count() > TEXT_MAX {
            return Err(Error::validation(
                "text",
                Problem::TooLong { max: TEXT_MAX },
            ));
        }
        if input.text.split_whitespace().count() > SEARCH_WORDS_MAX {
            return Err(Error::validation(
                "text",
                Problem::SearchWords {
                    max: SEARCH_WORDS_MAX,
                },
            ));
        }
        require_search_page(input.first)?;
        if input.offset > SEARCH_OFFSET_MAX {
            return Err(Error::validation(
                "offset",
                Problem::OffsetRange {
                    max: SEARCH_OFFSET_MAX,
                },
            ));
        }
        let filters = vec![
            (FacetGroup::Kind, codes_of(&input.kinds, SearchKind::code)),
            (FacetGroup::Topic, codes_of(&input.topics, Topic::code)),
            (
                FacetGroup::TargetGroup,
                codes_of(&input.target_groups, TargetGroup::code),
            ),
            (
                FacetGroup::Setting,
                codes_of(&input.settings, Setting::code),
            ),
            (
                FacetGroup::FederalState,
                codes_of(&input.federal_states, FederalState::code),
            ),
            (
                FacetGroup::EvidenceLevel,
                codes_of(&input.evidence_levels, EvidenceLevel::code),
            ),
        ];
        let request = Request {
            text: input.text,
            filters,
            sort: if input.newest_first {
                Sort::Newest
            } else {
                Sort::Relevance
            },
            limit: usize::try_from(input.first).unwrap_or(0),
            offset: usize::try_from(input.offset).unwrap_or(usize::MAX),
        };
        self.services.index().fresh().await?;
        let results = self
            .services
            .index()
            .read(move |index| index.search(&request))
            .await?;
        Ok(SearchOutcome {
            total: results.total as u64,
            hits: results
                .hits
                .into_iter()
                .take(usize::try_from(input.first).unwrap_or(0))
                .filter_map(hit)
                .collect(),
            facets: results
                .facets
                .into_iter()
                .map(|(group, values)| FacetCounts {
                    group,
                    values: values
                        .into_iter()
                        .map(|(code, count)| FacetValue { code, count })
                        .collect(),
                })
                .collect(),
        })
    }

    /// The published practices most like this one (anyone logged in); an unpublished one is
    /// unknown.
    pub async fn similar_practices(
        &self,
        principal: &Principal,
        id: PracticeId,
        first: u64,
    ) -> Result<Vec<SearchHit>> {
        principal.require_login()?;
        require_search_page(first)?;
        // A list of similar practices has at least one entry (a search may ask for none, to
        // count and facet).
        if first == 0 {
            return Err(Error::validation(
                "first",
                Problem::PageSizeRange {
                    max: SEARCH_PAGE_MAX,
                },
            ));
        }
        self.services
            .store
            .network_practices()
            .get(id)
            .await?
            .ok_or(Error::NotFound)?;
        self.services.index().fresh().await?;
        let limit = usize::try_from(first).unwrap_or(0);
        let hits = self
            .services
            .index()
            .read(move |index| index.similar(id.as_uuid(), limit))
            .await?;
        Ok(hits
            .unwrap_or_default()
            .into_iter()
            .filter_map(hit)
            .collect())
    }
}

/// A hit as the domain shows it; one of an unknown kind (a later version's) is skipped.
fn hit(h: praevnet_search::Hit) -> Option<SearchHit> {
    Some(SearchHit {
        id: h.id,
        kind: SearchKind::parse(&h.kind)?,
        title: h.title,
        publisher: h.publisher,
        federal_state: FederalState::from_code(&h.federal_state),
        date: DateTime::from_timestamp_millis(h.date).unwrap_or_default(),
        snippet: h.snippet,
    })
}
