//! The one closed error type of praevnet, with stable codes and messages in both languages.
//!
//! Transports map it once: the code goes to clients as a machine-readable field, the message
//! in the user's language; details of [`Error::Internal`] are logged, never sent.

use chrono::NaiveDate;
use praevnet_store::{StoreError, UniqueField};

use crate::Lang;
use praevnet_common::euros;

/// What exactly is wrong with an input, so it can be said in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    AgsFormat,
    AgsUnknownState,
    AgsStateMismatch {
        ags_state: &'static str,
        given_state: &'static str,
    },
    AgsTaken,
    SlugFormat,
    SlugTaken,
    Required,
    TooLong {
        max: usize,
    },
    PopulationRange {
        max: i64,
    },
    InvalidId,
    PageSize {
        max: u64,
    },
    /// Paging further than a listing reaches.
    OffsetRange {
        max: u64,
    },
    EmailFormat,
    EmailTaken,
    /// An invitation or reset link that is unknown, used or expired.
    TokenInvalid,
    PasswordTooShort {
        min: usize,
    },
    PasswordTooGuessable,
    /// Several operations in one HTTP request; the API takes one at a time.
    BatchNotSupported,
    /// The body is not a GraphQL request at all.
    MalformedRequest,
    /// A body would have more seated members than its limit.
    BodyFull {
        body: String,
        max: u32,
    },
    /// A body would report to itself or to one of its own sub-bodies.
    ParentCycle,
    /// Nothing can be added to a dissolved body.
    BodyDissolved {
        body: String,
    },
    /// A template is applied to a council that already has bodies.
    StructureNotEmpty,
    UnknownTemplate,
    /// A term or period that ends before it starts.
    EndBeforeStart,
    /// A minimum above the maximum.
    MinAboveMax,
    OrganisationTaken,
    /// A membership the system keeps (it follows from a moderation) was to be edited.
    DerivedMembership,
    UnknownBody {
        name: String,
    },
    UnknownValue {
        value: String,
    },
    DateFormat,
    /// A CSV file without a column the import needs.
    MissingColumn {
        column: &'static str,
    },
    /// A row of an import with an empty required cell.
    EmptyCell {
        column: &'static str,
    },
    /// An import row names a new organisation without its sector.
    SectorNeeded {
        organisation: String,
    },
    /// A founding step for a council that is not being founded.
    NotFounding,
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
    NotGranted,
    OfferInactive,
    TimeFormat,
    /// Publishing a practice needs this field.
    NeededToPublish,
    /// A city writing to itself about its own practice.
    OwnPractice,
    /// An upload larger than the limit.
    FileTooLarge {
        max_mib: usize,
    },
    /// An upload of a type that is not accepted.
    FileType,
    /// A seal is to be granted while the current one still holds.
    SealValid {
        until: NaiveDate,
    },
    /// Renewing or withdrawing a seal that was never granted (or is withdrawn).
    NoSeal,
    /// A renewal must end later than the current validity.
    RenewalNotLater {
        until: NaiveDate,
    },
    /// Rows of an import that cannot be taken, by line number; nothing was imported.
    ImportRows(Vec<(usize, Problem)>),
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::AgsFormat, Lang::De) => {
                "Der Amtliche Gemeindeschlüssel (AGS) muss aus genau 8 Ziffern bestehen.".into()
            }
            (Problem::AgsFormat, Lang::En) => {
                "The official municipality key (AGS) must consist of exactly 8 digits.".into()
            }
            (Problem::AgsUnknownState, Lang::De) => {
                "Die ersten beiden Ziffern des AGS müssen ein Bundesland bezeichnen (01 bis 16)."
                    .into()
            }
            (Problem::AgsUnknownState, Lang::En) => {
                "The first two digits of the AGS must name a federal state (01 to 16).".into()
            }
            (
                Problem::AgsStateMismatch {
                    ags_state,
                    given_state,
                },
                Lang::De,
            ) => format!(
                "Der AGS gehört zu {ags_state}, angegeben ist aber das Bundesland {given_state}."
            ),
            (
                Problem::AgsStateMismatch {
                    ags_state,
                    given_state,
                },
                Lang::En,
            ) => format!(
                "The AGS belongs to {ags_state}, but the federal state given is {given_state}."
            ),
            (Problem::AgsTaken, Lang::De) => {
                "Eine Kommune mit diesem AGS ist bereits angelegt.".into()
            }
            (Problem::AgsTaken, Lang::En) => "A municipality with this AGS already exists.".into(),
            (Problem::SlugFormat, Lang::De) => "Die Kurzbezeichnung für Adressen darf nur \
                Kleinbuchstaben a-z, Ziffern und Bindestriche enthalten (2 bis 64 Zeichen)."
                .into(),
            (Problem::SlugFormat, Lang::En) => "The URL name may contain only lowercase \
                letters a-z, digits and hyphens (2 to 64 characters)."
                .into(),
            (Problem::SlugTaken, Lang::De) => "Diese Kurzbezeichnung ist bereits vergeben.".into(),
            (Problem::SlugTaken, Lang::En) => "This URL name is already taken.".into(),
            (Problem::Required, Lang::De) => "Dieses Feld darf nicht leer sein.".into(),
            (Problem::Required, Lang::En) => "This field must not be empty.".into(),
            (Problem::TooLong { max }, Lang::De) => {
                format!("Dieses Feld darf höchstens {max} Zeichen lang sein.")
            }
            (Problem::TooLong { max }, Lang::En) => {
                format!("This field may be at most {max} characters long.")
            }
            (Problem::PopulationRange { max }, Lang::De) => {
                format!("Die Einwohnerzahl muss zwischen 0 und {max} liegen.")
            }
            (Problem::PopulationRange { max }, Lang::En) => {
                format!("The population must be between 0 and {max}.")
            }
            (Problem::InvalidId, Lang::De) => "Das ist keine gültige Kennung.".into(),
            (Problem::InvalidId, Lang::En) => "This is not a valid id.".into(),
            (Problem::PageSize { max }, Lang::De) => {
                format!("Es können höchstens {max} Einträge auf einmal abgerufen werden.")
            }
            (Problem::PageSize { max }, Lang::En) => {
                format!("At most {max} entries can be fetched at once.")
            }
            (Problem::OffsetRange { max }, Lang::De) => {
                format!("Es kann höchstens bis zum {max}. Eintrag geblättert werden.")
            }
            (Problem::OffsetRange { max }, Lang::En) => {
                format!("Paging reaches at most entry {max}.")
            }
            (Problem::EmailFormat, Lang::De) => "Das ist keine gültige E-Mail-Adresse.".into(),
            (Problem::EmailFormat, Lang::En) => "This is not a valid e-mail address.".into(),
            (Problem::TokenInvalid, Lang::De) => "Dieser Link ist ungültig, abgelaufen oder \
                wurde bereits benutzt. Bitte fordern Sie einen neuen an."
                .into(),
            (Problem::TokenInvalid, Lang::En) => "This link is invalid, expired or already \
                used. Please ask for a new one."
                .into(),
            (Problem::EmailTaken, Lang::De) => {
                "Für diese E-Mail-Adresse besteht bereits ein Konto.".into()
            }
            (Problem::EmailTaken, Lang::En) => "An account with this e-mail address exists.".into(),
            (Problem::PasswordTooShort { min }, Lang::De) => {
                format!("Das Passwort muss mindestens {min} Zeichen lang sein.")
            }
            (Problem::PasswordTooShort { min }, Lang::En) => {
                format!("The password must be at least {min} characters long.")
            }
            (Problem::PasswordTooGuessable, Lang::De) => "Dieses Passwort ist zu leicht zu \
                erraten: Es steht auf Listen häufiger Passwörter oder folgt einem einfachen \
                Muster. Wählen Sie zum Beispiel mehrere zufällige Wörter."
                .into(),
            (Problem::PasswordTooGuessable, Lang::En) => "This password is too easy to guess: \
                it is on lists of common passwords or follows a simple pattern. Choose, for \
                example, several random words."
                .into(),
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
            (Problem::BodyFull { body, max }, Lang::De) => format!(
                "„{body}“ hat höchstens {max} Mitglieder; mit dieser Änderung wären es mehr. \
                 Beenden Sie zuerst eine andere Mitgliedschaft oder ändern Sie die Höchstzahl."
            ),
            (Problem::BodyFull { body, max }, Lang::En) => format!(
                "“{body}” has at most {max} members; this change would exceed that. End another \
                 membership first or change the limit."
            ),
            (Problem::ParentCycle, Lang::De) => "Ein Gremium kann nicht sich selbst oder einem \
                seiner eigenen Untergremien unterstehen."
                .into(),
            (Problem::ParentCycle, Lang::En) => {
                "A body cannot report to itself or to one of its own sub-bodies.".into()
            }
            (Problem::BodyDissolved { body }, Lang::De) => {
                format!("„{body}“ ist aufgelöst; dort kann niemand mehr hinzukommen.")
            }
            (Problem::BodyDissolved { body }, Lang::En) => {
                format!("“{body}” is dissolved; nobody can join it any more.")
            }
            (Problem::StructureNotEmpty, Lang::De) => "Eine Strukturvorlage kann nur für einen \
                Präventionsrat ohne Gremien übernommen werden; ändern Sie die bestehende Struktur \
                stattdessen direkt."
                .into(),
            (Problem::StructureNotEmpty, Lang::En) => "A structure template can only be applied \
                to a council without bodies; change the existing structure directly instead."
                .into(),
            (Problem::UnknownTemplate, Lang::De) => "Diese Strukturvorlage gibt es nicht.".into(),
            (Problem::UnknownTemplate, Lang::En) => "There is no such structure template.".into(),
            (Problem::EndBeforeStart, Lang::De) => "Das Ende liegt vor dem Beginn.".into(),
            (Problem::EndBeforeStart, Lang::En) => "The end is before the start.".into(),
            (Problem::MinAboveMax, Lang::De) => {
                "Die Mindestzahl ist größer als die Höchstzahl.".into()
            }
            (Problem::MinAboveMax, Lang::En) => "The minimum is above the maximum.".into(),
            (Problem::OrganisationTaken, Lang::De) => {
                "Eine Organisation mit diesem Namen ist bereits erfasst.".into()
            }
            (Problem::OrganisationTaken, Lang::En) => {
                "An organisation with this name is already recorded.".into()
            }
            (Problem::UnknownBody { name }, Lang::De) => {
                format!("Ein Gremium „{name}“ gibt es in diesem Präventionsrat nicht.")
            }
            (Problem::UnknownBody { name }, Lang::En) => {
                format!("This council has no body “{name}”.")
            }
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
            (Problem::MissingColumn { column }, Lang::De) => {
                format!("Der Datei fehlt die Spalte „{column}“ in der ersten Zeile.")
            }
            (Problem::MissingColumn { column }, Lang::En) => {
                format!("The file lacks the column “{column}” in its first line.")
            }
            (Problem::EmptyCell { column }, Lang::De) => format!("Die Spalte „{column}“ ist leer."),
            (Problem::EmptyCell { column }, Lang::En) => format!("The column “{column}” is empty."),
            (Problem::SectorNeeded { organisation }, Lang::De) => format!(
                "Für die neue Organisation „{organisation}“ fehlt der Sektor (Spalte „sektor“)."
            ),
            (Problem::SectorNeeded { organisation }, Lang::En) => {
                format!("The new organisation “{organisation}” needs a sector (column “sektor”).")
            }
            (Problem::NegativeAmount, Lang::De) => "Der Betrag darf nicht negativ sein.".into(),
            (Problem::NegativeAmount, Lang::En) => "The amount must not be negative.".into(),
            (Problem::PercentRange, Lang::De) => {
                "Der Prozentsatz muss zwischen 0 und 100 liegen.".into()
            }
            (Problem::PercentRange, Lang::En) => "The percentage must be between 0 and 100.".into(),
            (Problem::OtherLand { state }, Lang::De) => {
                format!("Das steht nur Kommunen in {state} offen.")
            }
            (Problem::OtherLand { state }, Lang::En) => {
                format!("This is open only to municipalities in {state}.")
            }
            (Problem::DeadlinePassed { deadline }, Lang::De) => format!(
                "Die Antragsfrist ist am {} abgelaufen.",
                deadline.format("%d.%m.%Y")
            ),
            (Problem::DeadlinePassed { deadline }, Lang::En) => format!(
                "The deadline for applications passed on {}.",
                deadline.format("%Y-%m-%d")
            ),
            (Problem::AmountPositive, Lang::De) => "Der Betrag muss größer als 0 sein.".into(),
            (Problem::AmountPositive, Lang::En) => "The amount must be above 0.".into(),
            (Problem::AmountRange { min, max }, lang) => {
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
                    (None, None, _) => Problem::AmountPositive.message(lang),
                }
            }
            (Problem::YearRange, Lang::De) => {
                "Das Förderjahr muss zwischen 2000 und 2100 liegen.".into()
            }
            (Problem::YearRange, Lang::En) => {
                "The funding year must be between 2000 and 2100.".into()
            }
            (Problem::GrantAboveRequest { requested }, Lang::De) => format!(
                "Bewilligt werden kann höchstens der beantragte Betrag ({}).",
                euros(*requested, lang)
            ),
            (Problem::GrantAboveRequest { requested }, Lang::En) => format!(
                "At most the amount requested ({}) can be granted.",
                euros(*requested, lang)
            ),
            (
                Problem::BudgetExceeded {
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
                Problem::BudgetExceeded {
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
            (Problem::AlreadyDecided, Lang::De) => {
                "Über diesen Antrag ist bereits entschieden.".into()
            }
            (Problem::AlreadyDecided, Lang::En) => {
                "This application has already been decided.".into()
            }
            (Problem::NotGranted, Lang::De) => {
                "Ein Verwendungsnachweis gehört zu einem bewilligten Antrag.".into()
            }
            (Problem::NotGranted, Lang::En) => "A report belongs to a granted application.".into(),
            (Problem::OwnPractice, Lang::De) => {
                "Das ist ein Praxisbeispiel Ihrer eigenen Kommune.".into()
            }
            (Problem::OwnPractice, Lang::En) => "This is your own municipality's practice.".into(),
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
            (Problem::SealValid { until }, Lang::De) => format!(
                "Das Qualitätssiegel gilt bereits bis zum {}; verlängern Sie es stattdessen.",
                until.format("%d.%m.%Y")
            ),
            (Problem::SealValid { until }, Lang::En) => format!(
                "The quality seal is valid until {} already; renew it instead.",
                until.format("%Y-%m-%d")
            ),
            (Problem::NoSeal, Lang::De) => {
                "Dieses Angebot hat kein erteiltes Qualitätssiegel.".into()
            }
            (Problem::NoSeal, Lang::En) => "This offer holds no granted quality seal.".into(),
            (Problem::RenewalNotLater { until }, Lang::De) => format!(
                "Die Verlängerung muss nach dem bisherigen Ende ({}) und nach heute enden.",
                until.format("%d.%m.%Y")
            ),
            (Problem::RenewalNotLater { until }, Lang::En) => format!(
                "The renewal must end after the current end ({}) and after today.",
                until.format("%Y-%m-%d")
            ),
            (Problem::NeededToPublish, Lang::De) => {
                "Zum Veröffentlichen muss dieses Feld ausgefüllt sein.".into()
            }
            (Problem::NeededToPublish, Lang::En) => "Publishing needs this field.".into(),
            (Problem::TimeFormat, Lang::De) => {
                "Die Uhrzeit ist ungültig; erwartet wird HH:MM.".into()
            }
            (Problem::TimeFormat, Lang::En) => "The time is invalid; expected HH:MM.".into(),
            (Problem::OfferInactive, Lang::De) => {
                "Dieses Angebot nimmt keine neuen Anfragen an.".into()
            }
            (Problem::OfferInactive, Lang::En) => "This offer takes no new requests.".into(),
            (Problem::NotFounding, Lang::De) => "Der Präventionsrat ist nicht in Gründung; \
                beginnen Sie zuerst die Gründung."
                .into(),
            (Problem::NotFounding, Lang::En) => {
                "The council is not being founded; start the founding first.".into()
            }
            (Problem::ImportRows(rows), lang) => {
                let listed: Vec<String> = rows
                    .iter()
                    .map(|(line, problem)| match lang {
                        Lang::De => format!("Zeile {line}: {}", problem.message(lang)),
                        Lang::En => format!("Line {line}: {}", problem.message(lang)),
                    })
                    .collect();
                match lang {
                    Lang::De => format!("Nichts wurde importiert. {}", listed.join(" ")),
                    Lang::En => format!("Nothing was imported. {}", listed.join(" ")),
                }
            }
            (Problem::DerivedMembership, Lang::De) => "Diese Mitgliedschaft folgt aus einer \
                Moderation und ändert sich mit ihr; ändern Sie die Moderation."
                .into(),
            (Problem::DerivedMembership, Lang::En) => "This membership follows from a moderation \
                and changes with it; change the moderation instead."
                .into(),
        }
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
    pub fn validation(field: &'static str, problem: Problem) -> Error {
        Error::Validation { field, problem }
    }

    /// The stable, documented code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound => "NOT_FOUND",
            Error::Unauthenticated | Error::InvalidCredentials => "UNAUTHENTICATED",
            Error::Throttled { .. } => "THROTTLED",
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
            (Error::Throttled { retry_after }, Lang::De) => format!(
                "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in \
                 {retry_after} Sekunden erneut."
            ),
            (Error::Throttled { retry_after }, Lang::En) => format!(
                "Too many failed login attempts. Please try again in {retry_after} seconds."
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
                problem: Problem::AgsTaken,
            },
            StoreError::Conflict(UniqueField::Slug) => Error::Conflict {
                field: "slug",
                problem: Problem::SlugTaken,
            },
            StoreError::Conflict(UniqueField::OrganisationName) => Error::Conflict {
                field: "name",
                problem: Problem::OrganisationTaken,
            },
            StoreError::Conflict(UniqueField::Email) => Error::Conflict {
                field: "email",
                problem: Problem::EmailTaken,
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
    fn store_conflicts_name_the_field() {
        let err = Error::from(StoreError::Conflict(UniqueField::Slug));
        assert_eq!((err.code(), err.field()), ("CONFLICT", Some("slug")));
        assert_eq!(
            err.message(Lang::De),
            "Diese Kurzbezeichnung ist bereits vergeben."
        );
    }
}
