//! The texts of the account pages: logging in, a forgotten password, setting a password from
//! an invitation or reset link.
//!
//! Part of [`crate::i18n::Texts`]: one struct literal per language, so a text missing in one
//! language does not compile.

/// Every text of the account pages.
#[derive(Debug)]
pub struct AccountTexts {
    pub password: &'static str,
    pub new_password: &'static str,
    pub password_hint: &'static str,
    pub login_title: &'static str,
    pub login_submit: &'static str,
    pub forgot_password: &'static str,
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub forgot_sent: &'static str,
    pub reset_title: &'static str,
    pub reset_submit: &'static str,
    pub invitation_title: &'static str,
    pub invitation_intro: &'static str,
    pub invitation_submit: &'static str,
    pub link_incomplete: &'static str,
    pub back_to_login: &'static str,
}

pub const DE: AccountTexts = AccountTexts {
    password: "Passwort",
    new_password: "Neues Passwort",
    password_hint: "Mindestens 10 Zeichen; gängige oder leicht zu erratende Passwörter werden abgelehnt.",
    login_title: "Anmelden",
    login_submit: "Anmelden",
    forgot_password: "Passwort vergessen?",
    forgot_title: "Passwort vergessen",
    forgot_intro: "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie erhalten einen Link, mit dem Sie ein neues Passwort festlegen.",
    forgot_submit: "Link anfordern",
    forgot_sent: "Falls zu dieser Adresse ein Konto besteht, ist eine E-Mail mit einem Link unterwegs. Der Link gilt eine Stunde.",
    reset_title: "Neues Passwort festlegen",
    reset_submit: "Passwort speichern und anmelden",
    invitation_title: "Einladung annehmen",
    invitation_intro: "Sie wurden zu praevnet eingeladen. Legen Sie ein Passwort fest, um Ihr Konto zu aktivieren.",
    invitation_submit: "Passwort festlegen und anmelden",
    link_incomplete: "Der Link ist unvollständig. Bitte öffnen Sie ihn noch einmal vollständig aus der E-Mail.",
    back_to_login: "Zur Anmeldung",
};

pub const EN: AccountTexts = AccountTexts {
    password: "Password",
    new_password: "New password",
    password_hint: "At least 10 characters; common or easily guessed passwords are refused.",
    login_title: "Log in",
    login_submit: "Log in",
    forgot_password: "Forgot your password?",
    forgot_title: "Forgot your password",
    forgot_intro: "Enter your account's e-mail address. You will receive a link to set a new password.",
    forgot_submit: "Send link",
    forgot_sent: "If an account exists for this address, an e-mail with a link is on its way. The link is valid for one hour.",
    reset_title: "Set a new password",
    reset_submit: "Save password and log in",
    invitation_title: "Accept invitation",
    invitation_intro: "You have been invited to praevnet. Set a password to activate your account.",
    invitation_submit: "Set password and log in",
    link_incomplete: "The link is incomplete. Please open it again, in full, from the e-mail.",
    back_to_login: "Back to login",
};
