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

// The subscriber is installed for this thread only, so the runtime must not use others.
#[tokio::test(flavor = "current_thread")]
async fn graphql_request_span_has_its_attributes() {
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber =
        tracing_subscriber::registry().with(praevnet_server::telemetry::otel_layer(&provider));
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let (status, _) = app
        .post(
            json!({ "query": "query EineKommune($id: ID!) { municipality(id: $id) { name council { name } } }",
                    "variables": { "id": leipzig } }),
            &[("x-request-id", "trace-test-1")],
        )
        .await;
    assert_eq!(status, 200);
    app.stop().await;
    provider.force_flush().expect("flush");

    let spans = exporter.get_finished_spans().expect("spans");
    let span = spans
        .iter()
        .find(|s| attribute(s, "request_id").as_deref() == Some("trace-test-1"))
        .unwrap_or_else(|| panic!("no span for the request among {} spans", spans.len()));
    assert_eq!(span.name, "POST /graphql");
    assert_eq!(span.span_kind, opentelemetry::trace::SpanKind::Server);
    assert_eq!(
        attribute(span, "graphql.operation").as_deref(),
        Some("EineKommune")
    );
    assert_eq!(
        attribute(span, "municipality").as_deref(),
        Some(leipzig.as_str())
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
}
