//! Good practices on SQLite and PostgreSQL: written as drafts, published to the network only on
//! purpose, changed and withdrawn by their city alone. Who may call what in general is in
//! `tests/authorization.rs`.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::{TestApp, config_with_mail, error_code, error_message, returned_id};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const SAVE: &str = "mutation($m: ID!, $id: ID, $i: PracticeInput!) { savePractice(municipalityId: $m, id: $id, input: $i) { id status title topics settings evidenceLevel } }";
const PUBLISH: &str = "mutation($m: ID!, $id: ID!) { publishPractice(municipalityId: $m, id: $id) { status publishedAt } }";
const WITHDRAW: &str =
    "mutation($m: ID!, $id: ID!) { withdrawPractice(municipalityId: $m, id: $id) { status } }";
const READ: &str = "query($id: ID!) { networkPractice(id: $id) { title municipalityName federalState contact topics measures } }";

fn gardens() -> Value {
    json!({
        "title": "Sichere Kleingärten",
        "problem": "Einbrüche in Lauben der Kleingartenanlagen",
        "causes": "Abgelegene, unbeleuchtete Anlagen",
        "goals": "Weniger Einbrüche; Zielgruppe: Pächterinnen und Pächter",
        "measures": "Patenschaften, Beleuchtung, gemeinsame Streifen mit der Polizei",
        "topics": ["BURGLARY", "FEELING_OF_SAFETY"],
        "targetGroups": ["RESIDENTS"],
        "settings": ["ALLOTMENT_GARDENS"],
        "evidenceLevel": "PROBABLY_EFFECTIVE",
        "duration": "seit 2019",
        "costs": "4.000 € im Jahr",
        "partners": "Kleingartenverband, Polizeirevier",
        "contact": "Geschäftsstelle des Präventionsrats, praevention@example.org"
    })
}

async fn a_practice_is_shared_only_when_published_and_until_withdrawn(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let mut sessions = Vec::new();
    for (email, m) in [("kpr@leipzig.test", &leipzig), ("kpr@halle.test", &halle)] {
        let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": m });
        sessions.push(app.onboard(&sink, email, role, PASSWORD).await);
    }
    let (leipzig_admin, halle_admin) = (&sessions[0], &sessions[1]);

    // A draft is the city's own: not in the network.
    let mut draft = gardens();
    draft["contact"] = json!("");
    let saved = app
        .in_session(leipzig_admin, SAVE, json!({ "m": leipzig, "i": draft }))
        .await;
    assert_eq!(saved["data"]["savePractice"]["status"], "DRAFT", "{saved}");
    assert_eq!(
        saved["data"]["savePractice"]["settings"],
        json!(["ALLOTMENT_GARDENS"])
    );
    let id = returned_id(&saved).expect("id");
    let hidden = app.in_session(halle_admin, READ, json!({ "id": id })).await;
    assert_eq!(error_code(&hidden), Some("NOT_FOUND"), "{hidden}");
    let listed = app
        .in_session(halle_admin, "{ networkPractices { id } }", json!({}))
        .await;
    assert_eq!(listed["data"]["networkPractices"], json!([]), "{listed}");

    // Publishing needs a functional contact.
    let refused = app
        .in_session(leipzig_admin, PUBLISH, json!({ "m": leipzig, "id": id }))
        .await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "contact");
    let completed = app
        .in_session(
            leipzig_admin,
            SAVE,
            json!({ "m": leipzig, "id": id, "i": gardens() }),
        )
        .await;
    assert!(completed["errors"].is_null(), "{completed}");
    let published = app
        .in_session(leipzig_admin, PUBLISH, json!({ "m": leipzig, "id": id }))
        .await;
    assert_eq!(
        published["data"]["publishPractice"]["status"], "PUBLISHED",
        "{published}"
    );

    // Another city reads it at once, with the publisher and its contact.
    let read = app.in_session(halle_admin, READ, json!({ "id": id })).await;
    assert_eq!(
        read["data"]["networkPractice"],
        json!({ "title": "Sichere Kleingärten", "municipalityName": "Leipzig", "federalState": "SN",
                "contact": "Geschäftsstelle des Präventionsrats, praevention@example.org",
                "topics": ["BURGLARY", "FEELING_OF_SAFETY"],
                "measures": "Patenschaften, Beleuchtung, gemeinsame Streifen mit der Polizei" }),
        "{read}"
    );
    let anonymous = app.query(READ, json!({ "id": id })).await;
    assert_eq!(
        error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );

    // A change of the published practice is in the network too; publishing needs stay.
    let mut changed = gardens();
    changed["measures"] = json!("Patenschaften und Beleuchtung");
    app.in_session(
        leipzig_admin,
        SAVE,
        json!({ "m": leipzig, "id": id, "i": changed }),
    )
    .await;
    let read = app.in_session(halle_admin, READ, json!({ "id": id })).await;
    assert_eq!(
        read["data"]["networkPractice"]["measures"],
        "Patenschaften und Beleuchtung"
    );
    let mut emptied = gardens();
    emptied["topics"] = json!([]);
    let kept = app
        .in_session(
            leipzig_admin,
            SAVE,
            json!({ "m": leipzig, "id": id, "i": emptied }),
        )
        .await;
    assert_eq!(kept["errors"][0]["extensions"]["field"], "topics", "{kept}");

    // Another city can neither change nor withdraw it, however it asks.
    for (m, what) in [(&halle, "own municipality"), (&leipzig, "Leipzig")] {
        for (query, vars) in [
            (SAVE, json!({ "m": m, "id": id, "i": gardens() })),
            (WITHDRAW, json!({ "m": m, "id": id })),
            (PUBLISH, json!({ "m": m, "id": id })),
        ] {
            let body = app.in_session(halle_admin, query, vars).await;
            assert_eq!(error_code(&body), Some("NOT_FOUND"), "{what}: {body}");
        }
    }
    let still = app.in_session(halle_admin, READ, json!({ "id": id })).await;
    assert_eq!(
        still["data"]["networkPractice"]["municipalityName"], "Leipzig",
        "{still}"
    );

    // A renamed city is renamed in the network.
    let renamed = app
        .admin(
            "mutation($id: ID!) { updateMunicipality(id: $id, input: { name: \"Leipzig, Stadt\" }) { name } }",
            json!({ "id": leipzig }),
        )
        .await;
    assert!(renamed["errors"].is_null(), "{renamed}");
    let read = app.in_session(halle_admin, READ, json!({ "id": id })).await;
    assert_eq!(
        read["data"]["networkPractice"]["municipalityName"],
        "Leipzig, Stadt"
    );

    // Withdrawn: gone from the network at once, kept by the city.
    let withdrawn = app
        .in_session(leipzig_admin, WITHDRAW, json!({ "m": leipzig, "id": id }))
        .await;
    assert_eq!(
        withdrawn["data"]["withdrawPractice"]["status"], "WITHDRAWN",
        "{withdrawn}"
    );
    let gone = app.in_session(halle_admin, READ, json!({ "id": id })).await;
    assert_eq!(error_code(&gone), Some("NOT_FOUND"), "{gone}");
    let own = app
        .in_session(
            leipzig_admin,
            "query($m: ID!) { practices(municipalityId: $m) { title status } }",
            json!({ "m": leipzig }),
        )
        .await;
    assert_eq!(
        own["data"]["practices"],
        json!([{ "title": "Sichere Kleingärten", "status": "WITHDRAWN" }]),
        "{own}"
    );
    let foreign_list = app
        .in_session(
            halle_admin,
            "query($m: ID!) { practices(municipalityId: $m) { title } }",
            json!({ "m": leipzig }),
        )
        .await;
    assert_eq!(
        error_code(&foreign_list),
        Some("NOT_FOUND"),
        "{foreign_list}"
    );
}

async fn the_vocabulary_is_labelled_in_the_callers_language(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let query =
        json!({ "query": "{ vocabulary { settings { code label } evidenceLevels { label } } }" });
    let (_, german) = app.post(query.clone(), &[]).await;
    let settings = german["data"]["vocabulary"]["settings"]
        .as_array()
        .expect("settings")
        .clone();
    assert!(
        settings.contains(&json!({ "code": "ALLOTMENT_GARDENS", "label": "Kleingärten" })),
        "{german}"
    );
    assert_eq!(
        german["data"]["vocabulary"]["evidenceLevels"][2]["label"],
        "Effektivität nachgewiesen"
    );
    let (_, english) = app.post(query, &[("accept-language", "en")]).await;
    assert_eq!(
        english["data"]["vocabulary"]["evidenceLevels"][2]["label"], "Proven effective",
        "{english}"
    );
}

/// A city writes to the publisher of a practice: both keep the conversation, and the
/// receiving administrators get an e-mail each time.
async fn a_city_writes_to_the_publisher_and_both_see_the_conversation(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    let mut sessions = Vec::new();
    for (email, m) in [
        ("kpr@leipzig.test", &leipzig),
        ("kpr@halle.test", &halle),
        ("kpr@zwickau.test", &zwickau),
    ] {
        let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": m });
        sessions.push(app.onboard(&sink, email, role, PASSWORD).await);
    }
    let (leipzig_admin, halle_admin, zwickau_admin) = (&sessions[0], &sessions[1], &sessions[2]);
    let saved = app
        .in_session(leipzig_admin, SAVE, json!({ "m": leipzig, "i": gardens() }))
        .await;
    let practice = returned_id(&saved).expect("practice");
    app.in_session(
        leipzig_admin,
        PUBLISH,
        json!({ "m": leipzig, "id": practice }),
    )
    .await;

    let send = "mutation($m: ID!, $p: ID!, $t: String!) { sendContactRequest(municipalityId: $m, practiceId: $p, message: $t) { id otherMunicipalityName practiceTitle messages { sent body } } }";
    let own = app
        .in_session(
            leipzig_admin,
            send,
            json!({ "m": leipzig, "p": practice, "t": "Hallo" }),
        )
        .await;
    assert_eq!(
        own["errors"][0]["extensions"]["field"], "practiceId",
        "{own}"
    );
    let empty = app
        .in_session(
            halle_admin,
            send,
            json!({ "m": halle, "p": practice, "t": "  " }),
        )
        .await;
    assert_eq!(
        empty["errors"][0]["extensions"]["field"], "message",
        "{empty}"
    );
    let sent = app
        .in_session(
            halle_admin,
            send,
            json!({ "m": halle, "p": practice, "t": "Wie habt ihr die Patenschaften organisiert?" }),
        )
        .await;
    let thread = sent["data"]["sendContactRequest"].clone();
    assert_eq!(thread["otherMunicipalityName"], "Leipzig", "{sent}");
    assert_eq!(thread["practiceTitle"], "Sichere Kleingärten");
    assert_eq!(
        thread["messages"],
        json!([{ "sent": true, "body": "Wie habt ihr die Patenschaften organisiert?" }])
    );
    let thread_id = thread["id"].as_str().expect("thread").to_owned();

    // The publisher's administrator is mailed and sees the conversation; answers; Halle is mailed.
    let mail = tokio::task::block_in_place(|| {
        sink.wait_for_containing("kpr@leipzig.test", "schreibt Ihnen")
    });
    assert!(mail.text.contains("„Sichere Kleingärten“"), "{}", mail.text);
    assert!(
        mail.text.contains("Halle (Saale) schreibt Ihnen"),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains("/kommunen/leipzig/kontakte"),
        "{}",
        mail.text
    );
    let threads = "query($m: ID!) { contactThreads(municipalityId: $m) { id otherMunicipalityName messages { sent body } } }";
    let inbox = app
        .in_session(leipzig_admin, threads, json!({ "m": leipzig }))
        .await;
    assert_eq!(
        inbox["data"]["contactThreads"][0]["messages"],
        json!([{ "sent": false, "body": "Wie habt ihr die Patenschaften organisiert?" }]),
        "{inbox}"
    );
    assert_eq!(
        inbox["data"]["contactThreads"][0]["otherMunicipalityName"],
        "Halle (Saale)"
    );
    let reply = "mutation($m: ID!, $t: ID!, $x: String!) { replyToContact(municipalityId: $m, threadId: $t, message: $x) { messages { sent body } } }";
    let answered = app
        .in_session(
            leipzig_admin,
            reply,
            json!({ "m": leipzig, "t": thread_id, "x": "Über den Kleingartenverband." }),
        )
        .await;
    assert_eq!(
        answered["data"]["replyToContact"]["messages"][1],
        json!({ "sent": true, "body": "Über den Kleingartenverband." }),
        "{answered}"
    );
    let mail = tokio::task::block_in_place(|| {
        sink.wait_for_containing("kpr@halle.test", "schreibt Ihnen")
    });
    assert!(
        mail.text.contains("Über den Kleingartenverband."),
        "{}",
        mail.text
    );
    let halle_view = app
        .in_session(halle_admin, threads, json!({ "m": halle }))
        .await;
    assert_eq!(
        halle_view["data"]["contactThreads"][0]["messages"][1]["sent"], false,
        "{halle_view}"
    );

    // A third city neither reads nor joins the conversation.
    let foreign = app
        .in_session(zwickau_admin, threads, json!({ "m": leipzig }))
        .await;
    assert_eq!(error_code(&foreign), Some("NOT_FOUND"), "{foreign}");
    for m in [&zwickau, &leipzig] {
        let join = app
            .in_session(
                zwickau_admin,
                reply,
                json!({ "m": m, "t": thread_id, "x": "Ich auch" }),
            )
            .await;
        assert_eq!(error_code(&join), Some("NOT_FOUND"), "{join}");
    }
    let unchanged = app
        .in_session(halle_admin, threads, json!({ "m": halle }))
        .await;
    assert_eq!(
        unchanged["data"]["contactThreads"][0]["messages"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
const ATTACHMENTS: &str = "query($m: ID!) { practices(municipalityId: $m) { attachments { id fileName contentType sizeBytes url } } }";
const SHARED_ATTACHMENTS: &str =
    "query($id: ID!) { networkPractice(id: $id) { attachments { id fileName url } } }";

async fn files_are_attached_shared_with_the_practice_and_removed(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let mut sessions = Vec::new();
    for (email, m) in [("kpr@leipzig.test", &leipzig), ("kpr@halle.test", &halle)] {
        let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": m });
        sessions.push(app.onboard(&sink, email, role, PASSWORD).await);
    }
    let (leipzig_admin, halle_admin) = (&sessions[0], &sessions[1]);
    let saved = app
        .in_session(leipzig_admin, SAVE, json!({ "m": leipzig, "i": gardens() }))
        .await;
    let practice = returned_id(&saved).expect("practice");

    // An attachment of the draft: the city's own, not the network's.
    let (status, uploaded) = app
        .upload(
            leipzig_admin,
            &leipzig,
            &practice,
            "Konzept Kleingärten.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(status, 201, "{uploaded}");
    assert_eq!(uploaded["contentType"], "application/pdf");
    let listed = app
        .in_session(leipzig_admin, ATTACHMENTS, json!({ "m": leipzig }))
        .await;
    let own = &listed["data"]["practices"][0]["attachments"][0];
    assert_eq!(own["fileName"], "Konzept Kleingärten.pdf", "{listed}");
    assert_eq!(own["sizeBytes"], PDF.len());
    let own_url = own["url"].as_str().expect("url").to_owned();
    let shared_url = format!("/api/netzwerk/anhaenge/{}", own["id"].as_str().expect("id"));
    let (status, kind, bytes) = app.download(Some(leipzig_admin), &own_url).await;
    assert_eq!(
        (status, kind.as_str(), bytes.as_slice()),
        (200, "application/pdf", PDF)
    );
    let (status, _, _) = app.download(Some(halle_admin), &own_url).await;
    assert_eq!(status, 404, "another city reads a draft's file");
    let (status, _, _) = app.download(Some(halle_admin), &shared_url).await;
    assert_eq!(status, 404, "shared before publishing");

    // Bad files are refused with the reason at the field; nothing is stored.
    let (status, refused) = app
        .upload(
            leipzig_admin,
            &leipzig,
            &practice,
            "tool.pdf",
            b"MZ\x90\x00binary".to_vec(),
        )
        .await;
    assert_eq!(status, 415, "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "file");
    assert!(error_message(&refused).contains("PDF"), "{refused}");
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let (status, refused) = app
        .upload(leipzig_admin, &leipzig, &practice, "gross.pdf", big)
        .await;
    assert_eq!(status, 413, "{refused}");
    assert!(
        error_message(&refused).contains("höchstens 10 MB"),
        "{refused}"
    );
    let (status, refused) = app
        .upload(leipzig_admin, &leipzig, &practice, "  ", PDF.to_vec())
        .await;
    assert_eq!(
        (status, refused["errors"][0]["extensions"]["field"].clone()),
        (400, json!("fileName"))
    );
    // Another city attaches nothing to it, with either municipality id.
    for m in [&halle, &leipzig] {
        let (status, body) = app
            .upload(halle_admin, m, &practice, "x.pdf", PDF.to_vec())
            .await;
        assert_eq!(status, 404, "{body}");
        assert_eq!(error_code(&body), Some("NOT_FOUND"));
    }
    let (status, _) = app
        .upload("", &leipzig, &practice, "x.pdf", PDF.to_vec())
        .await;
    assert_eq!(status, 401);
    let listed = app
        .in_session(leipzig_admin, ATTACHMENTS, json!({ "m": leipzig }))
        .await;
    assert_eq!(
        listed["data"]["practices"][0]["attachments"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    // Published: every city reads and downloads it; anonymous nobody.
    app.in_session(
        leipzig_admin,
        PUBLISH,
        json!({ "m": leipzig, "id": practice }),
    )
    .await;
    let shared = app
        .in_session(halle_admin, SHARED_ATTACHMENTS, json!({ "id": practice }))
        .await;
    assert_eq!(
        shared["data"]["networkPractice"]["attachments"][0]["url"],
        shared_url.as_str(),
        "{shared}"
    );
    let (status, _, bytes) = app.download(Some(halle_admin), &shared_url).await;
    assert_eq!((status, bytes.as_slice()), (200, PDF));
    let (status, _, _) = app.download(None, &shared_url).await;
    assert_eq!(status, 401);

    // Removed: gone from the network too; another city cannot remove it.
    let attachment = own["id"].clone();
    let delete = "mutation($m: ID!, $id: ID!) { deleteAttachment(municipalityId: $m, id: $id) }";
    for m in [&halle, &leipzig] {
        let body = app
            .in_session(halle_admin, delete, json!({ "m": m, "id": attachment }))
            .await;
        assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    }
    let deleted = app
        .in_session(
            leipzig_admin,
            delete,
            json!({ "m": leipzig, "id": attachment }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteAttachment"], true, "{deleted}");
    let (status, _, _) = app.download(Some(halle_admin), &shared_url).await;
    assert_eq!(status, 404);
    let (status, _, _) = app.download(Some(leipzig_admin), &own_url).await;
    assert_eq!(status, 404);

    // An attachment of a withdrawn practice leaves the network with it.
    let (_, again) = app
        .upload(
            leipzig_admin,
            &leipzig,
            &practice,
            "Flyer.pdf",
            PDF.to_vec(),
        )
        .await;
    let again = format!(
        "/api/netzwerk/anhaenge/{}",
        again["id"].as_str().expect("id")
    );
    let (status, _, _) = app.download(Some(halle_admin), &again).await;
    assert_eq!(
        status, 200,
        "attached to a published practice: shared at once"
    );
    app.in_session(
        leipzig_admin,
        WITHDRAW,
        json!({ "m": leipzig, "id": practice }),
    )
    .await;
    let (status, _, _) = app.download(Some(halle_admin), &again).await;
    assert_eq!(status, 404);
}

on_both_databases!(
    files_are_attached_shared_with_the_practice_and_removed,
    a_city_writes_to_the_publisher_and_both_see_the_conversation,
    a_practice_is_shared_only_when_published_and_until_withdrawn,
    the_vocabulary_is_labelled_in_the_callers_language
);
