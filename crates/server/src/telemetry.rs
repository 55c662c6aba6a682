//! Logs and traces: readable logs in development, JSON in production, and OTLP export of
//! spans when the standard `OTEL_EXPORTER_OTLP_ENDPOINT` is set.

use std::io::IsTerminal;

use axum::http::{Request, Response, StatusCode};
use opentelemetry::trace::{TraceContextExt as _, TracerProvider as _};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing::Span;
use tracing_opentelemetry::OpenTelemetrySpanExt as _;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

use crate::config::{Config, Mode};

/// Keeps the exporter alive; dropping it flushes the spans not yet sent.
#[derive(Debug)]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Drop for Telemetry {
    fn drop(&mut self) {
        if let Some(provider) = self.provider.take()
            && let Err(err) = provider.shutdown()
        {
            eprintln!("praevnet: flushing traces failed: {err}");
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    #[error("OTLP-Exporter kann nicht eingerichtet werden: {0}")]
    Exporter(String),
    #[error("Logging ist bereits eingerichtet: {0}")]
    AlreadySet(String),
}

/// The layer that turns `tracing` spans into OpenTelemetry spans; also used by the tests with
/// an in-memory exporter.
pub fn otel_layer<S>(provider: &SdkTracerProvider) -> impl Layer<S> + use<S>
where
    S: tracing::Subscriber
        + Send
        + Sync
        + for<'span> tracing_subscriber::registry::LookupSpan<'span>,
{
    tracing_opentelemetry::layer().with_tracer(provider.tracer("praevnet"))
}

/// Installs the global subscriber. Call before the async runtime starts: the OTLP exporter
/// builds a blocking HTTP client, which must not be created inside the runtime.
pub fn init(config: &Config) -> Result<Telemetry, TelemetryError> {
    let filter = EnvFilter::try_new(&config.log).unwrap_or_else(|_| EnvFilter::new("info"));
    let json = (config.mode == Mode::Production).then(|| {
        tracing_subscriber::fmt::layer()
            .json()
            .with_current_span(true)
            .with_span_list(false)
    });
    let text = (config.mode == Mode::Development).then(|| {
        tracing_subscriber::fmt::layer()
            .compact()
            .with_ansi(std::io::stdout().is_terminal())
    });
    let provider = otlp_provider()?;
    let otel = provider.as_ref().map(otel_layer::<Registry>);
    // The OpenTelemetry layer goes first: it is typed for the bare registry.
    tracing_subscriber::registry()
        .with(otel)
        .with(json)
        .with(text)
        .with(filter)
        .try_init()
        .map_err(|e| TelemetryError::AlreadySet(e.to_string()))?;
    Ok(Telemetry { provider })
}

fn otlp_provider() -> Result<Option<SdkTracerProvider>, TelemetryError> {
    let configured = [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    ]
    .iter()
    .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
    if !configured {
        return Ok(None);
    }
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .build()
        .map_err(|e| TelemetryError::Exporter(e.to_string()))?;
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(Resource::builder().with_service_name("praevnet").build())
        .build();
    Ok(Some(provider))
}

/// The span of one HTTP request. The empty fields are filled in as the request proceeds:
/// the municipality by resolvers, the operation by the GraphQL handler, the status at the end.
/// The path as logs and traces may keep it: the secret of a personal calendar feed stands in
/// for a login and is cut off.
fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.split_once("/privat/") {
        Some((before, _)) if path.starts_with("/kalender/") => format!("{before}/privat/…").into(),
        _ => path.into(),
    }
}

pub fn request_span<B>(request: &Request<B>) -> Span {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let path = loggable_path(request.uri().path());
    let span = tracing::info_span!(
        "request",
        otel.name = %format!("{} {path}", request.method()),
        otel.kind = "server",
        http.request.method = %request.method(),
        url.path = %path,
        request_id = %request_id,
        trace_id = tracing::field::Empty,
        municipality = tracing::field::Empty,
        graphql.operation = tracing::field::Empty,
        graphql.outcome = tracing::field::Empty,
        http.response.status_code = tracing::field::Empty,
        otel.status_code = tracing::field::Empty,
    );
    // With an OpenTelemetry layer installed the span already has a trace; recording its id
    // puts it on every log line of the request, so logs and traces can be joined.
    let trace_id = span.context().span().span_context().trace_id();
    if trace_id != opentelemetry::trace::TraceId::INVALID {
        span.record("trace_id", trace_id.to_string());
    }
    span
}

/// Marks a 503 that is expected, not a fault: the readiness probe while the server starts or
/// its database is away (an orchestrator asks every few seconds).
#[derive(Clone, Copy, Debug)]
pub(crate) struct NotReady;

/// Records the outcome on the request's span and logs one line per request: a 500 as an
/// error, another 5xx as a warning (the database or mail away), everything else as info.
pub fn record_response<B>(response: &Response<B>, latency: std::time::Duration, span: &Span) {
    let status = response.status();
    span.record("http.response.status_code", status.as_u16());
    let expected = response.extensions().get::<NotReady>().is_some();
    if status.is_server_error() && !expected {
        span.record("otel.status_code", "ERROR");
    }
    let (code, latency_ms) = (status.as_u16(), latency.as_millis() as u64);
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::error!(parent: span, status = code, latency_ms, "response");
    } else if status.is_server_error() && !expected {
        tracing::warn!(parent: span, status = code, latency_ms, "response");
    } else {
        tracing::info!(parent: span, status = code, latency_ms, "response");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_calendar_secret_stays_out_of_logs() {
        assert_eq!(
            super::loggable_path("/kalender/leipzig/privat/0123abcd"),
            "/kalender/leipzig/privat/…"
        );
        assert_eq!(
            super::loggable_path("/kalender/leipzig"),
            "/kalender/leipzig"
        );
        assert_eq!(super::loggable_path("/graphql"), "/graphql");
    }
}
