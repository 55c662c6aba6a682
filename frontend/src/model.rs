//! The API's enums as Rust types shared by all queries (graphql_client's `extern_enums`), with
//! what the interface shows for them.

use std::ops::Deref;

use serde::de::{Error as _, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Texts;

/// A Land as the API names it (`"SH"`, common's code). `praevnet-common` has no serde (no
/// dependencies at all), so graphql_client's `extern_enums` get this wrapper; everything else,
/// names and codes, is common's, through `Deref`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FederalState(pub praevnet_common::FederalState);

impl FederalState {
    /// In the order of the official key (AGS), as in the municipality registry.
    pub const ALL: [FederalState; 16] = {
        let mut all = [FederalState(praevnet_common::FederalState::ALL[0]); 16];
        let mut i = 1;
        while i < all.len() {
            all[i] = FederalState(praevnet_common::FederalState::ALL[i]);
            i += 1;
        }
        all
    };

    pub fn from_code(code: &str) -> Option<FederalState> {
        praevnet_common::FederalState::from_code(code).map(FederalState)
    }
}

impl Deref for FederalState {
    type Target = praevnet_common::FederalState;

    fn deref(&self) -> &praevnet_common::FederalState {
        &self.0
    }
}

impl Serialize for FederalState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for FederalState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FederalState, D::Error> {
        let code = String::deserialize(deserializer)?;
        FederalState::from_code(&code)
            .ok_or_else(|| D::Error::invalid_value(Unexpected::Str(&code), &"a Land's code"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_api_spelling() {
        for state in FederalState::ALL {
            let json = serde_json::to_string(&state).expect("serialises");
            assert_eq!(json, format!("\"{}\"", state.code()));
            assert_eq!(
                serde_json::from_str::<FederalState>(&json).ok(),
                Some(state)
            );
        }
        assert!(serde_json::from_str::<FederalState>("\"XX\"").is_err());
        assert_eq!(
            FederalState::ALL.map(|s| s.0),
            praevnet_common::FederalState::ALL
        );
        for status in MunicipalityStatus::ALL {
            let json = serde_json::to_string(&status).expect("serialises");
            assert_eq!(json, format!("\"{}\"", status.code()));
        }
        let role: RoleKind = serde_json::from_str("\"MUNICIPALITY_ADMIN\"").expect("parses");
        assert_eq!(role, RoleKind::MunicipalityAdmin);
    }
}
