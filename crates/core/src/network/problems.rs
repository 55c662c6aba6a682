//! What a practice, a contact request or a catalogue offer's seal can get wrong.
//!
//! Part of the one closed error type ([`crate::Problem`]): each area owns its problems and says
//! them in both languages; a problem without a message in either does not compile.

use chrono::NaiveDate;

use crate::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetworkProblem {
    /// Publishing a practice needs this field.
    NeededToPublish,
    /// A city writing to itself about its own practice.
    OwnPractice,
    /// A seal is to be granted while the current one still holds.
    SealValid { until: NaiveDate },
    /// Renewing or withdrawing a seal that was never granted (or is withdrawn).
    NoSeal,
    /// A renewal must end later than the current validity.
    RenewalNotLater { until: NaiveDate },
}

impl NetworkProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NetworkProblem::OwnPractice, Lang::De) => {
                "Das ist ein Praxisbeispiel Ihrer eigenen Kommune.".into()
            }
            (NetworkProblem::OwnPractice, Lang::En) => {
                "This is your own municipality's practice.".into()
            }
            (NetworkProblem::SealValid { until }, Lang::De) => format!(
                "Das Qualitätssiegel gilt bereits bis zum {}; verlängern Sie es stattdessen.",
                until.format("%d.%m.%Y")
            ),
            (NetworkProblem::SealValid { until }, Lang::En) => format!(
                "The quality seal is valid until {} already; renew it instead.",
                until.format("%Y-%m-%d")
            ),
            (NetworkProblem::NoSeal, Lang::De) => {
                "Dieses Angebot hat kein erteiltes Qualitätssiegel.".into()
            }
            (NetworkProblem::NoSeal, Lang::En) => {
                "This offer holds no granted quality seal.".into()
            }
            (NetworkProblem::RenewalNotLater { until }, Lang::De) => format!(
                "Die Verlängerung muss nach dem bisherigen Ende ({}) und nach heute enden.",
                until.format("%d.%m.%Y")
            ),
            (NetworkProblem::RenewalNotLater { until }, Lang::En) => format!(
                "The renewal must end after the current end ({}) and after today.",
                until.format("%Y-%m-%d")
            ),
            (NetworkProblem::NeededToPublish, Lang::De) => {
                "Zum Veröffentlichen muss dieses Feld ausgefüllt sein.".into()
            }
            (NetworkProblem::NeededToPublish, Lang::En) => "Publishing needs this field.".into(),
        }
    }
}
