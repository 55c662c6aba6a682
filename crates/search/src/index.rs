//! The index itself: its schema, writing documents in and searching them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term,
};
use uuid::Uuid;

use crate::analysis::{GERMAN, PLAIN, REVERSED, german, plain, reversed};
use crate::document::{Document, FacetGroup, Fragment, Hit, Request, Results, Sort};
use crate::query::{build, facet_term, parts, words};
use crate::schema::{Fields, SCHEMA_VERSION, schema};
use crate::{Result, SearchError};

/// Memory the writer may buffer before it writes a segment: tantivy's least per indexing
/// thread. The writer lives as long as the server, and its buffers stay resident; one thread
/// indexes the network's records (thousands, changed one at a time) fast enough.
const WRITER_HEAP: usize = 15_000_000;

/// Length of a snippet in characters.
const SNIPPET_CHARS: usize = 220;

/// What the index's last commit says about itself.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    /// The last change of the database's change log that the index holds.
    checkpoint: i64,
}

/// How an index folder was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A usable index holding the changes up to this checkpoint.
    UpTo(i64),
    /// Missing, empty, unreadable or of another version: it has to be built from the database.
    Empty,
}

/// One replica's index. Writes are serialised by the writer's lock; searches run in parallel
/// on the last committed state.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// An index in memory: it starts empty and is built from the database at start.
    pub fn in_memory() -> Result<Self> {
        let (schema, fields) = schema();
        Self::wrap(Index::create_in_ram(schema), fields)
    }

    /// The index in `folder`, created if missing; one of another version or unreadable is
    /// cleared (the database can always rebuild it).
    pub fn open(folder: &Path) -> Result<(Self, Opened)> {
        let (schema, fields) = schema();
        std::fs::create_dir_all(folder)?;
        let existing = Index::open_in_dir(folder)
            .ok()
            .filter(|i| i.schema() == schema);
        if let Some(index) = existing {
            let payload = index
                .load_metas()?
                .payload
                .and_then(|p| serde_json::from_str::<Payload>(&p).ok());
            if let Some(p) = payload.filter(|p| p.schema == SCHEMA_VERSION) {
                return Ok((Self::wrap(index, fields)?, Opened::UpTo(p.checkpoint)));
            }
        }
        for entry in std::fs::read_dir(folder)? {
            let path = entry?.path();
            if path.is_dir() {
                std::fs::remove_dir_all(path)?;
            } else {
                std::fs::remove_file(path)?;
            }
        }
        let index = Index::create_in_dir(folder, schema)?;
        Ok((Self::wrap(index, fields)?, Opened::Empty))
    }

    fn wrap(index: Index, fields: Fields) -> Result<Self> {
        index.tokenizers().register(GERMAN, german());
        index.tokenizers().register(PLAIN, plain());
        index.tokenizers().register(REVERSED, reversed());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer_with_num_threads(1, WRITER_HEAP)?;
        Ok(Self {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
        })
    }

    /// The checkpoint of the last commit, if any.
    pub fn checkpoint(&self) -> Result<Option<i64>> {
        Ok(self
            .index
            .load_metas()?
            .payload
            .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
            .map(|p| p.checkpoint))
    }

    /// How many records the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn doc(&self, d: &Document) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, d.id.to_string());
        doc.add_text(f.kind, &d.kind);
        doc.add_text(f.title, &d.title);
        doc.add_text(f.text, &d.text);
        doc.add_text(f.tags, &d.tags);
        doc.add_text(f.publisher, &d.publisher);
        for text in [&d.title, &d.text, &d.tags] {
            doc.add_text(f.plain, text);
        }
        for text in [&d.title, &d.text] {
            doc.add_text(f.reversed, text);
        }
        doc.add_text(f.federal_state, &d.federal_state);
        doc.add_i64(f.date, d.date);
        for group in FacetGroup::ALL {
            for value in group.values(d) {
                if !value.is_empty() {
                    doc.add_facet(
                        f.facets,
                        tantivy::schema::Facet::from_path([group.root(), value]),
                    );
                }
            }
        }
        doc
    }

    /// Replaces or removes records and commits them together with the change log position
    /// they bring the index to.
    pub fn apply(&self, upserts: &[Document], deletes: &[Uuid], checkpoint: i64) -> Result<()> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for id in deletes.iter().chain(upserts.iter().map(|d| &d.id)) {
            writer.delete_term(Term::from_field_text(self.fields.id, &id.to_string()));
        }
        for d in upserts {
            writer.add_document(self.doc(d))?;
        }
        self.commit(&mut writer, checkpoint)
    }

    /// Starts filling the index anew, batch by batch as the database hands the records out
    /// ([`SearchIndex::add_uncommitted`]); searches see the old state until
    /// [`SearchIndex::finish_rebuild`] commits.
    pub fn start_rebuild(&self) -> Result<()> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.delete_all_documents()?;
        Ok(())
    }

    pub fn add_uncommitted(&self, documents: &[Document]) -> Result<()> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for d in documents {
            writer.add_document(self.doc(d))?;
        }
        Ok(())
    }

    /// Drops a rebuild that could not finish: searches keep the last committed state, and no
    /// later commit can take the half-filled index with it.
    pub fn abandon_rebuild(&self) -> Result<()> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.rollback()?;
        Ok(())
    }

    pub fn finish_rebuild(&self, checkpoint: i64) -> Result<()> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        self.commit(&mut writer, checkpoint)
    }

    fn commit(&self, writer: &mut IndexWriter, checkpoint: i64) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            schema: SCHEMA_VERSION,
            checkpoint,
        })
        .map_err(|e| SearchError::Engine(tantivy::TantivyError::InternalError(e.to_string())))?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Runs a search.
    pub fn search(&self, request: &Request) -> Result<Results> {
        let searcher = self.reader.searcher();
        let parts = parts(&request.text);
        let query = build(&self.fields, &parts, request, None);
        let mut facets_of_all = FacetCollector::for_field("facets");
        for group in FacetGroup::ALL {
            facets_of_all.add_facet(format!("/{}", group.root()).as_str());
        }
        let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
        let by_date = request.sort == Sort::Newest || parts.is_empty();
        let (addresses, total, counts): (Vec<(f32, DocAddress)>, usize, FacetCounts) = if by_date {
            let (docs, total, counts) = searcher.search(
                &query,
                &(
                    top.order_by_fast_field::<i64>("date", Order::Desc),
                    Count,
                    facets_of_all,
                ),
            )?;
            (
                docs.into_iter().map(|(_, a)| (0.0, a)).collect(),
                total,
                counts,
            )
        } else {
            searcher.search(&query, &(top.order_by_score(), Count, facets_of_all))?
        };
        let mut facets = Vec::new();
        for group in FacetGroup::ALL {
            let own_filter = request
                .filters
                .iter()
                .any(|(g, values)| *g == group && !values.is_empty());
            let root = format!("/{}", group.root());
            let values: Vec<(String, u64)> = if own_filter {
                let mut collector = FacetCollector::for_field("facets");
                collector.add_facet(root.as_str());
                let without = build(&self.fields, &parts, request, Some(group));
                let counts = searcher.search(&without, &collector)?;
                facet_values(&counts, &root)
            } else {
                facet_values(&counts, &root)
            };
            facets.push((group, values));
        }
        let snippets = self.snippets(&words(&parts));
        let mut hits = Vec::with_capacity(addresses.len());
        for (score, address) in addresses {
            hits.push(self.hit(&searcher, address, score, &snippets)?);
        }
        Ok(Results {
            total,
            hits,
            facets,
        })
    }

    /// The practices most like the given one, by the words they share; `None` when the index
    /// does not hold it.
    pub fn similar(&self, id: Uuid, limit: usize) -> Result<Option<Vec<Hit>>> {
        let searcher = self.reader.searcher();
        let id_term = Term::from_field_text(self.fields.id, &id.to_string());
        let found = searcher.search(
            &TermQuery::new(id_term.clone(), IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let like: Box<dyn Query> = Box::new(
            MoreLikeThisQuery::builder()
                .with_min_doc_frequency(1)
                .with_min_term_frequency(1)
                .with_max_query_terms(30)
                .with_min_word_length(3)
                .with_document(*address),
        );
        let query = BooleanQuery::new(vec![
            (Occur::Must, like),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    facet_term(&self.fields, FacetGroup::Kind, "practice"),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(id_term, IndexRecordOption::Basic)),
            ),
        ]);
        // The engine refuses a limit of 0 (it asserts); asked for none, none are looked for.
        if limit == 0 {
            return Ok(Some(Vec::new()));
        }
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let none = Snippets::none(self.fields.text);
        top.into_iter()
            .map(|(score, address)| self.hit(&searcher, address, score, &none))
            .collect::<Result<Vec<_>>>()
            .map(Some)
    }

    fn snippets(&self, words: &[(String, Option<String>)]) -> Snippets {
        Snippets {
            words: words.to_vec(),
            field: self.fields.text,
        }
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        score: f32,
        snippets: &Snippets,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| -> String {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let body = text(self.fields.text);
        let snippet = snippets.fragments(&body);
        Ok(Hit {
            id: Uuid::parse_str(&text(self.fields.id)).map_err(|e| {
                SearchError::Engine(tantivy::TantivyError::InternalError(e.to_string()))
            })?,
            kind: text(self.fields.kind),
            title: text(self.fields.title),
            publisher: text(self.fields.publisher),
            federal_state: text(self.fields.federal_state),
            date: doc
                .get_first(self.fields.date)
                .and_then(|v| v.as_i64())
                .unwrap_or_default(),
            score,
            snippet,
        })
    }
}

fn facet_values(counts: &FacetCounts, root: &str) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = counts
        .get(root)
        .filter_map(|(facet, count)| {
            facet
                .to_path()
                .last()
                .map(|value| ((*value).to_owned(), count))
        })
        .collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values
}

/// Cuts the snippet of a hit: the best passage with the search words marked, or the text's
/// beginning when the words are only in the title. A word of the text counts as found when
/// the search would have matched it: the same stem, the stem as a compound's start or end,
/// or one typo away.
struct Snippets {
    words: Vec<(String, Option<String>)>,
    field: Field,
}

impl Snippets {
    fn none(field: Field) -> Self {
        Self {
            words: Vec::new(),
            field,
        }
    }

    fn matched_terms(&self, body: &str) -> BTreeMap<String, f32> {
        let mut out = BTreeMap::new();
        if self.words.is_empty() {
            return out;
        }
        for (_, stem, word) in crate::analysis::stems_and_words(body) {
            if out.contains_key(&stem) {
                continue;
            }
            if self
                .words
                .iter()
                .any(|(s, w)| matches_word(&stem, &word, s, w.as_deref()))
            {
                out.insert(stem, 1.0);
            }
        }
        out
    }

    fn fragments(&self, body: &str) -> Vec<Fragment> {
        let terms = self.matched_terms(body);
        if !terms.is_empty() {
            let mut generator = SnippetGenerator::new(terms, german(), self.field, SNIPPET_CHARS);
            generator.set_max_num_chars(SNIPPET_CHARS);
            let snippet = generator.snippet(body);
            if !snippet.is_empty() {
                let fragment = snippet.fragment();
                let mut out = Vec::new();
                let mut at = 0;
                for range in snippet.highlighted() {
                    if range.start > at {
                        out.push(Fragment {
                            text: fragment[at..range.start].to_owned(),
                            highlighted: false,
                        });
                    }
                    out.push(Fragment {
                        text: fragment[range.clone()].to_owned(),
                        highlighted: true,
                    });
                    at = range.end;
                }
                if at < fragment.len() {
                    out.push(Fragment {
                        text: fragment[at..].to_owned(),
                        highlighted: false,
                    });
                }
                return out;
            }
        }
        let beginning: String = body.chars().take(SNIPPET_CHARS).collect();
        if beginning.is_empty() {
            return Vec::new();
        }
        let cut = beginning.len() < body.len();
        vec![Fragment {
            text: if cut {
                format!("{beginning} …")
            } else {
                beginning
            },
            highlighted: false,
        }]
    }
}

/// Whether a search word (its stem, and its unstemmed form unless it is part of a phrase)
/// matches a word of the text as the query does (see [`crate::query`]).
fn matches_word(stem: &str, word: &str, searched: &str, searched_word: Option<&str>) -> bool {
    let Some(searched_word) = searched_word else {
        return stem == searched;
    };
    let length = searched.chars().count();
    stem == searched
        || (length >= 5 && stem.starts_with(searched))
        || (length >= 6 && stem.ends_with(searched))
        || {
            let distance = crate::query::typo_distance(searched_word);
            distance > 0 && edit_distance(word, searched_word) <= usize::from(distance)
        }
}

/// Levenshtein distance with adjacent transpositions counted as one edit, as the fuzzy
/// query counts them.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_count_like_the_fuzzy_query() {
        assert_eq!(edit_distance("beleuchtung", "beleuchtnug"), 1);
        assert_eq!(edit_distance("kleingart", "kleingart"), 0);
        assert_eq!(edit_distance("schul", "schal"), 1);
        let typed = |stem: &str, word: &str| (stem.to_owned(), Some(word.to_owned()));
        let (s, w) = typed("kleingart", "kleingarten");
        assert!(matches_word(
            "kleingartenanlag",
            "kleingartenanlagen",
            &s,
            w.as_deref()
        ));
        let (s, w) = typed("bahnhof", "bahnhof");
        assert!(matches_word(
            "hauptbahnhof",
            "hauptbahnhof",
            &s,
            w.as_deref()
        ));
        let (s, w) = typed("beleuchtnug", "beleuchtnug");
        assert!(matches_word("beleucht", "beleuchtung", &s, w.as_deref()));
        let (s, w) = typed("sucht", "sucht");
        assert!(!matches_word("besucht", "besucht", &s, w.as_deref()));
        assert!(!matches_word("schulen", "schulen", "schul", None));
    }
}
