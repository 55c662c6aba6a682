//! What an account, its invitation or its password can get wrong.
//!
//! Part of the one closed error type ([`crate::Problem`]): each area owns its problems and says
//! them in both languages; a problem without a message in either does not compile.

use crate::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountsProblem {
    EmailTaken,
    /// An invitation or reset link that is unknown, used or expired.
    TokenInvalid,
    PasswordTooShort {
        min: usize,
    },
    PasswordTooGuessable,
}

impl AccountsProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AccountsProblem::TokenInvalid, Lang::De) => {
                "Dieser Link ist ungültig, abgelaufen oder \
                wurde bereits benutzt. Bitte fordern Sie einen neuen an."
                    .into()
            }
            (AccountsProblem::TokenInvalid, Lang::En) => {
                "This link is invalid, expired or already \
                used. Please ask for a new one."
                    .into()
            }
            (AccountsProblem::EmailTaken, Lang::De) => {
                "Für diese E-Mail-Adresse besteht bereits ein Konto.".into()
            }
            (AccountsProblem::EmailTaken, Lang::En) => {
                "An account with this e-mail address exists.".into()
            }
            (AccountsProblem::PasswordTooShort { min }, Lang::De) => {
                format!("Das Passwort muss mindestens {min} Zeichen lang sein.")
            }
            (AccountsProblem::PasswordTooShort { min }, Lang::En) => {
                format!("The password must be at least {min} characters long.")
            }
            (AccountsProblem::PasswordTooGuessable, Lang::De) => {
                "Dieses Passwort ist zu leicht zu \
                erraten: Es steht auf Listen häufiger Passwörter oder folgt einem einfachen \
                Muster. Wählen Sie zum Beispiel mehrere zufällige Wörter."
                    .into()
            }
            (AccountsProblem::PasswordTooGuessable, Lang::En) => {
                "This password is too easy to guess: \
                it is on lists of common passwords or follows a simple pattern. Choose, for \
                example, several random words."
                    .into()
            }
        }
    }
}
