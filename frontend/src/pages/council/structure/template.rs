//! Choosing the structure template a council without bodies starts from.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::a11y::use_announcer;
use crate::api;
use crate::components::{ErrorBox, FormError, SubmitButton};
use crate::i18n::{LangExt, use_i18n};
use crate::queries::{ApplyStructureTemplate, apply_structure_template, council_structure};
use crate::submit::on_submit;

#[component]
pub(super) fn TemplateChooser(
    municipality: String,
    templates: Vec<council_structure::CouncilStructureStructureTemplates>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let chosen = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let submit = on_submit(pending, move || {
        let template = chosen.get_untracked();
        if template.is_empty() {
            return;
        }
        pending.set(true);
        let lang = i18n.0.get_untracked();
        let variables = apply_structure_template::Variables {
            municipality_id: municipality.clone(),
            template_id: template,
        };
        spawn_local(async move {
            match api::run::<ApplyStructureTemplate>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().common.saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    });
    view! {
        <form class="edit" on:submit=submit>
            <ErrorBox error=error />
            <fieldset>
                <legend>{move || i18n.t().council.template_legend}</legend>
                <p class="hint">{move || i18n.t().council.template_hint}</p>
                {templates
                    .into_iter()
                    .map(|t| {
                        let id = format!("template-{}", t.id);
                        let value = t.id.clone();
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    name="template"
                                    id=id.clone()
                                    value=t.id.clone()
                                    on:change=move |_| chosen.set(value.clone())
                                />
                                <label for=id>
                                    <strong>{t.name}</strong>
                                    <span class="hint">{t.description}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <SubmitButton pending=pending text=|t| t.council.template_apply />
        </form>
    }
}
