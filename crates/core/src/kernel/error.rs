//! The one closed error type of praevnet, with stable codes and messages in both languages.
//!
//! Transports map it once: the code goes to clients as a machine-readable field, the message
//! in the user's language; details of [`Error::Internal`] are logged, never sent.

use praevnet_store::{StoreError, UniqueField};

use crate::Lang;

/// What exactly is wrong with an input, so it can be said in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    InvalidId,
    PageSize {
        max: u64,
    },
    /// A page size of 0 where a page needs at least one entry.
    PageSizeRange {
        max: u64,
    },
    /// Paging further than a listing reaches.
    OffsetRange {
        max: u64,
    },
    EmailFormat,
    /// A control character (other than a line break or a tab) in a text.
    ControlCharacter,
    /// Several operations in one HTTP request; the API takes one at a time.
    BatchNotSupported,
    /// The body is not a GraphQL request at all.
    MalformedRequest,
    /// More fields at an operation's root than one request may run.
    TooManyRootFields {
        max: usize,
    },
    /// More fields in one request (fragments expanded) than it may ask for.
    TooManyFields {
        max: usize,
    },
    /// A request whose fields cost more than the complexity limit.
    TooComplex,
    /// Selections nested deeper than allowed.
    TooDeep {
        max: usize,
    },
    /// More words in a search than it takes.
    SearchWords {
        max: usize,
    },
    /// A term or period that ends before it starts.
    EndBeforeStart,
    /// A minimum above the maximum.
    MinAboveMax,
    UnknownValue {
        value: String,
    },
    DateFormat,
    TimeFormat,
    /// An upload larger than the limit.
    FileTooLarge {
        max_mib: usize,
    },
    /// An upload of a type that is not accepted.
    FileType,
    /// An office document whose container is not what its type promises: damaged, not of
    /// that format, encrypted, with macros or with programs, scripts or archives inside.
    FileContainer,
    /// An office document that expands to more than a document needs (a zip bomb).
    FileExpandedTooLarge {
        max_mib: u64,
    },
    /// A problem of the registry area, said by that area.
    Registry(crate::registry::RegistryProblem),
    /// A problem of the accounts area, said by that area.
    Accounts(crate::accounts::AccountsProblem),
    /// A problem of the council area, said by that area.
    Council(crate::council::CouncilProblem),
    /// A problem of the land area, said by that area.
    Land(crate::land::LandProblem),
    /// A problem of the network area, said by that area.
    Network(crate::network::NetworkProblem),
}

/// A wait in whole minutes, rounded up, as German prose.
fn minutes_de(seconds: u64) -> String {
    match seconds.div_ceil(60) {
        0 | 1 => "einer Minute".to_owned(),
        n => format!("{n} Minuten"),
    }
}

/// A wait in whole minutes, rounded up, as English prose.
fn minutes_en(seconds: u64) -> String {
    match seconds.div_ceil(60) {
        0 | 1 => "one minute".to_owned(),
        n => format!("{n} minutes"),
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Required, Lang::De) => "Dieses Feld darf nicht leer sein.".into(),
            (Problem::Required, Lang::En) => "This field must not be empty.".into(),
            (Problem::TooLong { max }, Lang::De) => {
                format!("Dieses Feld darf höchstens {max} Zeichen lang sein.")
            }
            (Problem::TooLong { max }, Lang::En) => {
                format!("This field may be at most {max} characters long.")
            }
            (Problem::InvalidId, Lang::De) => "Das ist keine gültige Kennung.".into(),
            (Problem::InvalidId, Lang::En) => "This is not a valid id.".into(),
            (Problem::PageSize { max }, Lang::De) => {
                format!("Es können höchstens {max} Einträge auf einmal abgerufen werden.")
            }
            (Problem::PageSize { max }, Lang::En) => {
                format!("At most {max} entries can be fetched at once.")
            }
            (Problem::ControlCharacter, Lang::De) => "Dieses Feld enthält ein Steuerzeichen \
                (etwa aus einer kopierten Datei); bitte entfernen Sie es."
                .into(),
            (Problem::ControlCharacter, Lang::En) => "This field contains a control character \
                (from a copied file, say); please remove it."
                .into(),
            (Problem::PageSizeRange { max }, Lang::De) => {
                format!("Es werden 1 bis {max} Einträge auf einmal abgerufen.")
            }
            (Problem::PageSizeRange { max }, Lang::En) => {
                format!("Between 1 and {max} entries are fetched at once.")
            }
            (Problem::OffsetRange { max }, Lang::De) => {
                format!("Es kann höchstens bis zum {max}. Eintrag geblättert werden.")
            }
            (Problem::OffsetRange { max }, Lang::En) => {
                format!("Paging reaches at most entry {max}.")
            }
            (Problem::EmailFormat, Lang::De) => "Das ist keine gültige E-Mail-Adresse.".into(),
            (Problem::EmailFormat, Lang::En) => "This is not a valid e-mail address.".into(),
            (Problem::BatchNotSupported, Lang::De) => {
                "Mehrere Anfragen in einer (Batching) werden nicht unterstützt.".into()
            }
            (Problem::BatchNotSupported, Lang::En) => "Batched requests are not supported.".into(),
            (Problem::MalformedRequest, Lang::De) => {
                "Die Anfrage ist keine gültige GraphQL-Anfrage.".into()
            }
            (Problem::MalformedRequest, Lang::En) => {
                "The request is not a valid GraphQL request.".into()
            }
            (Problem::TooManyRootFields { max }, Lang::De) => format!(
                "Eine Anfrage darf höchstens {max} Felder auf oberster Ebene abfragen \
                 (Aliase zählen einzeln); bitte teilen Sie sie auf."
            ),
            (Problem::TooManyRootFields { max }, Lang::En) => format!(
                "A request may ask for at most {max} top-level fields (each alias counts); \
                 please split it."
            ),
            (Problem::TooManyFields { max }, Lang::De) => format!(
                "Eine Anfrage darf höchstens {max} Felder abfragen (Fragmente ausgeschrieben); \
                 bitte teilen Sie sie auf."
            ),
            (Problem::TooManyFields { max }, Lang::En) => format!(
                "A request may ask for at most {max} fields (fragments expanded); please \
                 split it."
            ),
            (Problem::TooComplex, Lang::De) => {
                "Die Anfrage ist zu aufwendig (zu viele oder zu teure Felder); bitte teilen Sie \
                 sie auf."
                    .into()
            }
            (Problem::TooComplex, Lang::En) => {
                "The request asks for too much (too many or too costly fields); please split it."
                    .into()
            }
            (Problem::TooDeep { max }, Lang::De) => {
                format!(
                    "Die Anfrage ist tiefer verschachtelt als erlaubt (höchstens {max} Ebenen)."
                )
            }
            (Problem::TooDeep { max }, Lang::En) => {
                format!("The request is nested deeper than allowed (at most {max} levels).")
            }
            (Problem::SearchWords { max }, Lang::De) => {
                format!("Bitte suchen Sie mit höchstens {max} Wörtern.")
            }
            (Problem::SearchWords { max }, Lang::En) => {
                format!("Please search with at most {max} words.")
            }
            (Problem::EndBeforeStart, Lang::De) => "Das Ende liegt vor dem Beginn.".into(),
            (Problem::EndBeforeStart, Lang::En) => "The end is before the start.".into(),
            (Problem::MinAboveMax, Lang::De) => {
                "Die Mindestzahl ist größer als die Höchstzahl.".into()
            }
            (Problem::MinAboveMax, Lang::En) => "The minimum is above the maximum.".into(),
            (Problem::UnknownValue { value }, Lang::De) => {
                format!("„{value}“ ist hier kein zulässiger Wert.")
            }
            (Problem::UnknownValue { value }, Lang::En) => {
                format!("“{value}” is not an allowed value here.")
            }
            (Problem::DateFormat, Lang::De) => {
                "Das Datum ist ungültig; erwartet wird TT.MM.JJJJ oder JJJJ-MM-TT.".into()
            }
            (Problem::DateFormat, Lang::En) => {
                "The date is invalid; expected DD.MM.YYYY or YYYY-MM-DD.".into()
            }
            (Problem::FileTooLarge { max_mib }, Lang::De) => {
                format!("Die Datei ist zu groß: höchstens {max_mib} MB.")
            }
            (Problem::FileTooLarge { max_mib }, Lang::En) => {
                format!("The file is too large: at most {max_mib} MB.")
            }
            (Problem::FileType, Lang::De) => "Angehängt werden können PDF-, PNG- und \
                JPEG-Dateien sowie Office-Dokumente (DOCX, XLSX, PPTX, ODT, ODS, ODP)."
                .into(),
            (Problem::FileType, Lang::En) => "PDF, PNG and JPEG files and office documents \
                (DOCX, XLSX, PPTX, ODT, ODS, ODP) can be attached."
                .into(),
            (Problem::FileContainer, Lang::De) => "Die Datei ist kein gültiges Word-, Excel-, \
                PowerPoint- oder OpenDocument-Dokument (beschädigt, verschlüsselt, mit Makros \
                oder mit eingebetteten Programmen)."
                .into(),
            (Problem::FileContainer, Lang::En) => "The file is not a valid Word, Excel, \
                PowerPoint or OpenDocument document (damaged, encrypted, with macros or with \
                embedded programs)."
                .into(),
            (Problem::FileExpandedTooLarge { max_mib }, Lang::De) => format!(
                "Das Dokument ist entpackt zu groß oder ungewöhnlich stark komprimiert: \
                 entpackt höchstens {max_mib} MB."
            ),
            (Problem::FileExpandedTooLarge { max_mib }, Lang::En) => format!(
                "The document is too large when unpacked, or unusually highly compressed: \
                 at most {max_mib} MB unpacked."
            ),
            (Problem::TimeFormat, Lang::De) => {
                "Die Uhrzeit ist ungültig; erwartet wird HH:MM.".into()
            }
            (Problem::TimeFormat, Lang::En) => "The time is invalid; expected HH:MM.".into(),
            (Problem::Registry(problem), _) => problem.message(lang),
            (Problem::Accounts(problem), _) => problem.message(lang),
            (Problem::Council(problem), _) => problem.message(lang),
            (Problem::Land(problem), _) => problem.message(lang),
            (Problem::Network(problem), _) => problem.message(lang),
        }
    }
}

impl From<crate::registry::RegistryProblem> for Problem {
    fn from(problem: crate::registry::RegistryProblem) -> Self {
        Problem::Registry(problem)
    }
}

impl From<crate::accounts::AccountsProblem> for Problem {
    fn from(problem: crate::accounts::AccountsProblem) -> Self {
        Problem::Accounts(problem)
    }
}

impl From<crate::council::CouncilProblem> for Problem {
    fn from(problem: crate::council::CouncilProblem) -> Self {
        Problem::Council(problem)
    }
}

impl From<crate::land::LandProblem> for Problem {
    fn from(problem: crate::land::LandProblem) -> Self {
        Problem::Land(problem)
    }
}

impl From<crate::network::NetworkProblem> for Problem {
    fn from(problem: crate::network::NetworkProblem) -> Self {
        Problem::Network(problem)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("not logged in")]
    Unauthenticated,
    /// Wrong e-mail address or password; which of the two is not said.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins; the client may try again after this many seconds.
    #[error("throttled for {retry_after} s")]
    Throttled { retry_after: u64 },
    /// A sender asked for more account mails than its quota allows.
    #[error("mail quota spent for {retry_after} s")]
    MailThrottled { retry_after: u64 },
    #[error("forbidden")]
    Forbidden,
    #[error("invalid {field}: {problem:?}")]
    Validation {
        field: &'static str,
        problem: Problem,
    },
    /// The request itself is malformed, before any field is looked at.
    #[error("bad request: {0:?}")]
    BadRequest(Problem),
    #[error("conflict on {field}: {problem:?}")]
    Conflict {
        field: &'static str,
        problem: Problem,
    },
    /// Mail would be needed but no mail server is configured.
    #[error("mail not configured")]
    MailNotConfigured,
    /// The database is not reachable right now; the client may retry.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// Anything the user cannot act on; the text is for the log only.
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    pub fn validation(field: &'static str, problem: impl Into<Problem>) -> Error {
        Error::Validation {
            field,
            problem: problem.into(),
        }
    }

    pub fn conflict(field: &'static str, problem: impl Into<Problem>) -> Error {
        Error::Conflict {
            field,
            problem: problem.into(),
        }
    }

    /// The stable, documented code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound => "NOT_FOUND",
            Error::Unauthenticated | Error::InvalidCredentials => "UNAUTHENTICATED",
            Error::Throttled { .. } | Error::MailThrottled { .. } => "THROTTLED",
            Error::Forbidden => "FORBIDDEN",
            Error::Validation { .. } => "VALIDATION",
            Error::BadRequest(_) => "BAD_REQUEST",
            Error::Conflict { .. } => "CONFLICT",
            Error::Unavailable(_) | Error::MailNotConfigured => "UNAVAILABLE",
            Error::Internal(_) => "INTERNAL",
        }
    }

    /// The input field at fault, for forms to show the message beside it.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } | Error::Conflict { field, .. } => Some(field),
            _ => None,
        }
    }

    /// What the user reads; never contains internal details.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::Validation { problem, .. } | Error::Conflict { problem, .. }, _) => {
                problem.message(lang)
            }
            (Error::BadRequest(problem), _) => problem.message(lang),
            (Error::NotFound, Lang::De) => "Nicht gefunden.".into(),
            (Error::NotFound, Lang::En) => "Not found.".into(),
            (Error::Unauthenticated, Lang::De) => "Bitte melden Sie sich an.".into(),
            (Error::Unauthenticated, Lang::En) => "Please log in.".into(),
            (Error::InvalidCredentials, Lang::De) => {
                "E-Mail-Adresse oder Passwort ist nicht korrekt.".into()
            }
            (Error::InvalidCredentials, Lang::En) => "Wrong e-mail address or password.".into(),
            (Error::Throttled { retry_after: 1 }, Lang::De) => {
                "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einer \
                 Sekunde erneut."
                    .into()
            }
            (Error::Throttled { retry_after }, Lang::De) => format!(
                "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in \
                 {retry_after} Sekunden erneut."
            ),
            (Error::Throttled { retry_after: 1 }, Lang::En) => {
                "Too many failed login attempts. Please try again in one second.".into()
            }
            (Error::Throttled { retry_after }, Lang::En) => format!(
                "Too many failed login attempts. Please try again in {retry_after} seconds."
            ),
            (Error::MailThrottled { retry_after }, Lang::De) => format!(
                "Von hier wurden gerade viele E-Mails angefordert. Bitte versuchen Sie es in {} \
                 erneut.",
                minutes_de(*retry_after)
            ),
            (Error::MailThrottled { retry_after }, Lang::En) => format!(
                "Many e-mails were requested from here just now. Please try again in {}.",
                minutes_en(*retry_after)
            ),
            (Error::Forbidden, Lang::De) => "Dazu fehlt Ihnen die Berechtigung.".into(),
            (Error::Forbidden, Lang::En) => "You are not allowed to do this.".into(),
            (Error::MailNotConfigured, Lang::De) => "Der E-Mail-Versand ist auf dieser \
                Plattform nicht eingerichtet. Bitte wenden Sie sich an den Betrieb."
                .into(),
            (Error::MailNotConfigured, Lang::En) => {
                "Sending e-mail is not set up on this platform. Please contact the operators."
                    .into()
            }
            (Error::Unavailable(_), Lang::De) => "Der Dienst ist vorübergehend nicht \
                erreichbar. Bitte versuchen Sie es gleich noch einmal."
                .into(),
            (Error::Unavailable(_), Lang::En) => {
                "The service is temporarily unavailable. Please try again shortly.".into()
            }
            (Error::Internal(_), Lang::De) => "Ein interner Fehler ist aufgetreten. Er wurde \
                protokolliert; bitte nennen Sie dem Support die Anfrage-Kennung."
                .into(),
            (Error::Internal(_), Lang::En) => "An internal error occurred. It was logged; \
                please give support the request id."
                .into(),
        }
    }
}

impl From<StoreError> for Error {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict(UniqueField::Ags) => Error::Conflict {
                field: "ags",
                problem: crate::registry::RegistryProblem::AgsTaken.into(),
            },
            StoreError::Conflict(UniqueField::Slug) => Error::Conflict {
                field: "slug",
                problem: crate::registry::RegistryProblem::SlugTaken.into(),
            },
            StoreError::Conflict(UniqueField::OrganisationName) => Error::Conflict {
                field: "name",
                problem: crate::council::CouncilProblem::OrganisationTaken.into(),
            },
            StoreError::Conflict(UniqueField::Email) => Error::Conflict {
                field: "email",
                problem: crate::accounts::AccountsProblem::EmailTaken.into(),
            },
            StoreError::Unavailable(e) => Error::Unavailable(e.to_string()),
            other => Error::Internal(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_details_never_reach_the_message() {
        let err = Error::Internal("relation \"councils\" does not exist".into());
        for lang in [Lang::De, Lang::En] {
            assert!(!err.message(lang).contains("councils"));
        }
        assert_eq!(err.code(), "INTERNAL");
    }

    #[test]
    fn one_second_is_said_in_the_singular() {
        let once = Error::Throttled { retry_after: 1 };
        assert!(once.message(Lang::De).contains("in einer Sekunde erneut"));
        assert!(once.message(Lang::En).contains("in one second"));
        let twice = Error::Throttled { retry_after: 2 };
        assert!(twice.message(Lang::De).contains("in 2 Sekunden erneut"));
    }

    #[test]
    fn store_conflicts_name_the_field() {
        let err = Error::from(StoreError::Conflict(UniqueField::Slug));
        assert_eq!((err.code(), err.field()), ("CONFLICT", Some("slug")));
        assert_eq!(
            err.message(Lang::De),
            "Diese Kurzbezeichnung ist bereits vergeben."
        );
    }
}
