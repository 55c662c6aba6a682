//! Recording a recommendation (as a draft), and taking one a step further on its way: adopted,
//! submitted, answered, implemented or rejected; and deleting a draft recorded in error.

use leptos::prelude::*;

use crate::a11y::use_announcer;
use crate::components::{
    ErrorBox, Field, FormError, Select, SubmitButton, TextArea, code_choices, with_empty_choice,
};
use crate::i18n::{Texts, use_i18n};
use crate::pages::{from_code, today};
use crate::queries::{
    AdvanceRecommendation, DeleteRecommendation, SaveRecommendation, advance_recommendation,
    delete_recommendation, save_recommendation,
};
use crate::submit::{on_submit, save, send};

/// A field's text, `None` when nothing is typed.
fn optional(value: RwSignal<String>) -> Option<String> {
    Some(value.get_untracked()).filter(|v| !v.trim().is_empty())
}

/// A step's word ("beschlossen"), for the choice of the next one; the API's code for a step
/// the app does not know yet.
fn step_label(t: &'static Texts, step: &str) -> String {
    let c = &t.council;
    let label = match step {
        "ADOPTED" => c.step_adopted,
        "SUBMITTED" => c.step_submitted,
        "ANSWERED" => c.step_answered,
        "IMPLEMENTED" => c.step_implemented,
        "REJECTED" => c.step_rejected,
        other => other,
    };
    label.to_owned()
}

/// The addressees as the API spells them, after an empty choice: the API needs one and says so
/// at the field, so the form does not choose for the user.
fn addressee_options() -> Signal<Vec<(String, String)>> {
    code_choices(
        Some(|t| t.council.choose),
        &[
            ("CITY_COUNCIL", |t| t.council.addressee_city_council),
            ("ADMINISTRATION", |t| t.council.addressee_administration),
        ],
    )
}

/// A new recommendation, recorded as a draft; the list then loads again.
#[component]
pub(super) fn NewRecommendation(
    municipality: String,
    /// The council's bodies (id, name): where it came from and who adopts it.
    bodies: Vec<(String, String)>,
    /// The agenda item it is raised under, when the form was opened from one (its meeting
    /// and body follow from it).
    source_item: Option<String>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let [title, text, source, adopting, addressee, paper, due] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let sources = with_empty_choice(|t| t.council.recommendation_no_body, bodies.clone());
    let adopters = with_empty_choice(|t| t.council.recommendation_no_body, bodies);
    let addressees = addressee_options();
    let from_item = source_item.is_some();
    let submit = on_submit(pending, move || {
        // The generated enums read any text (as `Other`), so the empty choice is left out here.
        let chosen =
            optional(addressee).and_then(|a| from_code::<save_recommendation::Addressee>(&a));
        let variables = save_recommendation::Variables {
            municipality_id: municipality.clone(),
            id: None,
            input: save_recommendation::RecommendationInput {
                title: title.get_untracked(),
                text: text.get_untracked(),
                source_body_id: optional(source),
                source_meeting_id: None,
                source_agenda_item_id: source_item.clone(),
                adopting_body_id: optional(adopting),
                addressee: chosen,
                paper_reference: optional(paper),
                due_on: optional(due),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveRecommendation>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby="recommendation-form-heading">
            <h2 id="recommendation-form-heading">{move || i18n.t().council.recommendation_new}</h2>
            {from_item.then(|| view! { <p class="hint">{move || i18n.t().council.recommendation_from_item_hint}</p> })}
            <ErrorBox error=error />
            <Field id="recommendation-title" name="title" label=|t| t.common.title value=title error=error required=true />
            <TextArea id="recommendation-text" label=|t| t.council.recommendation_text value=text />
            <Select id="recommendation-source" name="sourceBodyId" label=|t| t.council.recommendation_source value=source error=error options=sources />
            <Select id="recommendation-adopting" name="adoptingBodyId" label=|t| t.council.recommendation_adopting_body value=adopting error=error options=adopters />
            <Select id="recommendation-addressee" name="addressee" label=|t| t.council.recommendation_addressee value=addressee error=error options=addressees />
            <Field id="recommendation-paper" name="paperReference" label=|t| t.council.recommendation_paper value=paper error=error />
            <Field id="recommendation-due" name="dueOn" kind="date" label=|t| t.council.recommendation_due value=due error=error />
            <SubmitButton pending=pending text=|t| t.council.recommendation_save />
        </form>
    }
}

/// Taking a recommendation its next step on a date, with a note; the answer goes with the
/// step "answered" (the API asks for it then) and is sent only when typed. A draft can be
/// deleted here too.
#[component]
pub(super) fn StepForm(
    municipality: String,
    recommendation: String,
    /// The steps that may follow, as the API spells them; the first is chosen.
    next: Vec<String>,
    /// The recommendation's place in the list, which keeps the form's ids apart.
    n: usize,
    /// Whether it is still a draft, which may be deleted.
    draft: bool,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let step = RwSignal::new(next.first().cloned().unwrap_or_default());
    let date = RwSignal::new(today());
    let [note, answer] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let options = Signal::derive(move || {
        let t = i18n.t();
        next.iter()
            .map(|s| (s.clone(), step_label(t, s)))
            .collect::<Vec<_>>()
    });
    let heading = format!("recommendation-{n}-step-heading");
    let labelled_by = heading.clone();
    let delete = draft.then(|| {
        let (municipality, recommendation) = (municipality.clone(), recommendation.clone());
        let remove = move |_| {
            let variables = delete_recommendation::Variables {
                municipality_id: municipality.clone(),
                id: recommendation.clone(),
            };
            let lang = i18n.0.get_untracked();
            send::<DeleteRecommendation>(lang, variables, error, announcer, reload);
        };
        view! {
            <button type="button" class="secondary" on:click=remove>
                {move || i18n.t().council.recommendation_delete}
            </button>
        }
    });
    let submit = on_submit(pending, move || {
        let chosen = step.get_untracked();
        let Some(status) = from_code::<advance_recommendation::RecommendationStatus>(&chosen)
        else {
            return;
        };
        let variables = advance_recommendation::Variables {
            municipality_id: municipality.clone(),
            id: recommendation.clone(),
            step: advance_recommendation::RecommendationStepInput {
                status,
                on: date.get_untracked(),
                note: note.get_untracked(),
                answer: optional(answer),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<AdvanceRecommendation>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit wide" on:submit=submit aria-labelledby=labelled_by>
            <h4 id=heading>{move || i18n.t().council.recommendation_next_title}</h4>
            <ErrorBox error=error />
            <Select id=format!("recommendation-{n}-step") name="status" label=|t| t.council.recommendation_next_step value=step error=error options=options />
            <Field id=format!("recommendation-{n}-date") name="on" kind="date" label=|t| t.council.recommendation_date value=date error=error required=true />
            <Field id=format!("recommendation-{n}-note") name="note" label=|t| t.council.recommendation_note value=note error=error />
            <TextArea id=format!("recommendation-{n}-answer") label=|t| t.council.recommendation_answer value=answer />
            <div class="actions">
                <SubmitButton pending=pending text=|t| t.council.recommendation_advance />
                {delete}
            </div>
        </form>
    }
}
