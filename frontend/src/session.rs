//! Who is logged in, and what the interface may offer them. The server decides every request
//! on its own; these checks only hide what would be refused.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n::Lang;
use crate::model::{FederalState, RoleKind};
use crate::queries::{Me, me};

pub type Account = me::MeMe;

/// The logged-in account, shared through the component tree.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    account: RwSignal<Option<Account>>,
    /// False until the first answer to `me`, so pages do not flash the logged-out state.
    known: RwSignal<bool>,
}

impl Session {
    pub fn new() -> Session {
        Session {
            account: RwSignal::new(None),
            known: RwSignal::new(false),
        }
    }

    /// Asks the server who the session cookie belongs to.
    pub async fn load(self, lang: Lang) {
        if let Ok(data) = api::run::<Me>(lang, me::Variables).await {
            self.account.set(data.me);
        }
        self.known.set(true);
    }

    /// [`Session::load`] in the background, for the app's start.
    pub fn refresh(self, lang: Lang) {
        spawn_local(self.load(lang));
    }

    pub fn clear(self) {
        self.account.set(None);
    }

    pub fn account(self) -> Option<Account> {
        self.account.get()
    }

    pub fn known(self) -> bool {
        self.known.get()
    }

    fn any_role(self, matches: impl Fn(&me::MeMeRoles) -> bool) -> bool {
        self.account
            .with(|a| a.as_ref().is_some_and(|a| a.roles.iter().any(&matches)))
    }

    pub fn is_platform_admin(self) -> bool {
        self.any_role(|r| r.kind == RoleKind::PlatformAdmin)
    }

    /// The Länder whose state office the account is.
    pub fn state_offices(self) -> Vec<FederalState> {
        self.account.with(|a| {
            a.iter()
                .flat_map(|a| &a.roles)
                .filter(|r| r.kind == RoleKind::StateOffice)
                .filter_map(|r| r.federal_state)
                .collect()
        })
    }

    /// The municipalities the account administers, by id.
    pub fn administered(self) -> Vec<String> {
        self.account.with(|a| {
            a.iter()
                .flat_map(|a| &a.roles)
                .filter(|r| r.kind == RoleKind::MunicipalityAdmin)
                .filter_map(|r| r.municipality_id.clone())
                .collect()
        })
    }

    /// Whether the account may add municipalities (in some Land).
    pub fn can_create(self) -> bool {
        self.is_platform_admin() || !self.state_offices().is_empty()
    }

    /// Name, key, Land, population and status: the operator and the Land's office.
    pub fn can_edit_registry(self, state: FederalState) -> bool {
        self.is_platform_admin() || self.state_offices().contains(&state)
    }

    /// The council record: also the municipality's own administrators.
    pub fn can_manage(self, state: FederalState, municipality_id: &str) -> bool {
        self.can_edit_registry(state) || self.administered().iter().any(|id| id == municipality_id)
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
