//! The 16 German Länder, with the two-digit key that starts every AGS of the Land.

use std::fmt;

/// A German federal state (Bundesland).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FederalState {
    SchleswigHolstein,
    Hamburg,
    Niedersachsen,
    Bremen,
    NordrheinWestfalen,
    Hessen,
    RheinlandPfalz,
    BadenWuerttemberg,
    Bayern,
    Saarland,
    Berlin,
    Brandenburg,
    MecklenburgVorpommern,
    Sachsen,
    SachsenAnhalt,
    Thueringen,
}

impl FederalState {
    pub const ALL: [FederalState; 16] = [
        FederalState::SchleswigHolstein,
        FederalState::Hamburg,
        FederalState::Niedersachsen,
        FederalState::Bremen,
        FederalState::NordrheinWestfalen,
        FederalState::Hessen,
        FederalState::RheinlandPfalz,
        FederalState::BadenWuerttemberg,
        FederalState::Bayern,
        FederalState::Saarland,
        FederalState::Berlin,
        FederalState::Brandenburg,
        FederalState::MecklenburgVorpommern,
        FederalState::Sachsen,
        FederalState::SachsenAnhalt,
        FederalState::Thueringen,
    ];

    /// The Land's key in the AGS (01 Schleswig-Holstein ... 16 Thüringen).
    pub fn ags_prefix(self) -> &'static str {
        match self {
            FederalState::SchleswigHolstein => "01",
            FederalState::Hamburg => "02",
            FederalState::Niedersachsen => "03",
            FederalState::Bremen => "04",
            FederalState::NordrheinWestfalen => "05",
            FederalState::Hessen => "06",
            FederalState::RheinlandPfalz => "07",
            FederalState::BadenWuerttemberg => "08",
            FederalState::Bayern => "09",
            FederalState::Saarland => "10",
            FederalState::Berlin => "11",
            FederalState::Brandenburg => "12",
            FederalState::MecklenburgVorpommern => "13",
            FederalState::Sachsen => "14",
            FederalState::SachsenAnhalt => "15",
            FederalState::Thueringen => "16",
        }
    }

    /// The ISO 3166-2 subdivision code without the `DE-` prefix; this is what is stored.
    pub fn code(self) -> &'static str {
        match self {
            FederalState::SchleswigHolstein => "SH",
            FederalState::Hamburg => "HH",
            FederalState::Niedersachsen => "NI",
            FederalState::Bremen => "HB",
            FederalState::NordrheinWestfalen => "NW",
            FederalState::Hessen => "HE",
            FederalState::RheinlandPfalz => "RP",
            FederalState::BadenWuerttemberg => "BW",
            FederalState::Bayern => "BY",
            FederalState::Saarland => "SL",
            FederalState::Berlin => "BE",
            FederalState::Brandenburg => "BB",
            FederalState::MecklenburgVorpommern => "MV",
            FederalState::Sachsen => "SN",
            FederalState::SachsenAnhalt => "ST",
            FederalState::Thueringen => "TH",
        }
    }

    pub fn from_code(code: &str) -> Option<FederalState> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn from_ags_prefix(prefix: &str) -> Option<FederalState> {
        Self::ALL.into_iter().find(|s| s.ags_prefix() == prefix)
    }

    /// The official German name, as users read it.
    pub fn name_de(self) -> &'static str {
        match self {
            FederalState::SchleswigHolstein => "Schleswig-Holstein",
            FederalState::Hamburg => "Hamburg",
            FederalState::Niedersachsen => "Niedersachsen",
            FederalState::Bremen => "Bremen",
            FederalState::NordrheinWestfalen => "Nordrhein-Westfalen",
            FederalState::Hessen => "Hessen",
            FederalState::RheinlandPfalz => "Rheinland-Pfalz",
            FederalState::BadenWuerttemberg => "Baden-Württemberg",
            FederalState::Bayern => "Bayern",
            FederalState::Saarland => "Saarland",
            FederalState::Berlin => "Berlin",
            FederalState::Brandenburg => "Brandenburg",
            FederalState::MecklenburgVorpommern => "Mecklenburg-Vorpommern",
            FederalState::Sachsen => "Sachsen",
            FederalState::SachsenAnhalt => "Sachsen-Anhalt",
            FederalState::Thueringen => "Thüringen",
        }
    }
}

impl fmt::Display for FederalState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_de())
    }
}

#[cfg(test)]
mod tests {
    use super::FederalState;

    #[test]
    fn codes_and_prefixes_are_unique_and_round_trip() {
        for state in FederalState::ALL {
            assert_eq!(FederalState::from_code(state.code()), Some(state));
            assert_eq!(
                FederalState::from_ags_prefix(state.ags_prefix()),
                Some(state)
            );
        }
        assert_eq!(FederalState::from_ags_prefix("17"), None);
        assert_eq!(FederalState::from_code("XX"), None);
    }
}
