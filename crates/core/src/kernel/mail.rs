//! Outgoing e-mail. Core says what to send; the server's SMTP transport sends it.

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

/// A plain-text message to one recipient, with an iCalendar object for invitations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub calendar: Option<CalendarPart>,
    /// Unique per mail, for its `Message-ID`: the outbox id, so that a copy sent twice can be
    /// recognised by the receiving server.
    pub message_id: Option<String>,
}

/// An invitation or call-off that calendar apps act on (`text/calendar; method=...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarPart {
    /// `REQUEST` or `CANCEL`.
    pub method: String,
    pub text: String,
}

/// The future a [`Mailer`] returns; an error text is for the log only.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Something that delivers mail: in the product, SMTP.
pub trait Mailer: Send + Sync + Debug {
    fn send<'a>(&'a self, mail: &'a Mail) -> Sending<'a>;

    /// The sender's address: the organizer of the meetings invited to.
    fn sender(&self) -> &str;
}

/// The invitation: German first, English second, with the single-use link.
pub(crate) fn invitation(to: &str, name: &str, link: &str, days: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Einladung zu praevnet / Invitation to praevnet".into(),
        text: format!(
            "Guten Tag {name},\n\n\
             Sie wurden zu praevnet eingeladen, der Plattform für Kommunale Präventionsräte.\n\
             Über diesen Link legen Sie Ihr Passwort fest (gültig {days} Tage, nur einmal nutzbar):\n\n\
             {link}\n\n\
             Wenn Sie keine Einladung erwartet haben, können Sie diese Nachricht ignorieren.\n\n\
             ---\n\n\
             Hello {name},\n\n\
             you have been invited to praevnet, the platform for municipal crime prevention \
             councils. Set your password with this link (valid for {days} days, usable once):\n\n\
             {link}\n"
        ),
        calendar: None,
        message_id: None,
    }
}

/// The password reset: German first, English second, with the single-use link.
pub(crate) fn password_reset(to: &str, link: &str, minutes: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Passwort zurücksetzen / Reset your password".into(),
        text: format!(
            "Guten Tag,\n\n\
             für Ihr Konto bei praevnet wurde ein neues Passwort angefordert.\n\
             Über diesen Link legen Sie es fest (gültig {minutes} Minuten, nur einmal nutzbar):\n\n\
             {link}\n\n\
             Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort \
             bleibt unverändert.\n\n\
             ---\n\n\
             Hello,\n\n\
             a new password was requested for your praevnet account. Set it with this link \
             (valid for {minutes} minutes, usable once):\n\n\
             {link}\n\n\
             If you did not ask for this, ignore this message; your password stays as it is.\n"
        ),
        calendar: None,
        message_id: None,
    }
}

/// A message from another city about a published practice: German first, English second.
pub(crate) fn contact(to: &str, from_city: &str, practice: &str, body: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Kontaktanfrage zu „{practice}“ / Message about “{practice}”"),
        text: format!(
            "Guten Tag,\n\n\
             {from_city} schreibt Ihnen zum Praxisbeispiel „{practice}“:\n\n\
             {body}\n\n\
             Antworten Sie in praevnet: {link}\n\n\
             ---\n\n\
             Hello,\n\n\
             {from_city} writes to you about the practice “{practice}”:\n\n\
             {body}\n\n\
             Answer in praevnet: {link}\n"
        ),
        calendar: None,
        message_id: None,
    }
}
