//! The rules a council's structure keeps, whatever the transport that changes it.

use chrono::{Days, NaiveDate};
use praevnet_store::{BodyId, MembershipId, PersonId};

use super::kinds::{BodyKind, MembershipRole, Sector};
use super::model::{Membership, Structure};
use crate::council::CouncilProblem;
use crate::{Error, Result};

/// How far ahead a term's end is a warning.
pub const TERM_WARNING_DAYS: u64 = 90;

/// A change to the system-kept memberships that [`derived_changes`] asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DerivedChange {
    Insert(Membership),
    Update(Membership),
    Delete(MembershipId),
}

/// Brings the memberships that follow from others in line with them: in a body with
/// `moderators_are_members` (Halle's steering group), every moderator of a working group is a
/// member for the same term, and stops being one when they stop moderating. A working group
/// configured without `moderator_takes_seat` sends no one.
///
/// A derived seat whose moderation ended early (the role changed) ends `today`; one whose
/// source was deleted, or that had not started yet, is deleted. New seats get fresh ids from
/// `new_id`.
pub fn derived_changes(
    structure: &Structure,
    today: NaiveDate,
    mut new_id: impl FnMut() -> MembershipId,
) -> Vec<DerivedChange> {
    let receiving: Vec<BodyId> = structure
        .bodies
        .iter()
        .filter(|b| b.moderators_are_members && !b.is_dissolved(today))
        .map(|b| b.id)
        .collect();
    let moderations = structure.memberships.iter().filter(|m| {
        m.derived_from.is_none()
            && m.role == MembershipRole::Moderator
            && structure
                .body(m.body)
                .is_some_and(|b| b.kind == BodyKind::WorkingGroup && b.moderator_takes_seat)
    });
    let mut wanted: Vec<(MembershipId, Membership)> = Vec::new();
    for source in moderations {
        for &body in receiving.iter().filter(|&&b| b != source.body) {
            wanted.push((
                source.id,
                Membership {
                    id: source.id,
                    body,
                    person: source.person,
                    role: MembershipRole::Member,
                    organisation: source.organisation,
                    term_start: source.term_start,
                    term_end: source.term_end,
                    appointed_by: None,
                    derived_from: Some(source.id),
                },
            ));
        }
    }

    let mut changes = Vec::new();
    let existing: Vec<&Membership> = structure
        .memberships
        .iter()
        .filter(|m| m.derived_from.is_some())
        .collect();
    for (source, want) in &wanted {
        match existing
            .iter()
            .find(|e| e.derived_from == Some(*source) && e.body == want.body)
        {
            Some(have) => {
                let updated = Membership {
                    id: have.id,
                    ..want.clone()
                };
                if **have != updated {
                    changes.push(DerivedChange::Update(updated));
                }
            }
            None => changes.push(DerivedChange::Insert(Membership {
                id: new_id(),
                ..want.clone()
            })),
        }
    }
    for have in existing {
        let still_wanted = wanted
            .iter()
            .any(|(source, want)| have.derived_from == Some(*source) && have.body == want.body);
        if still_wanted {
            continue;
        }
        let source_exists = have
            .derived_from
            .is_some_and(|s| structure.membership(s).is_some());
        if !source_exists || have.term_start > today {
            changes.push(DerivedChange::Delete(have.id));
        } else if have.term_end.is_none_or(|end| end > today) {
            changes.push(DerivedChange::Update(Membership {
                term_end: Some(today),
                ..have.clone()
            }));
        }
    }
    changes
}

/// Applies [`derived_changes`] to an in-memory structure (to check it before storing).
pub fn apply_derived(structure: &mut Structure, changes: &[DerivedChange]) {
    for change in changes {
        match change {
            DerivedChange::Insert(m) => structure.memberships.push(m.clone()),
            DerivedChange::Update(m) => {
                if let Some(slot) = structure.memberships.iter_mut().find(|x| x.id == m.id) {
                    *slot = m.clone();
                }
            }
            DerivedChange::Delete(id) => structure.memberships.retain(|x| x.id != *id),
        }
    }
}

/// Refuses a structure in which `body` has more seated members than its limit, on `today` or
/// on any of the given dates (the start of a changed term).
pub fn check_size(
    structure: &Structure,
    body: BodyId,
    dates: &[NaiveDate],
    today: NaiveDate,
) -> Result<()> {
    let Some(b) = structure.body(body) else {
        return Ok(());
    };
    let Some(max) = b.max_members else {
        return Ok(());
    };
    for on in dates.iter().copied().chain([today]) {
        if structure.count_against_limit(body, on) > max as usize {
            return Err(Error::validation(
                "bodyId",
                CouncilProblem::BodyFull {
                    body: b.name.clone(),
                    max,
                },
            ));
        }
    }
    Ok(())
}

/// Refuses a body that reports to itself. Reporting lines may cross the tree of parents (that
/// is what they are for), so they are not checked for cycles.
pub fn check_reports_to(body: BodyId, reports_to: Option<BodyId>) -> Result<()> {
    if reports_to == Some(body) {
        return Err(Error::validation(
            "reportsToId",
            CouncilProblem::ReportsToItself,
        ));
    }
    Ok(())
}

/// Refuses a parent that is the body itself or one of its descendants.
pub fn check_parent(structure: &Structure, body: BodyId, parent: Option<BodyId>) -> Result<()> {
    let mut next = parent;
    let mut steps = 0;
    while let Some(current) = next {
        if current == body || steps > structure.bodies.len() {
            return Err(Error::validation("parentId", CouncilProblem::ParentCycle));
        }
        next = structure.body(current).and_then(|b| b.parent);
        steps += 1;
    }
    Ok(())
}

/// Something in the structure that needs the administrators' attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A term ends within [`TERM_WARNING_DAYS`].
    TermEnding {
        membership: MembershipId,
        body: BodyId,
        person: PersonId,
        ends_on: NaiveDate,
    },
    /// A required seat is not (fully) filled by members from its sector.
    VacantSeat {
        body: BodyId,
        label: String,
        sector: Sector,
        required: u32,
        filled: u32,
    },
    /// Fewer seated members than the body's minimum.
    BelowMinimum { body: BodyId, min: u32, seated: u32 },
}

/// The warnings of a structure on `today`.
pub fn warnings(structure: &Structure, today: NaiveDate) -> Vec<Warning> {
    let horizon = today
        .checked_add_days(Days::new(TERM_WARNING_DAYS))
        .unwrap_or(today);
    let mut found = Vec::new();
    for m in &structure.memberships {
        let body_alive = structure
            .body(m.body)
            .is_some_and(|b| !b.is_dissolved(today));
        if let Some(end) = m.term_end
            && body_alive
            && m.derived_from.is_none()
            && end >= today
            && end <= horizon
        {
            found.push(Warning::TermEnding {
                membership: m.id,
                body: m.body,
                person: m.person,
                ends_on: end,
            });
        }
    }
    for body in structure.bodies.iter().filter(|b| !b.is_dissolved(today)) {
        for seat in &body.seats {
            let filled = structure
                .seated(body.id, today)
                .filter(|m| {
                    m.organisation
                        .and_then(|o| structure.organisation(o))
                        .is_some_and(|o| o.sector == seat.sector)
                })
                .count();
            let filled = u32::try_from(filled).unwrap_or(u32::MAX);
            if filled < seat.seats {
                found.push(Warning::VacantSeat {
                    body: body.id,
                    label: seat.label.clone(),
                    sector: seat.sector,
                    required: seat.seats,
                    filled,
                });
            }
        }
        if let Some(min) = body.min_members {
            let seated = u32::try_from(structure.seated_count(body.id, today)).unwrap_or(u32::MAX);
            if seated < min {
                found.push(Warning::BelowMinimum {
                    body: body.id,
                    min,
                    seated,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::structure::model::{Body, Organisation, Person, Seat};
    use praevnet_store::{OrganisationId, PersonId};
    use uuid::Uuid;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn body(name: &str, kind: BodyKind) -> Body {
        Body::named(name, kind)
    }

    fn person(s: &mut Structure, name: &str) -> PersonId {
        let id = PersonId::from_uuid(Uuid::now_v7());
        s.people.push((
            id,
            Person {
                name: name.into(),
                function_title: None,
                email: None,
                phone: None,
                user_id: None,
            },
        ));
        id
    }

    fn seat(
        s: &mut Structure,
        body: BodyId,
        person: PersonId,
        role: MembershipRole,
    ) -> MembershipId {
        let id = MembershipId::from_uuid(Uuid::now_v7());
        s.memberships.push(Membership {
            id,
            body,
            person,
            role,
            organisation: None,
            term_start: date(2026, 1, 1),
            term_end: None,
            appointed_by: None,
            derived_from: None,
        });
        id
    }

    fn fresh() -> MembershipId {
        MembershipId::from_uuid(Uuid::now_v7())
    }

    /// Halle: a steering group that receives the moderators, and two working groups.
    fn halle() -> (Structure, BodyId, BodyId, BodyId) {
        let mut steering = body("Steuerungsgruppe", BodyKind::SteeringGroup);
        steering.moderators_are_members = true;
        let victims = body("AG Opferschutz", BodyKind::WorkingGroup);
        let elderly = body("AG Sicherheit für ältere Menschen", BodyKind::WorkingGroup);
        let ids = (steering.id, victims.id, elderly.id);
        let s = Structure {
            bodies: vec![steering, victims, elderly],
            ..Structure::default()
        };
        (s, ids.0, ids.1, ids.2)
    }

    #[test]
    fn a_moderator_becomes_a_member_of_the_steering_group() {
        let (mut s, steering, victims, _) = halle();
        let anna = person(&mut s, "Moderation AG Opferschutz");
        let moderation = seat(&mut s, victims, anna, MembershipRole::Moderator);
        let changes = derived_changes(&s, date(2026, 3, 1), fresh);
        assert_eq!(changes.len(), 1);
        let DerivedChange::Insert(derived) = &changes[0] else {
            panic!("expected an insert: {changes:?}");
        };
        assert_eq!(derived.body, steering);
        assert_eq!(derived.person, anna);
        assert_eq!(derived.role, MembershipRole::Member);
        assert_eq!(derived.derived_from, Some(moderation));
        // Applied, the structure is in line: nothing more to do.
        apply_derived(&mut s, &changes);
        assert!(derived_changes(&s, date(2026, 3, 1), fresh).is_empty());
    }

    #[test]
    fn the_seat_ends_when_the_moderation_ends_or_changes() {
        let (mut s, steering, victims, _) = halle();
        let anna = person(&mut s, "Moderation");
        let moderation = seat(&mut s, victims, anna, MembershipRole::Moderator);
        let today = date(2026, 3, 1);
        let changes = derived_changes(&s, today, fresh);
        apply_derived(&mut s, &changes);

        // The term of the moderation ends: the steering group seat ends with it.
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == moderation) {
            m.term_end = Some(date(2026, 6, 30));
        }
        let changes = derived_changes(&s, today, fresh);
        assert!(
            matches!(&changes[..], [DerivedChange::Update(m)] if m.term_end == Some(date(2026, 6, 30)) && m.body == steering)
        );
        apply_derived(&mut s, &changes);

        // The person stays in the group but stops moderating: the seat ends today.
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == moderation) {
            m.role = MembershipRole::Member;
        }
        let changes = derived_changes(&s, today, fresh);
        assert!(matches!(&changes[..], [DerivedChange::Update(m)] if m.term_end == Some(today)));
        apply_derived(&mut s, &changes);
        assert_eq!(s.seated_count(steering, date(2026, 3, 2)), 0);

        // A moderation recorded in error and deleted takes its derived seat with it.
        s.memberships.retain(|m| m.id != moderation);
        let changes = derived_changes(&s, today, fresh);
        assert!(matches!(&changes[..], [DerivedChange::Delete(_)]));
    }

    #[test]
    fn only_working_group_moderators_are_carried_over() {
        let (mut s, _, _, _) = halle();
        let mut conference = body("Sicherheitskonferenz", BodyKind::SecurityConference);
        let conference_id = conference.id;
        conference.public = true;
        s.bodies.push(conference);
        let host = person(&mut s, "Moderation Konferenz");
        seat(&mut s, conference_id, host, MembershipRole::Moderator);
        assert!(derived_changes(&s, date(2026, 3, 1), fresh).is_empty());
    }

    #[test]
    fn a_body_cannot_grow_beyond_its_limit() {
        let mut s = Structure::default();
        let mut steering = body("Lenkungsgremium", BodyKind::SteeringGroup);
        steering.max_members = Some(2);
        let id = steering.id;
        s.bodies.push(steering);
        for name in ["Ordnungsamt", "Polizei"] {
            let p = person(&mut s, name);
            seat(&mut s, id, p, MembershipRole::Member);
        }
        let guest = person(&mut s, "Gast");
        seat(&mut s, id, guest, MembershipRole::AdvisoryGuest);
        let today = date(2026, 3, 1);
        assert!(
            check_size(&s, id, &[], today).is_ok(),
            "guests take no seat"
        );

        let third = person(&mut s, "Jugendamt");
        seat(&mut s, id, third, MembershipRole::Member);
        let err = check_size(&s, id, &[], today).expect_err("over the limit");
        assert_eq!(err.code(), "VALIDATION");
        assert!(
            err.message(crate::Lang::De).contains("höchstens 2"),
            "{}",
            err.message(crate::Lang::De)
        );
        assert!(err.message(crate::Lang::De).contains("Lenkungsgremium"));
    }

    #[test]
    fn a_future_term_is_checked_on_its_first_day() {
        let mut s = Structure::default();
        let mut staff = body("Führungsstab", BodyKind::LeadershipStaff);
        staff.max_members = Some(1);
        let id = staff.id;
        s.bodies.push(staff);
        let mayor = person(&mut s, "Oberbürgermeister");
        seat(&mut s, id, mayor, MembershipRole::Chair);
        let police = person(&mut s, "Polizeidirektor");
        let later = seat(&mut s, id, police, MembershipRole::Member);
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == later) {
            m.term_start = date(2027, 1, 1);
        }
        let today = date(2026, 3, 1);
        assert!(check_size(&s, id, &[], today).is_ok());
        assert!(check_size(&s, id, &[date(2027, 1, 1)], today).is_err());
    }

    #[test]
    fn a_seat_is_handed_over_on_one_day_in_a_full_body() {
        let mut s = Structure::default();
        let mut staff = body("Führungsstab", BodyKind::LeadershipStaff);
        staff.max_members = Some(1);
        let id = staff.id;
        s.bodies.push(staff);
        let today = date(2026, 3, 1);
        let old = person(&mut s, "Amtsinhaber");
        let ending = seat(&mut s, id, old, MembershipRole::Chair);
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == ending) {
            m.term_end = Some(today);
        }
        let new = person(&mut s, "Nachfolgerin");
        let starting = seat(&mut s, id, new, MembershipRole::Chair);
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == starting) {
            m.term_start = today;
        }
        assert!(check_size(&s, id, &[today], today).is_ok());
        // Both are still members that day; only the limit lets the successor in.
        assert_eq!(s.seated_count(id, today), 2);

        // A term of one day keeps its seat: it is no hand-over.
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == ending) {
            m.term_start = today;
        }
        assert!(check_size(&s, id, &[today], today).is_err());
    }

    #[test]
    fn a_body_cannot_report_to_itself_or_below_itself() {
        let (mut s, steering, victims, _) = halle();
        if let Some(b) = s.bodies.iter_mut().find(|b| b.id == victims) {
            b.parent = Some(steering);
        }
        assert!(check_parent(&s, steering, Some(victims)).is_err());
        assert!(check_parent(&s, steering, Some(steering)).is_err());
        assert!(check_parent(&s, victims, Some(steering)).is_ok());
        assert!(check_parent(&s, steering, None).is_ok());
    }

    #[test]
    fn warnings_name_ending_terms_vacant_seats_and_small_bodies() {
        let (mut s, steering, victims, _) = halle();
        let police = OrganisationId::from_uuid(Uuid::now_v7());
        s.organisations.push(Organisation {
            id: police,
            name: "Polizeirevier Halle".into(),
            sector: Sector::Police,
        });
        if let Some(b) = s.bodies.iter_mut().find(|b| b.id == steering) {
            b.seats = vec![
                Seat {
                    label: "Polizei".into(),
                    sector: Sector::Police,
                    seats: 1,
                },
                Seat {
                    label: "Wissenschaft".into(),
                    sector: Sector::Science,
                    seats: 1,
                },
            ];
            b.min_members = Some(3);
        }
        let officer = person(&mut s, "Revierleitung");
        let seat_id = seat(&mut s, steering, officer, MembershipRole::Member);
        let today = date(2026, 3, 1);
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == seat_id) {
            m.organisation = Some(police);
            m.term_end = Some(date(2026, 5, 1));
        }
        let other = person(&mut s, "AG-Mitglied");
        let far = seat(&mut s, victims, other, MembershipRole::Member);
        if let Some(m) = s.memberships.iter_mut().find(|m| m.id == far) {
            m.term_end = Some(date(2027, 5, 1));
        }
        let found = warnings(&s, today);
        assert!(found.contains(&Warning::TermEnding {
            membership: seat_id,
            body: steering,
            person: officer,
            ends_on: date(2026, 5, 1),
        }));
        assert!(
            !found
                .iter()
                .any(|w| matches!(w, Warning::TermEnding { membership, .. } if *membership == far))
        );
        assert!(found.iter().any(|w| matches!(
            w,
            Warning::VacantSeat {
                sector: Sector::Science,
                filled: 0,
                ..
            }
        )));
        assert!(!found.iter().any(|w| matches!(
            w,
            Warning::VacantSeat {
                sector: Sector::Police,
                ..
            }
        )));
        assert!(found.contains(&Warning::BelowMinimum {
            body: steering,
            min: 3,
            seated: 1
        }));
    }
}
