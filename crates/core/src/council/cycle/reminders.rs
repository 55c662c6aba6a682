//! Reminders of the cycle's deadlines: a few days before a citizens' demand, a milestone or an
//! interim report falls due, the people who answer for it get a mail — the chair, deputy and
//! moderators of the body responsible (of the demand, of the project's owner), else the
//! council's chair. Each deadline is reminded of once: the mark is set in the unit of work that
//! queues the mails, on a condition only one replica can meet.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use praevnet_common::FederalState;
use praevnet_store::{Deadline, MunicipalityId, Reach};

use super::model::{DemandStatus, ProjectStatus};
use crate::council::structure::Structure;
use crate::kernel::mail::Mail;
use crate::kernel::outbox::queued;
use crate::{Principal, Result, Services};

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reminded {
    /// Deadlines reminded of.
    pub deadlines: usize,
    /// Mails queued for them.
    pub mails: usize,
}

/// The people who answer for `body`'s work today (chair, deputy, moderators), else the
/// council's chair: name and address of each who has one.
fn recipients(
    structure: &Structure,
    body: Option<praevnet_store::BodyId>,
    chair: Option<praevnet_store::PersonId>,
    today: NaiveDate,
) -> Vec<(String, String)> {
    let mut people: Vec<_> = structure
        .memberships
        .iter()
        .filter(|m| Some(m.body) == body && m.role.leads() && m.is_active(today))
        .map(|m| m.person)
        .collect();
    if people.is_empty() {
        people.extend(chair);
    }
    people.sort();
    people.dedup();
    people
        .into_iter()
        .filter_map(|id| structure.person(id))
        .filter_map(|p| Some((p.name.clone(), p.email.clone()?)))
        .collect()
}

/// The reminder: German first, English second, with the link to the cycle.
fn reminder(to: &str, name: &str, what: &str, title: &str, due: NaiveDate, link: &str) -> Mail {
    let date = due.format("%d.%m.%Y");
    let iso = due.format("%Y-%m-%d");
    Mail {
        to: to.to_owned(),
        subject: format!("Frist am {date}: {title} / Deadline {iso}"),
        text: format!(
            "Guten Tag {name},\n\n\
             am {date} ist fällig: {what} „{title}“.\n\
             Den Stand sehen Sie im Präventionszyklus Ihres Rates:\n\n\
             {link}\n\n\
             ---\n\n\
             Hello {name},\n\n\
             due on {iso}: {title}.\n\
             See where it stands in your council's prevention cycle:\n\n\
             {link}\n"
        ),
        calendar: None,
        message_id: None,
    }
}

impl Services {
    /// Reminds of every deadline falling due within `days` of `today` that no reminder went
    /// out for: one read across the municipalities, then one unit of work per municipality
    /// with something due.
    pub async fn remind_deadlines(&self, today: NaiveDate, days: i64) -> Result<Reminded> {
        let all = Reach::Lands(
            FederalState::ALL
                .iter()
                .map(|s| s.code().to_owned())
                .collect(),
        );
        let due = self
            .store
            .scope(all)
            .due_deadlines(today, today + Duration::days(days))
            .await?;
        let mut by_municipality: BTreeMap<MunicipalityId, Vec<Deadline>> = BTreeMap::new();
        for d in due {
            by_municipality
                .entry(d.municipality_id)
                .or_default()
                .push(d.deadline);
        }
        let mut round = Reminded::default();
        let until = today + Duration::days(days);
        for (municipality, deadlines) in by_municipality {
            // One municipality that fails (its database rows, its structure) must not keep the
            // others from their reminders: it is logged and tried again next round.
            match self.remind_in(municipality, &deadlines, today, until).await {
                Ok((reminded, mails)) => {
                    round.deadlines += reminded;
                    round.mails += mails;
                }
                Err(err) => {
                    tracing::warn!(%municipality, error = %err, "deadline reminders: municipality failed");
                }
            }
        }
        if round.mails > 0 {
            self.mail_ready.ring();
        }
        Ok(round)
    }

    /// One municipality's reminders in one unit of work: marked and queued together.
    async fn remind_in(
        &self,
        municipality: MunicipalityId,
        deadlines: &[Deadline],
        today: NaiveDate,
        until: NaiveDate,
    ) -> Result<(usize, usize)> {
        let target = self
            .registry()
            .municipality(&Principal::System, municipality)
            .await?;
        let writes = self.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let structure: Structure = tenant.structure().await?.try_into()?;
        let chair = tenant.council().await?.and_then(|c| c.chair_person_id);
        let cycle = tenant.prevention_cycle().await?;
        let link = format!(
            "{}/kommunen/{}/praeventionszyklus",
            self.public_url, target.slug
        );
        let (mut reminded, mut mails) = (0, Vec::new());
        for deadline in deadlines {
            // What is due is decided on the records as they are now; the mark below holds only
            // while the deadline is still due and not reminded of, so that one round sends it.
            let (what, title, due, body) = match deadline {
                Deadline::Demand(id) => {
                    let Some(d) = cycle.demands.iter().find(|d| d.id == *id) else {
                        continue;
                    };
                    let open = matches!(
                        DemandStatus::parse(&d.data.status),
                        Some(DemandStatus::Open | DemandStatus::InProgress)
                    );
                    let Some(due) = d.data.due_on.filter(|_| open) else {
                        continue;
                    };
                    (
                        "das Bürgeranliegen",
                        d.data.title.clone(),
                        due,
                        d.data.responsible_body_id,
                    )
                }
                Deadline::Milestone(id) => {
                    let found = cycle.projects.iter().find_map(|p| {
                        p.data
                            .milestones
                            .iter()
                            .find(|m| m.id == Some(*id))
                            .map(|m| (p, m))
                    });
                    let Some((project, milestone)) = found.filter(|(_, m)| m.done_on.is_none())
                    else {
                        continue;
                    };
                    // A project that ended has no dates to keep (left unmarked: one that resumes
                    // is reminded of them).
                    if matches!(
                        ProjectStatus::parse(&project.data.status),
                        Some(ProjectStatus::Completed | ProjectStatus::Stopped)
                    ) {
                        continue;
                    }
                    let what = if milestone.kind == "interim_report" {
                        "der Zwischenbericht"
                    } else {
                        "der Meilenstein"
                    };
                    let title = format!("{}: {}", project.data.title, milestone.title);
                    (what, title, milestone.due_on, project.data.owner_body_id)
                }
            };
            if !tenant.mark_reminded(*deadline, today, until).await? {
                continue;
            }
            reminded += 1;
            for (name, email) in recipients(&structure, body, chair, today) {
                let mail = reminder(&email, &name, what, &title, due, &link);
                mails.push(queued(Some(municipality), mail));
            }
        }
        let count = mails.len();
        writes.outbox().enqueue(mails).await?;
        writes.commit().await?;
        if reminded > 0 {
            tracing::info!(%municipality, reminded, mails = count, "deadline reminders queued");
        }
        Ok((reminded, count))
    }
}
