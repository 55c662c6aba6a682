//! The API's enums as Rust types shared by all queries (graphql_client's `extern_enums`), with
//! what the interface shows for them.

use serde::{Deserialize, Serialize};

use crate::i18n::Texts;

/// A German federal state by its ISO 3166-2 code, as the API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum FederalState {
    Sh,
    Hh,
    Ni,
    Hb,
    Nw,
    He,
    Rp,
    Bw,
    By,
    Sl,
    Be,
    Bb,
    Mv,
    Sn,
    St,
    Th,
}

impl FederalState {
    /// In the order of the official key (AGS), as in the municipality registry.
    pub const ALL: [FederalState; 16] = [
        FederalState::Sh,
        FederalState::Hh,
        FederalState::Ni,
        FederalState::Hb,
        FederalState::Nw,
        FederalState::He,
        FederalState::Rp,
        FederalState::Bw,
        FederalState::By,
        FederalState::Sl,
        FederalState::Be,
        FederalState::Bb,
        FederalState::Mv,
        FederalState::Sn,
        FederalState::St,
        FederalState::Th,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FederalState::Sh => "SH",
            FederalState::Hh => "HH",
            FederalState::Ni => "NI",
            FederalState::Hb => "HB",
            FederalState::Nw => "NW",
            FederalState::He => "HE",
            FederalState::Rp => "RP",
            FederalState::Bw => "BW",
            FederalState::By => "BY",
            FederalState::Sl => "SL",
            FederalState::Be => "BE",
            FederalState::Bb => "BB",
            FederalState::Mv => "MV",
            FederalState::Sn => "SN",
            FederalState::St => "ST",
            FederalState::Th => "TH",
        }
    }

    pub fn from_code(code: &str) -> Option<FederalState> {
        FederalState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The German name, in both languages: it is a proper name.
    pub fn name(self) -> &'static str {
        match self {
            FederalState::Sh => "Schleswig-Holstein",
            FederalState::Hh => "Hamburg",
            FederalState::Ni => "Niedersachsen",
            FederalState::Hb => "Bremen",
            FederalState::Nw => "Nordrhein-Westfalen",
            FederalState::He => "Hessen",
            FederalState::Rp => "Rheinland-Pfalz",
            FederalState::Bw => "Baden-Württemberg",
            FederalState::By => "Bayern",
            FederalState::Sl => "Saarland",
            FederalState::Be => "Berlin",
            FederalState::Bb => "Brandenburg",
            FederalState::Mv => "Mecklenburg-Vorpommern",
            FederalState::Sn => "Sachsen",
            FederalState::St => "Sachsen-Anhalt",
            FederalState::Th => "Thüringen",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MunicipalityStatus {
    Onboarding,
    Active,
    Inactive,
}

impl MunicipalityStatus {
    pub const ALL: [MunicipalityStatus; 3] = [
        MunicipalityStatus::Onboarding,
        MunicipalityStatus::Active,
        MunicipalityStatus::Inactive,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MunicipalityStatus::Onboarding => "ONBOARDING",
            MunicipalityStatus::Active => "ACTIVE",
            MunicipalityStatus::Inactive => "INACTIVE",
        }
    }

    pub fn from_code(code: &str) -> Option<MunicipalityStatus> {
        MunicipalityStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            MunicipalityStatus::Onboarding => t.registry.status_onboarding,
            MunicipalityStatus::Active => t.registry.status_active,
            MunicipalityStatus::Inactive => t.registry.status_inactive,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RoleKind {
    PlatformAdmin,
    StateOffice,
    MunicipalityAdmin,
}

/// Thousands grouped as readers of the language expect (238.000 / 238,000).
pub fn group_thousands(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_api_spelling() {
        for state in FederalState::ALL {
            let json = serde_json::to_string(&state).expect("serialises");
            assert_eq!(json, format!("\"{}\"", state.code()));
            assert_eq!(FederalState::from_code(state.code()), Some(state));
        }
        for status in MunicipalityStatus::ALL {
            let json = serde_json::to_string(&status).expect("serialises");
            assert_eq!(json, format!("\"{}\"", status.code()));
        }
        let role: RoleKind = serde_json::from_str("\"MUNICIPALITY_ADMIN\"").expect("parses");
        assert_eq!(role, RoleKind::MunicipalityAdmin);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(238_000, '.'), "238.000");
        assert_eq!(group_thousands(1_234_567, ','), "1,234,567");
        assert_eq!(group_thousands(999, '.'), "999");
        assert_eq!(group_thousands(-1000, '.'), "-1.000");
    }
}
