//! The web app in a real browser (headless Chromium through chromedriver) against a real
//! server on port 0 with a fresh database. Every page the tests visit is checked with axe-core;
//! a failing test saves a screenshot under the target folder's `tmp/browser-screenshots`.
//!
//! These tests use SQLite only: they test the app, and every API call they make is tested on
//! both databases in the API tests.
//!
//! Longer than 800 lines on purpose: one scenario per user journey, sharing the log-in and mail
//! helpers at the top; one test binary links the app and the browser harness once.

#[path = "support/browser.rs"]
mod browser;
mod support;

use browser::{Browser, Outcome, fail};
use praevnet_testkit::{SmtpSink, TestDatabase};
use serde_json::json;
use support::{ADMIN_EMAIL, ADMIN_PASSWORD, TestApp, config_with_mail};

const NEW_PASSWORD: &str = "Saalebogen-Laterne-Giebichenstein-9";

async fn app_with_mail() -> (TestApp, SmtpSink) {
    let db = TestDatabase::sqlite();
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    (TestApp::spawn_with(db, config).await, sink)
}

/// The path and fragment of the link in the mail to `to` (the mail's host is the configured
/// public address; the test's server listens elsewhere).
fn mailed_link(sink: &SmtpSink, to: &str, path: &str) -> String {
    let mail = tokio::task::block_in_place(|| sink.wait_for(to));
    let token = support::link_token(&mail.text, &format!("{path}#"));
    format!("{path}#{token}")
}

async fn log_in(b: &mut Browser, app: &TestApp, email: &str, password: &str) -> Outcome {
    b.goto(&app.url("/anmelden")).await?;
    b.page("Anmelden").await?;
    b.fill("#login-email", email).await?;
    b.fill("#login-password", password).await?;
    b.click("form button[type=submit]").await?;
    b.wait_text("header", "Abmelden").await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_logs_in_edits_a_municipality_switches_language_and_logs_out() {
    let Some(mut b) = Browser::open("administrator_journey").await else {
        return;
    };
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    app.create_municipality("Zwickau", "14524330", "SN").await;
    let outcome: Outcome = async {
        let b = &mut b;
        b.goto(&app.url("/")).await?;
        b.page("Kommunen").await?;
        b.wait_text("table", "Zwickau").await?;

        b.click_text("Anmelden").await?;
        b.page("Anmelden").await?;
        // A client-side navigation moves the focus to the new page's heading and says so.
        let focused = b
            .script("return document.activeElement.tagName;", vec![])
            .await?;
        check!(
            focused == json!("H1"),
            "focus after navigation on {focused}"
        );
        b.wait_text("[role=status][aria-live]", "Seite geladen: Anmelden")
            .await?;

        b.fill("#login-email", ADMIN_EMAIL).await?;
        b.fill("#login-password", ADMIN_PASSWORD).await?;
        b.click("form button[type=submit]").await?;
        b.page("Kommunen").await?;
        b.wait_text("header", "Abmelden").await?;

        b.click_text("Zwickau").await?;
        b.page("Zwickau").await?;
        b.click_text("Stammdaten bearbeiten").await?;
        b.fill("#registry-population", "91.500").await?;
        b.axe("Zwickau, Stammdaten bearbeiten").await?;
        b.click("#registry-form button[type=submit]").await?;
        b.wait_text("main dl", "91.500").await?;
        let saved = app
            .query(
                "{ municipalityBySlug(slug: \"zwickau\") { population } }",
                json!({}),
            )
            .await;
        check!(
            saved["data"]["municipalityBySlug"]["population"] == json!(91500),
            "population not saved: {saved}"
        );

        // A refused change shows the API's German message at its field and keeps the input.
        b.click_text("Stammdaten bearbeiten").await?;
        b.fill("#registry-ags", "1452433").await?;
        b.click("#registry-form button[type=submit]").await?;
        b.wait_text("#registry-ags-error", "genau 8 Ziffern")
            .await?;
        check!(
            b.value("#registry-ags").await? == "1452433",
            "the typed AGS was lost"
        );
        let invalid = b
            .find("#registry-ags")
            .await?
            .attr("aria-invalid")
            .await
            .map_err(fail("aria-invalid"))?;
        check!(
            invalid.as_deref() == Some("true"),
            "field not marked invalid"
        );
        b.axe("Zwickau, Fehler im Formular").await?;
        b.click_text("Abbrechen").await?;

        // English, remembered across a reload.
        b.click_text("English").await?;
        b.wait_text("header", "Log out").await?;
        b.wait_text("main", "Registry data").await?;
        let lang = b
            .script("return document.documentElement.lang;", vec![])
            .await?;
        check!(lang == json!("en"), "html lang is {lang}");
        b.client.refresh().await.map_err(fail("reload"))?;
        b.page("Zwickau").await?;
        b.wait_text("header", "Log out").await?;

        b.click_text("Log out").await?;
        b.page("Log in").await?;
        b.goto(&app.url("/")).await?;
        b.page("Municipalities").await?;
        b.wait_text("header", "Log in").await?;
        Ok(())
    }
    .await;
    b.finish(outcome).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_login_and_a_lost_connection_are_explained_and_keep_the_input() {
    let Some(mut b) = Browser::open("refused_and_offline").await else {
        return;
    };
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let outcome: Outcome = async {
        let b = &mut b;
        b.goto(&app.url("/anmelden")).await?;
        b.page("Anmelden").await?;
        b.fill("#login-email", ADMIN_EMAIL).await?;
        b.fill("#login-password", "falsch-falsch-falsch").await?;
        b.click("form button[type=submit]").await?;
        b.wait_text(
            "[role=alert]",
            "E-Mail-Adresse oder Passwort ist nicht korrekt.",
        )
        .await?;
        check!(b.value("#login-email").await? == ADMIN_EMAIL, "e-mail lost");
        b.axe("Anmelden, abgelehnt").await?;

        let _db = app.stop().await;
        b.fill("#login-password", ADMIN_PASSWORD).await?;
        b.click("form button[type=submit]").await?;
        b.wait_text("[role=alert]", "Keine Verbindung zum Server")
            .await?;
        check!(
            b.value("#login-email").await? == ADMIN_EMAIL,
            "e-mail lost offline"
        );
        check!(
            b.value("#login-password").await? == ADMIN_PASSWORD,
            "password lost offline"
        );
        Ok(())
    }
    .await;
    b.finish(outcome).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invited_administrator_sets_a_password_and_edits_the_council() {
    let Some(mut b) = Browser::open("invitation").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let invited = app
        .admin(
            "mutation($i: InviteInput!) { inviteUser(input: $i) }",
            json!({ "i": { "email": "koordination@halle.test", "displayName": "Koordinierungsstelle Halle",
                           "role": "MUNICIPALITY_ADMIN", "municipalityId": halle } }),
        )
        .await;
    assert_eq!(invited["data"]["inviteUser"], true, "{invited}");
    let link = mailed_link(&sink, "koordination@halle.test", "/einladung");
    let outcome: Outcome = async {
        let b = &mut b;
        b.goto(&app.url(&link)).await?;
        b.page("Einladung annehmen").await?;
        let url = b.client.current_url().await.map_err(fail("url"))?;
        check!(
            url.fragment().is_none(),
            "the token stayed in the address bar: {url}"
        );
        b.fill("#new-password", NEW_PASSWORD).await?;
        b.click("form button[type=submit]").await?;
        b.page("Kommunen").await?;
        b.wait_text("header", "Koordinierungsstelle Halle").await?;
        b.wait_text(".shortcuts", "Halle (Saale)").await?;
        b.click(".shortcuts a").await?;
        b.page("Halle (Saale)").await?;
        let registry_editable = b
            .script(
                "return document.body.textContent.includes('Stammdaten bearbeiten');",
                vec![],
            )
            .await?;
        check!(
            registry_editable == json!(false),
            "a municipality admin was offered the registry form"
        );
        b.click_text("Präventionsrat bearbeiten").await?;
        b.fill("#council-resolution", "III/2001/01855").await?;
        b.click("#council-form button[type=submit]").await?;
        b.wait_text("main", "III/2001/01855").await?;
        b.axe("Halle (Saale), gespeichert").await
    }
    .await;
    b.finish(outcome).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_password_is_reset_from_the_mailed_link() {
    let Some(mut b) = Browser::open("password_reset").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let outcome: Outcome = async {
        let b = &mut b;
            b.goto(&app.url("/anmelden")).await?;
            b.page("Anmelden").await?;
            b.click_text("Passwort vergessen?").await?;
            b.page("Passwort vergessen").await?;
            b.fill("#forgot-email", ADMIN_EMAIL).await?;
            b.click("form button[type=submit]").await?;
            b.wait_text("[role=status]", "unterwegs").await?;
            b.axe("Passwort vergessen, gesendet").await?;

            let link = mailed_link(&sink, ADMIN_EMAIL, "/passwort-zuruecksetzen");
            b.goto(&app.url(&link)).await?;
            b.page("Neues Passwort festlegen").await?;
            b.fill("#new-password", "passwort1").await?;
            b.click("form button[type=submit]").await?;
            b.wait_until(
                "the password's error at its field",
                "const e = document.getElementById('new-password-error'); return !!e && e.textContent.length > 0;",
                vec![],
            )
            .await?;
            b.axe("Neues Passwort, abgelehnt").await?;
            b.fill("#new-password", NEW_PASSWORD).await?;
            b.click("form button[type=submit]").await?;
            b.page("Kommunen").await?;
            b.wait_text("header", "Abmelden").await?;
            let (body, _) = app.login(ADMIN_EMAIL, NEW_PASSWORD).await;
            check!(body["errors"].is_null(), "the new password does not work: {body}");
            Ok(())
    }
    .await;
    b.finish(outcome).await;
}

/// Opens `path` and checks that the page does not scroll sideways at the window's width.
async fn fits_a_phone(b: &mut Browser, app: &TestApp, path: &str, heading: &str) -> Outcome {
    b.goto(&app.url(path)).await?;
    b.page(heading).await?;
    let overflow = b
        .script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await?;
    check!(
        overflow == json!(0),
        "{path} scrolls sideways on a phone by {overflow} px"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_fit_a_phone() {
    let Some(mut b) = Browser::open("phone").await else {
        return;
    };
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    app.create_municipality("Leipzig", "14713000", "SN").await;
    let outcome: Outcome = async {
        let b = &mut b;
        b.client
            .set_window_size(390, 844)
            .await
            .map_err(fail("window size"))?;
        for (path, heading) in [
            ("/", "Kommunen"),
            ("/kommunen/leipzig", "Leipzig"),
            ("/anmelden", "Anmelden"),
        ] {
            fits_a_phone(b, &app, path, heading).await?;
        }
        // The network's pages need a login.
        log_in(b, &app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        for (path, heading) in [
            ("/netzwerk", "Netzwerk"),
            ("/kommunen/leipzig/praxis", "Praxisbeispiele – Leipzig"),
            ("/kommunen/leipzig/katalog", "Angebotskatalog – Leipzig"),
        ] {
            fits_a_phone(b, &app, path, heading).await?;
        }
        Ok(())
    }
    .await;
    b.finish(outcome).await;
}

/// The accessibility check itself can fail: a field without a label is a serious violation.
#[tokio::test(flavor = "multi_thread")]
async fn axe_refuses_a_page_with_an_unlabelled_field() {
    let Some(mut b) = Browser::open("axe_self_check").await else {
        return;
    };
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let outcome: Outcome = async {
        let b = &mut b;
        b.goto(&app.url("/anmelden")).await?;
        b.page("Anmelden").await?;
        b.script(
            "const i = document.createElement('input'); document.querySelector('main').append(i); return true;",
            vec![],
        )
        .await?;
        match b.axe("Anmelden mit unbeschriftetem Feld").await {
            Err(found) if found.contains("label") => Ok(()),
            Err(other) => Err(format!("unexpected axe finding: {other}")),
            Ok(()) => Err("axe passed a field without a label".to_owned()),
        }
    }
    .await;
    b.finish(outcome).await;
}

/// Issue 5's journey: the Halle template, a new working group with its moderator, the
/// moderator in the steering group, and the new group in the organigram.
#[tokio::test(flavor = "multi_thread")]
async fn a_council_starts_from_the_halle_template_and_grows() {
    let Some(mut b) = Browser::open("council_structure").await else {
        return;
    };
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    app.create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        b.goto(&app.url("/kommunen/halle-saale")).await?;
        b.page("Halle (Saale)").await?;
        b.click_text("Gremien und Mitglieder").await?;
        b.page("Gremien und Mitglieder – Halle (Saale)").await?;
        b.click("#template-halle").await?;
        b.click_text("Vorlage übernehmen").await?;
        b.wait_text(".organigram", "Steuerungsgruppe").await?;
        b.axe("Gremien, Vorlage Halle").await?;

        b.fill("#body-name", "AG Sicherheit in Kleingärten").await?;
        b.find("#body-parent")
            .await?
            .select_by_label("Steuerungsgruppe")
            .await
            .map_err(fail("parent"))?;
        b.click_text("Gremium anlegen").await?;
        b.wait_text(".organigram", "Kleingärten").await?;

        b.fill("#organisation-name", "Kleingartenverband Halle").await?;
        b.click_text("Organisation anlegen").await?;
        b.wait_text("#membership-organisation", "Kleingartenverband Halle").await?;
        b.fill("#person-name", "Moderation AG Kleingärten").await?;
        b.click_text("Person anlegen").await?;
        b.wait_text("#membership-person", "Moderation AG Kleingärten").await?;
        for (css, label) in [
            ("#membership-body", "AG Sicherheit in Kleingärten"),
            ("#membership-person", "Moderation AG Kleingärten"),
            ("#membership-role", "Moderation"),
            ("#membership-organisation", "Kleingartenverband Halle"),
        ] {
            b.find(css)
                .await?
                .select_by_label(label)
                .await
                .map_err(fail(css))?;
        }
        b.click_text("Mitgliedschaft eintragen").await?;
        // The moderator now sits in the steering group, kept by the platform.
        b.wait_until(
            "the moderator in the steering group",
            "const card = [...document.querySelectorAll('.body-card')].find(c => c.querySelector('h3').textContent.startsWith('Steuerungsgruppe'));
             return !!card && card.textContent.includes('Moderation AG Kleingärten') && card.textContent.includes('automatisch');",
            vec![],
        )
        .await?;
        let svg_says = b
            .script(
                "return document.querySelector('.organigram svg desc').textContent;",
                vec![],
            )
            .await?;
        check!(
            svg_says.as_str().is_some_and(|d| d.contains("AG Sicherheit in Kleingärten (Arbeitsgruppe, 1 Mitglied)")),
            "organigram text alternative: {svg_says}"
        );
        b.axe("Gremien, mit Moderation").await?;

        // The council's chair, chosen among its people: above the organigram and in it.
        b.find("#council-chair")
            .await?
            .select_by_label("Moderation AG Kleingärten")
            .await
            .map_err(fail("chair"))?;
        b.click_text("Vorsitz speichern").await?;
        b.wait_text(".council-chair", "Vorsitz: Moderation AG Kleingärten")
            .await?;
        b.wait_text(".organigram svg", "Vorsitz: Moderation AG Kleingärten")
            .await?;

        // Configure the new group, then end the moderation: the steering group seat ends too.
        let card = "[...document.querySelectorAll('.body-card')].find(c => c.querySelector('h3').textContent.startsWith(arguments[0]))";
        b.script(
            &format!("{card}.querySelector('button').click(); return true;"),
            vec![json!("AG Sicherheit in Kleingärten")],
        )
        .await?;
        b.fill("#edit-tasks", "Sicherheitsberatung für Vereine der Kleingartenanlagen").await?;
        b.axe("Gremium bearbeiten").await?;
        b.click("#body-form button[type=submit]").await?;
        b.wait_until(
            "the tasks in the group's card",
            &format!("const c = {card}; return !!c && c.textContent.includes('Sicherheitsberatung für Vereine');"),
            vec![json!("AG Sicherheit in Kleingärten")],
        )
        .await?;
        b.click_text("Amtszeit heute beenden").await?;
        let today = chrono::Utc::now().date_naive().to_string();
        b.wait_until(
            "the steering group seat to end today",
            &format!("const c = {card}; return !!c && c.textContent.includes(' – ' + arguments[1]);"),
            vec![json!("Steuerungsgruppe"), json!(today)],
        )
        .await?;
        Ok(())
    }
    .await;
    b.finish(outcome).await;
}

/// Importing members and recording the rules of procedure in the app.
#[tokio::test(flavor = "multi_thread")]
async fn members_are_imported_and_rules_of_procedure_recorded() {
    let Some(mut b) = Browser::open("import_and_rules").await else {
        return;
    };
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    let applied = app
        .admin(
            "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"zwickau\") { id } }",
            json!({ "m": zwickau }),
        )
        .await;
    assert!(applied["errors"].is_null(), "{applied}");
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        b.goto(&app.url("/kommunen/zwickau/rat")).await?;
        b.page("Gremien und Mitglieder – Zwickau").await?;

        // A file with a bad row: its line is named, nothing is imported.
        b.fill("#import-text", "gremium;name;rolle;beginn\nAG Sucht;Suchtberatung;Kassenwart;01.01.2026\n").await?;
        b.click_text("Importieren").await?;
        b.wait_text("[role=alert]", "Zeile 2: „Kassenwart“").await?;
        b.axe("Gremien, Import abgelehnt").await?;
        b.fill(
            "#import-text",
            "gremium;name;rolle;beginn\nLenkungsgremium;Leitung Ordnungsamt;Vorsitz;01.01.2026\nAG Sucht;Suchtberatung;Moderation;01.01.2026\n",
        )
        .await?;
        b.click_text("Importieren").await?;
        b.wait_until(
            "the imported chair",
            "const c = [...document.querySelectorAll('.body-card')].find(c => c.querySelector('h3').textContent.startsWith('Lenkungsgremium'));
             return !!c && c.textContent.includes('Leitung Ordnungsamt') && c.textContent.includes('Vorsitz');",
            vec![],
        )
        .await?;

        b.fill("#rules-title", "Geschäftsordnung des Kommunalen Präventionsrates").await?;
        b.fill("#rules-text", "§ 1 Zweck\n§ 2 Lenkungsgremium").await?;
        b.find("#rules-body")
            .await?
            .select_by_label("Lenkungsgremium")
            .await
            .map_err(fail("body"))?;
        b.click_text("Fassung speichern").await?;
        b.wait_text(".rules", "Version 1: Geschäftsordnung des Kommunalen Präventionsrates").await?;
        b.click_text("Kenntnisnahme eintragen").await?;
        b.wait_until(
            "the informed date",
            "const r = document.querySelector('.rules'); return !!r && !r.textContent.includes('noch nicht');",
            vec![],
        )
        .await?;
        b.axe("Gremien, Geschäftsordnung").await
    }
    .await;
    b.finish(outcome).await;
}

/// Issue 6's journey: Saxony's state office onboards Plauen, its new administrator accepts the
/// mailed invitation, chooses a template and records the constituent meeting, and the state
/// office sees the council active in its overview.
#[tokio::test(flavor = "multi_thread")]
async fn a_state_office_onboards_a_municipality_until_its_council_is_active() {
    let Some(mut b) = Browser::open("onboarding").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    app.onboard(
        &sink,
        "lpr@sachsen.test",
        json!({ "role": "STATE_OFFICE", "federalState": "SN" }),
        NEW_PASSWORD,
    )
    .await;
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, "lpr@sachsen.test", NEW_PASSWORD).await?;
        b.click_text("Kommune anlegen").await?;
        b.page("Kommune anlegen").await?;
        b.fill("#create-name", "Plauen").await?;
        b.fill("#create-ags", "14523320").await?;
        b.fill("#create-population", "64000").await?;
        b.click("form button[type=submit]").await?;
        b.page("Plauen").await?;
        b.fill("#invite-name", "Koordination Plauen").await?;
        b.fill("#invite-email", "kpr@plauen.test").await?;
        b.click_text("Einladung senden").await?;
        b.wait_text("[role=status][aria-live]", "Einladung ist verschickt").await?;
        b.click_text("Gründung des Präventionsrats").await?;
        b.page("Gründung – Plauen").await?;
        b.click_text("Gründung beginnen").await?;
        b.wait_text(".status-line", "in Gründung").await?;
        // The structure step previews each template's organigram.
        b.wait_text(".preview .organigram", "Steuerungsgruppe").await?;
        b.find("#template-preview")
            .await?
            .select_by_label("Zwickau – Oberbürgermeister*in leitet das Lenkungsgremium")
            .await
            .map_err(fail("template preview"))?;
        b.wait_text(".preview .organigram", "Lenkungsgremium").await?;
        b.axe("Gründung, begonnen").await?;
        b.click_text("Abmelden").await?;
        b.page("Anmelden").await?;

        // The new administrator follows the mailed link.
        let link = mailed_link(&sink, "kpr@plauen.test", "/einladung");
        b.goto(&app.url(&link)).await?;
        b.page("Einladung annehmen").await?;
        b.fill("#new-password", "Vogtland-Spitze-Elster-Brücke-7").await?;
        b.click("form button[type=submit]").await?;
        b.page("Kommunen").await?;
        b.goto(&app.url("/kommunen/plauen/rat")).await?;
        b.page("Gremien und Mitglieder – Plauen").await?;
        b.click("#template-zwickau").await?;
        b.click_text("Vorlage übernehmen").await?;
        b.wait_text(".organigram", "Lenkungsgremium").await?;
        b.goto(&app.url("/kommunen/plauen/gruendung")).await?;
        b.page("Gründung – Plauen").await?;
        b.script(
            "const i = document.getElementById('step-constituent_meeting-date'); i.value = '2026-11-18';
             i.dispatchEvent(new Event('input', { bubbles: true })); return true;",
            vec![],
        )
        .await?;
        b.script(
            "document.getElementById('step-constituent_meeting-date').closest('form').querySelector('button[type=submit]').click(); return true;",
            vec![],
        )
        .await?;
        b.wait_text(".status-line", "aktiv").await?;
        b.click_text("Abmelden").await?;
        b.page("Anmelden").await?;

        // The state office sees the council active.
        b.fill("#login-email", "lpr@sachsen.test").await?;
        b.fill("#login-password", NEW_PASSWORD).await?;
        b.click("form button[type=submit]").await?;
        b.page("Kommunen").await?;
        b.click_text("Landesübersicht").await?;
        b.page("Landesübersicht").await?;
        b.wait_until(
            "Plauen active with the Zwickau model",
            "const row = [...document.querySelectorAll('tbody tr')].find(r => r.textContent.includes('Plauen'));
             return !!row && row.textContent.includes('aktiv') && row.textContent.includes('zwickau');",
            vec![],
        )
        .await?;
        b.axe("Landesübersicht").await
    }
    .await;
    b.finish(outcome).await;
}

/// Issue 6's funding journey: the state office publishes a programme, a city applies (an amount
/// above the programme's maximum refused at its field), the office grants it and sees the
/// budget committed and the grant in its overview; axe on each page.
#[tokio::test(flavor = "multi_thread")]
async fn a_municipality_applies_for_funding_and_the_state_office_grants_it() {
    let Some(mut b) = Browser::open("funding").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    app.onboard(
        &sink,
        "lpr@sachsen.test",
        json!({ "role": "STATE_OFFICE", "federalState": "SN" }),
        NEW_PASSWORD,
    )
    .await;
    app.onboard(
        &sink,
        "kpr@zwickau.test",
        json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": zwickau }),
        NEW_PASSWORD,
    )
    .await;
    let outcome: Outcome = async {
        let b = &mut b;
        // The state office publishes the programme.
        log_in(b, &app, "lpr@sachsen.test", NEW_PASSWORD).await?;
        b.click_text("Förderung").await?;
        b.page("Förderprogramme").await?;
        b.click("details.panel summary").await?;
        b.fill("#programme-name", "ASSKOMM").await?;
        b.fill("#programme-provider", "Landespräventionsrat Sachsen").await?;
        b.fill("#programme-total", "1.300.000").await?;
        b.fill("#programme-max", "50.000").await?;
        b.click("details.panel form button[type=submit]").await?;
        b.wait_text(".cards", "ASSKOMM").await?;
        b.axe("Förderprogramme").await?;
        b.click_text("Abmelden").await?;
        b.page("Anmelden").await?;

        // The city applies; an amount above the maximum is refused at the field.
        log_in(b, &app, "kpr@zwickau.test", NEW_PASSWORD).await?;
        b.goto(&app.url("/kommunen/zwickau/foerderung")).await?;
        b.page("Förderung – Zwickau").await?;
        b.fill("#apply-title", "Graffiti-Prävention").await?;
        b.fill("#apply-amount", "60000").await?;
        b.click_text("Antrag stellen").await?;
        b.wait_text(".field-error", "höchstens 50.000 €").await?;
        if b.value("#apply-title").await? != "Graffiti-Prävention" {
            return Err("the refused form lost its input".to_owned());
        }
        b.fill("#apply-amount", "40000").await?;
        b.click_text("Antrag stellen").await?;
        b.wait_text(".cards", "beantragt").await?;
        b.axe("Förderung der Kommune").await?;
        b.click_text("Abmelden").await?;
        b.page("Anmelden").await?;

        // The office grants it: the budget shows what is committed, the overview the grant.
        log_in(b, &app, "lpr@sachsen.test", NEW_PASSWORD).await?;
        b.click_text("Förderung").await?;
        b.page("Förderprogramme").await?;
        b.click_text("ASSKOMM").await?;
        b.page("ASSKOMM").await?;
        b.click_text("Entscheidung erfassen").await?;
        b.fill("#decision-amount", "40000").await?;
        b.click("form[aria-labelledby=decision-heading] button[type=submit]").await?;
        b.wait_text("#budget-heading + .status-line", "40.000 €").await?;
        b.wait_text(".cards", "bewilligt").await?;
        b.axe("Förderprogramm").await?;
        b.click_text("Landesübersicht").await?;
        b.page("Landesübersicht").await?;
        b.wait_until(
            "Zwickau with its grant",
            "const row = [...document.querySelectorAll('tbody tr')].find(r => r.textContent.includes('Zwickau'));
             return !!row && row.textContent.includes('40.000 €');",
            vec![],
        )
        .await
        .map(drop)
    }
    .await;
    b.finish(outcome).await;
}

/// A council records a meeting of one of its bodies with its agenda and an item's result; it
/// shows among the meetings, and a past one counts in the Land's overview.
#[tokio::test(flavor = "multi_thread")]
async fn a_council_records_its_meetings_and_the_overview_counts_them() {
    let Some(mut b) = Browser::open("meetings").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    let applied = app
        .admin(
            "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"zwickau\") { id } }",
            json!({ "m": zwickau }),
        )
        .await;
    assert!(applied["errors"].is_null(), "{applied}");
    app.onboard(
        &sink,
        "lpr@sachsen.test",
        json!({ "role": "STATE_OFFICE", "federalState": "SN" }),
        NEW_PASSWORD,
    )
    .await;
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, "lpr@sachsen.test", NEW_PASSWORD).await?;
        b.goto(&app.url("/kommunen/zwickau/sitzungen")).await?;
        b.page("Sitzungen – Zwickau").await?;
        b.fill("#meeting-title", "Sitzung des Lenkungsgremiums").await?;
        // A date a month ago: a meeting held, recorded afterwards.
        b.script(
            "const d = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
             const i = document.getElementById('meeting-date'); i.value = d;
             i.dispatchEvent(new Event('input', { bubbles: true })); return true;",
            vec![],
        )
        .await?;
        b.fill("#meeting-location", "Rathaus").await?;
        b.click("form[aria-labelledby=meeting-form-heading] button[type=submit]")
            .await?;
        b.wait_until(
            "the meeting among the past ones",
            "return [...document.querySelectorAll('main .cards')].some(l => l.textContent.includes('Sitzung des Lenkungsgremiums'));",
            vec![],
        )
        .await?;
        // Its agenda: an item added, then its result recorded after the meeting.
        b.click("li.card button[aria-expanded]").await?;
        b.fill("#agenda-title", "Lagebild").await?;
        b.fill("#agenda-presenter", "Polizeirevier").await?;
        b.click("form[aria-labelledby=agenda-add-heading] button[type=submit]")
            .await?;
        b.wait_text("ol.agenda", "Lagebild").await?;
        b.fill("#agenda-result-1", "Zur Kenntnis genommen").await?;
        b.click("form[aria-labelledby=agenda-item-1-heading] button[type=submit]")
            .await?;
        b.wait_text("ol.agenda", "Zur Kenntnis genommen").await?;
        // The public meetings as a calendar to subscribe to.
        b.wait_until(
            "the calendar feed's link",
            "return !!document.querySelector('a[href=\"/kalender/zwickau\"][rel=external]');",
            vec![],
        )
        .await?;
        // A calendar link of one's own, with the internal meetings too.
        b.click_text("Neuen Kalender-Link erzeugen").await?;
        b.wait_until(
            "the personal calendar link",
            "const i = document.getElementById('personal-feed-address'); return !!i && i.value.includes('/kalender/zwickau/privat/');",
            vec![],
        )
        .await?;
        b.axe("Sitzungen").await?;
        b.click_text("Landesübersicht").await?;
        b.page("Landesübersicht").await?;
        b.wait_until(
            "Zwickau with one meeting",
            "const row = [...document.querySelectorAll('tbody tr')].find(r => r.textContent.includes('Zwickau'));
             return !!row && [...row.querySelectorAll('td')].some(td => td.textContent.trim() === '1');",
            vec![],
        )
        .await
        .map(drop)
    }
    .await;
    b.finish(outcome).await;
}

/// The page the contact mail links to: the receiving city reads the message and answers.
#[tokio::test(flavor = "multi_thread")]
async fn a_city_answers_a_contact_request_from_the_mailed_link() {
    let Some(mut b) = Browser::open("contacts").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    app.onboard(
        &sink,
        "kpr@leipzig.test",
        json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig }),
        NEW_PASSWORD,
    )
    .await;
    let saved = app
        .admin(
            "mutation($m: ID!) { savePractice(municipalityId: $m, input: { title: \"Sichere Kleingärten\", problem: \"Einbrüche\", measures: \"Patenschaften\", topics: [BURGLARY], contact: \"Geschäftsstelle\" }) { id } }",
            json!({ "m": leipzig }),
        )
        .await;
    let practice = support::returned_id(&saved).expect("practice");
    for (query, vars) in [
        (
            "mutation($m: ID!, $p: ID!) { publishPractice(municipalityId: $m, id: $p) { id } }",
            json!({ "m": leipzig, "p": practice }),
        ),
        (
            "mutation($m: ID!, $p: ID!) { sendContactRequest(municipalityId: $m, practiceId: $p, message: \"Wie habt ihr das organisiert?\") { id } }",
            json!({ "m": halle, "p": practice }),
        ),
    ] {
        let body = app.admin(query, vars).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    let mail = tokio::task::block_in_place(|| {
        sink.wait_for_containing("kpr@leipzig.test", "schreibt Ihnen")
    });
    let link = mail
        .text
        .lines()
        .find_map(|l| l.split_once("http").map(|(_, rest)| format!("http{rest}")))
        .and_then(|url| url.find("/kommunen/").map(|i| url[i..].trim().to_owned()))
        .expect("a link in the mail");
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, "kpr@leipzig.test", NEW_PASSWORD).await?;
        b.goto(&app.url(&link)).await?;
        b.page("Kontakte – Leipzig").await?;
        b.wait_text("main", "Wie habt ihr das organisiert?").await?;
        b.fill("#reply-0", "Über den Kleingartenverband.").await?;
        b.click_text("Antwort senden").await?;
        b.wait_text("main .messages", "Über den Kleingartenverband.")
            .await?;
        b.axe("Kontakte").await
    }
    .await;
    b.finish(outcome).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_city_publishes_a_practice_that_another_finds_with_a_facet_and_asks_about() {
    let Some(mut b) = Browser::open("network").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    for (email, m) in [("kpr@leipzig.test", &leipzig), ("kpr@halle.test", &halle)] {
        app.onboard(
            &sink,
            email,
            json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": m }),
            NEW_PASSWORD,
        )
        .await;
    }
    let outcome: Outcome = async {
        let b = &mut b;
        // Leipzig writes a practice along the Beccaria steps and publishes it.
        log_in(b, &app, "kpr@leipzig.test", NEW_PASSWORD).await?;
        b.goto(&app.url("/kommunen/leipzig/praxis")).await?;
        b.page("Praxisbeispiele – Leipzig").await?;
        b.fill("#p-title", "Sichere Kleingärten").await?;
        b.fill("#p-problem", "Einbrüche in Lauben der Kleingartenanlagen am Stadtrand")
            .await?;
        b.fill("#p-measures", "Patenschaften, Beleuchtung, gemeinsame Streifen")
            .await?;
        b.click("#p-topic-burglary").await?;
        b.click("#p-setting-allotment_gardens").await?;
        b.fill("#p-contact", "Geschäftsstelle des Präventionsrats").await?;
        b.click("section[aria-labelledby=praxis-form] button[type=submit]")
            .await?;
        b.wait_text("main .cards", "Entwurf").await?;
        b.click_text("Veröffentlichen").await?;
        b.wait_text("main .cards", "veröffentlicht").await?;
        // A concept as attachment, shared with the published practice.
        let folder = tempfile::tempdir().map_err(fail("tempdir"))?;
        let concept = folder.path().join("Konzept.pdf");
        std::fs::write(&concept, b"%PDF-1.7\n%%EOF\n").map_err(fail("file"))?;
        b.find(".attachments input[type=file]")
            .await?
            .send_keys(&concept.display().to_string())
            .await
            .map_err(fail("choose file"))?;
        b.wait_text(".attachments ul", "Konzept.pdf").await?;
        b.axe("Praxisbeispiele, veröffentlicht").await?;
        b.click_text("Abmelden").await?;
        b.page("Anmelden").await?;

        // Halle finds it with a word and a facet, reads it and writes to Leipzig.
        log_in(b, &app, "kpr@halle.test", NEW_PASSWORD).await?;
        b.click_text("Netzwerk").await?;
        b.page("Netzwerk").await?;
        b.fill("#suche", "Kleingarten").await?;
        b.click("form.search button[type=submit]").await?;
        b.wait_until(
            "the setting facet with its count",
            "const l = document.querySelector('label[for=\"f-setting-allotment_gardens\"]'); return !!l && l.textContent.includes('(1)');",
            vec![],
        )
        .await?;
        b.click("#f-setting-allotment_gardens").await?;
        b.wait_text(".results", "Sichere Kleingärten").await?;
        b.wait_text(".results mark", "Kleingartenanlagen").await?;
        b.axe("Netzwerk, Treffer mit Filter").await?;
        b.click_text("Sichere Kleingärten").await?;
        b.page("Sichere Kleingärten").await?;
        b.wait_text("main", "Geschäftsstelle des Präventionsrats")
            .await?;
        b.wait_text("#anhaenge + ul", "Konzept.pdf").await?;
        b.fill("#nachricht", "Wie habt ihr die Patenschaften organisiert?")
            .await?;
        b.click_text("Nachricht senden").await?;
        b.wait_text(".success", "gesendet").await?;
        b.axe("Praxisbeispiel, Nachricht gesendet").await
    }
    .await;
    b.finish(outcome).await;
    let mail = tokio::task::block_in_place(|| {
        sink.wait_for_containing("kpr@leipzig.test", "Patenschaften organisiert")
    });
    assert!(
        mail.text.contains("/kommunen/leipzig/kontakte"),
        "{}",
        mail.text
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certifying_council_adds_an_offer_and_grants_its_seal() {
    let Some(mut b) = Browser::open("catalogue").await else {
        return;
    };
    let (app, _sink) = app_with_mail().await;
    app.create_municipality("Chemnitz", "14511000", "SN").await;
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        b.goto(&app.url("/kommunen/chemnitz/katalog")).await?;
        b.page("Angebotskatalog – Chemnitz").await?;
        b.fill("#o-title", "Zivilcourage-Training").await?;
        b.fill("#o-provider", "Netzwerk für Kultur- und Jugendarbeit e. V.")
            .await?;
        b.click("#o-format option[value=WORKSHOP]").await?;
        b.click("#o-target-youth").await?;
        b.click("section[aria-labelledby=angebot-form] button[type=submit]")
            .await?;
        b.wait_text("main .cards", "kein Siegel").await?;
        // Date fields take their value as the browser's date picker would set it.
        b.script(
            "const e = document.getElementById('seal-until-0'); e.value = '2099-12-31'; e.dispatchEvent(new Event('input', { bubbles: true })); return true;",
            vec![],
        )
        .await?;
        b.click_text("Siegel erteilen").await?;
        b.wait_text("main .cards", "gültig: ").await?;
        b.wait_text("main .cards", "2099-12-31").await?;
        b.axe("Angebotskatalog, Siegel erteilt").await?;
        b.click(".cards button.secondary").await?;
        b.wait_text("#angebot-form", "Angebot ändern").await?;
        b.fill("#o-title", "Zivilcourage-Training für Schulklassen")
            .await?;
        b.click("section[aria-labelledby=angebot-form] button[type=submit]")
            .await?;
        b.wait_text("main .cards", "für Schulklassen").await?;
        b.click_text("Zivilcourage-Training für Schulklassen").await?;
        b.page("Zivilcourage-Training für Schulklassen").await?;
        b.wait_text("main .facts", "gültig").await?;
        b.goto(&app.url("/kommunen/chemnitz/katalog")).await?;
        b.page("Angebotskatalog – Chemnitz").await?;
        b.click_text("Entfernen Zivilcourage-Training für Schulklassen")
            .await?;
        b.wait_text("main", "Noch keine Angebote im Katalog.").await
    }
    .await;
    b.finish(outcome).await;
}

/// Sets a form control's value as a user does (for date and time fields and selects, whose
/// typing differs between locales), firing the events the app listens to.
async fn set_value(b: &Browser, id: &str, value: &str) -> Outcome {
    b.script(
        "const e = document.getElementById(arguments[0]); if (!e) return false;
         e.value = arguments[1];
         e.dispatchEvent(new Event('input', { bubbles: true }));
         e.dispatchEvent(new Event('change', { bubbles: true })); return true;",
        vec![json!(id), json!(value)],
    )
    .await
    .and_then(|done| match done.as_bool() {
        Some(true) => Ok(()),
        _ => Err(format!("no field #{id}")),
    })
}

/// [`set_value`] until the value stays: a panel that renders again as its list reloads
/// replaces the field, and what was typed into the old one is gone.
async fn set_stable(b: &Browser, id: &str, value: &str) -> Outcome {
    for _ in 0..20 {
        set_value(b, id, value).await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let kept = b
            .script(
                "const e = document.getElementById(arguments[0]); return !!e && e.value === arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await?;
        if kept.as_bool() == Some(true) {
            return Ok(());
        }
    }
    Err(format!("#{id} does not keep its value"))
}

/// Clicks the element `css`, found afresh at the moment of the click: the meetings page
/// renders a card's panel again when its list reloads, which leaves a found element stale.
async fn click_fresh(b: &Browser, css: &str) -> Outcome {
    b.wait_until(
        &format!("{css} to click"),
        "const e = document.querySelector(arguments[0]); if (!e) return false; e.click(); return true;",
        vec![json!(css)],
    )
    .await
    .map(drop)
}

/// Clicks the button `text` on the meeting card that contains `card` (buttons may add the
/// meeting's title for screen readers after their text).
async fn click_on_card(b: &Browser, card: &str, text: &str) -> Outcome {
    b.wait_until(
        &format!("'{text}' on the card of '{card}'"),
        "const c = [...document.querySelectorAll('li.card')].find(c => c.textContent.includes(arguments[0]));
         const button = c && [...c.querySelectorAll('button')].find(e => e.textContent.trim().startsWith(arguments[1]));
         if (!button) return false; button.click(); return true;",
        vec![json!(card), json!(text)],
    )
    .await
    .map(drop)
}

/// The council's work in one journey (issue 14): Leipzig schedules its next
/// Sicherheitskonferenz with the number proposed, adds the agenda and sends the invitations
/// (the sink receives a mail with a valid `.ics`); a member answers from the mailed link; the
/// office records attendance and approves the minutes; a recommendation is raised, adopted by
/// the steering body and answered by the city council.
#[tokio::test(flavor = "multi_thread")]
async fn a_council_holds_its_sicherheitskonferenz_and_follows_up_its_recommendation() {
    let Some(mut b) = Browser::open("council-work").await else {
        return;
    };
    let (app, sink) = app_with_mail().await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let applied = app
        .admin(
            "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"leipzig\") { structure { bodies { id name } } } }",
            json!({ "m": leipzig }),
        )
        .await;
    let body_id = |name: &str| {
        applied["data"]["applyStructureTemplate"]["structure"]["bodies"]
            .as_array()
            .and_then(|bodies| bodies.iter().find(|b| b["name"] == name))
            .and_then(|b| b["id"].as_str())
            .unwrap_or_else(|| panic!("{name}: {applied}"))
            .to_owned()
    };
    let (conference, steering) = (body_id("Sicherheitskonferenz"), body_id("Lenkungsgruppe"));
    // (The recommendation's origin, the conference, follows from the item it is raised under.)
    let person = app
        .admin(
            "mutation($m: ID!) { savePerson(municipalityId: $m, input: { name: \"Revierleitung Zentrum\", email: \"revier@leipzig.test\" }) { id } }",
            json!({ "m": leipzig }),
        )
        .await;
    let person = support::returned_id(&person).expect("person");
    app.admin(
        "mutation($m: ID!, $b: ID!, $p: ID!) { addMembership(municipalityId: $m, input: { bodyId: $b, personId: $p, role: MEMBER, termStart: \"2026-01-01\" }) { id } }",
        json!({ "m": leipzig, "b": conference, "p": person }),
    )
    .await;
    // The 41st conference of 25 November 2019 (seed 005).
    app.admin(
        "mutation($m: ID!, $b: ID!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sicherheitskonferenz\", date: \"2019-11-25\", number: 41 }) { id } }",
        json!({ "m": leipzig, "b": conference }),
    )
    .await;
    let today = chrono::Utc::now().date_naive().to_string();
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        b.goto(&app.url("/kommunen/leipzig/sitzungen")).await?;
        b.page("Sitzungen – Leipzig").await?;
        // The next conference: its number is proposed.
        set_value(b, "meeting-body", &conference).await?;
        b.wait_until(
            "the next number proposed",
            "return document.getElementById('meeting-number').value === '42';",
            vec![],
        )
        .await?;
        b.fill("#meeting-title", "Sicherheitskonferenz").await?;
        set_value(b, "meeting-date", &today).await?;
        set_value(b, "meeting-time", "18:00").await?;
        b.fill("#meeting-location", "Neues Rathaus").await?;
        b.click("form[aria-labelledby=meeting-form-heading] button[type=submit]")
            .await?;
        let card = "42.";
        click_on_card(b, card, "Tagesordnung bearbeiten").await?;
        b.fill("#agenda-title", "Lagebild der Polizei").await?;
        click_fresh(b, "form[aria-labelledby=agenda-add-heading] button[type=submit]").await?;
        b.wait_text("ol.agenda", "Lagebild der Polizei").await?;

        // Invitations: the member's mail carries a calendar the strict parser reads.
        click_on_card(b, card, "Einladungen und Anwesenheit").await?;
        click_fresh(b, "form[aria-labelledby=invitations-heading] button[type=submit]").await?;
        let mail = tokio::task::block_in_place(|| sink.wait_for("revier@leipzig.test"));
        let start = mail.text.find("BEGIN:VCALENDAR").ok_or("no calendar in the mail")?;
        let end = mail.text.find("END:VCALENDAR").ok_or("no calendar end")?;
        let calendar = format!("{}END:VCALENDAR\r\n", &mail.text[start..end]);
        if let Some(events) = support::ics::parse_strictly(&calendar)
            && (events[0]["method"] != "REQUEST"
                || events[0]["summary"] != "42. Sicherheitskonferenz")
        {
            return Err(format!("the invitation's calendar: {events:?}"));
        }
        b.axe("Sitzungen mit Einladungen").await?;

        // The member answers from the link, without an account.
        let marker = "/teilnahme#";
        let at = mail.text.find(marker).ok_or("no answer link")? + marker.len();
        let token: String = mail.text[at..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit() || *c == '.')
            .collect();
        b.goto(&app.url(&format!("{marker}{token}"))).await?;
        b.page("Einladung beantworten").await?;
        b.click_text("Zusage").await?;
        b.wait_text("main", "Ihre Antwort wurde gespeichert").await?;

        // After the meeting: attendance, then the minutes, approved.
        b.goto(&app.url("/kommunen/leipzig/sitzungen")).await?;
        b.page("Sitzungen – Leipzig").await?;
        b.wait_until(
            "the answer on the card",
            "return [...document.querySelectorAll('li.card')].some(c => c.textContent.includes('42.') && c.textContent.includes('Zusage'));",
            vec![],
        )
        .await?;
        click_on_card(b, card, "Einladungen und Anwesenheit").await?;
        set_value(b, "attendance-1", "PRESENT").await?;
        click_fresh(b, "form[aria-labelledby=attendance-heading] button[type=submit]").await?;
        b.wait_until(
            "the attendance on the card",
            "return [...document.querySelectorAll('li.card')].some(c => c.textContent.includes('42.') && c.textContent.includes('anwesend'));",
            vec![],
        )
        .await?;
        click_on_card(b, card, "Niederschrift bearbeiten").await?;
        // (The card's panel renders again as the list reloads; the values go in by id.)
        b.find("#minutes-item-1").await?;
        set_stable(b, "minutes-notes", "Die Sitzung wird eröffnet.").await?;
        set_stable(b, "minutes-item-1", "Die Polizei stellt das Lagebild vor.").await?;
        click_fresh(b, "form[aria-labelledby=minutes-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Die Polizei stellt das Lagebild vor.").await?;
        b.click_text("Als genehmigt erfassen").await?;
        b.wait_text("main", "genehmigt").await?;
        b.axe("Sitzungen mit Niederschrift").await?;

        // A recommendation raised under the conference's item, adopted by the steering body,
        // answered by the city council.
        click_on_card(b, card, "Tagesordnung bearbeiten").await?;
        b.click_text("Handlungsempfehlung aus diesem Punkt erfassen").await?;
        b.page("Handlungsempfehlungen – Leipzig").await?;
        b.fill("#recommendation-title", "Beleuchtung am Hauptbahnhof verbessern").await?;
        set_value(b, "recommendation-adopting", &steering).await?;
        set_value(b, "recommendation-addressee", "CITY_COUNCIL").await?;
        b.fill("#recommendation-paper", "VII-F-00741").await?;
        b.click("form[aria-labelledby=recommendation-form-heading] button[type=submit]")
            .await?;
        b.wait_text("main", "VII-F-00741").await?;
        b.wait_text("main", "Sicherheitskonferenz").await?;
        for (step, label) in [("ADOPTED", "beschlossen"), ("SUBMITTED", "eingereicht")] {
            set_value(b, "recommendation-1-step", step).await?;
            b.click("form[aria-labelledby=recommendation-1-step-heading] button[type=submit]")
                .await?;
            b.wait_text("main", label).await?;
        }
        set_value(b, "recommendation-1-step", "ANSWERED").await?;
        b.fill(
            "#recommendation-1-answer",
            "Der Stadtrat beauftragt die Verwaltung mit der Umsetzung.",
        )
        .await?;
        b.click("form[aria-labelledby=recommendation-1-step-heading] button[type=submit]")
            .await?;
        b.wait_text("main", "Der Stadtrat beauftragt die Verwaltung").await?;
        b.axe("Handlungsempfehlungen").await
    }
    .await;
    b.finish(outcome).await;
}

/// The prevention cycle in one journey (issue 17): Halle records a hot spot and a citizens'
/// demand from its survey, sets a goal, starts a project with two indicators and a funding
/// application, records measured values, evaluates the project and opens the good practice it
/// becomes in the network, filled from the project.
#[tokio::test(flavor = "multi_thread")]
async fn a_council_follows_a_hot_spot_to_an_evaluated_project_and_shares_it() {
    let Some(mut b) = Browser::open("prevention-cycle").await else {
        return;
    };
    let (app, _sink) = app_with_mail().await;
    let halle = app.create_municipality("Halle", "15002000", "ST").await;
    app.admin(
        "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"halle\") { id } }",
        json!({ "m": halle }),
    )
    .await;
    let programme = app
        .admin(
            "mutation { saveFundingProgramme(input: { federalState: ST, name: \"Landesprogramm Prävention\", provider: \"Landespräventionsrat Sachsen-Anhalt\", totalBudget: 100000 }) { id } }",
            json!({}),
        )
        .await;
    let programme = support::returned_id(&programme).expect("programme");
    let application = app
        .admin(
            "mutation($m: ID!, $p: ID!) { applyForFunding(municipalityId: $m, input: { programmeId: $p, projectTitle: \"Lichtkonzept\", requestedAmount: 12000 }) { id } }",
            json!({ "m": halle, "p": programme }),
        )
        .await;
    let application = support::returned_id(&application).expect("application");
    // The id of the record of `list` named `name`, as the page's choices carry it.
    let record = |list: &'static str, key: &'static str, name: &'static str| {
        let app = &app;
        let halle = halle.clone();
        async move {
            let cycle = app
                .admin(
                    "query($m: ID!) { preventionCycle(municipalityId: $m) { hotSpots { id name } demands { id title } goals { id title } } }",
                    json!({ "m": halle }),
                )
                .await;
            cycle["data"]["preventionCycle"][list]
                .as_array()
                .and_then(|l| l.iter().find(|r| r[key] == name))
                .and_then(|r| r["id"].as_str())
                .map(str::to_owned)
                .ok_or_else(|| format!("no {name} in {cycle}"))
        }
    };
    let outcome: Outcome = async {
        let b = &mut b;
        log_in(b, &app, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
        b.goto(&app.url("/kommunen/halle")).await?;
        b.click_text("Präventionszyklus").await?;
        b.page("Präventionszyklus – Halle").await?;

        // The security analysis: a hot spot.
        b.fill("#hot-spot-name", "Hallmarkt").await?;
        b.fill("#hot-spot-year", "2025").await?;
        b.fill("#hot-spot-reasons", "Dunkle Wege, Angst am Abend").await?;
        b.click("form[aria-labelledby=hot-spot-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Dunkle Wege, Angst am Abend").await?;
        let spot = record("hotSpots", "name", "Hallmarkt").await?;
        // A figure of the crime statistics, recorded in error and deleted again.
        b.fill("#figure-year", "2025").await?;
        b.fill("#figure-area", "Altstadt").await?;
        set_value(b, "figure-kind", "CRIME").await?;
        b.fill("#figure-category", "Straßenkriminalität").await?;
        b.fill("#figure-value", "412").await?;
        b.fill("#figure-source", "Polizeiliche Kriminalstatistik 2025").await?;
        b.click("form[aria-labelledby=figure-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Polizeiliche Kriminalstatistik 2025").await?;
        b.click_text("Löschen Straßenkriminalität").await?;
        b.wait_until(
            "the figure gone",
            "return !document.querySelector('main').textContent.includes('Polizeiliche Kriminalstatistik 2025');",
            vec![],
        )
        .await?;

        // A citizens' demand from the survey, about the hot spot.
        b.fill("#demand-title", "Bessere Beleuchtung am Hallmarkt").await?;
        set_value(b, "demand-source-kind", "SURVEY").await?;
        b.fill("#demand-source", "Bürgerbefragung 2025").await?;
        set_value(b, "demand-hot-spot", &spot).await?;
        b.fill("#demand-responsible", "Ordnungsamt").await?;
        b.click("form[aria-labelledby=demand-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Bürgerbefragung 2025").await?;
        let demand = record("demands", "title", "Bessere Beleuchtung am Hallmarkt").await?;
        // The Ordnungsamt takes it up.
        set_stable(b, "demand-0-status", "IN_PROGRESS").await?;
        click_fresh(b, "form[aria-labelledby=demand-0-heading] button[type=submit]").await?;
        b.wait_until(
            "the demand in progress",
            "return [...document.querySelectorAll('li.card .status-line strong')].some(e => e.textContent.trim() === 'in Bearbeitung');",
            vec![],
        )
        .await?;

        // The inventory: an offer with a gap beside it.
        set_value(b, "inventory-kind", "OFFER").await?;
        b.fill("#inventory-name", "Streetwork Altstadt").await?;
        set_value(b, "inventory-assessment", "GAP").await?;
        b.fill("#inventory-note", "Kein Angebot nach 22 Uhr").await?;
        b.click("form[aria-labelledby=inventory-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Kein Angebot nach 22 Uhr").await?;

        // The goal that answers it.
        b.fill("#goal-title", "Angsträume entschärfen").await?;
        b.fill("#goal-what", "Mehr Menschen fühlen sich abends sicher.").await?;
        set_value(b, "goal-demand", &demand).await?;
        b.click("form[aria-labelledby=goal-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Mehr Menschen fühlen sich abends sicher.").await?;
        let goal = record("goals", "title", "Angsträume entschärfen").await?;

        // The project with two indicators and its funding application.
        b.fill("#project-title", "Lichtkonzept Hallmarkt").await?;
        set_value(b, "project-goal", &goal).await?;
        b.wait_until(
            "the application among the choices",
            "return [...document.querySelectorAll('#project-application option')].some(o => o.value === arguments[0]);",
            vec![json!(application)],
        )
        .await?;
        set_value(b, "project-application", &application).await?;
        for (n, name, unit, baseline, target) in [
            (0, "Sicherheitsgefühl am Abend", "%", "40", "60"),
            (1, "Straftaten am Platz", "Fälle", "120", "90"),
        ] {
            b.fill(&format!("#indicator-{n}-name"), name).await?;
            b.fill(&format!("#indicator-{n}-unit"), unit).await?;
            b.fill(&format!("#indicator-{n}-baseline"), baseline).await?;
            b.fill(&format!("#indicator-{n}-target"), target).await?;
        }
        b.click("form[aria-labelledby=project-form-heading] button[type=submit]").await?;
        b.wait_text("main", "Landesprogramm Prävention").await?;
        b.wait_text("main", "Straftaten am Platz").await?;
        b.axe("Präventionszyklus mit Projekt").await?;

        // Measured values: halfway on both.
        for (n, value) in [(0, "50"), (1, "105")] {
            let key = format!("project-0-indicator-{n}");
            set_stable(b, &format!("{key}-value"), value).await?;
            click_fresh(b, &format!("form[aria-labelledby={key}-heading] button[type=submit]")).await?;
            b.wait_until(
                "the value measured",
                "return [...document.querySelectorAll('li.card li')].filter(e => e.textContent.includes('50 % des Wegs')).length >= arguments[0];",
                vec![json!(n + 1)],
            )
            .await?;
        }

        // The evaluation completes the project.
        set_stable(b, "project-0-evaluation-text", "Das Sicherheitsgefühl ist gestiegen.").await?;
        click_fresh(b, "form[aria-labelledby=project-0-evaluation-heading] button[type=submit]").await?;
        b.wait_text("main", "Evaluiert am").await?;
        b.wait_text("main", "abgeschlossen").await?;

        // Shared with the network: the practice form, filled from the project.
        b.click_text("Im Netzwerk als Praxisbeispiel anlegen").await?;
        b.wait_until(
            "the practice form filled from the project",
            "const e = document.getElementById('p-title'); return !!e && e.value === 'Lichtkonzept Hallmarkt';",
            vec![],
        )
        .await?;
        b.wait_until(
            "the evaluation carried over",
            "return [...document.querySelectorAll('textarea')].some(t => t.value.includes('Das Sicherheitsgefühl ist gestiegen.'));",
            vec![],
        )
        .await?;
        b.axe("Praxisbeispiel aus dem Projekt").await
    }
    .await;
    b.finish(outcome).await;
}
