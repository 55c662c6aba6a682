//! German text analysis: the same chain for documents and queries, so that the spellings a
//! user types and the spellings an author wrote meet in one term.
//!
//! Words are lower-cased, stop words dropped, umlauts and ß folded ("Kleingärten" and
//! "Kleingaerten" → "kleingarten", "Straße" and "Strasse" → "strasse") and then stemmed with
//! the Snowball German stemmer ("kleingarten" → "kleingart").

use std::mem;

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

/// The name under which the analyser is registered with the index.
pub const GERMAN: &str = "praevnet_german";

/// The same chain without the stemmer, for typo tolerance: a typo can change what the stemmer
/// cuts off ("Beleuchtnug" keeps its ending, "Beleuchtung" loses it), so edits are counted on
/// whole words.
pub const PLAIN: &str = "praevnet_plain";

/// Builds the analyser. Positions survive the dropped stop words, so a phrase query keeps
/// its gaps ("Gewalt an Schulen" matches the text, not "Gewalt, Schulen").
pub fn german() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder
            .filter(stop_words)
            .filter(GermanFolding)
            .filter(Stemmer::new(Language::German))
            .build(),
        None => builder
            .filter(GermanFolding)
            .filter(Stemmer::new(Language::German))
            .build(),
    }
}

/// Words as [`german`] makes them, written backwards: a compound's end ("…bahnhof") becomes a
/// prefix ("fohnhab…"), which the term dictionary finds without reading all of it.
pub const REVERSED: &str = "praevnet_reversed";

/// [`german`], each term reversed.
pub fn reversed() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder
            .filter(stop_words)
            .filter(GermanFolding)
            .filter(Stemmer::new(Language::German))
            .filter(Backwards)
            .build(),
        None => builder
            .filter(GermanFolding)
            .filter(Stemmer::new(Language::German))
            .filter(Backwards)
            .build(),
    }
}

/// [`german`] without the stemmer.
pub fn plain() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder.filter(stop_words).filter(GermanFolding).build(),
        None => builder.filter(GermanFolding).build(),
    }
}

fn run(mut analyzer: TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push((token.position, token.text.clone()));
    }
    out
}

/// The analysed terms of a text with their positions.
pub fn terms(text: &str) -> Vec<(usize, String)> {
    run(german(), text)
}

/// Each word's stem and its unstemmed form, with its position.
pub fn stems_and_words(text: &str) -> Vec<(usize, String, String)> {
    terms(text)
        .into_iter()
        .zip(run(plain(), text))
        .map(|((position, stem), (_, word))| (position, stem, word))
        .collect()
}

/// Folds umlauts, their two-letter spellings and ß; expects lower-case input.
#[derive(Clone, Debug)]
pub struct GermanFolding;

impl TokenFilter for GermanFolding {
    type Tokenizer<T: Tokenizer> = GermanFoldingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        GermanFoldingFilter {
            tokenizer,
            buffer: String::new(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct GermanFoldingFilter<T> {
    tokenizer: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for GermanFoldingFilter<T> {
    type TokenStream<'a> = GermanFoldingStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        GermanFoldingStream {
            tail: self.tokenizer.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

#[derive(Debug)]
pub struct GermanFoldingStream<'a, T> {
    buffer: &'a mut String,
    tail: T,
}

/// Writes the folded word into `out`. "ae", "oe" and "ue" count as umlauts except after a
/// vowel or "q" ("Feuer", "Quelle" stay); both sides of a search are folded alike, so a rare
/// wrong fold costs precision, never a match.
fn fold(word: &str, out: &mut String) {
    out.clear();
    let mut previous: Option<char> = None;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let folded = match c {
            'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ó' | 'ô' => 'o',
            'ü' | 'ú' | 'û' => 'u',
            'é' | 'è' | 'ê' => 'e',
            'ß' => {
                out.push_str("ss");
                previous = Some('s');
                continue;
            }
            'a' | 'o' | 'u'
                if chars.peek() == Some(&'e')
                    && !matches!(previous, Some('a' | 'e' | 'i' | 'o' | 'u' | 'q')) =>
            {
                chars.next();
                c
            }
            other => other,
        };
        out.push(folded);
        previous = Some(folded);
    }
}

impl<T: TokenStream> TokenStream for GermanFoldingStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &self.tail.token().text;
        let needs_folding = text.contains([
            'ä', 'ö', 'ü', 'ß', 'à', 'á', 'â', 'ó', 'ô', 'ú', 'û', 'é', 'è', 'ê',
        ]) || text.contains("ae")
            || text.contains("oe")
            || text.contains("ue");
        if needs_folding {
            fold(text, self.buffer);
            mem::swap(&mut self.tail.token_mut().text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Writes each term backwards (see [`REVERSED`]).
#[derive(Clone, Debug)]
pub struct Backwards;

impl TokenFilter for Backwards {
    type Tokenizer<T: Tokenizer> = BackwardsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        BackwardsFilter { tokenizer }
    }
}

#[derive(Clone, Debug)]
pub struct BackwardsFilter<T> {
    tokenizer: T,
}

impl<T: Tokenizer> Tokenizer for BackwardsFilter<T> {
    type TokenStream<'a> = BackwardsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BackwardsStream {
            tail: self.tokenizer.token_stream(text),
        }
    }
}

#[derive(Debug)]
pub struct BackwardsStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for BackwardsStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let turned: String = self.tail.token().text.chars().rev().collect();
        self.tail.token_mut().text = turned;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn umlauts_and_sharp_s_meet_their_spellings() {
        assert_eq!(words("Kleingärten"), words("Kleingarten"));
        assert_eq!(words("Kleingaerten"), words("Kleingarten"));
        assert_eq!(words("Straße"), words("Strasse"));
        assert_eq!(words("Gewalt gegen Frauen"), words("Gewalt Frau"));
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(words("Schulen"), words("Schule"));
        assert_eq!(words("Jugendlichen"), words("Jugendliche"));
        assert_eq!(words("Einbrüche"), words("Einbruch")[..1].to_vec());
    }

    #[test]
    fn vowel_pairs_that_are_no_umlauts_stay() {
        let mut out = String::new();
        fold("feuer", &mut out);
        assert_eq!(out, "feuer");
        fold("quelle", &mut out);
        assert_eq!(out, "quelle");
        fold("muenchen", &mut out);
        assert_eq!(out, "munchen");
    }

    #[test]
    fn reversed_terms_turn_a_compounds_end_into_a_prefix() {
        let mut analyzer = reversed();
        let mut stream = analyzer.token_stream("Hauptbahnhof");
        assert!(stream.advance());
        assert!(stream.token().text.starts_with("fohnhab"));
    }

    #[test]
    fn stop_words_keep_their_positions() {
        let positions: Vec<usize> = terms("Gewalt an Schulen")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(positions, vec![0, 2]);
    }
}
