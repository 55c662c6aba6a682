//! The network: the search across all cities, their published good practices, the catalogues
//! of certified offers, and the contacts between cities. The vocabulary's labels here are what
//! the search, the practices and the catalogue share.

mod catalogue;
mod contacts;
mod practices;
mod search;
pub(crate) mod texts;

pub use catalogue::{Catalogue, CatalogueOffer};
pub use contacts::Contacts;
pub use practices::Practices;
pub use search::{Network, NetworkPractice};

/// The shared vocabulary's labels by code, whichever operation brought them.
#[derive(Clone, Debug, Default)]
struct Vocab {
    pub topics: Vec<(String, String)>,
    pub target_groups: Vec<(String, String)>,
    pub settings: Vec<(String, String)>,
    pub evidence_levels: Vec<(String, String)>,
    pub offer_formats: Vec<(String, String)>,
}

/// Builds a [`Vocab`] from any operation's `Labels` fragment (graphql_client makes one type
/// per operation).
macro_rules! vocab {
    ($labels:expr) => {{
        let l = $labels;
        let pairs = |v: Vec<(String, String)>| v;
        $crate::pages::network::Vocab {
            topics: pairs(l.topics.into_iter().map(|t| (t.code, t.label)).collect()),
            target_groups: pairs(
                l.target_groups
                    .into_iter()
                    .map(|t| (t.code, t.label))
                    .collect(),
            ),
            settings: pairs(l.settings.into_iter().map(|t| (t.code, t.label)).collect()),
            evidence_levels: pairs(
                l.evidence_levels
                    .into_iter()
                    .map(|t| (t.code, t.label))
                    .collect(),
            ),
            offer_formats: pairs(
                l.offer_formats
                    .into_iter()
                    .map(|t| (t.code, t.label))
                    .collect(),
            ),
        }
    }};
}
use vocab;

/// The label of a code, the code itself when the list lacks it.
fn label_of(list: &[(String, String)], code: &str) -> String {
    list.iter()
        .find(|(c, _)| c == code)
        .map_or_else(|| code.to_owned(), |(_, l)| l.clone())
}

/// The labels of several codes, as one line.
fn labels_of(list: &[(String, String)], codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| label_of(list, c))
        .collect::<Vec<_>>()
        .join(", ")
}
