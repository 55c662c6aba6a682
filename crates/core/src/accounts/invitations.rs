//! Invitations and password resets: single-use links sent by mail, stored only as hashes.

use chrono::{Duration, Utc};
use praevnet_store::{UserRecord, Writes};

use crate::access::principal::{Account, Grant};
use crate::accounts::Accounts;
use crate::accounts::AccountsProblem;
use crate::accounts::mail_quota::{MailKind, Sender};
use crate::accounts::{password, token};
use crate::audit::{self, Change};
use crate::kernel::email::EmailAddress;
use crate::kernel::mail::{self, Mail};
use crate::kernel::text::required_text;
use crate::{Error, Principal, Result};

const INVITE: &str = "INVITE";
const RESET: &str = "RESET";
const INVITE_VALID: Duration = Duration::days(7);
const RESET_VALID: Duration = Duration::hours(1);

impl Accounts<'_> {
    async fn deliver(&self, mail: Mail) -> Result<()> {
        let mailer = self
            .services
            .mailer
            .as_ref()
            .ok_or(Error::MailNotConfigured)?;
        mailer.send(&mail).await.map_err(|detail| {
            tracing::warn!(%detail, "mail not delivered");
            Error::Unavailable(format!("mail server: {detail}"))
        })
    }

    /// Invites a person by e-mail with a role. A new address gets an account without a
    /// password and a link to set one; a known one gets the role (and, if it never set a
    /// password, a fresh link).
    pub async fn invite(
        &self,
        principal: &Principal,
        email: &str,
        display_name: &str,
        grant: Grant,
    ) -> Result<()> {
        self.require_can_grant(principal, &grant).await?;
        self.require_inviter_quota(principal).await?;
        let email = EmailAddress::parse(email)?;
        let display_name = required_text("displayName", display_name, 200)?;
        if self.services.mailer.is_none() {
            return Err(Error::MailNotConfigured);
        }
        let writes = self.services.store.writes().await?;
        let (user, secret) = self
            .prepare_invitation(&writes, &email, &display_name)
            .await?;
        self.add_grant(&writes, principal, user.id, &grant).await?;
        writes.commit().await?;
        // The mail leaves after the commit: a link in a mail always works.
        self.send_invitation(&email, &user.display_name, secret)
            .await?;
        tracing::info!(user = %user.id, role = grant.role(), "invited");
        Ok(())
    }

    /// Counts an invitation against the inviting account's quota (the platform itself has none).
    pub(crate) async fn require_inviter_quota(&self, principal: &Principal) -> Result<()> {
        match principal {
            Principal::User(account) => {
                let user = account.user.to_string();
                self.require_mail_quota(&Sender::Inviter(&user)).await
            }
            _ => Ok(()),
        }
    }

    /// The account for `email` (created without a password when new) and, if it never set a
    /// password, a fresh invitation secret; inside the caller's unit of work.
    pub(crate) async fn prepare_invitation(
        &self,
        writes: &Writes,
        email: &EmailAddress,
        display_name: &str,
    ) -> Result<(UserRecord, Option<String>)> {
        let accounts = writes.accounts();
        let user = match accounts.user_by_email(email.as_str()).await? {
            Some(user) => user,
            None => accounts.insert_user(email.as_str(), display_name).await?,
        };
        let secret = match user.password_hash {
            None => {
                let secret = token::generate();
                let expires = Utc::now() + INVITE_VALID;
                accounts
                    .insert_token(&token::stored_hash(&secret), user.id, INVITE, expires)
                    .await?;
                Some(secret)
            }
            Some(_) => None,
        };
        Ok((user, secret))
    }

    /// Mails the invitation link, after the unit of work that made it has committed.
    pub(crate) async fn send_invitation(
        &self,
        email: &EmailAddress,
        display_name: &str,
        secret: Option<String>,
    ) -> Result<()> {
        if let Some(secret) = secret {
            if !self.address_is_free(MailKind::Invitation, email).await? {
                // The link of the invitation sent minutes ago still works.
                tracing::info!("invitation mail held back: one per address and window");
                return Ok(());
            }
            let link = format!("{}/einladung#{secret}", self.services.public_url);
            self.deliver(mail::invitation(
                email.as_str(),
                display_name,
                &link,
                INVITE_VALID.num_days(),
            ))
            .await?;
        }
        Ok(())
    }

    /// Sets the password of an invited account and logs it in.
    pub async fn accept_invitation(
        &self,
        secret: &str,
        password: &str,
    ) -> Result<(String, Account)> {
        self.set_password_by_token(secret, INVITE, password).await
    }

    /// Sends a reset link if the address has an account. The answer is the same either way and
    /// the mail leaves in the background, so neither reveals whether an account exists.
    /// `client` is the requester's address: each client has a small quota of requests, and
    /// each address gets one reset mail per window.
    pub async fn request_password_reset(&self, email: &str, client: &str) -> Result<()> {
        if self.services.mailer.is_none() {
            return Err(Error::MailNotConfigured);
        }
        self.require_mail_quota(&Sender::Client(client)).await?;
        let Ok(email) = EmailAddress::parse(email) else {
            return Ok(());
        };
        let Some(user) = self
            .services
            .store
            .accounts()
            .user_by_email(email.as_str())
            .await?
        else {
            return Ok(());
        };
        if !self
            .address_is_free(MailKind::PasswordReset, &email)
            .await?
        {
            return Ok(());
        }
        let secret = token::generate();
        let expires = Utc::now() + RESET_VALID;
        self.services
            .store
            .accounts()
            .insert_token(&token::stored_hash(&secret), user.id, RESET, expires)
            .await?;
        let link = format!(
            "{}/passwort-zuruecksetzen#{secret}",
            self.services.public_url
        );
        let services = self.services.clone();
        tokio::spawn(async move {
            let mail = mail::password_reset(email.as_str(), &link, RESET_VALID.num_minutes());
            // Failures are logged by `deliver`; the requester learns nothing either way.
            let _ = services.accounts().deliver(mail).await;
        });
        Ok(())
    }

    /// Sets a new password from a reset link, ends all other sessions, and logs in.
    pub async fn reset_password(&self, secret: &str, password: &str) -> Result<(String, Account)> {
        self.set_password_by_token(secret, RESET, password).await
    }

    async fn set_password_by_token(
        &self,
        secret: &str,
        purpose: &str,
        password: &str,
    ) -> Result<(String, Account)> {
        let hash = token::stored_hash(secret.trim());
        let accounts = self.services.store.accounts();
        let invalid = || Error::validation("token", AccountsProblem::TokenInvalid);
        let now = Utc::now();
        // Check the password before using the link, so a refused password does not burn it.
        let user_id = accounts
            .token_user(&hash, purpose, now)
            .await?
            .ok_or_else(invalid)?;
        let user = accounts.user(user_id).await?.ok_or_else(invalid)?;
        password::check_policy(password, &[&user.email, &user.display_name])?;
        let stored = password::hash(password.to_owned()).await?;
        let writes = self.services.store.writes().await?;
        if writes.accounts().consume_token(&hash, purpose, now).await? != Some(user_id) {
            return Err(invalid());
        }
        writes
            .accounts()
            .set_password_hash(user_id, &stored)
            .await?;
        writes.accounts().delete_sessions_of(user_id).await?;
        tracing::info!(user = %user_id, purpose, "password set by link");
        let change = Change {
            action: "account.password_set",
            entity: "user",
            entity_id: Some(user_id.to_string()),
            municipality: None,
            federal_state: None,
            summary: format!(
                "Passwort über einen Link gesetzt ({})",
                purpose.to_lowercase()
            ),
        };
        audit::record_as(&writes, Some(user_id), "USER", change).await?;
        writes.commit().await?;
        let secret = self.open_session(user_id).await?;
        Ok((secret, self.account(user).await?))
    }
}
