//! The index's schema: its fields and the analysis each one gets. Its own module, so that
//! building queries (query.rs) and writing and searching (index.rs) both depend on it and not
//! on each other.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::{GERMAN, PLAIN, REVERSED};

/// Changes whenever the schema or the analysis changes: an index written by another version
/// is rebuilt, never read with the wrong analysis.
pub(crate) const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    pub id: Field,
    pub kind: Field,
    pub title: Field,
    pub text: Field,
    pub tags: Field,
    pub publisher: Field,
    /// Title, text and tags unstemmed, for typo tolerance; not stored.
    pub plain: Field,
    /// Title and text with every term backwards, for compounds' ends; not stored.
    pub reversed: Field,
    pub federal_state: Field,
    pub facets: Field,
    pub date: Field,
}

pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let german_text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(GERMAN)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        title: b.add_text_field("title", german_text.clone()),
        text: b.add_text_field("text", german_text.clone()),
        tags: b.add_text_field("tags", german_text.clone()),
        publisher: b.add_text_field("publisher", german_text),
        plain: b.add_text_field(
            "plain",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(PLAIN)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        ),
        reversed: b.add_text_field(
            "reversed",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(REVERSED)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        ),
        federal_state: b.add_text_field("federal_state", STORED),
        facets: b.add_facet_field("facets", INDEXED),
        date: b.add_i64_field("date", FAST | STORED),
    };
    (b.build(), fields)
}
