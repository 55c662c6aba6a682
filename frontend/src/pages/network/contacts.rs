//! A city's conversations with other cities about published practices, with the answer form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::a11y::{PageTitle, use_announcer};
use crate::components::{ErrorBox, FormError, TextArea};
use crate::i18n::use_i18n;
use crate::pages::loaded;
use crate::queries::{ContactThreads, ReplyToContact, contact_threads, reply_to_contact};
use crate::submit::send_clearing;

#[component]
pub fn Contacts() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let data =
        crate::pages::of_municipality::<ContactThreads>(version, |m| contact_threads::Variables {
            municipality_id: m.id,
        });
    let reload = move || version.update(|v| *v += 1);
    loaded(data, move |(m, data)| {
        let title = format!("{} – {}", i18n.t().network.contacts_title, m.name);
        view! {
            <PageTitle text=Signal::derive(move || title.clone()) />
            <p><A href=format!("/kommunen/{}", m.slug)>{m.name.clone()}</A></p>
            {data.contact_threads.is_empty().then(|| view! { <p>{move || i18n.t().network.no_contacts}</p> })}
            {data.contact_threads.into_iter().enumerate().map(|(i, t)| {
                let heading = format!("thread-{i}");
                view! {
                    <section class="card" aria-labelledby=heading.clone()>
                        <h2 id=heading.clone()>{t.other_municipality_name.clone()} ": " {t.practice_title.clone()}</h2>
                        <ol class="messages">
                            {t.messages.into_iter().map(|message| view! {
                                <li class:sent=message.sent>
                                    <p class="hint">
                                        {message.sender_name.clone()} " · "
                                        {message.created_at.chars().take(10).collect::<String>()} " · "
                                        {move || if message.sent { i18n.t().network.message_sent } else { i18n.t().network.message_received }}
                                    </p>
                                    <p>{message.body.clone()}</p>
                                </li>
                            }).collect_view()}
                        </ol>
                        <Reply municipality=m.id.clone() thread=t.id.clone() index=i done=reload />
                    </section>
                }
            }).collect_view()}
        }
    })
}

#[component]
fn Reply(
    municipality: String,
    thread: String,
    index: usize,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let message = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let variables = reply_to_contact::Variables {
            municipality_id: municipality.clone(),
            thread_id: thread.clone(),
            message: message.get_untracked(),
        };
        send_clearing::<ReplyToContact>(
            i18n.0.get_untracked(),
            variables,
            error,
            announcer,
            [message],
            done,
        );
    };
    view! {
        <form class="edit wide" on:submit=submit>
            <ErrorBox error=error />
            <TextArea id=format!("reply-{index}") label=|t| t.network.reply value=message />
            <button type="submit">{move || i18n.t().network.send_reply}</button>
        </form>
    }
}
