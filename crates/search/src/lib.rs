//! The network's full-text search: a tantivy index of the shared records (good practices,
//! prevention offers, funding programmes) with German analysis, typo tolerance, phrases,
//! facets, snippets and "more like this".
//!
//! This crate knows documents, not tables: `praevnet-core` turns the database's shared records
//! into [`Document`]s, feeds them in change by change and records how far it got in the
//! index's commit payload, so that every replica can rebuild or catch up from the database.

mod analysis;
mod document;
mod index;
mod query;
mod schema;

pub use document::{Document, FacetGroup, Fragment, Hit, Request, Results, Sort};
pub use index::{Opened, SearchIndex};
pub use query::WORDS_MAX;

/// What can go wrong inside the engine: its files, or a broken index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Engine(#[from] tantivy::TantivyError),
    #[error("search index folder: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index: a writer panicked")]
    Poisoned,
}

pub type Result<T> = std::result::Result<T, SearchError>;
