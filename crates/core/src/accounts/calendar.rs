//! The personal calendar feed: an address with a secret, so that a calendar app (which sends
//! no cookie) sees what the person sees, internal meetings of their bodies included. The
//! secret is kept as a hash; renewing it makes the old address worthless.

use super::{Accounts, token};
use crate::{Principal, Result};

impl Accounts<'_> {
    /// A new secret for the caller's personal calendar feeds (one per account, for every
    /// municipality's feed); the old one stops working.
    pub async fn renew_calendar_feed(&self, principal: &Principal) -> Result<String> {
        principal.require_login()?;
        let Principal::User(account) = principal else {
            // The operator's system principal has no account to hold a feed.
            return Err(crate::Error::Forbidden);
        };
        let secret = token::generate();
        self.services
            .store
            .accounts()
            .set_calendar_token(account.user, &token::stored_hash(&secret))
            .await?;
        Ok(secret)
    }

    /// The person a calendar feed's secret belongs to, with the rights they have today;
    /// `None` for an unknown or renewed secret.
    pub async fn calendar_principal(&self, secret: &str) -> Result<Option<Principal>> {
        let found = self
            .services
            .store
            .accounts()
            .user_by_calendar_token(&token::stored_hash(secret))
            .await?;
        match found {
            Some(user) => Ok(Some(Principal::User(self.account(user).await?))),
            None => Ok(None),
        }
    }
}
