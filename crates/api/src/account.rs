//! Logging in and out, and who the caller is.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use praevnet_core::principal::{Account, Grant};
use praevnet_core::{Error, Principal};

use crate::context::{ContextExt, SessionChange};
use crate::error::ResultExt;
use crate::municipality::FederalState;

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

/// The logged-in account.
#[derive(SimpleObject)]
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
    /// The caller's account; null when not logged in.
    async fn me(&self, ctx: &Context<'_>) -> Option<Me> {
        match &ctx.request().principal {
            Principal::User(account) => Some(Me::from(account)),
            _ => None,
        }
    }
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
        let request = ctx.request();
        let (secret, account) = ctx
            .services()
            .login(&email, &password, &request.client)
            .await
            .gql(ctx)?;
        request.change_session(SessionChange::Started { secret });
        Ok(Me::from(&account))
    }

    /// Ends the caller's session on the server and clears the cookie.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let request = ctx.request();
        let Some(secret) = &request.session_secret else {
            return Err(Error::Unauthenticated).gql(ctx);
        };
        ctx.services().logout(secret).await.gql(ctx)?;
        request.change_session(SessionChange::Ended);
        Ok(true)
    }
}
