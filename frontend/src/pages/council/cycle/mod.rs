//! A council's prevention cycle on one page: where each strand stands, the open deadlines,
//! and each record with what it builds on (hot spot → demand → goal → project → evaluation).
//! What the caller sees is what the API lets them see: the public the records marked public.

mod forms;
mod project_form;
mod record_forms;
pub(crate) mod texts;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::a11y::PageTitle;
use crate::i18n::use_i18n;
use crate::pages::{german_date, loaded};
use crate::queries::{
    DeleteDemand, DeleteGoal, DeleteHotSpot, DeleteInventoryItem, DeleteProject,
    DeleteSafetyFigure, PreventionCycleOf, delete_demand, delete_goal, delete_hot_spot,
    delete_inventory_item, delete_project, delete_safety_figure, prevention_cycle_of,
};
use forms::{NewDemand, NewGoal, NewHotSpot};
use project_form::{Evaluation, Measurement, NewProject, ShareAsPractice};
use record_forms::{
    DemandStatus, NewActionField, NewFigure, NewInventoryItem, delete_button, done_button,
};

type Cycle = prevention_cycle_of::PreventionCycleOfPreventionCycle;
type Strand = prevention_cycle_of::PreventionCycleOfPreventionCycleSummaryAnalysis;

/// A number as German readers write it, without trailing zeros: "41,5".
fn number(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

#[component]
pub fn Cycle() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let reload = move || version.update(|v| *v += 1);
    let data = crate::pages::of_municipality::<PreventionCycleOf>(version, move |m| {
        prevention_cycle_of::Variables {
            municipality_id: m.id,
        }
    });
    let title = Signal::derive(move || {
        let t = i18n.t().cycle.title;
        match data.get() {
            Some(Ok((m, _))) => format!("{t} – {}", m.name),
            _ => t.to_owned(),
        }
    });
    view! {
        <PageTitle text=title />
        {loaded(data, move |(m, data)| {
            let c = data.prevention_cycle;
            let all_bodies: Vec<(String, String)> = data
                .council_structure
                .bodies
                .iter()
                .map(|b| (b.id.clone(), b.name.clone()))
                .collect();
            let led: Vec<(String, String)> = data
                .council_structure
                .bodies
                .iter()
                .filter(|b| b.can_edit)
                .map(|b| (b.id.clone(), b.name.clone()))
                .collect();
            let organisations: Vec<(String, String)> = data
                .council_structure
                .organisations
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect();
            let place = Place { municipality: m.id.clone(), slug: m.slug.clone(), reload, manages: c.can_manage };
            let recording = c.can_record.then(|| {
                let spots = c.hot_spots.iter().map(|h| (h.id.clone(), h.name.clone())).collect();
                let demands = c.demands.iter().map(|d| (d.id.clone(), d.title.clone())).collect();
                let fields: Vec<(String, String)> = c.action_fields.iter().map(|f| (f.id.clone(), format!("{} {}", f.code, f.name))).collect();
                let inventory_fields = fields.clone();
                let manages = c.can_manage;
                let goals = c.goals.iter().map(|g| (g.id.clone(), g.title.clone())).collect();
                view! {
                    <section aria-labelledby="cycle-record-heading">
                        <h2 id="cycle-record-heading">{move || i18n.t().cycle.record_title}</h2>
                        <NewFigure municipality=m.id.clone() reload />
                        <NewHotSpot municipality=m.id.clone() reload />
                        <NewDemand municipality=m.id.clone() hot_spots=spots bodies=all_bodies.clone() reload />
                        <NewGoal municipality=m.id.clone() fields demands bodies=all_bodies reload />
                        <NewProject municipality=m.id.clone() goals bodies=led organisations reload />
                        <NewInventoryItem municipality=m.id.clone() fields=inventory_fields reload />
                        {manages.then(|| view! { <NewActionField municipality=m.id.clone() reload /> })}
                    </section>
                }
            });
            view! {
                <p>
                    <A href=format!("/kommunen/{}", m.slug)>{m.name.clone()}</A>
                    " · "
                    <A href=format!("/kommunen/{}/empfehlungen", m.slug)>{move || i18n.t().council.recommendations_link}</A>
                </p>
                <p class="prose">{move || i18n.t().cycle.intro}</p>
                <Summary cycle=c.clone() />
                <Deadlines cycle=c.clone() />
                <Analysis cycle=c.clone() place=place.clone() />
                <Strategy cycle=c.clone() place=place.clone() />
                <Projects cycle=c place />
                {recording}
            }
        })}
    }
}

/// The strands at a glance: records, and how many are still open.
#[component]
fn Summary(cycle: Cycle) -> impl IntoView {
    let i18n = use_i18n();
    let s = cycle.summary;
    let strand = |label: fn(&texts::CycleTexts) -> &'static str, strand: Strand| {
        view! {
            <tr>
                <th scope="row">{move || label(&i18n.t().cycle)}</th>
                <td>{strand.records}</td>
                <td>{strand.open}</td>
            </tr>
        }
    };
    let as_strand = |records: i64, open: i64| Strand { records, open };
    view! {
        <h2>{move || i18n.t().cycle.strands}</h2>
        <table class="summary">
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{move || i18n.t().cycle.records}</th>
                    <th scope="col">{move || i18n.t().cycle.open}</th>
                </tr>
            </thead>
            <tbody>
                {strand(|t| t.analysis, s.analysis)}
                {strand(|t| t.demands, as_strand(s.demands.records, s.demands.open))}
                {strand(|t| t.resources, as_strand(s.resources.records, s.resources.open))}
                {strand(|t| t.strategy, as_strand(s.strategy.records, s.strategy.open))}
                {strand(|t| t.projects, as_strand(s.projects.records, s.projects.open))}
                {strand(|t| t.evaluation, as_strand(s.evaluation.records, s.evaluation.open))}
            </tbody>
        </table>
    }
}

/// Open deadlines, soonest first; an overdue one says so in words.
#[component]
fn Deadlines(cycle: Cycle) -> impl IntoView {
    let i18n = use_i18n();
    let list = cycle.deadlines;
    view! {
        <h2>{move || i18n.t().cycle.deadlines}</h2>
        {if list.is_empty() {
            view! { <p>{move || i18n.t().cycle.no_deadlines}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {list.into_iter().map(|d| view! {
                        <li>
                            {german_date(&d.due_on)} " – " {d.kind_label} ": " {d.title}
                            {(!d.responsible.is_empty()).then(|| format!(" ({})", d.responsible))}
                            {d.overdue.then(|| view! {
                                " " <strong class="badge overdue">{move || i18n.t().cycle.overdue}</strong>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// The security analysis (figures, hot spots), citizens' demands and the inventory.
#[component]
fn Analysis<R: Fn() + Copy + Send + Sync + 'static>(
    cycle: Cycle,
    place: Place<R>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (m, reload) = (place.municipality.clone(), place.reload);
    let spots = cycle.hot_spots.clone();
    let spot_name = move |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| spots.iter().find(|h| &h.id == id))
            .map(|h| h.name.clone())
    };
    let none = move || view! { <p>{move || i18n.t().cycle.none}</p> };
    view! {
        <h2>{move || i18n.t().cycle.analysis}</h2>
        <h3>{move || i18n.t().cycle.figures}</h3>
        {if cycle.figures.is_empty() { none().into_any() } else { view! {
            <ul>
                {cycle.figures.into_iter().map(|f| view! {
                    <li>
                        {format!("{} {} ({}): {} {} – {}", f.year, f.category, f.area, number(f.value), f.unit, f.kind_label)}
                        <br />
                        <small>{move || i18n.t().cycle.source} ": " {f.source}</small>
                        {f.editable.then(|| view! {
                            " " {delete_button::<DeleteSafetyFigure>(delete_safety_figure::Variables { municipality_id: m.clone(), id: f.id.clone() }, f.category.clone(), reload)}
                        })}
                    </li>
                }).collect_view()}
            </ul>
        }.into_any() }}
        <h3>{move || i18n.t().cycle.hot_spots}</h3>
        {if cycle.hot_spots.is_empty() { none().into_any() } else { view! {
            <ul class="cards">
                {cycle.hot_spots.into_iter().map(|h| {
                    let delete = h.editable.then(|| {
                        let variables = delete_hot_spot::Variables { municipality_id: m.clone(), id: h.id.clone() };
                        delete_button::<DeleteHotSpot>(variables, h.name.clone(), reload)
                    });
                    view! {
                        <li class="card">
                            <h4>{h.name} {h.public.then(|| view! { " " <span class="badge">{move || i18n.t().cycle.public}</span> })}</h4>
                            <p>{[h.address, h.area].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")} " · " {h.year}</p>
                            <p class="prose">{h.reasons}</p>
                            {delete}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any() }}
        <h2>{move || i18n.t().cycle.demands}</h2>
        {if cycle.demands.is_empty() { none().into_any() } else { view! {
            <ul class="cards">
                {cycle.demands.into_iter().enumerate().map(|(n, d)| {
                    let spot = spot_name(&d.hot_spot_id);
                    let responsible = d.responsible_body_name.clone().unwrap_or(d.responsible.clone());
                    let change = d.editable.then(|| view! {
                        <DemandStatus municipality=m.clone() demand=d.id.clone() key=format!("demand-{n}") reload />
                    });
                    let delete = d.editable.then(|| view! {
                        {delete_button::<DeleteDemand>(delete_demand::Variables { municipality_id: m.clone(), id: d.id.clone() }, d.title.clone(), reload)}
                    });
                    view! {
                        <li class="card">
                            <h4>{d.title}</h4>
                            <p class="status-line">
                                <strong>{d.status_label}</strong>
                                {d.overdue.then(|| view! { " · " <strong class="badge overdue">{move || i18n.t().cycle.overdue}</strong> })}
                            </p>
                            <dl class="facts">
                                <dt>{move || i18n.t().cycle.source}</dt>
                                <dd>{d.source_kind_label} {(!d.source.is_empty()).then(|| format!(": {}", d.source))}</dd>
                                {spot.map(|spot| view! { <dt>{move || i18n.t().cycle.from_hot_spot}</dt><dd>{spot}</dd> })}
                                {(!responsible.is_empty()).then(|| view! { <dt>{move || i18n.t().cycle.responsible}</dt><dd>{responsible}</dd> })}
                                {d.due_on.map(|due| view! { <dt>{move || i18n.t().cycle.due}</dt><dd>{german_date(&due)}</dd> })}
                            </dl>
                            {change}
                            {delete}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any() }}
        {(!cycle.inventory.is_empty()).then(|| view! {
            <h2>{move || i18n.t().cycle.resources}</h2>
            <h3>{move || i18n.t().cycle.inventory}</h3>
            <ul>
                {cycle.inventory.into_iter().map(|i| view! {
                    <li>
                        {format!("{} ({}, {}) – {}", i.name, i.kind_label, i.provider, i.assessment_label)}
                        {(!i.note.is_empty()).then(|| format!(": {}", i.note))}
                        {i.editable.then(|| view! {
                            " " {delete_button::<DeleteInventoryItem>(delete_inventory_item::Variables { municipality_id: m.clone(), id: i.id.clone() }, i.name.clone(), reload)}
                        })}
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

/// The strategy: goals per field of action, each with the demand it answers.
#[component]
fn Strategy<R: Fn() + Copy + Send + Sync + 'static>(
    cycle: Cycle,
    place: Place<R>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (m, reload) = (place.municipality.clone(), place.reload);
    let fields = cycle.action_fields;
    let demands = cycle.demands;
    let field_list = (!fields.is_empty()).then(|| view! {
        <h3>{move || i18n.t().cycle.action_fields}</h3>
        <ul>
            {fields.iter().map(|f| view! { <li>{format!("{} {}", f.code, f.name)}</li> }).collect_view()}
        </ul>
    });
    view! {
        <h2>{move || i18n.t().cycle.strategy}</h2>
        {field_list}
        {if cycle.goals.is_empty() {
            view! { <p>{move || i18n.t().cycle.none}</p> }.into_any()
        } else { view! {
            <ul class="cards">
                {cycle.goals.into_iter().map(|g| {
                    let field = g.action_field_id.as_ref()
                        .and_then(|id| fields.iter().find(|f| &f.id == id))
                        .map(|f| format!("{} {}", f.code, f.name));
                    let demand = g.demand_id.as_ref()
                        .and_then(|id| demands.iter().find(|d| &d.id == id))
                        .map(|d| d.title.clone());
                    let adopted = g.adopted_on.map(|on| format!(
                        "{}{}", german_date(&on),
                        g.adopting_body_name.as_ref().map(|b| format!(" ({b})")).unwrap_or_default()
                    ));
                    let delete = g.editable.then(|| {
                        let variables = delete_goal::Variables { municipality_id: m.clone(), id: g.id.clone() };
                        delete_button::<DeleteGoal>(variables, g.title.clone(), reload)
                    });
                    view! {
                        <li class="card">
                            <h3>{g.title}</h3>
                            {field.map(|f| view! { <p><strong>{f}</strong></p> })}
                            <p class="prose">{g.what}</p>
                            <p class="prose">{g.how}</p>
                            <dl class="facts">
                                {demand.map(|d| view! { <dt>{move || i18n.t().cycle.answers_demand}</dt><dd>{d}</dd> })}
                                {adopted.map(|a| view! { <dt>{move || i18n.t().cycle.adopted}</dt><dd>{a}</dd> })}
                            </dl>
                            {delete}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any() }}
    }
}

/// Where the page is, for the forms on project cards.
#[derive(Clone)]
struct Place<R> {
    municipality: String,
    slug: String,
    reload: R,
    /// The caller manages the council (and so shares projects with the network).
    manages: bool,
}

/// Measures and projects with indicators, milestones and their evaluation; for those who may
/// change a project, forms for measured values and the evaluation, and for managers the way
/// into the network.
#[component]
fn Projects<R: Fn() + Copy + Send + Sync + 'static>(
    cycle: Cycle,
    place: Place<R>,
) -> impl IntoView {
    let i18n = use_i18n();
    let goals = cycle.goals;
    view! {
        <h2>{move || i18n.t().cycle.projects}</h2>
        {if cycle.projects.is_empty() {
            view! { <p>{move || i18n.t().cycle.none}</p> }.into_any()
        } else { view! {
            <ul class="cards">
                {cycle.projects.into_iter().enumerate().map(|(n, p)| {
                    let place = place.clone();
                    let reload = place.reload;
                    let editable = p.editable;
                    let measure: Vec<(String, String)> = p.indicators.iter().enumerate()
                        .map(|(i, x)| (x.id.clone(), format!("project-{n}-indicator-{i}")))
                        .collect();
                    let evaluation_form = (editable && p.evaluated_on.is_none()).then(|| view! {
                        <Evaluation municipality=place.municipality.clone() project=p.id.clone() key=format!("project-{n}-evaluation") reload />
                    });
                    let share = (place.manages && p.practice_id.is_none()).then(|| view! {
                        <ShareAsPractice municipality=place.municipality.clone() slug=place.slug.clone() project=p.id.clone() />
                    });
                    let goal = p.goal_id.as_ref()
                        .and_then(|id| goals.iter().find(|g| &g.id == id))
                        .map(|g| g.title.clone());
                    let period = match (&p.starts_on, &p.ends_on) {
                        (Some(s), Some(e)) => Some(format!("{} – {}", german_date(s), german_date(e))),
                        (Some(s), None) => Some(german_date(s)),
                        _ => None,
                    };
                    let partners = p.partners.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join(", ");
                    let delete = editable.then(|| {
                        let variables = delete_project::Variables { municipality_id: place.municipality.clone(), id: p.id.clone() };
                        delete_button::<DeleteProject>(variables, p.title.clone(), reload)
                    });
                    view! {
                        <li class="card">
                            <h3>{p.title}</h3>
                            <p class="status-line"><strong>{p.status_label}</strong></p>
                            <p class="prose">{p.description}</p>
                            <dl class="facts">
                                {goal.map(|g| view! { <dt>{move || i18n.t().cycle.serves_goal}</dt><dd>{g}</dd> })}
                                {p.owner_body_name.map(|o| view! { <dt>{move || i18n.t().cycle.owner}</dt><dd>{o}</dd> })}
                                {(!partners.is_empty()).then(|| view! { <dt>{move || i18n.t().cycle.partners}</dt><dd>{partners}</dd> })}
                                {period.map(|x| view! { <dt>{move || i18n.t().cycle.period}</dt><dd>{x}</dd> })}
                                {p.budget_euros.map(|b| view! { <dt>{move || i18n.t().cycle.budget}</dt><dd>{format!("{b} €")}</dd> })}
                                {p.funding.map(|f| view! { <dt>{move || i18n.t().cycle.funding}</dt><dd>{f.programme_name}</dd> })}
                            </dl>
                            {(!p.indicators.is_empty()).then(|| view! {
                                <h4>{move || i18n.t().cycle.indicators}</h4>
                                <ul>
                                    {p.indicators.into_iter().zip(measure).map(|(x, (indicator, key))| {
                                        let form = editable.then(|| view! {
                                            <Measurement municipality=place.municipality.clone() indicator key reload />
                                        });
                                        let latest = x.values.last().map(|v| format!("{} ({})", number(v.value), german_date(&v.on)));
                                        view! {
                                            <li>
                                                <strong>{x.name}</strong>
                                                " – " {move || i18n.t().cycle.baseline} {format!(" {} {}, ", number(x.baseline), x.unit)}
                                                {move || i18n.t().cycle.target} {format!(" {} {}", number(x.target), x.unit)}
                                                {latest.map(|l| view! { "; " {move || i18n.t().cycle.latest} ": " {l} })}
                                                {x.progress_percent.map(|pp| view! { " · " {format!("{pp} % ")} {move || i18n.t().cycle.progress} })}
                                                {x.reached.then(|| view! { " · " <strong>{move || i18n.t().cycle.reached}</strong> })}
                                                {form}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                            {(!p.milestones.is_empty()).then(|| view! {
                                <h4>{move || i18n.t().cycle.milestones}</h4>
                                <ul>
                                    {p.milestones.into_iter().map(|ms| {
                                        let done = (editable && ms.done_on.is_none()).then(|| {
                                            done_button(place.municipality.clone(), ms.id.clone(), ms.title.clone(), reload)
                                        });
                                        view! {
                                            <li>
                                                {german_date(&ms.due_on)} " – " {ms.kind_label} ": " {ms.title}
                                                {ms.done_on.map(|d| view! { " (" {move || i18n.t().cycle.done} " " {german_date(&d)} ")" })}
                                                {ms.overdue.then(|| view! { " " <strong class="badge overdue">{move || i18n.t().cycle.overdue}</strong> })}
                                                " " {done}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                            {p.evaluated_on.map(|on| view! {
                                <h4>{move || i18n.t().cycle.evaluated} " " {german_date(&on)}</h4>
                                <p class="prose">{p.evaluation.clone()}</p>
                            })}
                            {p.practice_id.map(|_| view! { <p>{move || i18n.t().cycle.practice}</p> })}
                            {evaluation_form}
                            {share}
                            {delete}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any() }}
    }
}
