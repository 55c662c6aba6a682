//! What a funding programme, an application or a support request can get wrong.
//!
//! Part of the one closed error type ([`crate::Problem`]): each area owns its problems and says
//! them in both languages; a problem without a message in either does not compile.

use chrono::NaiveDate;
use praevnet_common::euros;

use crate::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LandProblem {
    NegativeAmount,
    PercentRange,
    /// A programme or offer of another Land than the municipality's.
    OtherLand {
        state: &'static str,
    },
    DeadlinePassed {
        deadline: NaiveDate,
    },
    AmountPositive,
    /// The programme's minimum and maximum amount per project.
    AmountRange {
        min: Option<i64>,
        max: Option<i64>,
    },
    YearRange,
    GrantAboveRequest {
        requested: i64,
    },
    /// Granting `amount` would spend more than the programme's budget (of `year`, when the
    /// yearly budget is the limit) has left.
    BudgetExceeded {
        programme: String,
        amount: i64,
        remaining: i64,
        budget: i64,
        year: Option<i32>,
    },
    AlreadyDecided,
    /// An offer with requests moved to another Land.
    OfferRequested,
    NotGranted,
    OfferInactive,
}

impl LandProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LandProblem::NegativeAmount, Lang::De) => "Der Betrag darf nicht negativ sein.".into(),
            (LandProblem::NegativeAmount, Lang::En) => "The amount must not be negative.".into(),
            (LandProblem::PercentRange, Lang::De) => {
                "Der Prozentsatz muss zwischen 0 und 100 liegen.".into()
            }
            (LandProblem::PercentRange, Lang::En) => {
                "The percentage must be between 0 and 100.".into()
            }
            (LandProblem::OtherLand { state }, Lang::De) => {
                format!("Das steht nur Kommunen in {state} offen.")
            }
            (LandProblem::OtherLand { state }, Lang::En) => {
                format!("This is open only to municipalities in {state}.")
            }
            (LandProblem::DeadlinePassed { deadline }, Lang::De) => format!(
                "Die Antragsfrist ist am {} abgelaufen.",
                deadline.format("%d.%m.%Y")
            ),
            (LandProblem::DeadlinePassed { deadline }, Lang::En) => format!(
                "The deadline for applications passed on {}.",
                deadline.format("%Y-%m-%d")
            ),
            (LandProblem::AmountPositive, Lang::De) => "Der Betrag muss größer als 0 sein.".into(),
            (LandProblem::AmountPositive, Lang::En) => "The amount must be above 0.".into(),
            (LandProblem::AmountRange { min, max }, lang) => {
                let e = |v: &i64| euros(*v, lang);
                match (min.as_ref().map(e), max.as_ref().map(e), lang) {
                    (Some(min), Some(max), Lang::De) => {
                        format!("Das Programm fördert Beträge von {min} bis {max}.")
                    }
                    (Some(min), Some(max), Lang::En) => {
                        format!("The programme funds amounts from {min} to {max}.")
                    }
                    (Some(min), None, Lang::De) => {
                        format!("Das Programm fördert Beträge ab {min}.")
                    }
                    (Some(min), None, Lang::En) => {
                        format!("The programme funds amounts of at least {min}.")
                    }
                    (None, Some(max), Lang::De) => {
                        format!("Das Programm fördert höchstens {max}.")
                    }
                    (None, Some(max), Lang::En) => {
                        format!("The programme funds at most {max}.")
                    }
                    (None, None, _) => LandProblem::AmountPositive.message(lang),
                }
            }
            (LandProblem::YearRange, Lang::De) => {
                "Das Förderjahr muss zwischen 2000 und 2100 liegen.".into()
            }
            (LandProblem::YearRange, Lang::En) => {
                "The funding year must be between 2000 and 2100.".into()
            }
            (LandProblem::GrantAboveRequest { requested }, Lang::De) => format!(
                "Bewilligt werden kann höchstens der beantragte Betrag ({}).",
                euros(*requested, lang)
            ),
            (LandProblem::GrantAboveRequest { requested }, Lang::En) => format!(
                "At most the amount requested ({}) can be granted.",
                euros(*requested, lang)
            ),
            (
                LandProblem::BudgetExceeded {
                    programme,
                    amount,
                    remaining,
                    budget,
                    year,
                },
                Lang::De,
            ) => {
                let of = year.map_or(String::new(), |y| format!(" für {y}"));
                format!(
                    "Die Bewilligung von {} übersteigt das Budget von „{programme}“{of}: \
                     von {} sind nur noch {} frei.",
                    euros(*amount, lang),
                    euros(*budget, lang),
                    euros(*remaining, lang)
                )
            }
            (
                LandProblem::BudgetExceeded {
                    programme,
                    amount,
                    remaining,
                    budget,
                    year,
                },
                Lang::En,
            ) => {
                let of = year.map_or(String::new(), |y| format!(" for {y}"));
                format!(
                    "Granting {} exceeds the budget of “{programme}”{of}: only {} of {} \
                     remain.",
                    euros(*amount, lang),
                    euros(*remaining, lang),
                    euros(*budget, lang)
                )
            }
            (LandProblem::OfferRequested, Lang::De) => "Zu diesem Angebot gibt es Anfragen von \
                Kommunen; es bleibt in seinem Land. Legen Sie für das andere Land ein neues \
                Angebot an."
                .into(),
            (LandProblem::OfferRequested, Lang::En) => "Municipalities have requested this offer; \
                it stays in its Land. Create a new offer for the other Land."
                .into(),
            (LandProblem::AlreadyDecided, Lang::De) => {
                "Über diesen Antrag ist bereits entschieden.".into()
            }
            (LandProblem::AlreadyDecided, Lang::En) => {
                "This application has already been decided.".into()
            }
            (LandProblem::NotGranted, Lang::De) => {
                "Ein Verwendungsnachweis gehört zu einem bewilligten Antrag.".into()
            }
            (LandProblem::NotGranted, Lang::En) => {
                "A report belongs to a granted application.".into()
            }
            (LandProblem::OfferInactive, Lang::De) => {
                "Dieses Angebot nimmt keine neuen Anfragen an.".into()
            }
            (LandProblem::OfferInactive, Lang::En) => "This offer takes no new requests.".into(),
        }
    }
}
