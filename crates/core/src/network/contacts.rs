//! Contact between cities: a city writes to the city that published a practice; both keep the
//! conversation, and the receiving city's administrators get an e-mail. A message is written
//! into both cities' records in one unit of work; the mail leaves after the commit, and a
//! failed delivery does not undo the message (it is in the app either way).

use chrono::{DateTime, Utc};
use praevnet_store::{ContactMessage, PracticeId, ThreadId};

use crate::kernel::mail;
use crate::kernel::text::required_text;
use crate::network::Network;
use crate::network::NetworkProblem;
use crate::registry::municipality::Municipality;
use crate::{Error, MunicipalityId, Principal, Problem, Result};

const BODY_MAX: usize = 10_000;

/// A conversation as one city sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread {
    pub id: ThreadId,
    pub other_municipality_id: MunicipalityId,
    pub other_municipality_name: String,
    pub practice_id: PracticeId,
    pub practice_title: String,
    pub messages: Vec<Message>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Whether the city looking at it sent it.
    pub sent: bool,
    pub sender_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

fn body(text: &str) -> Result<String> {
    required_text("message", text, BODY_MAX)
}

fn sender_name(principal: &Principal) -> String {
    match principal {
        Principal::User(account) => account.display_name.clone(),
        _ => "praevnet".to_owned(),
    }
}

impl Network<'_> {
    /// Writes to the city that published `practice`, starting a conversation.
    pub async fn send_contact_request(
        &self,
        principal: &Principal,
        from: MunicipalityId,
        practice: PracticeId,
        message: &str,
    ) -> Result<Thread> {
        let sender = self.services.registry().manageable(principal, from).await?;
        let published = self
            .services
            .store
            .network_practices()
            .get(practice)
            .await?
            .ok_or(Error::validation("practiceId", Problem::InvalidId))?;
        if published.municipality_id == from {
            return Err(Error::validation("practiceId", NetworkProblem::OwnPractice));
        }
        let recipient = self
            .services
            .registry()
            .municipality(principal, published.municipality_id)
            .await?;
        let thread = ThreadId::new_thread();
        self.deliver_message(
            principal,
            &sender,
            &recipient,
            thread,
            (published.id, published.data.title),
            body(message)?,
        )
        .await
    }

    /// Answers in a conversation the city takes part in.
    pub async fn reply_to_contact(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        thread: ThreadId,
        message: &str,
    ) -> Result<Thread> {
        let sender = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let earlier = self
            .services
            .store
            .tenant(municipality)
            .contact_thread(thread)
            .await?;
        let first = earlier.first().ok_or(Error::NotFound)?;
        let recipient = self
            .services
            .registry()
            .municipality(principal, first.other_municipality_id)
            .await?;
        let practice = (first.practice_id, first.practice_title.clone());
        self.deliver_message(
            principal,
            &sender,
            &recipient,
            thread,
            practice,
            body(message)?,
        )
        .await
    }

    async fn deliver_message(
        &self,
        principal: &Principal,
        sender: &Municipality,
        recipient: &Municipality,
        thread: ThreadId,
        (practice_id, practice_title): (PracticeId, String),
        text: String,
    ) -> Result<Thread> {
        let message = ContactMessage {
            thread_id: thread,
            other_municipality_id: recipient.id,
            practice_id,
            practice_title: practice_title.clone(),
            sent: true,
            sender_name: sender_name(principal),
            body: text.clone(),
            created_at: Utc::now(),
        };
        let writes = self.services.store.writes().await?;
        writes
            .tenant(sender.id)
            .insert_contact_message(&message)
            .await?;
        let received = ContactMessage {
            other_municipality_id: sender.id,
            sent: false,
            ..message
        };
        writes
            .tenant(recipient.id)
            .insert_contact_message(&received)
            .await?;
        writes.commit().await?;
        self.notify_administrators(recipient, &sender.name, &practice_title, &text)
            .await;
        self.thread(sender, thread)
            .await?
            .ok_or_else(|| Error::Internal("message not kept".into()))
    }

    /// Mails the recipient city's administrators; a failure is logged, not returned.
    async fn notify_administrators(
        &self,
        recipient: &Municipality,
        from_city: &str,
        practice: &str,
        text: &str,
    ) {
        let Some(mailer) = self.services.mailer.as_ref() else {
            tracing::info!(municipality = %recipient.id, "no mail server: contact message kept in the app only");
            return;
        };
        let link = format!(
            "{}/kommunen/{}/kontakte",
            self.services.public_url, recipient.slug
        );
        let grants = match self
            .services
            .store
            .accounts()
            .administrators_of(recipient.id)
            .await
        {
            Ok(grants) => grants,
            Err(err) => {
                tracing::warn!(%err, "administrators not found for a contact mail");
                return;
            }
        };
        for grant in grants {
            let Ok(Some(user)) = self.services.store.accounts().user(grant.user_id).await else {
                continue;
            };
            let mail = mail::contact(&user.email, from_city, practice, text, &link);
            if let Err(detail) = mailer.send(&mail).await {
                tracing::warn!(%detail, "contact mail not delivered");
            }
        }
    }

    async fn thread(&self, own: &Municipality, thread: ThreadId) -> Result<Option<Thread>> {
        let messages = self
            .services
            .store
            .tenant(own.id)
            .contact_thread(thread)
            .await?;
        Ok(self.threads(messages).await?.into_iter().next())
    }

    /// Messages of one city grouped into conversations, with the other city's name.
    async fn threads(&self, messages: Vec<ContactMessage>) -> Result<Vec<Thread>> {
        let mut threads: Vec<Thread> = Vec::new();
        for m in messages {
            let message = Message {
                sent: m.sent,
                sender_name: m.sender_name,
                body: m.body,
                created_at: m.created_at,
            };
            if let Some(thread) = threads.iter_mut().find(|t| t.id == m.thread_id) {
                thread.messages.push(message);
                continue;
            }
            let other = match threads
                .iter()
                .find(|t| t.other_municipality_id == m.other_municipality_id)
            {
                Some(known) => known.other_municipality_name.clone(),
                None => self
                    .services
                    .store
                    .municipalities()
                    .get(m.other_municipality_id)
                    .await?
                    .map(|r| r.name)
                    .unwrap_or_default(),
            };
            threads.push(Thread {
                id: m.thread_id,
                other_municipality_id: m.other_municipality_id,
                other_municipality_name: other,
                practice_id: m.practice_id,
                practice_title: m.practice_title,
                messages: vec![message],
            });
        }
        Ok(threads)
    }

    /// A city's conversations (its administrators, its Land's office), the latest first.
    pub async fn contact_threads(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Vec<Thread>> {
        self.services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let messages = self
            .services
            .store
            .tenant(municipality)
            .contact_messages()
            .await?;
        let mut threads = self.threads(messages).await?;
        threads.sort_by(|a, b| {
            let last = |t: &Thread| t.messages.last().map(|m| m.created_at);
            last(b).cmp(&last(a))
        });
        Ok(threads)
    }
}
