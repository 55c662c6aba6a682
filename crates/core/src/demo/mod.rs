//! Demo data: the municipalities of the seed documents and their councils, loaded on the first
//! start of an empty database so that a new user sees a working platform.
//!
//! Populations are rounded figures for the demo, not official statistics.

mod council_work;
mod cycle;

use chrono::NaiveDate;

use crate::FederalState;
use crate::council::structure::{
    MembershipInput, MembershipRole, OrganisationInput, PersonInput, Sector,
};
use crate::land::applications::{ApplicationInput, DecisionInput, Verdict};
use crate::land::support::{OfferInput, SupportKind};
use crate::network::practices::PracticeContent;
use crate::registry::council::CouncilInput;
use crate::registry::municipality::{MunicipalityInput, MunicipalityStatus};
use crate::{Principal, Result, Services};
use praevnet_common::vocabulary::{EvidenceLevel, Setting, TargetGroup, Topic};

const fn seat(
    title: &'static str,
    body: &'static str,
    role: MembershipRole,
    organisation: Option<usize>,
) -> DemoSeat {
    DemoSeat {
        title,
        body,
        role,
        organisation,
        term_end: None,
    }
}

/// A placeholder seat: a role title, never a real person's name.
struct DemoSeat {
    title: &'static str,
    body: &'static str,
    role: MembershipRole,
    /// Index into the city's organisations.
    organisation: Option<usize>,
    term_end: Option<(i32, u32, u32)>,
}

struct DemoCity {
    name: &'static str,
    template: &'static str,
    organisations: &'static [(&'static str, Sector)],
    seats: &'static [DemoSeat],
    ags: &'static str,
    federal_state: FederalState,
    population: i64,
    council: &'static str,
    /// The seats (by title) whose holders chair the whole council and deputise.
    chairs: (Option<&'static str>, Option<&'static str>),
    /// The founding resolution and its date, as the seed documents give them.
    founding: Option<(&'static str, (i32, u32, u32))>,
}

const CITIES: [DemoCity; 4] = [
    DemoCity {
        name: "Halle (Saale)",
        template: "halle",
        organisations: &[
            ("Stadt Halle (Saale)", Sector::Administration),
            ("Polizeirevier Halle (Saale)", Sector::Police),
            (
                "Freier Träger der Präventionsarbeit (Beispiel)",
                Sector::FreeCarrier,
            ),
        ],
        seats: &[
            seat(
                "Koordinierungsstelle Präventionsrat",
                "Koordinierungsstelle",
                MembershipRole::Member,
                Some(0),
            ),
            seat(
                "Moderation AG Opferschutz",
                "AG Opferschutz, häusliche Gewalt, Stalking und Mobbing",
                MembershipRole::Moderator,
                None,
            ),
            seat(
                "Moderation AG Sicherheit für ältere Menschen",
                "AG Sicherheit für ältere Menschen",
                MembershipRole::Moderator,
                None,
            ),
            DemoSeat {
                title: "Vertretung Polizeirevier",
                body: "Steuerungsgruppe",
                role: MembershipRole::Member,
                organisation: Some(1),
                term_end: Some((2026, 12, 31)),
            },
            seat(
                "Vertretung freier Träger",
                "Steuerungsgruppe",
                MembershipRole::Member,
                Some(2),
            ),
        ],
        ags: "15002000",
        federal_state: FederalState::SachsenAnhalt,
        population: 238_000,
        council: "Präventionsrat der Stadt Halle (Saale)",
        chairs: (None, None),
        founding: Some(("III/2001/01855", (2001, 12, 12))),
    },
    DemoCity {
        name: "Zwickau",
        template: "zwickau",
        organisations: &[
            ("Stadtverwaltung Zwickau", Sector::Administration),
            ("Polizeirevier Zwickau", Sector::Police),
        ],
        seats: &[
            seat(
                "Oberbürgermeister*in",
                "Lenkungsgremium",
                MembershipRole::Chair,
                Some(0),
            ),
            seat(
                "Leitung Ordnungsamt",
                "Lenkungsgremium",
                MembershipRole::Member,
                Some(0),
            ),
            seat(
                "Leitung Polizeirevier",
                "Lenkungsgremium",
                MembershipRole::Member,
                Some(1),
            ),
            seat(
                "Koordinierungsstelle Prävention",
                "Koordinierungsstelle",
                MembershipRole::Member,
                Some(0),
            ),
        ],
        ags: "14524330",
        federal_state: FederalState::Sachsen,
        population: 87_000,
        council: "Kommunaler Präventionsrat Zwickau",
        chairs: (Some("Oberbürgermeister*in"), None),
        founding: None,
    },
    DemoCity {
        name: "Leipzig",
        template: "leipzig",
        organisations: &[
            ("Stadt Leipzig", Sector::Administration),
            ("Polizeidirektion Leipzig", Sector::Police),
        ],
        seats: &[
            seat(
                "Oberbürgermeister",
                "Führungsstab",
                MembershipRole::Chair,
                Some(0),
            ),
            seat(
                "Bürgermeister für Umwelt, Ordnung und Sport",
                "Führungsstab",
                MembershipRole::Deputy,
                Some(0),
            ),
            seat(
                "Leitung Polizeidirektion",
                "Führungsstab",
                MembershipRole::Member,
                Some(1),
            ),
            seat(
                "Leitung Ordnungsamt",
                "Lenkungsgruppe",
                MembershipRole::Chair,
                Some(0),
            ),
            seat(
                "Leitung Polizeieinsatz",
                "Lenkungsgruppe",
                MembershipRole::Member,
                Some(1),
            ),
            seat(
                "Geschäftsstelle Kommunaler Präventionsrat",
                "Geschäftsstelle",
                MembershipRole::Member,
                Some(0),
            ),
        ],
        ags: "14713000",
        federal_state: FederalState::Sachsen,
        population: 616_000,
        council: "Kommunaler Präventionsrat Leipzig",
        chairs: (
            Some("Oberbürgermeister"),
            Some("Bürgermeister für Umwelt, Ordnung und Sport"),
        ),
        founding: Some(("V-554/10", (2010, 10, 20))),
    },
    DemoCity {
        name: "Chemnitz",
        template: "chemnitz",
        organisations: &[
            ("Stadt Chemnitz", Sector::Administration),
            ("Polizeidirektion Chemnitz", Sector::Police),
            ("Staatsanwaltschaft Chemnitz", Sector::Justice),
        ],
        seats: &[
            seat(
                "Bürgermeister für Recht, Sicherheit und Umweltschutz",
                "Kommunalpräventiver Rat",
                MembershipRole::Chair,
                Some(0),
            ),
            seat(
                "Leitung Polizeidirektion",
                "Kommunalpräventiver Rat",
                MembershipRole::Member,
                Some(1),
            ),
            seat(
                "Bürgermeister für Bildung, Jugend, Soziales, Kultur und Sport",
                "Kommunalpräventiver Rat",
                MembershipRole::Member,
                Some(0),
            ),
            seat(
                "Bürgermeister für Stadtentwicklung und Bau",
                "Kommunalpräventiver Rat",
                MembershipRole::Member,
                Some(0),
            ),
            seat(
                "Leitung Staatsanwaltschaft",
                "Kommunalpräventiver Rat",
                MembershipRole::Member,
                Some(2),
            ),
            seat(
                "Geschäftsstelle Kommunalprävention",
                "Geschäftsstelle Kommunalprävention",
                MembershipRole::Member,
                Some(0),
            ),
        ],
        ags: "14511000",
        federal_state: FederalState::Sachsen,
        population: 248_000,
        council: "Kriminalpräventiver Rat der Stadt Chemnitz",
        chairs: (None, None),
        founding: Some(("B-41/1998", (1998, 2, 4))),
    },
];

/// Loads the demo cities when no municipality exists yet; returns whether it did.
pub async fn load_if_empty(services: &Services) -> Result<bool> {
    if !services.registry().has_no_municipalities().await? {
        return Ok(false);
    }
    let system = Principal::System;
    let mut ids = Vec::new();
    for city in &CITIES {
        let municipality = services
            .registry()
            .create_municipality(
                &system,
                MunicipalityInput {
                    name: city.name.into(),
                    ags: city.ags.into(),
                    federal_state: city.federal_state,
                    population: city.population,
                    slug: None,
                    status: MunicipalityStatus::Active,
                },
            )
            .await?;
        let (resolution, date) = match city.founding {
            Some((resolution, (y, m, d))) => {
                (Some(resolution.into()), NaiveDate::from_ymd_opt(y, m, d))
            }
            None => (None, None),
        };
        services
            .registry()
            .save_council(
                &system,
                municipality.id,
                CouncilInput {
                    name: city.council.into(),
                    founding_resolution: resolution,
                    founding_date: date,
                },
            )
            .await?;
        structure(services, &system, municipality.id, city).await?;
        ids.push((city.name, municipality.id));
        council_work::meetings(services, &system, municipality.id).await?;
        council_work::recommendations(services, &system, municipality.id).await?;
        cycle::cycle(services, &system, municipality.id, city.name).await?;
    }
    asskomm(services, &system, &ids).await?;
    practices(services, &system, &ids).await?;
    catalogue(services, &system, &ids).await?;
    tracing::info!(cities = CITIES.len(), "demo data loaded");
    Ok(true)
}

/// Two published practices, from what the seeds tell (Chemnitz's workshops on conflict
/// management in public space and its exhibition on domestic violence, seed 004), marked as
/// demo data, and a question of Zwickau about one of them.
async fn practices(
    services: &Services,
    system: &Principal,
    ids: &[(&str, crate::MunicipalityId)],
) -> Result<()> {
    let city = |name: &str| ids.iter().find(|(n, _)| *n == name).map(|(_, id)| *id);
    let (Some(chemnitz), Some(zwickau)) = (city("Chemnitz"), city("Zwickau")) else {
        return Ok(());
    };
    let contact = "Geschäftsstelle des Kriminalpräventiven Rates (Demo-Daten)";
    let mut published = Vec::new();
    for content in [
        PracticeContent {
            title: "Workshops: Konfliktmanagement im öffentlichen Raum".into(),
            problem: "Konflikte auf Plätzen und in Parks verunsichern Anwohnende (Demo-Daten)."
                .into(),
            goals: "Bürgerinnen und Bürger befähigen, im eigenen Sozialraum aktiv zu werden."
                .into(),
            measures: "Fortbildungen und Workshops, gefördert durch ASSKOMM.".into(),
            topics: vec![Topic::ConflictPublicSpace, Topic::FeelingOfSafety],
            target_groups: vec![TargetGroup::Residents],
            settings: vec![Setting::PublicSpace, Setting::Neighbourhood],
            evidence_level: Some(EvidenceLevel::TheoreticallyFounded),
            contact: contact.into(),
            ..PracticeContent::default()
        },
        PracticeContent {
            title: "Ausstellung „Echt fair“ zur häuslichen Gewalt".into(),
            problem: "Häusliche Gewalt bleibt oft unsichtbar (Demo-Daten).".into(),
            measures: "Eine Ausstellung für Schulklassen und Jugendgruppen.".into(),
            topics: vec![Topic::DomesticViolence, Topic::ViolenceChildrenWomen],
            target_groups: vec![TargetGroup::Youth],
            settings: vec![Setting::School, Setting::YouthWork],
            contact: contact.into(),
            ..PracticeContent::default()
        },
    ] {
        let saved = services
            .network()
            .save_practice(system, chemnitz, None, content)
            .await?;
        published.push(
            services
                .network()
                .publish_practice(system, chemnitz, saved.id)
                .await?,
        );
    }
    if let Some(first) = published.first() {
        services
            .network()
            .send_contact_request(
                system,
                zwickau,
                first.id,
                "Wie habt ihr die Workshops organisiert? (Demo-Daten)",
            )
            .await?;
    }
    Ok(())
}

/// Chemnitz's Steuerungsgruppe Prävention certifies prevention offers and grants a quality
/// seal (seed 004); three offers of its catalogue, marked as demo data: one with a seal that
/// holds, one whose seal has expired, one without.
async fn catalogue(
    services: &Services,
    system: &Principal,
    ids: &[(&str, crate::MunicipalityId)],
) -> Result<()> {
    use crate::network::catalogue::{CatalogueOfferInput, SealDecision};
    use praevnet_common::vocabulary::OfferFormat;
    let Some(chemnitz) = ids
        .iter()
        .find(|(n, _)| *n == "Chemnitz")
        .map(|(_, id)| *id)
    else {
        return Ok(());
    };
    let today = chrono::Utc::now().date_naive();
    let offers = [
        (
            "Zivilcourage-Training für Schulklassen",
            OfferFormat::Workshop,
            vec![TargetGroup::Youth],
            vec![Topic::ViolenceSchools, Topic::ConflictPublicSpace],
            Some((
                today - chrono::Days::new(200),
                today + chrono::Days::new(530),
            )),
        ),
        (
            "Suchtpräventionsparcours für Jugendclubs",
            OfferFormat::Project,
            vec![TargetGroup::Youth, TargetGroup::Families],
            vec![Topic::Addiction],
            Some((
                today - chrono::Days::new(900),
                today - chrono::Days::new(170),
            )),
        ),
        (
            "Elternabend Medienkompetenz",
            OfferFormat::Course,
            vec![TargetGroup::Families],
            vec![Topic::OnlineSafety],
            None,
        ),
    ];
    for (title, format, target_groups, topics, seal) in offers {
        let offer = services
            .network()
            .save_catalogue_offer(
                system,
                chemnitz,
                None,
                CatalogueOfferInput {
                    title: title.into(),
                    provider: "Netzwerk für Kultur- und Jugendarbeit e. V. (Demo-Daten)".into(),
                    format: Some(format),
                    target_groups,
                    topics,
                    description: "Ein Angebot aus dem Katalog der Steuerungsgruppe Prävention \
                        (Demo-Daten)."
                        .into(),
                    contact: "Geschäftsstelle KPR Chemnitz (Demo-Daten)".into(),
                },
            )
            .await?;
        if let Some((granted_on, valid_until)) = seal {
            services
                .network()
                .decide_seal(
                    system,
                    chemnitz,
                    offer.id,
                    SealDecision::Grant {
                        granted_on,
                        valid_until,
                        note: "Demo-Daten".into(),
                    },
                )
                .await?;
        }
    }
    Ok(())
}

/// ASSKOMM (seed 004): the programme, the state office's advice, training and coaching, an
/// application of Chemnitz granted and one of Leipzig waiting, and a request for coaching.
async fn asskomm(
    services: &Services,
    system: &Principal,
    ids: &[(&str, crate::MunicipalityId)],
) -> Result<()> {
    let programme = services
        .land()
        .save_funding_programme(system, None, crate::land::funding::asskomm())
        .await?;
    let offer = |kind, title: &str, description: &str| OfferInput {
        federal_state: FederalState::Sachsen,
        kind,
        title: title.into(),
        description: description.into(),
        contact: "Landespräventionsrat Sachsen, Geschäftsstelle".into(),
        active: true,
    };
    let mut offers = Vec::new();
    for input in [
        offer(
            SupportKind::Advice,
            "Beratung: Problemfelder identifizieren",
            "Der Landespräventionsrat berät vor Ort bei der Identifizierung von Problemfeldern \
             und beim Auf- und Ausbau kommunaler Präventionsstrukturen.",
        ),
        offer(
            SupportKind::Training,
            "Fortbildung: Konfliktmanagement im öffentlichen Raum",
            "Fortbildungen und Workshops, die Bürgerinnen und Bürger befähigen, im eigenen \
             Sozialraum aktiv zu werden.",
        ),
        offer(
            SupportKind::Coaching,
            "Coaching zur Gründung eines Kommunalen Präventionsrates",
            "Begleitung von Kommunen auf dem Weg zur Gründung, mit der gemeinsam erarbeiteten \
             Handreichung.",
        ),
        offer(
            SupportKind::Advice,
            "Fördermittelberatung",
            "Beratung zu Anträgen aus ASSKOMM und anderen Programmen.",
        ),
    ] {
        offers.push(
            services
                .land()
                .save_support_offer(system, None, input)
                .await?,
        );
    }
    let city = |name: &str| ids.iter().find(|(n, _)| *n == name).map(|(_, id)| *id);
    let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    if let Some(chemnitz) = city("Chemnitz") {
        let applied = services
            .land()
            .apply_for_funding(
                system,
                chemnitz,
                ApplicationInput {
                    programme_id: programme.id,
                    project_title: "Workshops Konfliktmanagement im öffentlichen Raum (Beispiel)"
                        .into(),
                    project_description: "Beteiligungsformat zur Verbesserung von Ordnung und \
                        Sicherheit (Demo-Daten)."
                        .into(),
                    funding_year: Some(year),
                    requested_amount: 30_000,
                },
            )
            .await?;
        services
            .land()
            .decide_funding_application(
                system,
                chemnitz,
                applied.id,
                DecisionInput {
                    verdict: Verdict::Grant { amount: 25_000 },
                    decided_on: None,
                    note: "Demo-Bewilligung".into(),
                    report_due: NaiveDate::from_ymd_opt(year + 1, 3, 31),
                },
            )
            .await?;
    }
    if let Some(leipzig) = city("Leipzig") {
        services
            .land()
            .apply_for_funding(
                system,
                leipzig,
                ApplicationInput {
                    programme_id: programme.id,
                    project_title: "Prävention von Sachbeschädigungen durch Graffiti (Beispiel)"
                        .into(),
                    project_description: "Demo-Daten.".into(),
                    funding_year: Some(year),
                    requested_amount: 40_000,
                },
            )
            .await?;
    }
    if let (Some(zwickau), Some(coaching)) = (
        city("Zwickau"),
        offers.iter().find(|o| o.kind == SupportKind::Coaching),
    ) {
        services
            .land()
            .request_support(
                system,
                zwickau,
                coaching.id,
                "Wir möchten die Arbeitsgruppen neu aufstellen (Demo-Daten).".into(),
            )
            .await?;
    }
    Ok(())
}

/// The city's council structure from its template, with placeholder people in some seats.
async fn structure(
    services: &Services,
    system: &Principal,
    municipality: crate::MunicipalityId,
    city: &DemoCity,
) -> Result<()> {
    let bodies = services
        .council()
        .apply_template(system, municipality, city.template)
        .await?
        .value;
    let mut organisations = Vec::new();
    for (name, sector) in city.organisations {
        let input = OrganisationInput {
            name: (*name).into(),
            sector: *sector,
        };
        organisations.push(
            services
                .council()
                .save_organisation(system, municipality, None, input)
                .await?
                .value
                .id,
        );
    }
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let mut people = Vec::new();
    for seat in city.seats {
        let Some(body) = bodies.iter().find(|b| b.name == seat.body) else {
            return Err(crate::Error::Internal(format!(
                "demo seat in unknown body {}",
                seat.body
            )));
        };
        let person = PersonInput {
            name: seat.title.into(),
            function_title: Some(seat.title.into()),
            email: None,
            phone: None,
        };
        let (person, _) = services
            .council()
            .save_person(system, municipality, None, person)
            .await?
            .value;
        people.push((seat.title, person));
        let input = MembershipInput {
            body: body.id,
            person,
            role: seat.role,
            organisation: seat
                .organisation
                .and_then(|i| organisations.get(i).copied()),
            term_start: start,
            term_end: seat
                .term_end
                .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            appointed_by: None,
        };
        services
            .council()
            .add_membership(system, municipality, input)
            .await?;
    }
    let holder = |title: Option<&str>| {
        title.and_then(|t| people.iter().find(|(seat, _)| *seat == t).map(|(_, p)| *p))
    };
    let (chair, deputy) = (holder(city.chairs.0), holder(city.chairs.1));
    if chair.is_some() || deputy.is_some() {
        services
            .council()
            .set_council_chair(system, municipality, chair, deputy)
            .await?;
    }
    Ok(())
}
