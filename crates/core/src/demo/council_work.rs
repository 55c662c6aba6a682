//! The demo councils' work over the last year, dated from today so that every page has
//! something to show on first start: meetings of the first two bodies with agendas,
//! attendance and approved minutes, the next meetings, and recommendations on their way.
//! No mail leaves: invitations and circulating minutes are left to the user.

use chrono::{Duration, NaiveDate, Utc};

use crate::council::meetings::{
    AgendaItemInput, Attendance, AttendanceInput, MeetingInput, MeetingStatus, MinutesInput,
};
use crate::council::recommendations::{
    Addressee, RecommendationInput, RecommendationStatus, StepInput,
};
use crate::council::structure::StructureView;
use crate::{MunicipalityId, Principal, Result, Services};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Meetings of the council's first two bodies: three held in the past year (with attendance
/// and minutes, approved at the next meeting) and one to come.
pub(super) async fn meetings(
    services: &Services,
    system: &Principal,
    municipality: MunicipalityId,
) -> Result<()> {
    let council = services.council();
    let structure: StructureView = council.council_structure(system, municipality).await?;
    let today = today();
    for body in structure.structure.bodies.iter().take(2) {
        let members: Vec<_> = structure
            .structure
            .memberships
            .iter()
            .filter(|m| m.body == body.id && m.is_active(today))
            .map(|m| m.person)
            .collect();
        let plan = [(-300, true), (-180, true), (-60, false), (21, false)];
        for (number, (days, approve)) in (1..).zip(plan) {
            let date = today + Duration::days(days);
            let held = days < 0;
            let input = MeetingInput {
                body_id: body.id,
                title: format!("Sitzung {}", body.name),
                starts_on: date,
                start_time: Some("17:00".into()),
                end_time: Some("18:30".into()),
                location: "Rathaus (Demo-Daten)".into(),
                online_link: None,
                public: None,
                status: if held {
                    MeetingStatus::Held
                } else {
                    MeetingStatus::Planned
                },
                topic: "Lagebild und Arbeitsstand (Demo-Daten)".into(),
                number: Some(number),
            };
            let meeting = council
                .save_meeting(system, municipality, None, input)
                .await?;
            let items = [
                ("Begrüßung und Tagesordnung", true),
                ("Bericht aus den Arbeitsgruppen", true),
                ("Interne Personalangelegenheiten", false),
            ];
            let mut saved = meeting;
            for (title, public) in items {
                let item = AgendaItemInput {
                    position: None,
                    title: title.into(),
                    description: String::new(),
                    presenter: Some("Koordinierungsstelle".into()),
                    public: Some(public),
                    // A held meeting has its results; a coming one not yet.
                    result: if held {
                        "Zur Kenntnis genommen (Demo-Daten).".into()
                    } else {
                        String::new()
                    },
                };
                saved = council
                    .save_agenda_item(system, municipality, saved.id, None, item)
                    .await?;
            }
            if !held {
                continue;
            }
            let attendance = members
                .iter()
                .enumerate()
                .map(|(n, person)| AttendanceInput {
                    participant_id: None,
                    person_id: Some(*person),
                    guest_name: None,
                    // Every fourth member sent apologies.
                    attendance: if n % 4 == 3 {
                        Attendance::Excused
                    } else {
                        Attendance::Present
                    },
                })
                .collect();
            council
                .record_attendance(system, municipality, saved.id, attendance)
                .await?;
            let entries = saved
                .agenda
                .iter()
                .map(|item| (item.id, format!("{} (Demo-Daten).", item.title)))
                .collect();
            let minutes = MinutesInput {
                notes: "Die Sitzung wird eröffnet; die Beschlussfähigkeit ist gegeben.".into(),
                entries,
            };
            council
                .save_minutes(system, municipality, saved.id, minutes)
                .await?;
            if approve {
                // Approved at the following meeting, about four months later.
                let on = (date + Duration::days(120)).min(today);
                council
                    .approve_minutes(system, municipality, saved.id, on)
                    .await?;
            }
        }
    }
    Ok(())
}

/// Two recommendations of the council's third body (a working group in most templates) to
/// its second (the steering body): one submitted to the city council whose answer is
/// overdue, one answered and being implemented.
pub(super) async fn recommendations(
    services: &Services,
    system: &Principal,
    municipality: MunicipalityId,
) -> Result<()> {
    let council = services.council();
    let structure = council.council_structure(system, municipality).await?;
    let bodies = &structure.structure.bodies;
    let (Some(steering), Some(source)) = (bodies.get(1).or(bodies.first()), bodies.last()) else {
        return Ok(());
    };
    let today = today();
    let demo = [
        (
            "Beleuchtung an Schulwegen verbessern",
            "Die Arbeitsgruppe empfiehlt, die Beleuchtung der Schulwege zu prüfen und dunkle \
             Stellen bis zum Winter auszuleuchten (Demo-Daten).",
            Addressee::CityCouncil,
            Some("DEMO-00741"),
            RecommendationStatus::Submitted,
        ),
        (
            "Beratungsangebot für ältere Menschen bekannt machen",
            "Die Verwaltung möge das Beratungsangebot zu Enkeltrick und Haustürbetrug in den \
             Seniorentreffs vorstellen (Demo-Daten).",
            Addressee::Administration,
            None,
            RecommendationStatus::Answered,
        ),
    ];
    for (title, text, addressee, paper, reach) in demo {
        let input = RecommendationInput {
            title: title.into(),
            text: text.into(),
            source_body_id: Some(source.id),
            source_meeting_id: None,
            source_agenda_item_id: None,
            adopting_body_id: Some(steering.id),
            addressee: Some(addressee),
            paper_reference: paper.map(str::to_owned),
            due_on: Some(today - Duration::days(14)),
        };
        let saved = council
            .save_recommendation(system, municipality, None, input)
            .await?;
        let steps = [
            (
                RecommendationStatus::Adopted,
                -120,
                "Sitzung der Steuerungsebene",
            ),
            (RecommendationStatus::Submitted, -90, "Eingereicht"),
            (
                RecommendationStatus::Answered,
                -30,
                "Antwort der Verwaltung",
            ),
        ];
        for (status, days, note) in steps {
            let answer = (status == RecommendationStatus::Answered).then(|| {
                "Das Angebot wird im nächsten Quartal in allen Seniorentreffs vorgestellt \
                 (Demo-Daten)."
                    .to_owned()
            });
            council
                .advance_recommendation(
                    system,
                    municipality,
                    saved.id,
                    StepInput {
                        status,
                        on: today + Duration::days(days),
                        note: note.into(),
                        answer,
                    },
                )
                .await?;
            if status == reach {
                break;
            }
        }
    }
    Ok(())
}
