//! Logging in and out, and who the caller is.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use praevnet_core::access::principal::{Account, Grant};
use praevnet_core::{Error, Principal, Problem};

use crate::codes::FederalState;
use crate::context::ContextExt;
use crate::ids::TypedId;
use crate::request::SessionChange;
use praevnet_core::{MunicipalityId, UserId};

/// The kinds of roles an account can hold.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
pub(crate) enum RoleKind {
    PlatformAdmin,
    StateOffice,
    MunicipalityAdmin,
}

/// One role of the caller, with the Land or municipality it applies to.
#[derive(SimpleObject)]
pub(crate) struct Role {
    kind: RoleKind,
    federal_state: Option<FederalState>,
    municipality_id: Option<ID>,
}

impl From<&Grant> for Role {
    fn from(grant: &Grant) -> Self {
        match grant {
            Grant::PlatformAdmin => Role {
                kind: RoleKind::PlatformAdmin,
                federal_state: None,
                municipality_id: None,
            },
            Grant::StateOffice(state) => Role {
                kind: RoleKind::StateOffice,
                federal_state: Some((*state).into()),
                municipality_id: None,
            },
            Grant::MunicipalityAdmin(id) => Role {
                kind: RoleKind::MunicipalityAdmin,
                federal_state: None,
                municipality_id: Some(ID(id.to_string())),
            },
        }
    }
}

/// An account and its roles (the caller's own, or those in the caller's reach).
#[derive(SimpleObject)]
#[graphql(name = "Account")]
pub(crate) struct Me {
    id: ID,
    email: String,
    display_name: String,
    roles: Vec<Role>,
}

impl From<&Account> for Me {
    fn from(account: &Account) -> Self {
        Me {
            id: ID(account.user.to_string()),
            email: account.email.clone(),
            display_name: account.display_name.clone(),
            roles: account.grants.iter().map(Role::from).collect(),
        }
    }
}

#[derive(Default, Debug)]
pub(crate) struct AccountQuery;

#[Object]
impl AccountQuery {
    /// Accounts with roles in the caller's reach (administrators and state offices), each with
    /// those roles only.
    async fn accounts(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Me>> {
        let accounts = ctx
            .services()
            .accounts()
            .accounts_in_reach(ctx.principal())
            .await?;
        Ok(accounts.iter().map(Me::from).collect())
    }

    /// Everything the platform holds about a person, as a JSON document (GDPR Art. 15).
    #[graphql(complexity = "25 + child_complexity")]
    async fn export_person_data(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
    ) -> async_graphql::Result<String> {
        let user = ctx.id::<UserId>(&user_id, "userId")?;
        ctx.services()
            .accounts()
            .export_person(ctx.principal(), user)
            .await
            .map_err(Into::into)
    }

    /// The caller's account; null when not logged in.
    async fn me(&self, ctx: &Context<'_>) -> Option<Me> {
        match ctx.principal() {
            Principal::User(account) => Some(Me::from(account)),
            _ => None,
        }
    }
}

/// Whom to invite, and with which role.
#[derive(InputObject)]
pub(crate) struct InviteInput {
    email: String,
    display_name: String,
    role: RoleKind,
    /// Required for STATE_OFFICE.
    federal_state: Option<FederalState>,
    /// Required for MUNICIPALITY_ADMIN.
    municipality_id: Option<ID>,
}

impl InviteInput {
    fn grant(&self) -> Result<Grant, Error> {
        grant_of(self.role, self.federal_state, self.municipality_id.as_ref())
    }
}

/// A role with what it applies to, checked for completeness.
fn grant_of(
    role: RoleKind,
    federal_state: Option<FederalState>,
    municipality: Option<&ID>,
) -> Result<Grant, Error> {
    match role {
        RoleKind::PlatformAdmin => Ok(Grant::PlatformAdmin),
        RoleKind::StateOffice => federal_state
            .map(|s| Grant::StateOffice(s.into()))
            .ok_or(Error::validation("federalState", Problem::Required)),
        RoleKind::MunicipalityAdmin => {
            let id = municipality.ok_or(Error::validation("municipalityId", Problem::Required))?;
            Ok(Grant::MunicipalityAdmin(MunicipalityId::parse(
                id,
                "municipalityId",
            )?))
        }
    }
}

/// Hands a new session to the transport (which sets the cookie) and answers with the account.
/// A new session for the browser; the session it came with, if any, ends (one browser holds
/// one session: logging in again must not leave the previous one valid).
async fn started(
    ctx: &Context<'_>,
    result: Result<(String, Account), Error>,
) -> async_graphql::Result<Me> {
    let (secret, account) = result?;
    if let Some(previous) = &ctx.request().session_secret
        && let Err(err) = ctx.services().accounts().logout(previous).await
    {
        tracing::warn!(error = %err, "the previous session of this browser was not ended");
    }
    ctx.request()
        .change_session(SessionChange::Started { secret });
    Ok(Me::from(&account))
}

#[derive(Default, Debug)]
pub(crate) struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Opens a session; the server sets it as an HttpOnly cookie.
    async fn login(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> async_graphql::Result<Me> {
        let client = &ctx.request().client;
        started(
            ctx,
            ctx.services()
                .accounts()
                .login(&email, &password, client)
                .await,
        )
        .await
    }

    /// Invites a person by e-mail; they set their password with the link in the mail.
    async fn invite_user(
        &self,
        ctx: &Context<'_>,
        input: InviteInput,
    ) -> async_graphql::Result<bool> {
        let grant = input.grant()?;
        ctx.services()
            .accounts()
            .invite(ctx.principal(), &input.email, &input.display_name, grant)
            .await?;
        Ok(true)
    }

    /// Sets the password of an invited account from the link's token and logs in.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> async_graphql::Result<Me> {
        started(
            ctx,
            ctx.services()
                .accounts()
                .accept_invitation(&token, &password)
                .await,
        )
        .await
    }

    /// Sends a reset link if the address has an account; answers the same either way.
    async fn request_password_reset(
        &self,
        ctx: &Context<'_>,
        email: String,
    ) -> async_graphql::Result<bool> {
        ctx.services()
            .accounts()
            .request_password_reset(&email, &ctx.request().client)
            .await?;
        Ok(true)
    }

    /// Sets a new password from a reset link's token, ends all other sessions, and logs in.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> async_graphql::Result<Me> {
        started(
            ctx,
            ctx.services()
                .accounts()
                .reset_password(&token, &password)
                .await,
        )
        .await
    }

    /// Takes a role away from an account; allowed to whoever may grant that role.
    async fn revoke_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        role: RoleKind,
        federal_state: Option<FederalState>,
        municipality_id: Option<ID>,
    ) -> async_graphql::Result<bool> {
        let user = ctx.id::<UserId>(&user_id, "userId")?;
        let grant = grant_of(role, federal_state, municipality_id.as_ref())?;
        ctx.services()
            .accounts()
            .revoke_role(ctx.principal(), user, grant)
            .await?;
        Ok(true)
    }

    /// Erases a person (GDPR Art. 17): access and personal data are removed, a pseudonymous
    /// account row stays for the records that refer to it.
    async fn erase_person(&self, ctx: &Context<'_>, user_id: ID) -> async_graphql::Result<bool> {
        let user = ctx.id::<UserId>(&user_id, "userId")?;
        ctx.services()
            .accounts()
            .erase_person(ctx.principal(), user)
            .await?;
        Ok(true)
    }

    /// A new secret for the caller's own calendar feeds (`/kalender/{slug}/privat/{secret}`),
    /// which carry the internal meetings of the caller's bodies too; the old secret stops
    /// working. Shown once: only its hash is kept.
    async fn renew_calendar_feed(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(ctx
            .services()
            .accounts()
            .renew_calendar_feed(ctx.principal())
            .await?)
    }

    /// Ends the caller's session on the server and clears the cookie.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let request = ctx.request();
        let Some(secret) = &request.session_secret else {
            return Err(Error::Unauthenticated.into());
        };
        ctx.services().accounts().logout(secret).await?;
        request.change_session(SessionChange::Ended);
        Ok(true)
    }
}
