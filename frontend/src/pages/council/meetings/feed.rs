//! A person's own calendar feed: the address with its secret, shown once when made; making a
//! new one ends the old.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::{ErrorBox, FormError};
use crate::i18n::use_i18n;
use crate::queries::{RenewCalendarFeed, renew_calendar_feed};
use crate::session::use_session;

#[component]
pub(super) fn PersonalFeed(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let error: FormError = RwSignal::new(None);
    let address = RwSignal::new(None::<String>);
    let renew = move |_| {
        let lang = i18n.0.get_untracked();
        let slug = slug.clone();
        spawn_local(async move {
            match api::run::<RenewCalendarFeed>(lang, renew_calendar_feed::Variables).await {
                Ok(data) => {
                    let origin = web_sys::window()
                        .and_then(|w| w.location().origin().ok())
                        .unwrap_or_default();
                    let secret = data.renew_calendar_feed;
                    address.set(Some(format!("{origin}/kalender/{slug}/privat/{secret}")));
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    move || {
        session.account().map(|_| {
            let renew = renew.clone();
            view! {
                <section class="card" aria-labelledby="personal-feed-heading">
                    <h2 id="personal-feed-heading">{move || i18n.t().council.personal_feed_title}</h2>
                    <p class="hint">{move || i18n.t().council.personal_feed_hint}</p>
                    <ErrorBox error=error />
                    {move || address.get().map(|a| view! {
                        <p><label for="personal-feed-address">{move || i18n.t().council.personal_feed_address}</label>
                        <input id="personal-feed-address" type="text" readonly value=a /></p>
                    })}
                    <button type="button" class="secondary" on:click=renew.clone()>
                        {move || i18n.t().council.personal_feed_renew}
                    </button>
                </section>
            }
        })
    }
}
