//! What screen-reader and keyboard users need from a single-page app: after a navigation the
//! focus moves to the new page's heading and a live region says which page opened (the
//! browser does neither for client-side navigation).

use std::cell::Cell;

use leptos::prelude::*;

use crate::i18n::{LangExt, use_i18n};

/// The polite live region's text.
#[derive(Debug, Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn new() -> Announcer {
        Announcer(RwSignal::new(String::new()))
    }

    /// Says `text` through the live region (also when it repeats the previous text).
    pub fn say(self, text: String) {
        self.0.set(String::new());
        request_animation_frame(move || self.0.set(text));
    }

    pub fn text(self) -> String {
        self.0.get()
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

thread_local! {
    /// The first heading after loading the page keeps the focus where the browser put it.
    static FIRST_HEADING: Cell<bool> = const { Cell::new(true) };
    /// The heading last announced: a page that re-renders itself (after saving) is not a new
    /// page, so it neither takes the focus nor is announced again.
    static LAST_HEADING: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The page's `h1`, which also sets the document title; on navigation it takes the focus and
/// is announced.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{} – {}", text.get(), i18n.t().common.app_name));
        }
    });
    Effect::new(move || {
        let Some(element) = heading.get() else {
            return;
        };
        let current = text.get_untracked();
        let same_page = LAST_HEADING.with(|last| last.replace(current.clone()) == current);
        if FIRST_HEADING.with(|first| first.replace(false)) || same_page {
            return;
        }
        let _ = element.focus();
        let t = i18n.0.get_untracked().texts();
        announcer.say(format!("{}: {current}", t.common.page_loaded));
    });
    view! {
        <h1 tabindex="-1" node_ref=heading>
            {move || text.get()}
        </h1>
    }
}
