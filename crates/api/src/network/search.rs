//! The network search: one box over practices, catalogue offers and funding programmes of all
//! cities, with facets, snippets and similar practices.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use praevnet_core::network::search::{
    SearchHit as DomainHit, SearchInput as DomainInput, facet_label,
};
use praevnet_core::{Lang, PracticeId};

use crate::codes::FederalState;
use crate::codes::{EvidenceLevel, Setting, TargetGroup, Topic};
use crate::context::ContextExt;
use crate::ids::id_of;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::network::search::SearchKind")]
pub(crate) enum SearchKind {
    Practice,
    Offer,
    Programme,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::network::search::FacetGroup")]
pub(crate) enum FacetGroup {
    Kind,
    Topic,
    TargetGroup,
    Setting,
    FederalState,
    EvidenceLevel,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum SearchSort {
    /// Best match first (without search words: newest first).
    #[default]
    Relevance,
    Newest,
}

#[derive(InputObject)]
pub(crate) struct SearchInput {
    /// Words (all must match, one typo each is forgiven); `"…"` for a phrase.
    #[graphql(default)]
    text: String,
    #[graphql(default)]
    kinds: Vec<SearchKind>,
    #[graphql(default)]
    topics: Vec<Topic>,
    #[graphql(default)]
    target_groups: Vec<TargetGroup>,
    #[graphql(default)]
    settings: Vec<Setting>,
    #[graphql(default)]
    federal_states: Vec<FederalState>,
    #[graphql(default)]
    evidence_levels: Vec<EvidenceLevel>,
    #[graphql(default)]
    sort: SearchSort,
    #[graphql(default = 20)]
    first: i32,
    #[graphql(default)]
    offset: i32,
}

/// A piece of a result's snippet; `highlighted` marks the words searched for.
#[derive(SimpleObject)]
pub(crate) struct SnippetPart {
    text: String,
    highlighted: bool,
}

#[derive(SimpleObject)]
pub(crate) struct SearchHit {
    id: ID,
    kind: SearchKind,
    title: String,
    /// The publishing municipality, the offer's provider or the programme's provider.
    publisher: String,
    federal_state: Option<FederalState>,
    /// When it was published or last changed.
    date: DateTime<Utc>,
    snippet: Vec<SnippetPart>,
}

impl From<DomainHit> for SearchHit {
    fn from(hit: DomainHit) -> Self {
        Self {
            id: id_of(hit.id),
            kind: hit.kind.into(),
            title: hit.title,
            publisher: hit.publisher,
            federal_state: hit.federal_state.map(Into::into),
            date: hit.date,
            snippet: hit
                .snippet
                .into_iter()
                .map(|f| SnippetPart {
                    text: f.text,
                    highlighted: f.highlighted,
                })
                .collect(),
        }
    }
}

/// A value of a facet: `value` is what the search input takes (the enum's name).
#[derive(SimpleObject)]
pub(crate) struct FacetValue {
    value: String,
    label: String,
    count: i64,
}

#[derive(SimpleObject)]
pub(crate) struct Facet {
    group: FacetGroup,
    values: Vec<FacetValue>,
}

#[derive(SimpleObject)]
pub(crate) struct SearchResults {
    /// How many records match in all.
    total: i64,
    hits: Vec<SearchHit>,
    /// Per group, the values with their counts (a chosen group is counted without its own
    /// choice, so its other values stay selectable).
    facets: Vec<Facet>,
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn unsigned(value: i32) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

#[derive(Default, Debug)]
pub(crate) struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Searches the network (anyone logged in).
    #[graphql(complexity = "50 + child_complexity")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        input: SearchInput,
    ) -> async_graphql::Result<SearchResults> {
        let lang: Lang = ctx.request().lang;
        let outcome = ctx
            .services()
            .network()
            .search(
                ctx.principal(),
                DomainInput {
                    text: input.text,
                    kinds: input.kinds.into_iter().map(Into::into).collect(),
                    topics: input.topics.into_iter().map(Into::into).collect(),
                    target_groups: input.target_groups.into_iter().map(Into::into).collect(),
                    settings: input.settings.into_iter().map(Into::into).collect(),
                    federal_states: input.federal_states.into_iter().map(Into::into).collect(),
                    evidence_levels: input.evidence_levels.into_iter().map(Into::into).collect(),
                    newest_first: input.sort == SearchSort::Newest,
                    // A negative page size or offset is refused in core like one too large.
                    first: unsigned(input.first),
                    offset: unsigned(input.offset),
                },
            )
            .await?;
        Ok(SearchResults {
            total: count(outcome.total),
            hits: outcome.hits.into_iter().map(SearchHit::from).collect(),
            facets: outcome
                .facets
                .into_iter()
                .map(|f| Facet {
                    group: f.group.into(),
                    values: f
                        .values
                        .into_iter()
                        .map(|v| FacetValue {
                            label: facet_label(f.group, &v.code, lang),
                            value: v.code.to_uppercase(),
                            count: count(v.count),
                        })
                        .collect(),
                })
                .collect(),
        })
    }

    /// The published practices most like this one (anyone logged in).
    #[graphql(complexity = "25 + child_complexity")]
    async fn similar_practices(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default = 5)] first: i32,
    ) -> async_graphql::Result<Vec<SearchHit>> {
        let id = ctx.id::<PracticeId>(&id, "id")?;
        let hits = ctx
            .services()
            .network()
            .similar_practices(ctx.principal(), id, unsigned(first))
            .await?;
        Ok(hits.into_iter().map(SearchHit::from).collect())
    }
}
