//! Sending mail over SMTP with lettre.

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use praevnet_core::kernel::mail::{Mail, Mailer, Sending};

use crate::config::{SmtpConfig, SmtpTls};

#[derive(Debug)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The bare address of `from`, the organizer in invitations.
    sender: String,
}

impl SmtpMailer {
    pub fn new(config: &SmtpConfig, from: &str) -> Result<SmtpMailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("PRAEVNET_MAIL_FROM: {e}"))?;
        let builder = match config.tls {
            SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host),
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host),
            SmtpTls::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
                &config.host,
            )),
        }
        .map_err(|e| format!("PRAEVNET_SMTP_HOST: {e}"))?;
        let mut builder = builder.port(config.port);
        if let Some((user, password)) = &config.credentials {
            builder =
                builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
        }
        let sender = from.email.to_string();
        Ok(SmtpMailer {
            transport: builder.build(),
            from,
            sender,
        })
    }
}

impl Mailer for SmtpMailer {
    fn sender(&self) -> &str {
        &self.sender
    }

    fn send<'a>(&'a self, mail: &'a Mail) -> Sending<'a> {
        Box::pin(async move {
            let to: Mailbox = mail.to.parse().map_err(|e| format!("recipient: {e}"))?;
            let mut builder = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(mail.subject.clone());
            if let Some(id) = &mail.message_id {
                builder = builder.message_id(Some(format!("<{id}@{}>", self.from.email.domain())));
            }
            // Quoted-printable keeps umlauts intact through any relay.
            let text = SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .header(ContentTransferEncoding::QuotedPrintable)
                .body(mail.text.clone());
            let message = match &mail.calendar {
                None => builder.singlepart(text),
                Some(calendar) => {
                    // The invitation as calendar apps expect it (iMIP, RFC 6047): the text
                    // and the `text/calendar` part with its method as alternatives.
                    let kind = format!("text/calendar; charset=utf-8; method={}", calendar.method);
                    let kind = ContentType::parse(&kind)
                        .map_err(|e| format!("calendar content type: {e}"))?;
                    let invite = SinglePart::builder()
                        .header(kind)
                        .header(ContentTransferEncoding::QuotedPrintable)
                        .body(calendar.text.clone());
                    builder.multipart(MultiPart::alternative().singlepart(text).singlepart(invite))
                }
            }
            .map_err(|e| format!("building message: {e}"))?;
            self.transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }
}
