//! What a municipality's registry entry can get wrong: its AGS, its URL name, its population.
//!
//! Part of the one closed error type ([`crate::Problem`]): each area owns its problems and says
//! them in both languages; a problem without a message in either does not compile.

use crate::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistryProblem {
    AgsFormat,
    AgsUnknownState,
    AgsStateMismatch {
        ags_state: &'static str,
        given_state: &'static str,
    },
    AgsTaken,
    SlugFormat,
    SlugTaken,
    PopulationRange {
        max: i64,
    },
}

impl RegistryProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RegistryProblem::AgsFormat, Lang::De) => {
                "Der Amtliche Gemeindeschlüssel (AGS) muss aus genau 8 Ziffern bestehen.".into()
            }
            (RegistryProblem::AgsFormat, Lang::En) => {
                "The official municipality key (AGS) must consist of exactly 8 digits.".into()
            }
            (RegistryProblem::AgsUnknownState, Lang::De) => {
                "Die ersten beiden Ziffern des AGS müssen ein Bundesland bezeichnen (01 bis 16)."
                    .into()
            }
            (RegistryProblem::AgsUnknownState, Lang::En) => {
                "The first two digits of the AGS must name a federal state (01 to 16).".into()
            }
            (
                RegistryProblem::AgsStateMismatch {
                    ags_state,
                    given_state,
                },
                Lang::De,
            ) => format!(
                "Der AGS gehört zu {ags_state}, angegeben ist aber das Bundesland {given_state}."
            ),
            (
                RegistryProblem::AgsStateMismatch {
                    ags_state,
                    given_state,
                },
                Lang::En,
            ) => format!(
                "The AGS belongs to {ags_state}, but the federal state given is {given_state}."
            ),
            (RegistryProblem::AgsTaken, Lang::De) => {
                "Eine Kommune mit diesem AGS ist bereits angelegt.".into()
            }
            (RegistryProblem::AgsTaken, Lang::En) => {
                "A municipality with this AGS already exists.".into()
            }
            (RegistryProblem::SlugFormat, Lang::De) => "Die Kurzbezeichnung für Adressen darf nur \
                Kleinbuchstaben a-z, Ziffern und Bindestriche enthalten (2 bis 64 Zeichen)."
                .into(),
            (RegistryProblem::SlugFormat, Lang::En) => "The URL name may contain only lowercase \
                letters a-z, digits and hyphens (2 to 64 characters)."
                .into(),
            (RegistryProblem::SlugTaken, Lang::De) => {
                "Diese Kurzbezeichnung ist bereits vergeben.".into()
            }
            (RegistryProblem::SlugTaken, Lang::En) => "This URL name is already taken.".into(),
            (RegistryProblem::PopulationRange { max }, Lang::De) => {
                format!("Die Einwohnerzahl muss zwischen 0 und {max} liegen.")
            }
            (RegistryProblem::PopulationRange { max }, Lang::En) => {
                format!("The population must be between 0 and {max}.")
            }
        }
    }
}
