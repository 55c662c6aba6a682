//! Documents on agenda items through the upload and download addresses and the API, on SQLite
//! and PostgreSQL: read by whoever sees the item, changed by those who edit the meeting,
//! checked like every upload, another tenant's ids answered as unknown, and the files gone with
//! the item.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, error_code};

const SAVE: &str =
    "mutation($m: ID!, $i: MeetingInput!) { saveMeeting(municipalityId: $m, input: $i) { id } }";
const ITEM: &str = "mutation($m: ID!, $mt: ID!, $i: AgendaItemInput!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, input: $i) { agenda { id title } } }";
const LIST: &str = "query($m: ID!) { meetings(municipalityId: $m) { id agenda { id title documents { id fileName contentType sizeBytes } } } }";
const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";

fn upload_path(city: &str, meeting: &str, item: &str) -> String {
    format!("/api/kommunen/{city}/sitzungen/{meeting}/tagesordnung/{item}/dokumente")
}

/// Leipzig's Sicherheitskonferenz (public) with a public meeting: a public and an internal
/// item. Answers (city, meeting, public item, internal item).
async fn conference(app: &TestApp) -> (String, String, String, String) {
    let city = city_with(app, "leipzig").await;
    let s = structure(app, &city, None).await;
    let body = body(&s, "Sicherheitskonferenz")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let saved = app
        .admin(
            SAVE,
            json!({ "m": city, "i": { "bodyId": body, "title": "Sicherheitskonferenz", "date": "2026-12-07", "public": true } }),
        )
        .await;
    let meeting = saved["data"]["saveMeeting"]["id"]
        .as_str()
        .expect("meeting")
        .to_owned();
    app.admin(
        ITEM,
        json!({ "m": city, "mt": meeting, "i": { "title": "Lagebild", "public": true } }),
    )
    .await;
    let agenda = app
        .admin(
            ITEM,
            json!({ "m": city, "mt": meeting, "i": { "title": "Personalien", "public": false } }),
        )
        .await;
    let items = &agenda["data"]["saveAgendaItem"]["agenda"];
    let id = |n: usize| items[n]["id"].as_str().expect("item").to_owned();
    (city, meeting, id(0), id(1))
}

fn documents(list: &Value, item: &str) -> Value {
    list["data"]["meetings"][0]["agenda"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == item))
        .map_or(Value::Null, |i| i["documents"].clone())
}

async fn documents_follow_their_item(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let cookie = app.admin_cookie();
    let (city, meeting, public_item, internal_item) = conference(&app).await;

    let (status, body) = app
        .upload_to(
            Some(&cookie),
            &upload_path(&city, &meeting, &public_item),
            "Lagebild 2026.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .upload_to(
            Some(&cookie),
            &upload_path(&city, &meeting, &internal_item),
            "Personalien.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(status, 201, "{body}");

    let list = app.admin(LIST, json!({ "m": city })).await;
    let public_docs = documents(&list, &public_item);
    assert_eq!(public_docs[0]["fileName"], "Lagebild 2026.pdf", "{list}");
    assert_eq!(public_docs[0]["contentType"], "application/pdf");
    let public_doc = public_docs[0]["id"].as_str().expect("id").to_owned();
    let internal_doc = documents(&list, &internal_item)[0]["id"]
        .as_str()
        .expect("id")
        .to_owned();

    // The public reads the public item's document, not the internal one's.
    let (status, kind, bytes) = app
        .download(
            None,
            &format!("/api/kommunen/{city}/dokumente/{public_doc}"),
        )
        .await;
    assert_eq!(
        (status, kind.as_str(), bytes.as_slice()),
        (200, "application/pdf", PDF)
    );
    let (status, _, _) = app
        .download(
            None,
            &format!("/api/kommunen/{city}/dokumente/{internal_doc}"),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _, _) = app
        .download(
            Some(&cookie),
            &format!("/api/kommunen/{city}/dokumente/{internal_doc}"),
        )
        .await;
    assert_eq!(status, 200);

    // Bad uploads: nothing, not a document, no name; and not for the public.
    for (name, bytes) in [
        ("leer.pdf", Vec::new()),
        ("programm.exe", b"MZ\x90\x00".to_vec()),
        ("", PDF.to_vec()),
    ] {
        let (status, body) = app
            .upload_to(
                Some(&cookie),
                &upload_path(&city, &meeting, &public_item),
                name,
                bytes,
            )
            .await;
        assert!((400..500).contains(&status), "{name}: {status} {body}");
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "VALIDATION",
            "{body}"
        );
    }
    let (status, _) = app
        .upload_to(
            None,
            &upload_path(&city, &meeting, &public_item),
            "x.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(status, 401);

    // Another tenant's ids are unknown here.
    let other = app
        .create_municipality("Andere Stadt", "14511000", "SN")
        .await;
    let (status, _) = app
        .upload_to(
            Some(&cookie),
            &upload_path(&other, &meeting, &public_item),
            "x.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _, _) = app
        .download(
            Some(&cookie),
            &format!("/api/kommunen/{other}/dokumente/{public_doc}"),
        )
        .await;
    assert_eq!(status, 404);
    let removed = app
        .admin(
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaDocument(municipalityId: $m, meetingId: $mt, id: $id) { id } }",
            json!({ "m": other, "mt": meeting, "id": public_doc }),
        )
        .await;
    assert_eq!(error_code(&removed), Some("NOT_FOUND"), "{removed}");

    // Removed by the editor, the document is gone; an item taken off takes its documents.
    let removed = app
        .admin(
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaDocument(municipalityId: $m, meetingId: $mt, id: $id) { agenda { documents { id } } } }",
            json!({ "m": city, "mt": meeting, "id": public_doc }),
        )
        .await;
    assert!(removed["errors"].is_null(), "{removed}");
    let (status, _, _) = app
        .download(
            Some(&cookie),
            &format!("/api/kommunen/{city}/dokumente/{public_doc}"),
        )
        .await;
    assert_eq!(status, 404);
    let taken_off = app
        .admin(
            "mutation($m: ID!, $mt: ID!, $id: ID!) { deleteAgendaItem(municipalityId: $m, meetingId: $mt, id: $id) { id } }",
            json!({ "m": city, "mt": meeting, "id": internal_item }),
        )
        .await;
    assert!(taken_off["errors"].is_null(), "{taken_off}");
    let (status, _, _) = app
        .download(
            Some(&cookie),
            &format!("/api/kommunen/{city}/dokumente/{internal_doc}"),
        )
        .await;
    assert_eq!(status, 404);
    let file = std::env::temp_dir()
        .join("praevnet-test-files")
        .join("documents")
        .join(&internal_doc);
    assert!(!file.exists(), "the file went with its item");
}

on_both_databases!(documents_follow_their_item);
