//! The frame of every page: skip link, header with navigation, language switch and account,
//! the live region, and the routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::a11y::{Announcer, use_announcer};
use crate::api;
use crate::components::Text;
use crate::i18n::{I18n, Lang, LangExt, use_i18n};
use crate::pages;
use crate::queries::{Logout, logout};
use crate::session::{Session, use_session};

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::remembered());
    let i18n = I18n(lang);
    provide_context(i18n);
    provide_context(Announcer::new());
    let session = Session::new();
    provide_context(session);
    session.refresh(lang.get_untracked());
    Effect::new(move || {
        let lang = lang.get();
        lang.remember();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", lang.code());
        }
    });

    view! {
        <Router>
            <a class="skip-link" href="#inhalt">
                {move || i18n.t().common.skip_to_content}
            </a>
            <Header />
            <main id="inhalt" tabindex="-1">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Municipalities />
                    <Route path=path!("/anmelden") view=pages::Login />
                    <Route path=path!("/passwort-vergessen") view=pages::ForgotPassword />
                    <Route path=path!("/passwort-zuruecksetzen") view=pages::ResetPassword />
                    <Route path=path!("/einladung") view=pages::AcceptInvitation />
                    <Route path=path!("/teilnahme") view=pages::MeetingAnswer />
                    <Route path=path!("/kommunen/neu") view=pages::CreateMunicipality />
                    <Route path=path!("/kommunen/:slug") view=pages::Municipality />
                    <Route path=path!("/kommunen/:slug/rat") view=pages::Structure />
                    <Route path=path!("/kommunen/:slug/gruendung") view=pages::Founding />
                    <Route path=path!("/kommunen/:slug/foerderung") view=pages::MunicipalityFunding />
                    <Route path=path!("/kommunen/:slug/sitzungen") view=pages::Meetings />
                    <Route path=path!("/kommunen/:slug/empfehlungen") view=pages::Recommendations />
                    <Route path=path!("/kommunen/:slug/praeventionszyklus") view=pages::Cycle />
                    <Route path=path!("/kommunen/:slug/kontakte") view=pages::Contacts />
                    <Route path=path!("/kommunen/:slug/praxis") view=pages::Practices />
                    <Route path=path!("/kommunen/:slug/katalog") view=pages::Catalogue />
                    <Route path=path!("/netzwerk") view=pages::Network />
                    <Route path=path!("/netzwerk/praxis/:id") view=pages::NetworkPractice />
                    <Route path=path!("/netzwerk/angebote/:id") view=pages::CatalogueOffer />
                    <Route path=path!("/land") view=pages::Overview />
                    <Route path=path!("/land/unterstuetzung") view=pages::SupportDesk />
                    <Route path=path!("/foerderung") view=pages::Programmes />
                    <Route path=path!("/foerderung/:id") view=pages::Programme />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{move || i18n.t().common.footer}</p>
            </footer>
            <LiveRegion />
        </Router>
    }
}

#[component]
fn LiveRegion() -> impl IntoView {
    let announcer = use_announcer();
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.text()}
        </div>
    }
}

/// An entry of the main navigation.
#[component]
fn NavLink(href: &'static str, text: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            <A href=href>{move || text(i18n.t())}</A>
        </li>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let switch_language = move |_| i18n.0.update(|lang| *lang = lang.other());
    let log_out = move |_| {
        let navigate = navigate.clone();
        let lang = i18n.lang();
        spawn_local(async move {
            // Whatever the answer, the app forgets the account; a failed call leaves a session
            // the server ends at its idle expiry.
            let _ = api::run::<Logout>(lang, logout::Variables).await;
            session.clear();
            navigate("/anmelden", Default::default());
        });
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <A href="/">
                    <span class="brand-name">{move || i18n.t().common.app_name}</span>
                </A>
                <span class="brand-claim">{move || i18n.t().common.app_claim}</span>
            </div>
            <nav aria-label=move || i18n.t().common.main_navigation>
                <ul>
                    <NavLink href="/" text=|t| t.common.nav_municipalities />
                    <NavLink href="/netzwerk" text=|t| t.common.nav_network />
                    <NavLink href="/foerderung" text=|t| t.common.nav_funding />
                    {move || {
                        session
                            .can_create()
                            .then(|| {
                                view! {
                                    <NavLink href="/land" text=|t| t.common.nav_overview />
                                    <NavLink href="/land/unterstuetzung" text=|t| t.common.nav_support />
                                }
                            })
                    }}
                    {move || {
                        session
                            .can_create()
                            .then(|| {
                                view! {
                                    <NavLink href="/kommunen/neu" text=|t| t.common.nav_new_municipality />
                                }
                            })
                    }}
                </ul>
            </nav>
            <div class="account">
                <button
                    type="button"
                    class="link-button"
                    lang=move || i18n.lang().other().code()
                    title=move || i18n.t().common.switch_language_hint
                    on:click=switch_language
                >
                    {move || i18n.t().common.switch_language}
                </button>
                {move || match session.account() {
                    Some(account) => {
                        view! {
                            <span class="who">
                                <span class="visually-hidden">{i18n.t().common.logged_in_as} " "</span>
                                {account.display_name}
                            </span>
                            <button type="button" class="secondary" on:click=log_out.clone()>
                                {i18n.t().common.logout}
                            </button>
                        }
                            .into_any()
                    }
                    // Until the server has said who is logged in, neither state is shown.
                    None if session.known() => {
                        view! { <A href="/anmelden">{i18n.t().common.login}</A> }.into_any()
                    }
                    None => ().into_any(),
                }}
            </div>
        </header>
    }
}
