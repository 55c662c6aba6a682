//! Who may do what: every mutation against every role, escalation attempts, and every field
//! that takes an id called with another tenant's id. The lists of operations are read from the
//! server's schema, so a new mutation or id-taking field fails here until it is covered.
//!
//! Longer than 800 lines on purpose: the access matrix (every operation against every role and
//! every foreign id) reads best as one file; splitting it would hide a missing row.

mod support;

use std::collections::BTreeMap;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::cycle::{self, CycleRecords};
use support::{TestApp, config_with_mail};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const UNKNOWN_ID: &str = "01890000-0000-7000-8000-000000000000";

/// Operations that need no login and take no id of a tenant; their rules (throttling, single
/// use links, same answers) are tested in `tests/accounts.rs`.
const PUBLIC_MUTATIONS: [&str; 6] = [
    // Answering an invitation takes the link's token, no id; tests/invitations.rs.
    "answerInvitation",
    "login",
    "logout",
    "acceptInvitation",
    "requestPasswordReset",
    "resetPassword",
];

/// Queries anyone may run: the public registry and the caller's own account; and queries whose
/// answer is scoped to the reader (audit log, accounts), tested in `tests/accounts.rs`.
const PUBLIC_QUERIES: [&str; 17] = [
    "accounts",
    // Scoped to what the reader sees; tests/prevention.rs.
    "preventionCycle",
    // By the link's token; tests/invitations.rs.
    "invitationAnswer",
    // Scoped to what the reader sees; tests/recommendations.rs.
    "recommendations",
    "vocabulary",
    "meetings",
    "meetingPlan",
    "councilStructure",
    "fundingProgramme",
    "fundingProgrammes",
    "supportOffers",
    "structureTemplates",
    "municipalities",
    "municipality",
    "municipalityBySlug",
    "me",
    "auditLog",
];

/// Fields of one root type of the SDL, with the text of their arguments.
fn root_fields(sdl: &str, root: &str) -> BTreeMap<String, String> {
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
    let document = async_graphql::parser::parse_schema(sdl).expect("the SDL parses");
    let fields = document
        .definitions
        .into_iter()
        .find_map(|definition| match definition {
            TypeSystemDefinition::Type(t) if t.node.name.node == root => match t.node.kind {
                TypeKind::Object(object) => Some(object.fields),
                _ => None,
            },
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {root}"));
    fields
        .into_iter()
        .map(|field| {
            let args: Vec<String> = field
                .node
                .arguments
                .iter()
                .map(|a| format!("{}: {}", a.node.name.node, a.node.ty.node))
                .collect();
            (field.node.name.node.to_string(), args.join(", "))
        })
        .collect()
}

/// Ids of one council's structure, made by the platform administrator.
#[derive(Clone)]
struct Parts {
    body: String,
    person: String,
    organisation: String,
    membership: String,
    rules: String,
    /// Further memberships, one per role of the matrix, to be deleted.
    deletable: Vec<String>,
    /// Further people, one per role of the matrix, to be erased.
    erasable: Vec<String>,
    /// The Land's funding programme and support offer.
    programme: String,
    offer: String,
    /// A meeting of `body` with an agenda item, and per role a meeting and an item to delete.
    meeting: String,
    agenda_item: String,
    deletable_meetings: Vec<String>,
    deletable_items: Vec<String>,
    /// A document on `agenda_item`, and per role one to delete.
    document: String,
    deletable_documents: Vec<String>,
    /// Per role a past meeting with one item, a recorded attendance and draft minutes.
    past_meetings: Vec<String>,
    /// Someone who attended the first past meeting.
    participant: String,
    /// Per role a draft recommendation to adopt, and one to delete; `recommendation` is a
    /// further one.
    recommendation: String,
    adoptable: Vec<String>,
    deletable_recommendations: Vec<String>,
    /// A complete practice, published after all parts exist.
    practice: String,
    /// A conversation of the municipality with another one (set by `world`).
    thread: String,
    /// An application and a request for support of the municipality.
    application: String,
    request: String,
    /// Per role of the matrix: applications to decide, to withdraw, and granted ones to report
    /// on; requests to answer.
    decidable: Vec<String>,
    withdrawable: Vec<String>,
    reportable: Vec<String>,
    answerable: Vec<String>,
    /// An offer of the municipality's catalogue, and per role offers without a seal (to
    /// grant one), with a granted seal (to renew and withdraw) and to remove.
    catalogue_offer: String,
    /// An attachment of `practice`, and one per role to delete.
    attachment: String,
    attachments: Vec<String>,
    unsealed: Vec<String>,
    sealed: Vec<String>,
    removable: Vec<String>,
    /// Records of the prevention cycle, and per role a further set to delete.
    cycle: CycleRecords,
    cycles: Vec<CycleRecords>,
}

/// A body, an organisation, a person and memberships in `municipality`; applications to the
/// Land's programme and requests for its offer.
async fn parts(app: &TestApp, municipality: &str, programme: &str, offer: &str) -> Parts {
    let run = |query: &'static str, vars: Value| async move {
        let body = app.admin(query, vars).await;
        support::returned_id(&body).unwrap_or_else(|| panic!("{query}: {body}"))
    };
    let body = run(
        "mutation($m: ID!) { createBody(municipalityId: $m, input: { name: \"AG Test\", kind: WORKING_GROUP }) { id } }",
        json!({ "m": municipality }),
    )
    .await;
    let person = run(
        "mutation($m: ID!, $e: String!) { savePerson(municipalityId: $m, input: { name: \"Leitung Ordnungsamt\", email: $e }) { id } }",
        json!({ "m": municipality, "e": format!("ordnungsamt-{municipality}@praevnet.test") }),
    )
    .await;
    let organisation = run(
        "mutation($m: ID!) { saveOrganisation(municipalityId: $m, input: { name: \"Ordnungsamt\", sector: ADMINISTRATION }) { id } }",
        json!({ "m": municipality }),
    )
    .await;
    let add = "mutation($m: ID!, $i: MembershipInput!) { addMembership(municipalityId: $m, input: $i) { id } }";
    let membership_input =
        json!({ "bodyId": body, "personId": person, "role": "MEMBER", "termStart": "2026-01-01" });
    let membership = run(add, json!({ "m": municipality, "i": membership_input })).await;
    let rules = run(
        "mutation($m: ID!, $b: ID!) { adoptRulesOfProcedure(municipalityId: $m, input: { title: \"Geschäftsordnung\", text: \"§ 1\", adoptedByBodyId: $b, adoptedOn: \"2026-01-15\" }) { id } }",
        json!({ "m": municipality, "b": body }),
    )
    .await;
    let mut deletable = Vec::new();
    let mut erasable = Vec::new();
    for n in 0..ROLES.len() {
        deletable.push(run(add, json!({ "m": municipality, "i": membership_input })).await);
        erasable.push(
            run(
                "mutation($m: ID!, $n: String!) { savePerson(municipalityId: $m, input: { name: $n }) { id } }",
                json!({ "m": municipality, "n": format!("Löschbar {n}") }),
            )
            .await,
        );
    }
    let apply = || async {
        run(
            "mutation($m: ID!, $p: ID!) { applyForFunding(municipalityId: $m, input: { programmeId: $p, projectTitle: \"Projekt\", requestedAmount: 1000 }) { id } }",
            json!({ "m": municipality, "p": programme }),
        )
        .await
    };
    let ask = || async {
        run(
            "mutation($m: ID!, $o: ID!) { requestSupport(municipalityId: $m, offerId: $o) { id } }",
            json!({ "m": municipality, "o": offer }),
        )
        .await
    };
    let (application, request) = (apply().await, ask().await);
    let practice = run(
        "mutation($m: ID!) { savePractice(municipalityId: $m, input: { title: \"Praxis\", problem: \"P\", measures: \"M\", topics: [GRAFFITI], contact: \"Geschäftsstelle\" }) { id } }",
        json!({ "m": municipality }),
    )
    .await;
    let cookie = app.admin_cookie();
    let mut uploaded = Vec::new();
    for _ in 0..=ROLES.len() {
        let (status, body) = app
            .upload(
                &cookie,
                municipality,
                &practice,
                "Konzept.pdf",
                b"%PDF-1.7\n%%EOF\n".to_vec(),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        uploaded.push(body["id"].as_str().expect("attachment id").to_owned());
    }
    let attachment = uploaded.remove(0);
    let new_meeting = || {
        run(
            "mutation($m: ID!, $b: ID!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: \"2026-12-01\" }) { id } }",
            json!({ "m": municipality, "b": body }),
        )
    };
    let meeting = new_meeting().await;
    let add_item = || async {
        let added = app
            .admin(
                "mutation($m: ID!, $id: ID!) { saveAgendaItem(municipalityId: $m, meetingId: $id, input: { title: \"Bericht\" }) { agenda { id } } }",
                json!({ "m": municipality, "id": meeting }),
            )
            .await;
        let items = added["data"]["saveAgendaItem"]["agenda"]
            .as_array()
            .unwrap_or_else(|| panic!("agenda item: {added}"));
        items[items.len() - 1]["id"]
            .as_str()
            .expect("item id")
            .to_owned()
    };
    let agenda_item = add_item().await;
    let mut documents = Vec::new();
    for _ in 0..=ROLES.len() {
        let path = format!(
            "/api/kommunen/{municipality}/sitzungen/{meeting}/tagesordnung/{agenda_item}/dokumente"
        );
        let (status, body) = app
            .upload_to(
                Some(&cookie),
                &path,
                "Vorlage.pdf",
                b"%PDF-1.7\n%%EOF\n".to_vec(),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        let listed = body["documents"].as_array().expect("documents");
        documents.push(
            listed[listed.len() - 1]["id"]
                .as_str()
                .expect("id")
                .to_owned(),
        );
    }
    let document = documents.remove(0);
    let (mut deletable_meetings, mut deletable_items) = (Vec::new(), Vec::new());
    for _ in 0..ROLES.len() {
        deletable_meetings.push(new_meeting().await);
        deletable_items.push(add_item().await);
    }
    let mut past_meetings = Vec::new();
    let mut participant = String::new();
    for _ in 0..ROLES.len() {
        let past = run(
            "mutation($m: ID!, $b: ID!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: \"2026-01-20\" }) { id } }",
            json!({ "m": municipality, "b": body }),
        )
        .await;
        app.admin(
            "mutation($m: ID!, $id: ID!) { saveAgendaItem(municipalityId: $m, meetingId: $id, input: { title: \"Bericht\" }) { id } }",
            json!({ "m": municipality, "id": past }),
        )
        .await;
        let attended = app
            .admin(
                "mutation($m: ID!, $id: ID!, $p: ID!) { recordAttendance(municipalityId: $m, meetingId: $id, attendance: [{ personId: $p, attendance: PRESENT }]) { participants { id } } }",
                json!({ "m": municipality, "id": past, "p": person }),
            )
            .await;
        participant = attended["data"]["recordAttendance"]["participants"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("attendance: {attended}"))
            .to_owned();
        app.admin(
            "mutation($m: ID!, $id: ID!) { saveMinutes(municipalityId: $m, meetingId: $id, input: { notes: \"Eröffnung\" }) { id } }",
            json!({ "m": municipality, "id": past }),
        )
        .await;
        past_meetings.push(past);
    }
    let recommend = || {
        run(
            "mutation($m: ID!, $b: ID!) { saveRecommendation(municipalityId: $m, input: { title: \"Empfehlung\", sourceBodyId: $b, adoptingBodyId: $b, addressee: ADMINISTRATION }) { id } }",
            json!({ "m": municipality, "b": body }),
        )
    };
    let recommendation = recommend().await;
    let (mut adoptable, mut deletable_recommendations) = (Vec::new(), Vec::new());
    for _ in 0..ROLES.len() {
        adoptable.push(recommend().await);
        deletable_recommendations.push(recommend().await);
    }
    let catalogue = || async {
        run(
            "mutation($m: ID!) { saveCatalogueOffer(certifierId: $m, input: { title: \"Workshop\", provider: \"Träger\", format: WORKSHOP }) { id } }",
            json!({ "m": municipality }),
        )
        .await
    };
    let catalogue_offer = catalogue().await;
    let mut cycles = Vec::new();
    for role in 0..ROLES.len() {
        cycles.push(cycle::records(app, municipality, &format!("R{role}")).await);
    }
    let (mut unsealed, mut sealed, mut removable) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROLES.len() {
        unsealed.push(catalogue().await);
        removable.push(catalogue().await);
        let offer = catalogue().await;
        run(
            "mutation($m: ID!, $id: ID!) { grantSeal(certifierId: $m, id: $id, grantedOn: \"2026-01-01\", validUntil: \"2099-01-01\") { id } }",
            json!({ "m": municipality, "id": offer }),
        )
        .await;
        sealed.push(offer);
    }
    let (mut decidable, mut withdrawable, mut reportable, mut answerable) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROLES.len() {
        decidable.push(apply().await);
        withdrawable.push(apply().await);
        let granted = apply().await;
        run(
            "mutation($m: ID!, $id: ID!) { decideFundingApplication(municipalityId: $m, id: $id, input: { verdict: GRANT, grantedAmount: 1000 }) { id } }",
            json!({ "m": municipality, "id": granted }),
        )
        .await;
        reportable.push(granted);
        answerable.push(ask().await);
    }
    Parts {
        body,
        person,
        organisation,
        membership,
        rules,
        deletable,
        erasable,
        meeting,
        agenda_item,
        deletable_meetings,
        deletable_items,
        document,
        deletable_documents: documents,
        past_meetings,
        participant,
        recommendation,
        adoptable,
        deletable_recommendations,
        practice,
        thread: String::new(),
        programme: programme.to_owned(),
        offer: offer.to_owned(),
        application,
        request,
        decidable,
        withdrawable,
        reportable,
        answerable,
        catalogue_offer,
        attachment,
        attachments: uploaded,
        unsealed,
        sealed,
        removable,
        cycle: cycle::records(app, municipality, "Basis").await,
        cycles,
    }
}

struct World {
    app: TestApp,
    /// Structures of Halle (Saxony-Anhalt), Leipzig and Chemnitz (Saxony).
    halle_parts: Parts,
    leipzig_parts: Parts,
    chemnitz_parts: Parts,
    leipzig: String,
    chemnitz: String,
    halle: String,
    sessions: BTreeMap<&'static str, Option<String>>,
    /// Account id of Leipzig's administrator: a person of another tenant for Halle.
    leipzig_person: String,
    /// Further administrators of Leipzig, one per role of the matrix, to be erased.
    erasable: Vec<String>,
    /// And more, one per role, to lose their role.
    revocable: Vec<String>,
}

/// Three municipalities in two Länder and one account per role.
async fn world(db: TestDatabase) -> World {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let chemnitz = app.create_municipality("Chemnitz", "14511000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let roles = [
        ("platform admin", json!({ "role": "PLATFORM_ADMIN" })),
        (
            "state office SN",
            json!({ "role": "STATE_OFFICE", "federalState": "SN" }),
        ),
        (
            "state office ST",
            json!({ "role": "STATE_OFFICE", "federalState": "ST" }),
        ),
        (
            "admin Leipzig",
            json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig }),
        ),
        (
            "admin Halle",
            json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": halle }),
        ),
    ];
    let mut sessions = BTreeMap::new();
    sessions.insert("anonymous", None);
    for (i, (name, role)) in roles.into_iter().enumerate() {
        let cookie = app
            .onboard(&sink, &format!("rolle{i}@praevnet.test"), role, PASSWORD)
            .await;
        sessions.insert(name, Some(cookie));
    }
    let me = "{ me { id } }";
    let id_of = |body: Value| body["data"]["me"]["id"].as_str().expect("me.id").to_owned();
    let admin_leipzig = sessions["admin Leipzig"].clone().expect("session");
    let leipzig_person = id_of(app.in_session(&admin_leipzig, me, json!({})).await);
    let (mut erasable, mut revocable) = (Vec::new(), Vec::new());
    for (prefix, list) in [("loeschbar", &mut erasable), ("entziehbar", &mut revocable)] {
        for i in 0..ROLES.len() {
            let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig });
            let cookie = app
                .onboard(&sink, &format!("{prefix}{i}@praevnet.test"), role, PASSWORD)
                .await;
            list.push(id_of(app.in_session(&cookie, me, json!({})).await));
        }
    }
    let mut programmes = Vec::new();
    for state in ["SN", "ST"] {
        let programme = app
            .admin(
                "mutation($s: FederalState!) { saveFundingProgramme(input: { federalState: $s, name: \"Programm\", provider: \"LPR\", totalBudget: 1000000 }) { id } }",
                json!({ "s": state }),
            )
            .await;
        let offer = app
            .admin(
                "mutation($s: FederalState!) { saveSupportOffer(input: { federalState: $s, kind: COACHING, title: \"Coaching\" }) { id } }",
                json!({ "s": state }),
            )
            .await;
        programmes.push((
            support::returned_id(&programme).expect("programme"),
            support::returned_id(&offer).expect("offer"),
        ));
    }
    let [(sn_programme, sn_offer), (st_programme, st_offer)] =
        programmes.try_into().expect("two Länder");
    let mut halle_parts = parts(&app, &halle, &st_programme, &st_offer).await;
    let mut leipzig_parts = parts(&app, &leipzig, &sn_programme, &sn_offer).await;
    let mut chemnitz_parts = parts(&app, &chemnitz, &sn_programme, &sn_offer).await;
    // Each city publishes its practice; Halle writes to Leipzig, Leipzig to Chemnitz and
    // Chemnitz to Leipzig, so that Halle's only conversation is its own.
    let cities = [
        (&halle, &mut halle_parts),
        (&leipzig, &mut leipzig_parts),
        (&chemnitz, &mut chemnitz_parts),
    ];
    let practices: Vec<(String, String)> = cities
        .iter()
        .map(|(m, p)| ((*m).clone(), p.practice.clone()))
        .collect();
    for (m, practice) in &practices {
        let published = app
            .admin(
                "mutation($m: ID!, $id: ID!) { publishPractice(municipalityId: $m, id: $id) { id } }",
                json!({ "m": m, "id": practice }),
            )
            .await;
        assert!(published["errors"].is_null(), "{published}");
    }
    for (i, (m, p)) in cities.into_iter().enumerate() {
        let (_, other_practice) = &practices[if i == 0 { 1 } else { 3 - i }];
        let sent = app
            .admin(
                "mutation($m: ID!, $p: ID!) { sendContactRequest(municipalityId: $m, practiceId: $p, message: \"Frage\") { id } }",
                json!({ "m": m, "p": other_practice }),
            )
            .await;
        p.thread = support::returned_id(&sent).unwrap_or_else(|| panic!("{sent}"));
    }
    World {
        halle_parts,
        leipzig_parts,
        chemnitz_parts,
        app,
        leipzig,
        chemnitz,
        halle,
        sessions,
        leipzig_person,
        erasable,
        revocable,
    }
}

impl World {
    async fn call(&self, role: &str, query: &str, variables: Value) -> Value {
        match &self.sessions[role] {
            Some(cookie) => self.app.in_session(cookie, query, variables).await,
            None => self.app.query(query, variables).await,
        }
    }
}

/// The outcome of a call: `OK` or the error code.
fn outcome(body: &Value) -> String {
    match body["errors"][0]["extensions"]["code"].as_str() {
        Some(code) => code.to_owned(),
        None => "OK".to_owned(),
    }
}

/// An error without what differs between requests (the request id).
fn comparable(body: &Value) -> Value {
    let mut error = body["errors"][0].clone();
    if let Some(ext) = error["extensions"].as_object_mut() {
        ext.remove("requestId");
    }
    error
}

/// The operator goes last: its calls succeed and change the world (it moves Leipzig to
/// another Land), which must not change what the other roles see in the same case.
const ROLES: [&str; 6] = [
    "state office SN",
    "state office ST",
    "admin Leipzig",
    "admin Halle",
    "anonymous",
    "platform admin",
];

/// Who may change Halle's council structure: its administrators, Saxony-Anhalt's office and
/// the operator; to everyone else Halle's structure does not exist.
const HALLE_STRUCTURE: [&str; 6] = [
    "NOT_FOUND",
    "OK",
    "NOT_FOUND",
    "OK",
    "UNAUTHENTICATED",
    "OK",
];

/// [`HALLE_STRUCTURE`] for a change Halle's council refuses as it stands: the same rights,
/// answered with the conflict once they are granted.
const HALLE_CONFLICT: [&str; 6] = [
    "NOT_FOUND",
    "CONFLICT",
    "NOT_FOUND",
    "CONFLICT",
    "UNAUTHENTICATED",
    "CONFLICT",
];

/// Saxony's overview: its state office and the operator only.
const SAXONY_OVERVIEW: [&str; 6] = [
    "OK",
    "FORBIDDEN",
    "FORBIDDEN",
    "FORBIDDEN",
    "UNAUTHENTICATED",
    "OK",
];

async fn every_mutation_against_every_role(db: TestDatabase) {
    let w = world(db).await;
    let create = "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }";
    let update = "mutation($id: ID!, $i: UpdateMunicipalityInput!) { updateMunicipality(id: $id, input: $i) { id } }";
    let council = "mutation($m: ID!, $i: CouncilInput!) { saveCouncil(municipalityId: $m, input: $i) { id } }";
    let invite = "mutation($i: InviteInput!) { inviteUser(input: $i) }";

    // (mutation, case, query, variables per call number, expected outcome per role in ROLES order)
    type Vars = Box<dyn Fn(usize) -> Value>;
    let (leipzig, halle) = (w.leipzig.clone(), w.halle.clone());
    let halle_parts = w.halle_parts.clone();
    let erasable = w.erasable.clone();
    let exportable = w.leipzig_person.clone();
    let revocable = w.revocable.clone();
    let revoke_leipzig = format!(
        "mutation($u: ID!) {{ revokeRole(userId: $u, role: MUNICIPALITY_ADMIN, municipalityId: \"{}\") }}",
        w.leipzig
    );
    let cases: Vec<(&str, &str, &str, Vars, [&str; 6])> = vec![
        (
            "createMunicipality",
            "in Saxony",
            create,
            Box::new(
                |n| json!({ "i": { "name": format!("Neustadt {n}"), "ags": format!("146{n:05}"), "federalState": "SN", "population": 1 } }),
            ),
            [
                "OK",
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "createMunicipality",
            "in Saxony-Anhalt",
            create,
            Box::new(
                |n| json!({ "i": { "name": format!("Neudorf {n}"), "ags": format!("150{n:05}"), "federalState": "ST", "population": 1 } }),
            ),
            [
                "FORBIDDEN",
                "OK",
                "FORBIDDEN",
                "FORBIDDEN",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "updateMunicipality",
            "of Leipzig",
            update,
            Box::new({
                let id = leipzig.clone();
                move |n| json!({ "id": id, "i": { "population": 600_000 + n } })
            }),
            [
                "OK",
                "NOT_FOUND",
                "NOT_FOUND",
                "NOT_FOUND",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "saveCouncil",
            "of Halle",
            council,
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "i": { "name": format!("Präventionsrat {n}") } })
            }),
            [
                "NOT_FOUND",
                "OK",
                "NOT_FOUND",
                "OK",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "inviteUser",
            "a platform admin (escalation)",
            invite,
            Box::new(
                |n| json!({ "i": { "email": format!("neu{n}@praevnet.test"), "displayName": "Neu", "role": "PLATFORM_ADMIN" } }),
            ),
            [
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "inviteUser",
            "a state office",
            invite,
            Box::new(
                |n| json!({ "i": { "email": format!("lpr{n}@praevnet.test"), "displayName": "LPR", "role": "STATE_OFFICE", "federalState": "SN" } }),
            ),
            [
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "inviteUser",
            "an administrator of Leipzig",
            invite,
            Box::new({
                let id = leipzig.clone();
                move |n| json!({ "i": { "email": format!("kst{n}@praevnet.test"), "displayName": "KSt", "role": "MUNICIPALITY_ADMIN", "municipalityId": id } })
            }),
            [
                "OK",
                "NOT_FOUND",
                "OK",
                "NOT_FOUND",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "exportPersonData",
            "of Leipzig's administrator",
            "query($u: ID!) { exportPersonData(userId: $u) }",
            Box::new(move |_| json!({ "u": exportable })),
            [
                "OK",
                "NOT_FOUND",
                "OK",
                "NOT_FOUND",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        // Each call takes the role from another person, so every role faces an existing grant.
        (
            "revokeRole",
            "administrator of Leipzig",
            revoke_leipzig.as_str(),
            Box::new(move |n| json!({ "u": revocable[(n - 1) % ROLES.len()] })),
            [
                "OK",
                "NOT_FOUND",
                "OK",
                "NOT_FOUND",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        // Each call erases another person, so every role faces an existing one.
        (
            "erasePerson",
            "an administrator of Leipzig",
            "mutation($u: ID!) { erasePerson(userId: $u) }",
            Box::new(move |n| json!({ "u": erasable[(n - 1) % ROLES.len()] })),
            [
                "OK",
                "NOT_FOUND",
                "OK",
                "NOT_FOUND",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        // Halle has bodies already: those allowed get past the rights check to the conflict.
        (
            "applyStructureTemplate",
            "blank, to Halle",
            "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"blank\") { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_CONFLICT,
        ),
        (
            "createBody",
            "in Halle",
            "mutation($m: ID!, $i: BodyInput!) { createBody(municipalityId: $m, input: $i) { id } }",
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "i": { "name": format!("AG {n}"), "kind": "WORKING_GROUP" } })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "updateBody",
            "of Halle",
            "mutation($m: ID!, $id: ID!, $i: BodyInput!) { updateBody(municipalityId: $m, id: $id, input: $i) { id } }",
            Box::new({
                let (id, body) = (halle.clone(), halle_parts.body.clone());
                move |n| json!({ "m": id, "id": body, "i": { "name": "AG Test", "tasks": format!("Aufgabe {n}"), "kind": "WORKING_GROUP" } })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveOrganisation",
            "new, in Halle",
            "mutation($m: ID!, $i: OrganisationInput!) { saveOrganisation(municipalityId: $m, input: $i) { id } }",
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "i": { "name": format!("Verein {n}"), "sector": "CIVIL_SOCIETY" } })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "savePerson",
            "new, in Halle",
            "mutation($m: ID!, $i: PersonInput!) { savePerson(municipalityId: $m, input: $i) { id } }",
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "i": { "name": format!("Moderation {n}") } })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "addMembership",
            "in Halle",
            "mutation($m: ID!, $i: MembershipInput!) { addMembership(municipalityId: $m, input: $i) { id } }",
            Box::new({
                let (id, parts) = (halle.clone(), halle_parts.clone());
                move |_| json!({ "m": id, "i": { "bodyId": parts.body, "personId": parts.person, "role": "MEMBER", "termStart": "2026-02-01" } })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "updateMembership",
            "in Halle",
            "mutation($m: ID!, $id: ID!, $i: MembershipInput!) { updateMembership(municipalityId: $m, id: $id, input: $i) { id } }",
            Box::new({
                let (id, parts) = (halle.clone(), halle_parts.clone());
                move |n| json!({ "m": id, "id": parts.membership, "i": { "bodyId": parts.body, "personId": parts.person, "role": "MEMBER", "termStart": format!("2026-01-{:02}", n % 28 + 1) } })
            }),
            HALLE_STRUCTURE,
        ),
        // Each call deletes another membership, so every role faces an existing one.
        (
            "deleteMembership",
            "in Halle",
            "mutation($m: ID!, $id: ID!) { deleteMembership(municipalityId: $m, id: $id) { id } }",
            Box::new({
                let (id, deletable) = (halle.clone(), halle_parts.deletable.clone());
                move |n| json!({ "m": id, "id": deletable[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "adoptRulesOfProcedure",
            "in Halle",
            "mutation($m: ID!, $i: RulesInput!) { adoptRulesOfProcedure(municipalityId: $m, input: $i) { id } }",
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "i": { "title": format!("Geschäftsordnung {n}"), "text": "§ 1", "adoptedOn": "2026-02-01" } })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "recordRulesInformed",
            "in Halle",
            "mutation($m: ID!, $id: ID!) { recordRulesInformed(municipalityId: $m, id: $id, informedOn: \"2026-03-01\") { id } }",
            Box::new({
                let (id, rules) = (halle.clone(), halle_parts.rules.clone());
                move |_| json!({ "m": id, "id": rules })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "importMembers",
            "into Halle",
            "mutation($m: ID!, $csv: String!) { importMembers(municipalityId: $m, csv: $csv) { id } }",
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "csv": format!("gremium;name;rolle;beginn\nAG Test;Import {n};Mitglied;2026-01-01\n") })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "invitePerson",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { invitePerson(municipalityId: $m, id: $id) { id } }",
            Box::new({
                let (id, person) = (halle.clone(), halle_parts.person.clone());
                move |_| json!({ "m": id, "id": person })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "exportCouncilPerson",
            "of Halle",
            "query($m: ID!, $id: ID!) { exportCouncilPerson(municipalityId: $m, id: $id) }",
            Box::new({
                let (id, person) = (halle.clone(), halle_parts.person.clone());
                move |_| json!({ "m": id, "id": person })
            }),
            HALLE_STRUCTURE,
        ),
        // Each call erases another person, so every role faces one not yet erased.
        (
            "eraseCouncilPerson",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { eraseCouncilPerson(municipalityId: $m, id: $id) { id } }",
            Box::new({
                let (id, people) = (halle.clone(), halle_parts.erasable.clone());
                move |n| json!({ "m": id, "id": people[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        // Halle's council is active: those allowed get past the rights check to the conflict
        // (an active council is not founded again, and has no founding steps to record).
        (
            "startFounding",
            "of Halle",
            "mutation($m: ID!) { startFounding(municipalityId: $m, path: BOTTOM_UP) { status } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_CONFLICT,
        ),
        (
            "saveFoundingStep",
            "of Halle",
            "mutation($m: ID!, $n: String!) { saveFoundingStep(municipalityId: $m, step: AWARENESS, notes: $n) { status } }",
            Box::new({
                let id = halle.clone();
                move |n| json!({ "m": id, "n": format!("Notiz {n}") })
            }),
            HALLE_CONFLICT,
        ),
        (
            "setCouncilChair",
            "of Halle, cleared",
            "mutation($m: ID!) { setCouncilChair(municipalityId: $m) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "founding",
            "of Halle",
            "query($m: ID!) { founding(municipalityId: $m) { status } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "stateOverview",
            "of Saxony",
            "{ stateOverview(federalState: SN) { bodies } }",
            Box::new(|_| json!({})),
            SAXONY_OVERVIEW,
        ),
        (
            "stateOverviewCsv",
            "of Saxony",
            "{ stateOverviewCsv(federalState: SN) }",
            Box::new(|_| json!({})),
            SAXONY_OVERVIEW,
        ),
        (
            "saveFundingProgramme",
            "new, in Saxony",
            "mutation($n: String!) { saveFundingProgramme(input: { federalState: SN, name: $n, provider: \"LPR\", totalBudget: 1000 }) { id } }",
            Box::new(|n| json!({ "n": format!("Programm {n}") })),
            SAXONY_OVERVIEW,
        ),
        (
            "applyForFunding",
            "of Halle",
            "mutation($m: ID!, $p: ID!) { applyForFunding(municipalityId: $m, input: { programmeId: $p, projectTitle: \"Projekt\", requestedAmount: 500 }) { id } }",
            Box::new({
                let (id, p) = (halle.clone(), halle_parts.programme.clone());
                move |_| json!({ "m": id, "p": p })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "fundingApplications",
            "of Halle",
            "query($m: ID!) { fundingApplications(municipalityId: $m) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "decideFundingApplication",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { decideFundingApplication(municipalityId: $m, id: $id, input: { verdict: GRANT, grantedAmount: 500 }) { id } }",
            Box::new({
                let (id, apps) = (halle.clone(), halle_parts.decidable.clone());
                move |n| json!({ "m": id, "id": apps[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "withdrawFundingApplication",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { withdrawFundingApplication(municipalityId: $m, id: $id) { id } }",
            Box::new({
                let (id, apps) = (halle.clone(), halle_parts.withdrawable.clone());
                move |n| json!({ "m": id, "id": apps[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "reportFundingUse",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { reportFundingUse(municipalityId: $m, id: $id, reportedOn: \"2027-01-31\") { id } }",
            Box::new({
                let (id, apps) = (halle.clone(), halle_parts.reportable.clone());
                move |n| json!({ "m": id, "id": apps[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "requestSupport",
            "of Halle",
            "mutation($m: ID!, $o: ID!) { requestSupport(municipalityId: $m, offerId: $o) { id } }",
            Box::new({
                let (id, o) = (halle.clone(), halle_parts.offer.clone());
                move |_| json!({ "m": id, "o": o })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "supportRequests",
            "of Halle",
            "query($m: ID!) { supportRequests(municipalityId: $m) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "answerSupportRequest",
            "of Halle: the state office answers, the city reads",
            "mutation($m: ID!, $id: ID!) { answerSupportRequest(municipalityId: $m, id: $id, input: { status: DONE }) { id } }",
            Box::new({
                let (id, requests) = (halle.clone(), halle_parts.answerable.clone());
                move |n| json!({ "m": id, "id": requests[(n - 1) % ROLES.len()] })
            }),
            [
                "NOT_FOUND",
                "OK",
                "NOT_FOUND",
                "FORBIDDEN",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
        (
            "saveMeeting",
            "of Halle",
            "mutation($m: ID!, $b: ID!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: \"2026-12-02\" }) { id } }",
            Box::new({
                let (id, body) = (halle.clone(), halle_parts.body.clone());
                move |_| json!({ "m": id, "b": body })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "nextMeetingNumber",
            "of a body of Halle",
            "query($m: ID!, $b: ID!) { nextMeetingNumber(municipalityId: $m, bodyId: $b) }",
            Box::new({
                let (id, body) = (halle.clone(), halle_parts.body.clone());
                move |_| json!({ "m": id, "b": body })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteMeeting",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteMeeting(municipalityId: $m, id: $id) }",
            Box::new({
                let (id, meetings) = (halle.clone(), halle_parts.deletable_meetings.clone());
                move |n| json!({ "m": id, "id": meetings[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveAgendaItem",
            "to a meeting of Halle",
            "mutation($m: ID!, $id: ID!) { saveAgendaItem(municipalityId: $m, meetingId: $id, input: { title: \"Punkt\" }) { id } }",
            Box::new({
                let (id, meeting) = (halle.clone(), halle_parts.meeting.clone());
                move |_| json!({ "m": id, "id": meeting })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteAgendaItem",
            "of a meeting of Halle",
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaItem(municipalityId: $m, meetingId: $mt, id: $id) { id } }",
            Box::new({
                let (id, meeting) = (halle.clone(), halle_parts.meeting.clone());
                let items = halle_parts.deletable_items.clone();
                move |n| json!({ "m": id, "mt": meeting, "id": items[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteAgendaDocument",
            "of a meeting of Halle",
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaDocument(municipalityId: $m, meetingId: $mt, id: $id) { id } }",
            Box::new({
                let (id, meeting) = (halle.clone(), halle_parts.meeting.clone());
                let documents = halle_parts.deletable_documents.clone();
                move |n| json!({ "m": id, "mt": meeting, "id": documents[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "sendInvitations",
            "to a meeting of Halle",
            "mutation($m: ID!, $id: ID!) { sendInvitations(municipalityId: $m, meetingId: $id) { mails } }",
            Box::new({
                let (id, meeting) = (halle.clone(), halle_parts.meeting.clone());
                move |_| json!({ "m": id, "id": meeting })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "recordAttendance",
            "of a meeting of Halle",
            "mutation($m: ID!, $id: ID!, $p: ID!) { recordAttendance(municipalityId: $m, meetingId: $id, attendance: [{ personId: $p, attendance: EXCUSED }]) { id } }",
            Box::new({
                let (id, meetings) = (halle.clone(), halle_parts.past_meetings.clone());
                let person = halle_parts.person.clone();
                move |n| json!({ "m": id, "id": meetings[(n - 1) % ROLES.len()], "p": person })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveMinutes",
            "of a meeting of Halle",
            "mutation($m: ID!, $id: ID!) { saveMinutes(municipalityId: $m, meetingId: $id, input: { notes: \"Geändert\" }) { id } }",
            Box::new({
                let (id, meetings) = (halle.clone(), halle_parts.past_meetings.clone());
                move |n| json!({ "m": id, "id": meetings[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "circulateMinutes",
            "of a meeting of Halle",
            "mutation($m: ID!, $id: ID!) { circulateMinutes(municipalityId: $m, meetingId: $id) { id } }",
            Box::new({
                let (id, meetings) = (halle.clone(), halle_parts.past_meetings.clone());
                move |n| json!({ "m": id, "id": meetings[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "approveMinutes",
            "of a meeting of Halle",
            "mutation($m: ID!, $id: ID!) { approveMinutes(municipalityId: $m, meetingId: $id, approvedOn: \"2026-02-10\") { id } }",
            Box::new({
                let (id, meetings) = (halle.clone(), halle_parts.past_meetings.clone());
                move |n| json!({ "m": id, "id": meetings[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "correctMinutes",
            "of a meeting of Halle",
            "mutation($m: ID!, $id: ID!) { correctMinutes(municipalityId: $m, meetingId: $id) { id } }",
            Box::new({
                let (id, meetings) = (halle.clone(), halle_parts.past_meetings.clone());
                move |n| json!({ "m": id, "id": meetings[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveRecommendation",
            "new, of Halle",
            "mutation($m: ID!, $b: ID!) { saveRecommendation(municipalityId: $m, input: { title: \"Empfehlung\", sourceBodyId: $b, addressee: CITY_COUNCIL }) { id } }",
            Box::new({
                let (id, body) = (halle.clone(), halle_parts.body.clone());
                move |_| json!({ "m": id, "b": body })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "advanceRecommendation",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { advanceRecommendation(municipalityId: $m, id: $id, step: { status: ADOPTED, on: \"2026-02-01\" }) { id } }",
            Box::new({
                let (id, drafts) = (halle.clone(), halle_parts.adoptable.clone());
                move |n| json!({ "m": id, "id": drafts[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteRecommendation",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteRecommendation(municipalityId: $m, id: $id) }",
            Box::new({
                let (id, drafts) = (halle.clone(), halle_parts.deletable_recommendations.clone());
                move |n| json!({ "m": id, "id": drafts[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveActionField",
            "new, of Halle",
            "mutation($m: ID!) { saveActionField(municipalityId: $m, input: { code: \"IX\", name: \"Neu\" }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteActionField",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteActionField(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].field })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveSafetyFigure",
            "new, of Halle",
            "mutation($m: ID!) { saveSafetyFigure(municipalityId: $m, input: { year: 2025, area: \"Stadt\", kind: SURVEY, category: \"Angst\", value: 12.5, source: \"Befragung\" }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteSafetyFigure",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteSafetyFigure(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].figure })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveHotSpot",
            "new, of Halle",
            "mutation($m: ID!) { saveHotSpot(municipalityId: $m, input: { year: 2025, name: \"Neu\" }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteHotSpot",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteHotSpot(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].spot })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveDemand",
            "new, of Halle",
            "mutation($m: ID!) { saveDemand(municipalityId: $m, input: { title: \"Neu\", sourceKind: SURVEY }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteDemand",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteDemand(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].demand })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveInventoryItem",
            "new, of Halle",
            "mutation($m: ID!) { saveInventoryItem(municipalityId: $m, input: { kind: INITIATIVE, name: \"Neu\" }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteInventoryItem",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteInventoryItem(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].item })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveGoal",
            "new, of Halle",
            "mutation($m: ID!) { saveGoal(municipalityId: $m, input: { title: \"Neu\" }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteGoal",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteGoal(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].goal })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "saveProject",
            "new, of Halle",
            "mutation($m: ID!) { saveProject(municipalityId: $m, input: { title: \"Neu\" }) { canManage } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        // Before the projects go, with the values of theirs.
        (
            "deleteMeasurement",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteMeasurement(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].value })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteProject",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { deleteProject(municipalityId: $m, id: $id) { canManage } }",
            Box::new({
                let (id, cycles) = (halle.clone(), halle_parts.cycles.clone());
                move |n| json!({ "m": id, "id": cycles[(n - 1) % ROLES.len()].project })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "recordMeasurement",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { recordMeasurement(municipalityId: $m, indicatorId: $id, on: \"2025-07-01\", value: 5) { canManage } }",
            Box::new({
                let (id, record) = (halle.clone(), halle_parts.cycle.indicator.clone());
                move |_| json!({ "m": id, "id": record })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "evaluateProject",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { evaluateProject(municipalityId: $m, id: $id, input: { on: \"2025-12-01\", text: \"Bewertet\" }) { canManage } }",
            Box::new({
                let (id, record) = (halle.clone(), halle_parts.cycle.project.clone());
                move |_| json!({ "m": id, "id": record })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "practiceFromProject",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { practiceFromProject(municipalityId: $m, id: $id) }",
            Box::new({
                let (id, record) = (halle.clone(), halle_parts.cycle.project.clone());
                move |_| json!({ "m": id, "id": record })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "setDemandStatus",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { setDemandStatus(municipalityId: $m, id: $id, status: IN_PROGRESS) { canManage } }",
            Box::new({
                let (id, record) = (halle.clone(), halle_parts.cycle.demand.clone());
                move |_| json!({ "m": id, "id": record })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "completeMilestone",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { completeMilestone(municipalityId: $m, id: $id, doneOn: \"2025-06-01\") { canManage } }",
            Box::new({
                let (id, record) = (halle.clone(), halle_parts.cycle.milestone.clone());
                move |_| json!({ "m": id, "id": record })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "practices",
            "of Halle",
            "query($m: ID!) { practices(municipalityId: $m) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "savePractice",
            "new, of Halle",
            "mutation($m: ID!) { savePractice(municipalityId: $m, input: { title: \"Neu\" }) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "publishPractice",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { publishPractice(municipalityId: $m, id: $id) { id } }",
            Box::new({
                let (id, practice) = (halle.clone(), halle_parts.practice.clone());
                move |_| json!({ "m": id, "id": practice })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "networkPractice",
            "Halle's, just published",
            "query($id: ID!) { networkPractice(id: $id) { id } }",
            Box::new({
                let practice = halle_parts.practice.clone();
                move |_| json!({ "id": practice })
            }),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "withdrawPractice",
            "of Halle",
            "mutation($m: ID!, $id: ID!) { withdrawPractice(municipalityId: $m, id: $id) { id } }",
            Box::new({
                let (id, practice) = (halle.clone(), halle_parts.practice.clone());
                move |_| json!({ "m": id, "id": practice })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "networkPractices",
            "anyone logged in",
            "{ networkPractices { id } }",
            Box::new(|_| json!({})),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "contactThreads",
            "of Halle",
            "query($m: ID!) { contactThreads(municipalityId: $m) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "sendContactRequest",
            "from Halle about Leipzig's practice",
            "mutation($m: ID!, $p: ID!) { sendContactRequest(municipalityId: $m, practiceId: $p, message: \"Frage\") { id } }",
            Box::new({
                let (id, practice) = (halle.clone(), w.leipzig_parts.practice.clone());
                move |_| json!({ "m": id, "p": practice })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "replyToContact",
            "in Halle's conversation",
            "mutation($m: ID!, $t: ID!) { replyToContact(municipalityId: $m, threadId: $t, message: \"Antwort\") { id } }",
            Box::new({
                let (id, thread) = (halle.clone(), halle_parts.thread.clone());
                move |_| json!({ "m": id, "t": thread })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "search",
            "anyone logged in",
            "{ search(input: { text: \"Praxis\" }) { total } }",
            Box::new(|_| json!({})),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "similarPractices",
            "to Leipzig's practice",
            "query($id: ID!) { similarPractices(id: $id) { id } }",
            Box::new({
                let practice = w.leipzig_parts.practice.clone();
                move |_| json!({ "id": practice })
            }),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "catalogue",
            "of Halle, anyone logged in",
            "query($m: ID!) { catalogue(certifierId: $m) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "catalogueOffer",
            "of Halle, anyone logged in",
            "query($id: ID!) { catalogueOffer(id: $id) { id } }",
            Box::new({
                let offer = halle_parts.catalogue_offer.clone();
                move |_| json!({ "id": offer })
            }),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "saveCatalogueOffer",
            "new, in Halle's catalogue",
            "mutation($m: ID!) { saveCatalogueOffer(certifierId: $m, input: { title: \"Neu\", provider: \"Träger\", format: COURSE }) { id } }",
            Box::new({
                let id = halle.clone();
                move |_| json!({ "m": id })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "grantSeal",
            "to an offer of Halle's catalogue",
            "mutation($m: ID!, $id: ID!) { grantSeal(certifierId: $m, id: $id, grantedOn: \"2026-01-01\", validUntil: \"2099-01-01\") { id } }",
            Box::new({
                let (id, offers) = (halle.clone(), halle_parts.unsealed.clone());
                move |n| json!({ "m": id, "id": offers[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "renewSeal",
            "of an offer of Halle's catalogue",
            "mutation($m: ID!, $id: ID!) { renewSeal(certifierId: $m, id: $id, validUntil: \"2100-01-01\") { id } }",
            Box::new({
                let (id, offers) = (halle.clone(), halle_parts.sealed.clone());
                move |n| json!({ "m": id, "id": offers[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "withdrawSeal",
            "of an offer of Halle's catalogue",
            "mutation($m: ID!, $id: ID!) { withdrawSeal(certifierId: $m, id: $id) { id } }",
            Box::new({
                let (id, offers) = (halle.clone(), halle_parts.sealed.clone());
                move |n| json!({ "m": id, "id": offers[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "removeCatalogueOffer",
            "from Halle's catalogue",
            "mutation($m: ID!, $id: ID!) { removeCatalogueOffer(certifierId: $m, id: $id) }",
            Box::new({
                let (id, offers) = (halle.clone(), halle_parts.removable.clone());
                move |n| json!({ "m": id, "id": offers[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "deleteAttachment",
            "of Halle's practice",
            "mutation($m: ID!, $id: ID!) { deleteAttachment(municipalityId: $m, id: $id) }",
            Box::new({
                let (id, files) = (halle.clone(), halle_parts.attachments.clone());
                move |n| json!({ "m": id, "id": files[(n - 1) % ROLES.len()] })
            }),
            HALLE_STRUCTURE,
        ),
        (
            "renewCalendarFeed",
            "own",
            "mutation { renewCalendarFeed }",
            Box::new(|_| json!({})),
            ["OK", "OK", "OK", "OK", "UNAUTHENTICATED", "OK"],
        ),
        (
            "stateSupportRequests",
            "of Saxony",
            "{ stateSupportRequests(federalState: SN) { id } }",
            Box::new(|_| json!({})),
            SAXONY_OVERVIEW,
        ),
        (
            "saveSupportOffer",
            "new, in Saxony",
            "mutation($n: String!) { saveSupportOffer(input: { federalState: SN, kind: ADVICE, title: $n }) { id } }",
            Box::new(|n| json!({ "n": format!("Beratung {n}") })),
            SAXONY_OVERVIEW,
        ),
        // Last: the operator's move changes the world for every case after it.
        (
            "updateMunicipality",
            "moving Leipzig to another Land (escalation)",
            update,
            Box::new({
                let id = leipzig.clone();
                move |_| json!({ "id": id, "i": { "federalState": "ST", "ags": "15099999" } })
            }),
            [
                "FORBIDDEN",
                "NOT_FOUND",
                "NOT_FOUND",
                "NOT_FOUND",
                "UNAUTHENTICATED",
                "OK",
            ],
        ),
    ];

    let sdl = praevnet_api::sdl();
    for name in root_fields(&sdl, "Mutation").keys() {
        assert!(
            PUBLIC_MUTATIONS.contains(&name.as_str()) || cases.iter().any(|c| c.0 == name),
            "mutation {name} is not in the authorisation matrix"
        );
    }
    // Queries that are not public reads must be in the matrix too.
    for name in root_fields(&sdl, "Query").keys() {
        assert!(
            PUBLIC_QUERIES.contains(&name.as_str()) || cases.iter().any(|c| c.0 == name),
            "query {name} is neither public nor in the authorisation matrix"
        );
    }

    let mut call = 0;
    let mut failures = Vec::new();
    for (mutation, case, query, vars, expected) in &cases {
        for (role, want) in ROLES.iter().zip(expected) {
            call += 1;
            let body = w.call(role, query, vars(call)).await;
            let got = outcome(&body);
            if got != *want {
                failures.push(format!(
                    "{mutation} {case} as {role}: expected {want}, got {got}: {body}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Nothing of another Land leaked into the state office's view by those attempts.
    let body = w
        .app
        .query(
            "query($id: ID!) { municipality(id: $id) { federalState population } }",
            json!({ "id": w.leipzig }),
        )
        .await;
    assert_eq!(
        body["data"]["municipality"]["federalState"], "ST",
        "moved by the platform admin only: {body}"
    );
}

/// Which kind of record an id-taking field names.
enum IdKind {
    Municipality,
    Person,
    Body,
    StructurePerson,
    Organisation,
    Membership,
    Rules,
    Application,
    SupportRequest,
    Meeting,
    AgendaItem,
    Participant,
    Recommendation,
    Document,
    Practice,
    Thread,
    CatalogueOffer,
    Attachment,
}

/// Every field that takes an id, called by the administrator of Halle with Leipzig's id and
/// with an unknown one: the answers must be identical.
async fn another_tenants_id_is_answered_like_an_unknown_one(db: TestDatabase) {
    let w = world(db).await;
    // Revoking a role the caller could grant (Halle's) from a person of another tenant.
    let revoke_own = format!(
        "mutation($id: ID!) {{ revokeRole(userId: $id, role: MUNICIPALITY_ADMIN, municipalityId: \"{}\") }}",
        w.halle
    );
    // How to call each id-taking field; `$id` is the id under test.
    let calls: BTreeMap<&str, (&str, IdKind)> = BTreeMap::from([
        (
            "Mutation.updateMunicipality",
            (
                "mutation($id: ID!) { updateMunicipality(id: $id, input: { population: 1 }) { id } }",
                IdKind::Municipality,
            ),
        ),
        (
            "Mutation.saveCouncil",
            (
                "mutation($id: ID!) { saveCouncil(municipalityId: $id, input: { name: \"Übernahme\" }) { id } }",
                IdKind::Municipality,
            ),
        ),
        (
            "Mutation.inviteUser",
            (
                "mutation($id: ID!) { inviteUser(input: { email: \"x@praevnet.test\", displayName: \"X\", role: MUNICIPALITY_ADMIN, municipalityId: $id }) }",
                IdKind::Municipality,
            ),
        ),
        ("Mutation.revokeRole", (revoke_own.as_str(), IdKind::Person)),
        (
            "Query.exportPersonData",
            (
                "query($id: ID!) { exportPersonData(userId: $id) }",
                IdKind::Person,
            ),
        ),
        (
            "Mutation.erasePerson",
            (
                "mutation($id: ID!) { erasePerson(userId: $id) }",
                IdKind::Person,
            ),
        ),
    ]);
    // Structure fields take the caller's own municipality as `$m` and the id under test as
    // `$id`; with another tenant's municipality as `$m` they are covered by the
    // `Municipality` calls.
    let structure_calls: [(&str, &str, IdKind); 116] = [
        (
            "Query.nextMeetingNumber",
            "query($id: ID!, $b: ID!) { nextMeetingNumber(municipalityId: $id, bodyId: $b) }",
            IdKind::Municipality,
        ),
        (
            "Query.nextMeetingNumber#body",
            "query($m: ID!, $id: ID!) { nextMeetingNumber(municipalityId: $m, bodyId: $id) }",
            IdKind::Body,
        ),
        (
            "Mutation.deleteMeeting",
            "mutation($id: ID!, $mt: ID!) { deleteMeeting(municipalityId: $id, id: $mt) }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteMeeting#meeting",
            "mutation($m: ID!, $id: ID!) { deleteMeeting(municipalityId: $m, id: $id) }",
            IdKind::Meeting,
        ),
        (
            "Mutation.saveAgendaItem",
            "mutation($id: ID!, $mt: ID!) { saveAgendaItem(municipalityId: $id, meetingId: $mt, input: { title: \"Übernahme\" }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveAgendaItem#meeting",
            "mutation($m: ID!, $id: ID!) { saveAgendaItem(municipalityId: $m, meetingId: $id, input: { title: \"Übernahme\" }) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.saveAgendaItem#item",
            "mutation($m: ID!, $mt: ID!, $id: ID!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, id: $id, input: { title: \"Übernahme\" }) { id } }",
            IdKind::AgendaItem,
        ),
        (
            "Mutation.deleteAgendaItem",
            "mutation($id: ID!, $mt: ID!, $it: ID!) { deleteAgendaItem(municipalityId: $id, meetingId: $mt, id: $it) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteAgendaItem#item",
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaItem(municipalityId: $m, meetingId: $mt, id: $id) { id } }",
            IdKind::AgendaItem,
        ),
        (
            "Mutation.deleteAgendaDocument",
            "mutation($id: ID!, $mt: ID!, $doc: ID!) { deleteAgendaDocument(municipalityId: $id, meetingId: $mt, id: $doc) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteAgendaDocument#meeting",
            "mutation($m: ID!, $id: ID!, $doc: ID!) { deleteAgendaDocument(municipalityId: $m, meetingId: $id, id: $doc) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.deleteAgendaDocument#document",
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaDocument(municipalityId: $m, meetingId: $mt, id: $id) { id } }",
            IdKind::Document,
        ),
        (
            "Mutation.sendInvitations",
            "mutation($id: ID!, $mt: ID!) { sendInvitations(municipalityId: $id, meetingId: $mt) { mails } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.sendInvitations#meeting",
            "mutation($m: ID!, $id: ID!) { sendInvitations(municipalityId: $m, meetingId: $id) { mails } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.recordAttendance",
            "mutation($id: ID!, $pm: ID!, $p: ID!) { recordAttendance(municipalityId: $id, meetingId: $pm, attendance: [{ personId: $p, attendance: PRESENT }]) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.recordAttendance#meeting",
            "mutation($m: ID!, $id: ID!, $p: ID!) { recordAttendance(municipalityId: $m, meetingId: $id, attendance: [{ personId: $p, attendance: PRESENT }]) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.recordAttendance#participant",
            "mutation($m: ID!, $pm: ID!, $id: ID!) { recordAttendance(municipalityId: $m, meetingId: $pm, attendance: [{ participantId: $id, attendance: PRESENT }]) { id } }",
            IdKind::Participant,
        ),
        (
            "Mutation.recordAttendance#person",
            "mutation($m: ID!, $pm: ID!, $id: ID!) { recordAttendance(municipalityId: $m, meetingId: $pm, attendance: [{ personId: $id, attendance: PRESENT }]) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.saveMinutes",
            "mutation($id: ID!, $pm: ID!) { saveMinutes(municipalityId: $id, meetingId: $pm, input: { notes: \"Übernahme\" }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveMinutes#meeting",
            "mutation($m: ID!, $id: ID!) { saveMinutes(municipalityId: $m, meetingId: $id, input: { notes: \"Übernahme\" }) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.saveMinutes#item",
            "mutation($m: ID!, $pm: ID!, $id: ID!) { saveMinutes(municipalityId: $m, meetingId: $pm, input: { entries: [{ agendaItemId: $id, text: \"x\" }] }) { id } }",
            IdKind::AgendaItem,
        ),
        (
            "Mutation.circulateMinutes",
            "mutation($id: ID!, $pm: ID!) { circulateMinutes(municipalityId: $id, meetingId: $pm) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.circulateMinutes#meeting",
            "mutation($m: ID!, $id: ID!) { circulateMinutes(municipalityId: $m, meetingId: $id) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.approveMinutes",
            "mutation($id: ID!, $pm: ID!) { approveMinutes(municipalityId: $id, meetingId: $pm, approvedOn: \"2026-02-01\") { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.approveMinutes#meeting",
            "mutation($m: ID!, $id: ID!) { approveMinutes(municipalityId: $m, meetingId: $id, approvedOn: \"2026-02-01\") { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.correctMinutes",
            "mutation($id: ID!, $pm: ID!) { correctMinutes(municipalityId: $id, meetingId: $pm) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.correctMinutes#meeting",
            "mutation($m: ID!, $id: ID!) { correctMinutes(municipalityId: $m, meetingId: $id) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.saveRecommendation",
            "mutation($id: ID!, $b: ID!) { saveRecommendation(municipalityId: $id, input: { title: \"Übernahme\", sourceBodyId: $b, addressee: CITY_COUNCIL }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveRecommendation#recommendation",
            "mutation($m: ID!, $id: ID!) { saveRecommendation(municipalityId: $m, id: $id, input: { title: \"Übernahme\", addressee: CITY_COUNCIL }) { id } }",
            IdKind::Recommendation,
        ),
        (
            "Mutation.saveRecommendation#sourceBody",
            "mutation($m: ID!, $id: ID!) { saveRecommendation(municipalityId: $m, input: { title: \"Übernahme\", sourceBodyId: $id, addressee: CITY_COUNCIL }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.saveRecommendation#adoptingBody",
            "mutation($m: ID!, $b: ID!, $id: ID!) { saveRecommendation(municipalityId: $m, input: { title: \"Übernahme\", sourceBodyId: $b, adoptingBodyId: $id, addressee: CITY_COUNCIL }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.saveRecommendation#sourceMeeting",
            "mutation($m: ID!, $id: ID!) { saveRecommendation(municipalityId: $m, input: { title: \"Übernahme\", sourceMeetingId: $id, addressee: CITY_COUNCIL }) { id } }",
            IdKind::Meeting,
        ),
        (
            "Mutation.saveRecommendation#sourceAgendaItem",
            "mutation($m: ID!, $id: ID!) { saveRecommendation(municipalityId: $m, input: { title: \"Übernahme\", sourceAgendaItemId: $id, addressee: CITY_COUNCIL }) { id } }",
            IdKind::AgendaItem,
        ),
        (
            "Mutation.advanceRecommendation",
            "mutation($id: ID!, $rec: ID!) { advanceRecommendation(municipalityId: $id, id: $rec, step: { status: ADOPTED, on: \"2026-02-01\" }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.advanceRecommendation#recommendation",
            "mutation($m: ID!, $id: ID!) { advanceRecommendation(municipalityId: $m, id: $id, step: { status: ADOPTED, on: \"2026-02-01\" }) { id } }",
            IdKind::Recommendation,
        ),
        (
            "Mutation.saveActionField",
            "mutation($id: ID!) { saveActionField(municipalityId: $id, input: { code: \"IX\", name: \"Neu\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteActionField",
            "mutation($id: ID!) { deleteActionField(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveSafetyFigure",
            "mutation($id: ID!) { saveSafetyFigure(municipalityId: $id, input: { year: 2025, area: \"Stadt\", kind: SURVEY, category: \"Angst\", value: 12.5, source: \"Befragung\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteSafetyFigure",
            "mutation($id: ID!) { deleteSafetyFigure(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveHotSpot",
            "mutation($id: ID!) { saveHotSpot(municipalityId: $id, input: { year: 2025, name: \"Neu\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteHotSpot",
            "mutation($id: ID!) { deleteHotSpot(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveDemand",
            "mutation($id: ID!) { saveDemand(municipalityId: $id, input: { title: \"Neu\", sourceKind: SURVEY }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteDemand",
            "mutation($id: ID!) { deleteDemand(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveInventoryItem",
            "mutation($id: ID!) { saveInventoryItem(municipalityId: $id, input: { kind: INITIATIVE, name: \"Neu\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteInventoryItem",
            "mutation($id: ID!) { deleteInventoryItem(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveGoal",
            "mutation($id: ID!) { saveGoal(municipalityId: $id, input: { title: \"Neu\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteGoal",
            "mutation($id: ID!) { deleteGoal(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveProject",
            "mutation($id: ID!) { saveProject(municipalityId: $id, input: { title: \"Neu\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteProject",
            "mutation($id: ID!) { deleteProject(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.recordMeasurement",
            "mutation($id: ID!) { recordMeasurement(municipalityId: $id, indicatorId: \"01890000-0000-7000-8000-0000000000aa\", on: \"2025-07-01\", value: 5) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteMeasurement",
            "mutation($id: ID!) { deleteMeasurement(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.evaluateProject",
            "mutation($id: ID!) { evaluateProject(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\", input: { on: \"2025-12-01\", text: \"Bewertet\" }) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.practiceFromProject",
            "mutation($id: ID!) { practiceFromProject(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\") }",
            IdKind::Municipality,
        ),
        (
            "Mutation.setDemandStatus",
            "mutation($id: ID!) { setDemandStatus(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\", status: DONE) { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.completeMilestone",
            "mutation($id: ID!) { completeMilestone(municipalityId: $id, id: \"01890000-0000-7000-8000-0000000000aa\", doneOn: \"2025-06-01\") { canManage } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteRecommendation",
            "mutation($id: ID!, $rec: ID!) { deleteRecommendation(municipalityId: $id, id: $rec) }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteRecommendation#recommendation",
            "mutation($m: ID!, $id: ID!) { deleteRecommendation(municipalityId: $m, id: $id) }",
            IdKind::Recommendation,
        ),
        (
            "Mutation.setCouncilChair",
            "mutation($id: ID!) { setCouncilChair(municipalityId: $id) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.setCouncilChair#chair",
            "mutation($m: ID!, $id: ID!) { setCouncilChair(municipalityId: $m, chairId: $id) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.setCouncilChair#deputy",
            "mutation($m: ID!, $id: ID!) { setCouncilChair(municipalityId: $m, deputyChairId: $id) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.createBody#reportsTo",
            "mutation($m: ID!, $id: ID!) { createBody(municipalityId: $m, input: { name: \"AG\", kind: WORKING_GROUP, reportsToId: $id }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.deleteAttachment",
            "mutation($id: ID!, $at: ID!) { deleteAttachment(municipalityId: $id, id: $at) }",
            IdKind::Municipality,
        ),
        (
            "Mutation.deleteAttachment#attachment",
            "mutation($m: ID!, $id: ID!) { deleteAttachment(municipalityId: $m, id: $id) }",
            IdKind::Attachment,
        ),
        (
            "Mutation.saveCatalogueOffer",
            "mutation($id: ID!) { saveCatalogueOffer(certifierId: $id, input: { title: \"Übernahme\", provider: \"X\", format: COURSE }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveCatalogueOffer#offer",
            "mutation($m: ID!, $id: ID!) { saveCatalogueOffer(certifierId: $m, id: $id, input: { title: \"Übernahme\", provider: \"X\", format: COURSE }) { id } }",
            IdKind::CatalogueOffer,
        ),
        (
            "Mutation.grantSeal",
            "mutation($id: ID!, $co: ID!) { grantSeal(certifierId: $id, id: $co, grantedOn: \"2026-01-01\", validUntil: \"2027-01-01\") { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.grantSeal#offer",
            "mutation($m: ID!, $id: ID!) { grantSeal(certifierId: $m, id: $id, grantedOn: \"2026-01-01\", validUntil: \"2027-01-01\") { id } }",
            IdKind::CatalogueOffer,
        ),
        (
            "Mutation.renewSeal",
            "mutation($id: ID!, $co: ID!) { renewSeal(certifierId: $id, id: $co, validUntil: \"2101-01-01\") { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.renewSeal#offer",
            "mutation($m: ID!, $id: ID!) { renewSeal(certifierId: $m, id: $id, validUntil: \"2101-01-01\") { id } }",
            IdKind::CatalogueOffer,
        ),
        (
            "Mutation.withdrawSeal",
            "mutation($id: ID!, $co: ID!) { withdrawSeal(certifierId: $id, id: $co) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.withdrawSeal#offer",
            "mutation($m: ID!, $id: ID!) { withdrawSeal(certifierId: $m, id: $id) { id } }",
            IdKind::CatalogueOffer,
        ),
        (
            "Mutation.removeCatalogueOffer",
            "mutation($id: ID!, $co: ID!) { removeCatalogueOffer(certifierId: $id, id: $co) }",
            IdKind::Municipality,
        ),
        (
            "Mutation.removeCatalogueOffer#offer",
            "mutation($m: ID!, $id: ID!) { removeCatalogueOffer(certifierId: $m, id: $id) }",
            IdKind::CatalogueOffer,
        ),
        (
            "Query.contactThreads",
            "query($id: ID!) { contactThreads(municipalityId: $id) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.sendContactRequest",
            "mutation($id: ID!, $pr: ID!) { sendContactRequest(municipalityId: $id, practiceId: $pr, message: \"Übernahme\") { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.replyToContact",
            "mutation($m: ID!, $id: ID!) { replyToContact(municipalityId: $m, threadId: $id, message: \"Übernahme\") { id } }",
            IdKind::Thread,
        ),
        (
            "Query.practices",
            "query($id: ID!) { practices(municipalityId: $id) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.savePractice",
            "mutation($id: ID!) { savePractice(municipalityId: $id, input: { title: \"Übernahme\" }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.savePractice#practice",
            "mutation($m: ID!, $id: ID!) { savePractice(municipalityId: $m, id: $id, input: { title: \"Übernahme\" }) { id } }",
            IdKind::Practice,
        ),
        (
            "Mutation.publishPractice",
            "mutation($m: ID!, $id: ID!) { publishPractice(municipalityId: $m, id: $id) { id } }",
            IdKind::Practice,
        ),
        (
            "Mutation.withdrawPractice",
            "mutation($m: ID!, $id: ID!) { withdrawPractice(municipalityId: $m, id: $id) { id } }",
            IdKind::Practice,
        ),
        (
            "Mutation.withdrawPractice#municipality",
            "mutation($id: ID!, $pr: ID!) { withdrawPractice(municipalityId: $id, id: $pr) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveMeeting",
            "mutation($id: ID!, $b: ID!) { saveMeeting(municipalityId: $id, input: { bodyId: $b, title: \"Übernahme\", date: \"2026-12-01\" }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveMeeting#body",
            "mutation($m: ID!, $id: ID!) { saveMeeting(municipalityId: $m, input: { bodyId: $id, title: \"Übernahme\", date: \"2026-12-01\" }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.saveMeeting#meeting",
            "mutation($m: ID!, $id: ID!, $b: ID!) { saveMeeting(municipalityId: $m, id: $id, input: { bodyId: $b, title: \"Übernahme\", date: \"2026-12-01\" }) { id } }",
            IdKind::Meeting,
        ),
        (
            "Query.fundingApplications",
            "query($id: ID!) { fundingApplications(municipalityId: $id) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.applyForFunding",
            "mutation($id: ID!, $prog: ID!) { applyForFunding(municipalityId: $id, input: { programmeId: $prog, projectTitle: \"Übernahme\", requestedAmount: 1 }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.decideFundingApplication",
            "mutation($m: ID!, $id: ID!) { decideFundingApplication(municipalityId: $m, id: $id, input: { verdict: REJECT }) { id } }",
            IdKind::Application,
        ),
        (
            "Mutation.withdrawFundingApplication",
            "mutation($m: ID!, $id: ID!) { withdrawFundingApplication(municipalityId: $m, id: $id) { id } }",
            IdKind::Application,
        ),
        (
            "Mutation.reportFundingUse",
            "mutation($m: ID!, $id: ID!) { reportFundingUse(municipalityId: $m, id: $id, reportedOn: \"2027-01-01\") { id } }",
            IdKind::Application,
        ),
        (
            "Query.supportRequests",
            "query($id: ID!) { supportRequests(municipalityId: $id) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.requestSupport",
            "mutation($id: ID!, $o: ID!) { requestSupport(municipalityId: $id, offerId: $o) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.answerSupportRequest",
            "mutation($m: ID!, $id: ID!) { answerSupportRequest(municipalityId: $m, id: $id, input: { status: DECLINED }) { id } }",
            IdKind::SupportRequest,
        ),
        (
            "Mutation.answerSupportRequest#municipality",
            "mutation($id: ID!, $r: ID!) { answerSupportRequest(municipalityId: $id, id: $r, input: { status: DECLINED }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Query.founding",
            "query($id: ID!) { founding(municipalityId: $id) { status } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.startFounding",
            "mutation($id: ID!) { startFounding(municipalityId: $id, path: TOP_DOWN) { status } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.saveFoundingStep",
            "mutation($id: ID!) { saveFoundingStep(municipalityId: $id, step: ACTORS) { status } }",
            IdKind::Municipality,
        ),
        (
            "Query.exportCouncilPerson",
            "query($m: ID!, $id: ID!) { exportCouncilPerson(municipalityId: $m, id: $id) }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.eraseCouncilPerson",
            "mutation($m: ID!, $id: ID!) { eraseCouncilPerson(municipalityId: $m, id: $id) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.invitePerson",
            "mutation($m: ID!, $id: ID!) { invitePerson(municipalityId: $m, id: $id) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.importMembers",
            "mutation($id: ID!) { importMembers(municipalityId: $id, csv: \"gremium;name;rolle;beginn\\nAG Test;X;Mitglied;2026-01-01\") { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.adoptRulesOfProcedure",
            "mutation($id: ID!) { adoptRulesOfProcedure(municipalityId: $id, input: { title: \"GO\", text: \"§ 1\", adoptedOn: \"2026-01-01\" }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.adoptRulesOfProcedure#body",
            "mutation($m: ID!, $id: ID!) { adoptRulesOfProcedure(municipalityId: $m, input: { title: \"GO\", text: \"§ 1\", adoptedOn: \"2026-01-01\", adoptedByBodyId: $id }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.recordRulesInformed",
            "mutation($m: ID!, $id: ID!) { recordRulesInformed(municipalityId: $m, id: $id, informedOn: \"2026-01-02\") { id } }",
            IdKind::Rules,
        ),
        (
            "Mutation.applyStructureTemplate",
            "mutation($id: ID!) { applyStructureTemplate(municipalityId: $id, templateId: \"blank\") { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.createBody",
            "mutation($id: ID!) { createBody(municipalityId: $id, input: { name: \"AG\", kind: WORKING_GROUP }) { id } }",
            IdKind::Municipality,
        ),
        (
            "Mutation.createBody#parent",
            "mutation($m: ID!, $id: ID!) { createBody(municipalityId: $m, input: { name: \"AG\", kind: WORKING_GROUP, parentId: $id }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.updateBody",
            "mutation($m: ID!, $id: ID!) { updateBody(municipalityId: $m, id: $id, input: { name: \"Übernahme\", kind: WORKING_GROUP }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.saveOrganisation",
            "mutation($m: ID!, $id: ID!) { saveOrganisation(municipalityId: $m, id: $id, input: { name: \"Übernahme\", sector: OTHER }) { id } }",
            IdKind::Organisation,
        ),
        (
            "Mutation.savePerson",
            "mutation($m: ID!, $id: ID!) { savePerson(municipalityId: $m, id: $id, input: { name: \"Übernahme\" }) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.addMembership",
            "mutation($m: ID!, $id: ID!, $p: ID!) { addMembership(municipalityId: $m, input: { bodyId: $id, personId: $p, role: MEMBER, termStart: \"2026-01-01\" }) { id } }",
            IdKind::Body,
        ),
        (
            "Mutation.addMembership#person",
            "mutation($m: ID!, $id: ID!, $b: ID!) { addMembership(municipalityId: $m, input: { bodyId: $b, personId: $id, role: MEMBER, termStart: \"2026-01-01\" }) { id } }",
            IdKind::StructurePerson,
        ),
        (
            "Mutation.addMembership#organisation",
            "mutation($m: ID!, $id: ID!, $b: ID!, $p: ID!) { addMembership(municipalityId: $m, input: { bodyId: $b, personId: $p, organisationId: $id, role: MEMBER, termStart: \"2026-01-01\" }) { id } }",
            IdKind::Organisation,
        ),
        (
            "Mutation.updateMembership",
            "mutation($m: ID!, $id: ID!, $b: ID!, $p: ID!) { updateMembership(municipalityId: $m, id: $id, input: { bodyId: $b, personId: $p, role: MEMBER, termStart: \"2026-01-01\" }) { id } }",
            IdKind::Membership,
        ),
        (
            "Mutation.deleteMembership",
            "mutation($m: ID!, $id: ID!) { deleteMembership(municipalityId: $m, id: $id) { id } }",
            IdKind::Membership,
        ),
        (
            "Query.councilStructure#internal",
            "query($id: ID!) { councilStructure(municipalityId: $id) { canManage bodies { id } people { email } warnings { message } } }",
            IdKind::Municipality,
        ),
    ];
    // A programme belongs to a Land: another Land's office changing Saxony's programme is
    // answered like an unknown programme.
    let saxon = w
        .app
        .admin(
            "mutation { saveFundingProgramme(input: { federalState: SN, name: \"ASSKOMM\", provider: \"LPR\", totalBudget: 1300000 }) { id } }",
            json!({}),
        )
        .await;
    let saxon = support::returned_id(&saxon).expect("programme");
    let change_programme = "mutation($id: ID!) { saveFundingProgramme(id: $id, input: { federalState: ST, name: \"Übernahme\", provider: \"X\", totalBudget: 1 }) { id } }";
    let foreign = w
        .call("state office ST", change_programme, json!({ "id": saxon }))
        .await;
    let unknown = w
        .call(
            "state office ST",
            change_programme,
            json!({ "id": UNKNOWN_ID }),
        )
        .await;
    assert_eq!(outcome(&foreign), "NOT_FOUND", "{foreign}");
    assert_eq!(
        comparable(&foreign),
        comparable(&unknown),
        "programme of another Land"
    );
    // The same for an offer of advice, training or coaching.
    let change_offer = "mutation($id: ID!) { saveSupportOffer(id: $id, input: { federalState: ST, kind: ADVICE, title: \"Übernahme\" }) { id } }";
    let foreign = w
        .call(
            "state office ST",
            change_offer,
            json!({ "id": w.chemnitz_parts.offer }),
        )
        .await;
    let unknown = w
        .call("state office ST", change_offer, json!({ "id": UNKNOWN_ID }))
        .await;
    assert_eq!(outcome(&foreign), "NOT_FOUND", "{foreign}");
    assert_eq!(
        comparable(&foreign),
        comparable(&unknown),
        "offer of another Land"
    );

    // Readable by everyone on purpose: the registry of municipalities is public open data,
    // and a council's public bodies are public (checked below for what they do not show).
    let public_reads = [
        "Query.municipality",
        "Query.councilStructure",
        "Query.fundingProgramme",
        "Query.meetings",
        "Query.meetingPlan",
        // Filtered to what the reader may see (tests/recommendations.rs, tests/prevention.rs).
        "Query.recommendations",
        "Query.preventionCycle",
        // Published practices are shared with every city on purpose (tests/practices.rs);
        // so are the catalogues and the similar practices (tests/search.rs).
        "Query.networkPractice",
        "Query.similarPractices",
        "Query.catalogue",
        "Query.catalogueOffer",
    ];
    let foreign_of = |parts: &Parts, kind: &IdKind| match kind {
        IdKind::Body => parts.body.clone(),
        IdKind::StructurePerson => parts.person.clone(),
        IdKind::Organisation => parts.organisation.clone(),
        IdKind::Membership => parts.membership.clone(),
        IdKind::Rules => parts.rules.clone(),
        IdKind::Application => parts.application.clone(),
        IdKind::SupportRequest => parts.request.clone(),
        IdKind::Meeting => parts.meeting.clone(),
        IdKind::AgendaItem => parts.agenda_item.clone(),
        IdKind::Participant => parts.participant.clone(),
        IdKind::Recommendation => parts.recommendation.clone(),
        IdKind::Document => parts.document.clone(),
        IdKind::Practice => parts.practice.clone(),
        IdKind::Thread => parts.thread.clone(),
        IdKind::CatalogueOffer => parts.catalogue_offer.clone(),
        IdKind::Attachment => parts.attachment.clone(),
        IdKind::Municipality | IdKind::Person => unreachable!("not a structure id"),
    };
    for (key, query, kind) in &structure_calls {
        for (role, own, foreign_parts, foreign_municipality) in [
            ("admin Halle", &w.halle, &w.leipzig_parts, &w.leipzig),
            ("state office ST", &w.halle, &w.chemnitz_parts, &w.chemnitz),
        ] {
            let own_parts = &w.halle_parts;
            let vars = |id: &str| {
                json!({ "m": own, "id": id, "b": own_parts.body, "p": own_parts.person,
                        "prog": own_parts.programme, "o": own_parts.offer, "r": own_parts.request,
                        "pr": own_parts.practice, "co": own_parts.catalogue_offer,
                        "at": own_parts.attachment, "mt": own_parts.meeting,
                        "it": own_parts.agenda_item, "pm": own_parts.past_meetings[0],
                        "rec": own_parts.recommendation, "doc": own_parts.document })
            };
            let (foreign, unknown) = match kind {
                IdKind::Municipality => (vars(foreign_municipality), vars(UNKNOWN_ID)),
                other => (vars(&foreign_of(foreign_parts, other)), vars(UNKNOWN_ID)),
            };
            let foreign = w.call(role, query, foreign).await;
            let unknown = w.call(role, query, unknown).await;
            if *key == "Query.councilStructure#internal" {
                // Another city's structure reads like the public's view: no internal bodies,
                // no contact data, no warnings, no rights.
                assert_eq!(
                    foreign["data"]["councilStructure"]["canManage"], false,
                    "{foreign}"
                );
                assert_eq!(
                    foreign["data"]["councilStructure"]["bodies"],
                    json!([]),
                    "{foreign}"
                );
                assert_eq!(
                    foreign["data"]["councilStructure"]["people"],
                    json!([]),
                    "{foreign}"
                );
                assert_eq!(
                    foreign["data"]["councilStructure"]["warnings"],
                    json!([]),
                    "{foreign}"
                );
                continue;
            }
            assert_eq!(outcome(&foreign), "NOT_FOUND", "{key} as {role}: {foreign}");
            assert_eq!(
                comparable(&foreign),
                comparable(&unknown),
                "{key} as {role}: foreign and unknown differ"
            );
        }
    }

    let sdl = praevnet_api::sdl();
    for root in ["Query", "Mutation"] {
        for (field, args) in root_fields(&sdl, root) {
            let key = format!("{root}.{field}");
            // inviteUser takes its municipality id inside its input object.
            let takes_id = args.contains(": ID") || key == "Mutation.inviteUser";
            if !takes_id || public_reads.contains(&key.as_str()) {
                continue;
            }
            if structure_calls.iter().any(|(k, _, _)| *k == key)
                || key == "Mutation.saveFundingProgramme"
                || key == "Mutation.saveSupportOffer"
            {
                continue;
            }
            let (query, _) = calls
                .get(key.as_str())
                .unwrap_or_else(|| panic!("{key} takes an id: add it to the cross-tenant calls"));
            let foreign = w
                .call("admin Halle", query, json!({ "id": w.leipzig }))
                .await;
            let unknown = w
                .call("admin Halle", query, json!({ "id": UNKNOWN_ID }))
                .await;
            assert_eq!(
                outcome(&foreign),
                "NOT_FOUND",
                "{key} with another tenant's id: {foreign}"
            );
            assert_eq!(
                comparable(&foreign),
                comparable(&unknown),
                "{key}: foreign and unknown ids differ"
            );
            // Also the other Land's state office reaching into Saxony.
            let foreign = w
                .call("state office ST", query, json!({ "id": w.chemnitz }))
                .await;
            let unknown = w
                .call("state office ST", query, json!({ "id": UNKNOWN_ID }))
                .await;
            assert_eq!(
                comparable(&foreign),
                comparable(&unknown),
                "{key} across Länder"
            );
        }
    }
    // Leipzig's data is unchanged by all of it.
    let body = w
        .app
        .query(
            "query($id: ID!) { municipality(id: $id) { population council { name } } }",
            json!({ "id": w.leipzig }),
        )
        .await;
    assert_eq!(body["data"]["municipality"]["population"], 50000, "{body}");
    assert_eq!(body["data"]["municipality"]["council"], Value::Null);
}

on_both_databases!(
    every_mutation_against_every_role,
    another_tenants_id_is_answered_like_an_unknown_one
);
