use leptos::prelude::*;
use leptos_router::components::A;

use crate::a11y::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=super::title(|t| t.common.not_found_title) />
        <p>{move || i18n.t().common.not_found_text}</p>
        <p>
            <A href="/">{move || i18n.t().common.to_start}</A>
        </p>
    }
}
