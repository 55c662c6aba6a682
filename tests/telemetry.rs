//! The span of a GraphQL request and its attributes, captured with an in-memory exporter.

mod support;

use opentelemetry::Value as OtelValue;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider, SpanData};
use praevnet_testkit::TestDatabase;
use serde_json::json;
use support::TestApp;
use tracing_subscriber::layer::SubscriberExt;

fn attribute(span: &SpanData, key: &str) -> Option<String> {
    span.attributes
        .iter()
        .find(|kv| kv.key.as_str() == key)
        .map(|kv| match &kv.value {
            OtelValue::String(s) => s.to_string(),
            other => other.to_string(),
        })
}

/// Sends one named GraphQL operation and returns the span the server exported for it.
async fn exported_request_span(db: TestDatabase, query: &str) -> (SpanData, String) {
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber =
        tracing_subscriber::registry().with(praevnet_server::telemetry::otel_layer(&provider));
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let (status, _) = app
        .post(
            json!({ "query": query, "variables": { "id": leipzig } }),
            &[("x-request-id", "trace-test-1")],
        )
        .await;
    assert_eq!(status, 200);
    app.stop().await;
    provider.force_flush().expect("flush");

    let spans = exporter.get_finished_spans().expect("spans");
    let span = spans
        .into_iter()
        .find(|s| attribute(s, "request_id").as_deref() == Some("trace-test-1"))
        .expect("the request's span was exported");
    (span, leipzig)
}

fn assert_request_span(span: &SpanData, municipality: &str) {
    assert_eq!(span.name, "POST /graphql");
    assert_eq!(span.span_kind, opentelemetry::trace::SpanKind::Server);
    assert_eq!(
        attribute(span, "graphql.operation").as_deref(),
        Some("EineKommune")
    );
    assert_eq!(
        attribute(span, "municipality").as_deref(),
        Some(municipality)
    );
    assert_eq!(attribute(span, "graphql.outcome").as_deref(), Some("OK"));
    assert_eq!(
        attribute(span, "http.response.status_code").as_deref(),
        Some("200")
    );
    assert_eq!(
        attribute(span, "http.request.method").as_deref(),
        Some("POST")
    );
    // The trace id is on the span (and so on every log line of the request).
    assert_eq!(
        attribute(span, "trace_id"),
        Some(span.span_context.trace_id().to_string())
    );
}

// The subscriber is installed for this thread only, so the runtime must not use others.
#[tokio::test(flavor = "current_thread")]
async fn graphql_request_span_has_its_attributes() {
    // No tenant transaction here: on SQLite, sqlx's connection thread keeps the span of a
    // transaction's last command (a child of the request span) until its next command, which
    // delays the request span's export past this test. A known gap, see the README.
    let query = "query EineKommune($id: ID!) { municipality(id: $id) { name } }";
    let (span, leipzig) = exported_request_span(TestDatabase::sqlite(), query).await;
    assert_request_span(&span, &leipzig);
}

#[tokio::test(flavor = "current_thread")]
async fn graphql_request_span_with_tenant_data_on_postgres() {
    let Some(db) = TestDatabase::postgres().await else {
        eprintln!("skipped: set PRAEVNET_TEST_POSTGRES_URL to run this test on PostgreSQL");
        return;
    };
    let query = "query EineKommune($id: ID!) { municipality(id: $id) { name council { name } } }";
    let (span, leipzig) = exported_request_span(db, query).await;
    assert_request_span(&span, &leipzig);
}
