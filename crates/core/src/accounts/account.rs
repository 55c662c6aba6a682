//! Accounts: creating them, logging in and out, and turning a session into a principal.

use chrono::{DateTime, Duration, Utc};
use praevnet_store::{UserId, UserRecord, Writes};

use crate::access::principal::{Account, Grant};
use crate::accounts::Accounts;
use crate::accounts::{password, token};
use crate::audit::{self, Change};
use crate::kernel::email::EmailAddress;
use crate::kernel::text::required_text;
use crate::{Error, Principal, Result};

/// Failures allowed before delays start: per account, and per client address (an office
/// behind one address has many users).
const FREE_FAILURES_ACCOUNT: i32 = 5;
const FREE_FAILURES_CLIENT: i32 = 20;
/// The longest delay, reached after about ten failures beyond the free ones.
const MAX_DELAY_SECS: i64 = 15 * 60;
/// A session's expiry is moved forward at most this often, to spare a write per request.
const TOUCH_INTERVAL: Duration = Duration::minutes(1);

/// The delay after `failures` failures: doubling from one second once the free ones are used.
fn throttle_delay(failures: i32, free: i32) -> Duration {
    let excess = failures - free;
    if excess <= 0 {
        return Duration::zero();
    }
    let secs = 1i64
        .checked_shl(u32::try_from(excess - 1).unwrap_or(u32::MAX))
        .unwrap_or(MAX_DELAY_SECS);
    Duration::seconds(secs.min(MAX_DELAY_SECS))
}

fn throttle_keys(email: &str, client: &str) -> [(String, i32); 2] {
    [
        (format!("account:{email}"), FREE_FAILURES_ACCOUNT),
        (format!("client:{client}"), FREE_FAILURES_CLIENT),
    ]
}

impl Accounts<'_> {
    /// Creates an account with one role. `password` is given by the operator's command line;
    /// accounts made through the API get theirs by invitation.
    pub async fn create_account(
        &self,
        principal: &Principal,
        email: &str,
        display_name: &str,
        grant: Grant,
        password: Option<String>,
    ) -> Result<Account> {
        self.require_can_grant(principal, &grant).await?;
        let email = EmailAddress::parse(email)?;
        let display_name = required_text("displayName", display_name, 200)?;
        let hash = match password {
            Some(password) => {
                password::check_policy(&password, &[email.as_str(), &display_name])?;
                Some(password::hash(password).await?)
            }
            None => None,
        };
        let writes = self.services.store.writes().await?;
        let user = writes
            .accounts()
            .insert_user(email.as_str(), &display_name)
            .await?;
        if let Some(hash) = hash {
            writes.accounts().set_password_hash(user.id, &hash).await?;
        }
        self.add_grant(&writes, principal, user.id, &grant).await?;
        writes.commit().await?;
        tracing::info!(user = %user.id, role = grant.role(), "account created");
        self.account(user).await
    }

    /// Adds a role unless the user has it already, and records it, in the caller's unit of work.
    pub(crate) async fn add_grant(
        &self,
        writes: &Writes,
        principal: &Principal,
        user: UserId,
        grant: &Grant,
    ) -> Result<()> {
        let accounts = writes.accounts();
        let existing = accounts.grants(user).await?;
        if existing
            .iter()
            .filter_map(|g| Grant::from_record(g).ok())
            .any(|g| &g == grant)
        {
            return Ok(());
        }
        let (state, municipality) = grant.scope();
        accounts
            .add_grant(user, grant.role(), state, municipality)
            .await?;
        let summary = format!("Rolle {} an Konto {user} vergeben", grant.role());
        self.record_grant_change(
            writes,
            principal,
            "account.role_granted",
            user,
            grant,
            summary,
        )
        .await
    }

    /// Records a change of `user`'s roles in the scope of the role, so its Land's office and
    /// its municipality's administrators see it.
    async fn record_grant_change(
        &self,
        writes: &Writes,
        principal: &Principal,
        action: &'static str,
        user: UserId,
        grant: &Grant,
        summary: String,
    ) -> Result<()> {
        let (state, municipality) = grant.scope();
        let municipality = match municipality {
            Some(id) => Some(self.services.registry().municipality(principal, id).await?),
            None => None,
        };
        let change = Change {
            action,
            entity: "user",
            entity_id: Some(user.to_string()),
            municipality: municipality
                .as_ref()
                .map(|m| m as &dyn crate::access::Jurisdiction),
            federal_state: state,
            summary,
        };
        audit::record(writes, principal, change).await
    }

    /// An account that exists and is not erased; NOT_FOUND otherwise.
    pub(crate) async fn active_user(&self, user: UserId) -> Result<UserRecord> {
        let found = self.services.store.accounts().user(user).await?;
        found
            .filter(|u| u.erased_at.is_none())
            .ok_or(Error::NotFound)
    }

    /// Takes a role away; who may do so is who may grant it. The person keeps the account.
    pub async fn revoke_role(
        &self,
        principal: &Principal,
        user: UserId,
        grant: Grant,
    ) -> Result<()> {
        self.require_can_grant(principal, &grant).await?;
        let target = self.active_user(user).await?;
        let record = self
            .services
            .store
            .accounts()
            .grants(target.id)
            .await?
            .into_iter()
            .find(|g| Grant::from_record(g).is_ok_and(|g| g == grant))
            .ok_or(Error::NotFound)?;
        let writes = self.services.store.writes().await?;
        writes.accounts().remove_grant(record.id).await?;
        let summary = format!("Rolle {} von Konto {user} entzogen", grant.role());
        self.record_grant_change(
            &writes,
            principal,
            "account.role_revoked",
            user,
            &grant,
            summary,
        )
        .await?;
        Ok(writes.commit().await?)
    }

    /// The accounts whose roles lie within the caller's reach, with those roles only.
    pub async fn accounts_in_reach(&self, principal: &Principal) -> Result<Vec<Account>> {
        if *principal == Principal::Anonymous {
            return Err(Error::Unauthenticated);
        }
        let accounts = self.services.store.accounts();
        let grants = accounts.all_grants().await?;
        let mut visible: Vec<(UserId, Grant)> = Vec::new();
        for record in &grants {
            let grant = Grant::from_record(record)?;
            let in_reach = match &grant {
                _ if principal.is_platform_admin() => true,
                Grant::MunicipalityAdmin(id) => {
                    match self.services.registry().municipality(principal, *id).await {
                        Ok(municipality) => principal.require_can_manage(&municipality).is_ok(),
                        Err(Error::NotFound) => false,
                        Err(other) => return Err(other),
                    }
                }
                Grant::PlatformAdmin | Grant::StateOffice(_) => false,
            };
            if in_reach {
                visible.push((record.user_id, grant));
            }
        }
        let mut result = Vec::new();
        for user in accounts.users().await? {
            let roles: Vec<Grant> = visible
                .iter()
                .filter(|(u, _)| *u == user.id)
                .map(|(_, g)| g.clone())
                .collect();
            if !roles.is_empty() {
                result.push(Account {
                    user: user.id,
                    email: user.email,
                    display_name: user.display_name,
                    grants: roles,
                });
            }
        }
        Ok(result)
    }

    /// Opens a session for `user` and returns the secret for the cookie.
    pub(crate) async fn open_session(&self, user: UserId) -> Result<String> {
        let now = Utc::now();
        let secret = token::generate();
        self.services
            .store
            .accounts()
            .insert_session(
                &token::stored_hash(&secret),
                user,
                now + self.services.sessions.idle,
                now + self.services.sessions.absolute,
            )
            .await?;
        Ok(secret)
    }

    /// Who may hand out which role: the operator any; a state office municipality
    /// administrators of its Land; a municipality administrator those of its municipality.
    pub(crate) async fn require_can_grant(
        &self,
        principal: &Principal,
        grant: &Grant,
    ) -> Result<()> {
        match grant {
            Grant::PlatformAdmin | Grant::StateOffice(_) => principal.require_platform_admin(),
            Grant::MunicipalityAdmin(id) => {
                let municipality = self
                    .services
                    .registry()
                    .municipality(principal, *id)
                    .await?;
                principal.require_can_manage(&municipality)
            }
        }
    }

    pub(crate) async fn account(&self, user: UserRecord) -> Result<Account> {
        let grants = self.services.store.accounts().grants(user.id).await?;
        Ok(Account {
            user: user.id,
            email: user.email,
            display_name: user.display_name,
            grants: grants
                .iter()
                .map(Grant::from_record)
                .collect::<Result<_>>()?,
        })
    }

    /// Checks the password and opens a session; returns the session's secret for the cookie.
    ///
    /// An unknown address costs the same work as a wrong password and gets the same answer.
    /// Failures are counted per account and per client address; beyond a few, each further
    /// attempt must wait, doubling up to 15 minutes.
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        client: &str,
    ) -> Result<(String, Account)> {
        let email = EmailAddress::parse(email).map_err(|_| Error::InvalidCredentials)?;
        let now = Utc::now();
        let keys = throttle_keys(email.as_str(), client);
        let accounts = self.services.store.accounts();
        for (key, _) in &keys {
            if let Some(state) = accounts.throttle(key).await?
                && state.blocked_until > now
            {
                return Err(throttled(state.blocked_until, now));
            }
        }
        let user = accounts.user_by_email(email.as_str()).await?;
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        let valid = password::verify(password.to_owned(), stored).await?;
        let Some(user) = user.filter(|_| valid) else {
            for (key, free) in &keys {
                let failures = accounts.record_failure(key, now).await?;
                let delay = throttle_delay(failures, *free);
                if delay > Duration::zero() {
                    accounts.block_until(key, now + delay).await?;
                }
            }
            tracing::info!(client, "failed login");
            return Err(Error::InvalidCredentials);
        };
        accounts.clear_throttle(&keys[0].0).await?;
        let secret = self.open_session(user.id).await?;
        tracing::info!(user = %user.id, "login");
        Ok((secret, self.account(user).await?))
    }

    /// The principal behind a session cookie; `None` for an unknown or expired session (which
    /// is then removed).
    pub async fn session(&self, secret: &str) -> Result<Option<Principal>> {
        let hash = token::stored_hash(secret);
        let accounts = self.services.store.accounts();
        // Every logged-in request starts here: the first to find the database gone tells the
        // store, so that the requests after it are refused at once.
        let session = accounts
            .session(&hash)
            .await
            .map_err(|err| self.services.store.noticed(err))?;
        let Some(session) = session else {
            return Ok(None);
        };
        let now = Utc::now();
        if session.idle_expires_at <= now || session.absolute_expires_at <= now {
            accounts.delete_session(&hash).await?;
            return Ok(None);
        }
        if now - session.last_seen_at >= TOUCH_INTERVAL {
            let idle = (now + self.services.sessions.idle).min(session.absolute_expires_at);
            accounts.touch_session(&hash, now, idle).await?;
        }
        let Some(user) = accounts.user(session.user_id).await? else {
            return Ok(None);
        };
        Ok(Some(Principal::User(self.account(user).await?)))
    }

    /// Ends the session on the server, so a copied cookie is worthless afterwards.
    pub async fn logout(&self, secret: &str) -> Result<()> {
        Ok(self
            .services
            .store
            .accounts()
            .delete_session(&token::stored_hash(secret))
            .await?)
    }
}

fn throttled(until: DateTime<Utc>, now: DateTime<Utc>) -> Error {
    let secs = (until - now).num_seconds().max(1);
    Error::Throttled {
        retry_after: u64::try_from(secs).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_failures() {
        let delays: Vec<i64> = (1..=16)
            .map(|f| throttle_delay(f, 5).num_seconds())
            .collect();
        assert_eq!(
            delays,
            vec![0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]
        );
        assert_eq!(throttle_delay(1000, 5).num_seconds(), 900);
    }
}
