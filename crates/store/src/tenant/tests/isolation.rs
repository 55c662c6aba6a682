//! The handle's own statements: every tenant table shows a handle its own rows only, and a
//! unit of work names its tenant to PostgreSQL once, however many calls it makes.

use chrono::{NaiveDate, Utc};
use praevnet_testkit::{TestDatabase, on_both_databases};
use sea_orm::{ConnectionTrait, DbBackend, EntityName, ModelTrait, Statement, Value};

use super::two_tenants;
use crate::tenant::tables::TenantOwned;
use crate::tenant::{
    action_field, agenda_item, body, body_seat, contact_message, council, demand, founding_step,
    funding_application, goal, hot_spot, indicator, indicator_value, inventory_item, meeting,
    meeting_participant, membership, milestone, minutes, minutes_entry, organisation, person,
    practice, practice_attachment, project, project_partner, recommendation, recommendation_step,
    rules_of_procedure, safety_figure, support_request,
};
use crate::{
    ActionFieldData, AgendaItemData, BodyData, ContactMessage, DemandData, FoundingStepRecord,
    GoalData, HotSpotData, IndicatorData, InventoryItemData, MeetingData, MembershipData,
    MilestoneData, MinutesData, MinutesEntryData, MunicipalityId, NewApplication,
    NewSupportRequest, OfferData, OfferId, OrganisationData, ParticipantData, PersonData,
    PracticeData, ProgrammeData, ProgrammeId, ProjectData, RecommendationData, RulesData,
    SafetyFigureData, SeatRecord, Store, StoreError, ThreadId, UniqueField,
};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).expect("date")
}

fn body_data() -> BodyData {
    BodyData {
        parent_id: None,
        reports_to_id: None,
        name: "Lenkungsgruppe".into(),
        kind: "steering_group".into(),
        own_kind: None,
        scope: None,
        district: None,
        tasks: String::new(),
        chair_rule: None,
        meetings_per_year: None,
        min_members: None,
        max_members: None,
        term_months: None,
        appointment_procedure: None,
        is_public: false,
        moderators_are_members: false,
        moderator_takes_seat: true,
        founded_on: None,
        founding_resolution: None,
        dissolved_on: None,
        dissolution_resolution: None,
        position: 0,
        seats: vec![SeatRecord {
            label: "Polizei".into(),
            sector: "police".into(),
            seats: 1,
        }],
    }
}

/// A programme and an offer of the Land, which both tenants apply for and request.
async fn land_offers(store: &Store) -> (ProgrammeId, OfferId) {
    let programme = store
        .funding_programmes()
        .insert(ProgrammeData {
            federal_state: "SN".into(),
            name: "Prävention".into(),
            provider: "Land".into(),
            total_budget: 100_000,
            yearly_budget: None,
            fields_of_action: String::new(),
            eligible_applicants: String::new(),
            funding_rate_percent: None,
            min_amount: None,
            max_amount: None,
            deadline: None,
            procedure: String::new(),
            contact: String::new(),
            documents: String::new(),
        })
        .await
        .expect("programme");
    let offer = store
        .support_offers()
        .insert(OfferData {
            federal_state: "SN".into(),
            kind: "advice".into(),
            title: "Beratung".into(),
            description: String::new(),
            contact: String::new(),
            active: true,
        })
        .await
        .expect("offer");
    (programme.id, offer.id)
}

/// Gives `municipality` a row in every tenant table, through the public methods.
async fn fill(store: &Store, municipality: MunicipalityId, other: MunicipalityId) {
    let (programme, offer) = land_offers(store).await;
    let tenant = store.tenant(municipality);
    let step = FoundingStepRecord {
        step: "initiative".into(),
        completed_on: None,
        notes: String::new(),
    };
    tenant.save_founding_step(&step).await.expect("step");
    let body = tenant.insert_body(body_data()).await.expect("body");
    let organisation = OrganisationData {
        name: "Polizeirevier".into(),
        sector: "police".into(),
    };
    let organisation = tenant
        .insert_organisation(organisation)
        .await
        .expect("organisation");
    let person = PersonData {
        name: "Alex Beispiel".into(),
        function_title: None,
        email: None,
        phone: None,
        user_id: None,
    };
    let person = tenant.insert_person(person).await.expect("person");
    let membership = MembershipData {
        body_id: body.id,
        person_id: person.id,
        role: "member".into(),
        organisation_id: Some(organisation.id),
        term_start: day(),
        term_end: None,
        appointed_by: None,
        derived_from: None,
    };
    tenant
        .insert_membership(membership)
        .await
        .expect("membership");
    let rules = RulesData {
        title: "Geschäftsordnung".into(),
        body: "§ 1".into(),
        adopted_by: Some(body.id),
        adopted_on: day(),
        resolution: None,
        council_informed_on: None,
    };
    tenant.insert_rules(rules).await.expect("rules");
    let meeting = MeetingData {
        body_id: body.id,
        title: "Sitzung".into(),
        starts_on: day(),
        start_time: None,
        end_time: None,
        location: "Rathaus".into(),
        online_link: None,
        is_public: true,
        status: "planned".into(),
        topic: String::new(),
        number: Some(1),
        sequence: 0,
    };
    let meeting = tenant.insert_meeting(meeting).await.expect("meeting");
    let item = AgendaItemData {
        meeting_id: meeting.id,
        position: 1,
        title: "Begrüßung".into(),
        description: String::new(),
        presenter: None,
        is_public: true,
        result: String::new(),
    };
    let item = tenant.insert_agenda_item(item).await.expect("agenda item");
    let participant = ParticipantData {
        meeting_id: meeting.id,
        person_id: None,
        name: "Gast".into(),
        email: None,
        is_guest: true,
        invited_at: None,
        token_hash: None,
        token_expires_on: None,
        response: String::new(),
        responded_at: None,
        attendance: Some("present".into()),
    };
    tenant
        .insert_participant(participant)
        .await
        .expect("participant");
    let minutes = MinutesData {
        meeting_id: meeting.id,
        version: 1,
        status: "draft".into(),
        notes: String::new(),
        circulated_at: None,
        approved_on: None,
        entries: vec![MinutesEntryData {
            agenda_item_id: Some(item.id),
            position: 1,
            title: "Begrüßung".into(),
            text: "Eröffnet.".into(),
        }],
    };
    tenant.save_minutes(None, &minutes).await.expect("minutes");
    let recommendation = RecommendationData {
        title: "Beleuchtung".into(),
        text: String::new(),
        source_body_id: Some(body.id),
        source_meeting_id: Some(meeting.id),
        source_agenda_item_id: Some(item.id),
        adopting_body_id: None,
        addressee: "administration".into(),
        paper_reference: None,
        status: "draft".into(),
        due_on: None,
        answer: String::new(),
    };
    tenant
        .save_recommendation(None, &recommendation, Some((day(), "Erfasst".into())))
        .await
        .expect("recommendation");
    let data = PracticeData {
        title: "Kleingartenpatenschaften".into(),
        ..PracticeData::default()
    };
    let practice = tenant.insert_practice(&data).await.expect("practice");
    tenant
        .insert_attachment(practice.id, "plan.pdf", "application/pdf", 10)
        .await
        .expect("attachment");
    let application = NewApplication {
        programme_id: programme,
        project_title: "Beleuchtung".into(),
        project_description: String::new(),
        funding_year: 2026,
        requested_amount: 1000,
        status: "requested".into(),
    };
    tenant
        .insert_funding_application(application)
        .await
        .expect("application");
    let request = NewSupportRequest {
        offer_id: offer,
        message: "Bitte".into(),
        status: "requested".into(),
    };
    tenant
        .insert_support_request(request)
        .await
        .expect("request");
    let message = ContactMessage {
        thread_id: ThreadId::new_thread(),
        other_municipality_id: other,
        practice_id: practice.id,
        practice_title: data.title,
        sent: true,
        sender_name: "Alex Beispiel".into(),
        body: "Hallo".into(),
        created_at: Utc::now(),
    };
    tenant
        .insert_contact_message(&message)
        .await
        .expect("message");
    fill_cycle(store, municipality, body.id).await;
}

/// One record of every table of the prevention cycle.
async fn fill_cycle(store: &Store, municipality: MunicipalityId, body: crate::BodyId) {
    let tenant = store.tenant(municipality);
    let organisation = tenant.structure().await.expect("structure").organisations[0].id;
    let field = tenant
        .save_action_field(
            None,
            &ActionFieldData {
                code: "I".into(),
                name: "Öffentlicher Raum".into(),
                description: String::new(),
                position: 1,
            },
        )
        .await
        .expect("field");
    tenant
        .save_safety_figure(
            None,
            &SafetyFigureData {
                year: 2025,
                area: "Stadt".into(),
                kind: "crime".into(),
                category: "Diebstahl".into(),
                value_milli: 1_000,
                unit: "Fälle".into(),
                source: "PKS".into(),
                is_public: false,
            },
        )
        .await
        .expect("figure");
    let spot = tenant
        .save_hot_spot(
            None,
            &HotSpotData {
                year: 2025,
                name: "Markt".into(),
                area: String::new(),
                address: String::new(),
                latitude_micro: None,
                longitude_micro: None,
                reasons: String::new(),
                is_public: true,
            },
        )
        .await
        .expect("hot spot");
    let demand = tenant
        .save_demand(
            None,
            &DemandData {
                title: "Licht".into(),
                description: String::new(),
                source_kind: "survey".into(),
                source: String::new(),
                hot_spot_id: spot,
                place: String::new(),
                responsible_body_id: Some(body),
                responsible: String::new(),
                status: "open".into(),
                due_on: Some(day()),
                is_public: false,
            },
        )
        .await
        .expect("demand");
    tenant
        .save_inventory_item(
            None,
            &InventoryItemData {
                kind: "offer".into(),
                name: "Streetwork".into(),
                action_field_id: field,
                practice_id: None,
                catalogue_offer_id: None,
                provider: String::new(),
                assessment: "gap".into(),
                note: String::new(),
            },
        )
        .await
        .expect("inventory");
    let goal = tenant
        .save_goal(
            None,
            &GoalData {
                action_field_id: field,
                title: "Weniger Angst".into(),
                what: String::new(),
                how: String::new(),
                place: String::new(),
                demand_id: demand,
                adopting_body_id: Some(body),
                adopted_on: None,
                is_public: false,
            },
        )
        .await
        .expect("goal");
    let project = ProjectData {
        title: "Licht am Markt".into(),
        description: String::new(),
        goal_id: goal,
        owner_body_id: Some(body),
        starts_on: None,
        ends_on: None,
        budget_euros: Some(1_000),
        application_id: None,
        status: "running".into(),
        is_public: false,
        partners: vec![organisation],
        indicators: vec![IndicatorData {
            id: None,
            name: "Sicherheitsgefühl".into(),
            unit: "%".into(),
            baseline_milli: 40_000,
            target_milli: 60_000,
        }],
        milestones: vec![MilestoneData {
            id: None,
            kind: "milestone".into(),
            title: "Leuchten".into(),
            due_on: day(),
            done_on: None,
        }],
    };
    tenant.save_project(None, &project).await.expect("project");
    let cycle = tenant.prevention_cycle().await.expect("cycle");
    let indicator = cycle.projects[0].data.indicators[0].id.expect("indicator");
    tenant
        .add_indicator_value(indicator, day(), 45_000, String::new())
        .await
        .expect("value");
}

/// Asserts that `rows` of the table of `M` gives `municipality`'s handle rows, its own only.
async fn sees_only_own<M: ModelTrait<Entity: TenantOwned>>(
    store: &Store,
    municipality: MunicipalityId,
) {
    let table = M::Entity::default().table_name();
    let tenant = store.tenant(municipality);
    let rows = tenant.all(tenant.rows::<M>()).await.expect("rows");
    assert!(!rows.is_empty(), "{table}: the tenant's own rows are found");
    let column = <M::Entity as TenantOwned>::tenant_column();
    for row in rows {
        assert_eq!(row.get(column), Value::from(municipality), "{table}");
    }
}

async fn rows_never_return_another_tenants_rows(db: TestDatabase) {
    let (store, leipzig, chemnitz) = two_tenants(&db).await;
    fill(&store, leipzig, chemnitz).await;
    fill(&store, chemnitz, leipzig).await;
    for id in [leipzig, chemnitz] {
        sees_only_own::<council::Model>(&store, id).await;
        sees_only_own::<founding_step::Model>(&store, id).await;
        sees_only_own::<body::Model>(&store, id).await;
        sees_only_own::<body_seat::Model>(&store, id).await;
        sees_only_own::<organisation::Model>(&store, id).await;
        sees_only_own::<person::Model>(&store, id).await;
        sees_only_own::<membership::Model>(&store, id).await;
        sees_only_own::<rules_of_procedure::Model>(&store, id).await;
        sees_only_own::<meeting::Model>(&store, id).await;
        sees_only_own::<agenda_item::Model>(&store, id).await;
        sees_only_own::<meeting_participant::Model>(&store, id).await;
        sees_only_own::<minutes::Model>(&store, id).await;
        sees_only_own::<minutes_entry::Model>(&store, id).await;
        sees_only_own::<recommendation::Model>(&store, id).await;
        sees_only_own::<recommendation_step::Model>(&store, id).await;
        sees_only_own::<practice::Model>(&store, id).await;
        sees_only_own::<practice_attachment::Model>(&store, id).await;
        sees_only_own::<funding_application::Model>(&store, id).await;
        sees_only_own::<support_request::Model>(&store, id).await;
        sees_only_own::<contact_message::Model>(&store, id).await;
        sees_only_own::<action_field::Model>(&store, id).await;
        sees_only_own::<safety_figure::Model>(&store, id).await;
        sees_only_own::<hot_spot::Model>(&store, id).await;
        sees_only_own::<demand::Model>(&store, id).await;
        sees_only_own::<inventory_item::Model>(&store, id).await;
        sees_only_own::<goal::Model>(&store, id).await;
        sees_only_own::<project::Model>(&store, id).await;
        sees_only_own::<project_partner::Model>(&store, id).await;
        sees_only_own::<indicator::Model>(&store, id).await;
        sees_only_own::<indicator_value::Model>(&store, id).await;
        sees_only_own::<milestone::Model>(&store, id).await;
        // The whole cycle read at once holds this tenant's records only.
        let cycle = store.tenant(id).prevention_cycle().await.expect("cycle");
        assert_eq!(cycle.projects.len(), 1);
        assert_eq!(cycle.projects[0].values.len(), 1);
        assert_eq!(cycle.hot_spots.len(), 1);
    }

    // By key, too: another tenant's row is neither found, changed nor deleted.
    let foreign = store.tenant(chemnitz).structure().await.expect("structure");
    let (body, membership) = (&foreign.bodies[0], &foreign.memberships[0]);
    let leipzig = store.tenant(leipzig);
    let found = leipzig.one(leipzig.row_by_id::<body::Model>(body.id)).await;
    assert_eq!(found.expect("read"), None);
    let updated = leipzig.update_body(body.id, body.data.clone()).await;
    assert_eq!(updated.expect("update"), None);
    let deleted = leipzig.delete_membership(membership.id).await;
    assert!(!deleted.expect("delete"));
    let kept = store.tenant(chemnitz).structure().await.expect("structure");
    assert_eq!(kept, foreign);
}

/// The tenant setting of a unit of work survives a call that failed (its savepoint rolled
/// back), follows the handles from one tenant to another, and is not sent again for the same
/// tenant: PostgreSQL's `set_config` changed behind the handle's back is not corrected.
async fn unit_of_work_sets_its_tenant_once(db: TestDatabase) {
    let (store, leipzig, chemnitz) = two_tenants(&db).await;
    let name = OrganisationData {
        name: "Polizeirevier".into(),
        sector: "police".into(),
    };
    store
        .tenant(leipzig)
        .insert_organisation(name.clone())
        .await
        .expect("organisation");

    let writes = store.writes().await.expect("begin");
    let taken = writes.tenant(leipzig).insert_organisation(name).await;
    assert!(
        matches!(
            taken,
            Err(StoreError::Conflict(UniqueField::OrganisationName))
        ),
        "{taken:?}"
    );
    let council_of = async |id: MunicipalityId| {
        let council = writes.tenant(id).council().await.expect("council");
        council.map(|c| c.municipality_id)
    };
    assert_eq!(council_of(leipzig).await, Some(leipzig));
    assert_eq!(council_of(chemnitz).await, Some(chemnitz));
    assert_eq!(council_of(leipzig).await, Some(leipzig));

    if db.is_postgres() {
        writes
            .connection()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('praevnet.municipality_id', $1, true)",
                [chemnitz.to_string().into()],
            ))
            .await
            .expect("set behind the handle's back");
        let handle = writes.tenant(leipzig);
        let seen = handle.all(handle.rows::<council::Model>()).await;
        let seen: Vec<MunicipalityId> = seen
            .expect("read")
            .into_iter()
            .map(|c| c.municipality_id)
            .collect();
        assert_eq!(seen, Vec::<MunicipalityId>::new(), "no second set_config");
    }
    writes.commit().await.expect("commit");
}

on_both_databases!(
    rows_never_return_another_tenants_rows,
    unit_of_work_sets_its_tenant_once
);
