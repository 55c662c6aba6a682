//! The Amtlicher Gemeindeschlüssel (AGS), the official eight-digit municipality key.

use std::fmt;

use crate::Error;
use crate::FederalState;
use crate::registry::RegistryProblem;

/// A well-formed AGS: eight digits whose first two name an existing Land.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ags(String);

impl Ags {
    pub fn parse(input: &str) -> Result<Ags, Error> {
        let value = input.trim();
        if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::validation("ags", RegistryProblem::AgsFormat));
        }
        if FederalState::from_ags_prefix(&value[..2]).is_none() {
            return Err(Error::validation("ags", RegistryProblem::AgsUnknownState));
        }
        Ok(Ags(value.to_owned()))
    }

    /// The Land the key belongs to (its first two digits).
    pub fn federal_state(&self) -> FederalState {
        // Checked in `parse`; a fallback keeps this total without a panic.
        FederalState::from_ags_prefix(&self.0[..2]).unwrap_or(FederalState::Berlin)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Ags;
    use crate::FederalState;

    #[test]
    fn seed_cities_parse_with_their_land() {
        for (ags, state) in [
            ("15002000", FederalState::SachsenAnhalt),
            ("14713000", FederalState::Sachsen),
            ("14511000", FederalState::Sachsen),
            ("14524330", FederalState::Sachsen),
        ] {
            let parsed = Ags::parse(ags).expect("valid AGS");
            assert_eq!(parsed.federal_state(), state);
            assert_eq!(parsed.as_str(), ags);
        }
    }

    #[test]
    fn malformed_keys_are_refused_with_the_field() {
        for bad in [
            "",
            "1471300",
            "147130000",
            "14a13000",
            "00000000",
            "17000000",
            "１４７１３０００",
        ] {
            let err = Ags::parse(bad).expect_err(bad);
            assert_eq!(err.code(), "VALIDATION", "{bad}");
            assert_eq!(err.field(), Some("ags"), "{bad}");
        }
    }

    #[test]
    fn surrounding_space_is_forgiven() {
        assert_eq!(
            Ags::parse(" 14713000 ").expect("valid").as_str(),
            "14713000"
        );
    }
}
