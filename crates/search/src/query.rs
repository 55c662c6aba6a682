//! Turns what a user typed into a tantivy query: every word required (in the title, the text,
//! the descriptors' labels or the publisher's name, or within one typo of a word there), quoted phrases in order.

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    RegexQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};

use crate::analysis::{stems_and_words, terms};
use crate::document::{FacetGroup, Request};
use crate::schema::Fields;

/// Most words a search uses: each becomes several term, typo and compound queries, run once
/// per facet. Callers refuse longer texts with a clear message; the engine uses the first
/// words of one that reaches it anyway.
pub const WORDS_MAX: usize = 12;

/// Longest word matched with typos or as part of a compound: the automata for these queries
/// grow with the word, and a longer word is rare enough to be typed right.
const AUTOMATON_WORD_MAX: usize = 24;

/// A part of the search text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// An analysed word: its stem and its unstemmed form.
    Word { stem: String, plain: String },
    /// Analysed words with their positions, to be found in this order.
    Phrase(Vec<(usize, String)>),
}

/// Splits the text at double quotes: inside them phrases, outside single words. An unclosed
/// quote runs to the end.
pub(crate) fn parts(text: &str) -> Vec<Part> {
    let mut out = Vec::new();
    // German typographic quotes count like the typed ones.
    let text = text.replace(['„', '“', '”'], "\"");
    for (i, segment) in text.split('"').enumerate() {
        let analysed = stems_and_words(segment);
        if i % 2 == 1 && analysed.len() > 1 {
            let first = analysed[0].0;
            out.push(Part::Phrase(
                analysed
                    .into_iter()
                    .map(|(p, stem, _)| (p - first, stem))
                    .collect(),
            ));
        } else {
            out.extend(
                analysed
                    .into_iter()
                    .map(|(_, stem, plain)| Part::Word { stem, plain }),
            );
        }
    }
    out.truncate(WORDS_MAX);
    out
}

/// The words of all parts as (stem, unstemmed form), for highlighting; a phrase's words
/// must match exactly, so they carry no unstemmed form.
pub(crate) fn words(parts: &[Part]) -> Vec<(String, Option<String>)> {
    parts
        .iter()
        .flat_map(|p| match p {
            Part::Word { stem, plain } => vec![(stem.clone(), Some(plain.clone()))],
            Part::Phrase(ts) => ts.iter().map(|(_, t)| (t.clone(), None)).collect(),
        })
        .collect()
}

/// How many edits a word may be off: none for short words, where one edit makes another word.
pub(crate) fn typo_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=9 => 1,
        10..=AUTOMATON_WORD_MAX => 2,
        _ => 0,
    }
}

fn term_query(term: Term, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(
        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
        boost,
    ))
}

fn word_query(fields: &Fields, word: &str, plain: &str) -> Box<dyn Query> {
    let mut should: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Should,
            term_query(Term::from_field_text(fields.title, word), 3.0),
        ),
        (
            Occur::Should,
            term_query(Term::from_field_text(fields.text, word), 1.0),
        ),
        (
            Occur::Should,
            term_query(Term::from_field_text(fields.tags, word), 1.5),
        ),
        (
            Occur::Should,
            term_query(Term::from_field_text(fields.publisher, word), 2.0),
        ),
    ];
    let distance = typo_distance(plain);
    if distance > 0 {
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(FuzzyTermQuery::new(
                    Term::from_field_text(fields.plain, plain),
                    distance,
                    true,
                )),
                0.3,
            )),
        ));
    }
    should.extend(compound_queries(fields, word));
    Box::new(BooleanQuery::new(should))
}

/// German writes compounds as one word: "Sucht" should find "Suchtprävention" and "Bahnhof"
/// "Hauptbahnhof". A word of five letters or more also matches as the start of a longer word,
/// one of six or more as its end (a prefix of the backwards field, so neither walks the whole
/// term dictionary), both with a low weight. Analysed words hold letters and digits only, so
/// they are safe inside a regular expression.
fn compound_queries(fields: &Fields, word: &str) -> Vec<(Occur, Box<dyn Query>)> {
    let length = word.chars().count();
    let mut patterns: Vec<(String, Field, f32)> = Vec::new();
    if length > AUTOMATON_WORD_MAX {
        return Vec::new();
    }
    if length >= 5 {
        patterns.push((format!("{word}.+"), fields.title, 0.8));
        patterns.push((format!("{word}.+"), fields.text, 0.25));
    }
    if length >= 6 {
        let backwards: String = word.chars().rev().collect();
        patterns.push((format!("{backwards}.+"), fields.reversed, 0.4));
    }
    let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (pattern, field, boost) in patterns {
        if let Ok(regex) = RegexQuery::from_pattern(&pattern, field) {
            out.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(regex), boost)),
            ));
        }
    }
    out
}

fn phrase_query(fields: &Fields, words: &[(usize, String)]) -> Box<dyn Query> {
    let phrase = |field, boost| -> (Occur, Box<dyn Query>) {
        (
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(PhraseQuery::new_with_offset(
                    words
                        .iter()
                        .map(|(p, w)| (*p, Term::from_field_text(field, w)))
                        .collect(),
                )),
                boost,
            )),
        )
    };
    Box::new(BooleanQuery::new(vec![
        phrase(fields.title, 3.0),
        phrase(fields.tags, 1.5),
        phrase(fields.text, 1.0),
    ]))
}

/// Texts where the search words stand close together, in the order typed, rank higher:
/// "Gewalt an Schulen" prefers the text saying so over one with "Gewalt" and "Schule" apart,
/// and a record tagged with exactly that vocabulary label most.
fn proximity(fields: &Fields, text: &str) -> Option<Box<dyn Query>> {
    let mut words = terms(text);
    words.truncate(WORDS_MAX);
    if words.len() < 2 {
        return None;
    }
    let first = words[0].0;
    let near = |field, slop, boost| -> (Occur, Box<dyn Query>) {
        let terms = words
            .iter()
            .map(|(p, w)| (p - first, Term::from_field_text(field, w)))
            .collect();
        (
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)),
                boost,
            )),
        )
    };
    Some(Box::new(BooleanQuery::new(vec![
        near(fields.title, 3, 3.0),
        near(fields.tags, 0, 3.0),
        near(fields.text, 3, 2.0),
    ])))
}

pub(crate) fn facet_term(fields: &Fields, group: FacetGroup, value: &str) -> Term {
    Term::from_facet(fields.facets, &Facet::from_path([group.root(), value]))
}

/// The whole query; `except` leaves one group's filter out (to count that group's values).
pub(crate) fn build(
    fields: &Fields,
    parts: &[Part],
    request: &Request,
    except: Option<FacetGroup>,
) -> Box<dyn Query> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = parts
        .iter()
        .map(|part| {
            let q = match part {
                Part::Word { stem, plain } => word_query(fields, stem, plain),
                Part::Phrase(ws) => phrase_query(fields, ws),
            };
            (Occur::Must, q)
        })
        .collect();
    for (group, values) in &request.filters {
        if Some(*group) == except || values.is_empty() {
            continue;
        }
        let alternatives: Vec<(Occur, Box<dyn Query>)> = values
            .iter()
            .map(|v| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    facet_term(fields, *group, v),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        must.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(alternatives)),
                0.0,
            )),
        ));
    }
    if let Some(nearby) = proximity(fields, &request.text) {
        must.push((Occur::Should, nearby));
    }
    if must.is_empty() {
        return Box::new(AllQuery);
    }
    Box::new(BooleanQuery::new(must))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_make_phrases_and_the_rest_words() {
        let parsed = parts(r#"Prävention "Gewalt an Schulen" Leipzig"#);
        assert_eq!(parsed.len(), 3);
        assert!(matches!(&parsed[1], Part::Phrase(ws) if ws.len() == 2 && ws[1].0 == 2));
        assert_eq!(
            parsed[2],
            Part::Word {
                stem: "leipzig".into(),
                plain: "leipzig".into()
            }
        );
    }

    #[test]
    fn a_quoted_single_word_is_a_word_and_stop_words_vanish() {
        assert_eq!(
            parts(r#""Schule""#),
            vec![Part::Word {
                stem: "schul".into(),
                plain: "schule".into()
            }]
        );
        assert!(parts("die der und").is_empty());
    }
}
