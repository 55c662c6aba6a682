//! The app's texts in German (the default) and English.
//!
//! One struct per area with a constant per language: the compiler refuses a text that exists in
//! one language only, which a lookup by string key (leptos_i18n's JSON files, fluent) would only
//! find at run time. Domain terms (Präventionsrat, Kommune, AGS) stay German in both.
//!
//! Each area's texts live beside its pages, in `pages/<area>/texts.rs`, not here: a feature then
//! changes one folder per layer, and no file is one that every feature must edit
//! (docs/architecture.md). This module keeps what is no one area's: the language's texts and
//! its remembered choice ([`LangExt`]; the language itself is `praevnet_common::Lang`, as on
//! the server), the frame's and shared components' texts ([`common::CommonTexts`]), and
//! [`Texts`], which only puts the areas together.

mod common;

use leptos::prelude::*;

use crate::pages::{accounts, council, land, network, registry};

pub use praevnet_common::Lang;

const STORAGE_KEY: &str = "praevnet.lang";

/// What a language means in the browser: its texts and the remembered choice. Not in
/// `praevnet-common`, which the server compiles too and which knows no `web_sys`.
pub trait LangExt {
    fn texts(self) -> &'static Texts;

    /// The remembered choice; German when there is none.
    fn remembered() -> Lang;

    fn remember(self);
}

impl LangExt for Lang {
    fn texts(self) -> &'static Texts {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    fn remembered() -> Lang {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or(Lang::De)
    }

    fn remember(self) {
        if let Some(storage) = storage() {
            // A browser that refuses storage (private mode quota) keeps the choice for this visit.
            let _ = storage.set_item(STORAGE_KEY, self.code());
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The current language, shared through the component tree.
#[derive(Debug, Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// The texts in the current language (tracks the language, so views update on a switch).
    pub fn t(self) -> &'static Texts {
        self.0.get().texts()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Every text of the interface, by the area that shows it.
#[derive(Debug)]
pub struct Texts {
    pub common: common::CommonTexts,
    pub accounts: accounts::texts::AccountTexts,
    pub registry: registry::texts::RegistryTexts,
    pub council: council::texts::CouncilTexts,
    pub cycle: council::cycle::texts::CycleTexts,
    pub land: land::texts::LandTexts,
    pub network: network::texts::NetworkTexts,
}

pub const DE: Texts = Texts {
    common: common::DE,
    accounts: accounts::texts::DE,
    registry: registry::texts::DE,
    council: council::texts::DE,
    cycle: council::cycle::texts::DE,
    land: land::texts::DE,
    network: network::texts::DE,
};

pub const EN: Texts = Texts {
    common: common::EN,
    accounts: accounts::texts::EN,
    registry: registry::texts::EN,
    council: council::texts::EN,
    cycle: council::cycle::texts::EN,
    land: land::texts::EN,
    network: network::texts::EN,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_switches_to_the_other_in_that_language() {
        assert_eq!(Lang::De.texts().common.switch_language, "English");
        assert_eq!(Lang::En.texts().common.switch_language, "Deutsch");
        assert_eq!(Lang::De.other(), Lang::En);
    }
}
