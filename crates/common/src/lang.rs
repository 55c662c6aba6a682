//! The languages users read: German first, English second.

/// A language the platform answers in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// The ISO 639-1 code, as in `Accept-Language`, `<html lang>` and the app's remembered choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Only the exact lowercase code: what was written by [`Lang::code`], not a header's tag.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a switch offers: with two languages, the one not shown.
    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }

    /// Picks the language from an `Accept-Language` header: the first supported tag wins,
    /// German when none is supported (the platform's users are German public bodies).
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(header) = header else {
            return Lang::De;
        };
        let mut tags: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((quality, tag))
            })
            .collect();
        // Stable sort keeps the header's order among equal weights.
        tags.sort_by(|a, b| b.0.total_cmp(&a.0));
        tags.into_iter()
            .find_map(|(_, tag)| {
                let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or(Lang::De)
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn german_is_the_default() {
        assert_eq!(Lang::from_accept_language(None), Lang::De);
        assert_eq!(Lang::from_accept_language(Some("fr-FR")), Lang::De);
        assert_eq!(Lang::from_accept_language(Some("")), Lang::De);
    }

    #[test]
    fn codes_round_trip() {
        for lang in [Lang::De, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
            assert_ne!(lang.other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code("DE"), None);
    }

    #[test]
    fn weights_and_order_decide() {
        assert_eq!(Lang::from_accept_language(Some("en-GB,en;q=0.9")), Lang::En);
        assert_eq!(
            Lang::from_accept_language(Some("fr, en;q=0.5, de;q=0.8")),
            Lang::De
        );
        assert_eq!(Lang::from_accept_language(Some("de;q=0.1, EN")), Lang::En);
    }
}
