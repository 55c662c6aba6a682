//! URL names of municipalities (`halle-saale`), readable and stable in addresses.

use std::fmt;

use crate::Error;
use crate::registry::RegistryProblem;

/// Lowercase a-z, digits and single inner hyphens; 2 to 64 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 64;

    pub fn parse(input: &str) -> Result<Slug, Error> {
        let value = input.trim();
        let well_formed = (2..=Self::MAX_LEN).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-')
            && !value.contains("--");
        if well_formed {
            Ok(Slug(value.to_owned()))
        } else {
            Err(Error::validation("slug", RegistryProblem::SlugFormat))
        }
    }

    /// Derives a slug from a German name: umlauts and ß transliterated, the rest folded to
    /// hyphens ("Halle (Saale)" becomes `halle-saale`).
    pub fn from_name(name: &str) -> Result<Slug, Error> {
        let mut out = String::with_capacity(name.len());
        for c in name.chars().flat_map(char::to_lowercase) {
            match c {
                'ä' => out.push_str("ae"),
                'ö' => out.push_str("oe"),
                'ü' => out.push_str("ue"),
                'ß' => out.push_str("ss"),
                'a'..='z' | '0'..='9' => out.push(c),
                _ => {
                    if !out.ends_with('-') && !out.is_empty() {
                        out.push('-');
                    }
                }
            }
        }
        let mut trimmed = out.trim_end_matches('-').to_owned();
        if trimmed.len() > Self::MAX_LEN {
            trimmed.truncate(Self::MAX_LEN);
            trimmed = trimmed.trim_end_matches('-').to_owned();
        }
        Slug::parse(&trimmed)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Slug;

    #[test]
    fn derived_from_german_names() {
        for (name, slug) in [
            ("Halle (Saale)", "halle-saale"),
            ("Zwickau", "zwickau"),
            ("Fürstenwalde/Spree", "fuerstenwalde-spree"),
            ("Groß-Umstadt", "gross-umstadt"),
            ("  Bad Schönborn ", "bad-schoenborn"),
        ] {
            assert_eq!(Slug::from_name(name).expect(name).as_str(), slug);
        }
    }

    #[test]
    fn refuses_what_breaks_urls() {
        for bad in [
            "",
            "a",
            "Halle",
            "halle saale",
            "-halle",
            "halle-",
            "hal--le",
            "straße",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
        assert!(Slug::from_name("!!").is_err());
        assert_eq!(
            Slug::from_name(&"x".repeat(100))
                .expect("long")
                .as_str()
                .len(),
            64
        );
    }
}
