//! Concurrent load for the benchmarks: many clients send requests for a while; the figures
//! are throughput, median and 99th percentile latency, and the answers that were errors.

use std::time::{Duration, Instant};

/// Throughput and latency of one load phase.
pub struct Figures {
    pub requests: usize,
    pub errors: usize,
    pub seconds: f64,
    pub p50: Duration,
    pub p99: Duration,
}

impl Figures {
    pub fn print(&self, name: &str) {
        println!(
            "  {name:<48} {:>8.0} req/s   p50 {:>7.2} ms   p99 {:>7.2} ms   ({} requests, {} errors)",
            self.requests as f64 / self.seconds,
            self.p50.as_secs_f64() * 1000.0,
            self.p99.as_secs_f64() * 1000.0,
            self.requests,
            self.errors
        );
    }
}

/// Runs `clients` clients for `seconds`, each sending the request `make` builds from a number
/// that differs per request; an answer that is not a success or carries GraphQL errors counts
/// as an error.
pub async fn load<F>(seconds: u64, clients: usize, make: F) -> Figures
where
    F: Fn(usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let make = std::sync::Arc::new(make);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..clients {
        let make = make.clone();
        workers.push(tokio::spawn(async move {
            let (mut latencies, mut errors, mut n) = (Vec::new(), 0usize, worker);
            while Instant::now() < deadline {
                let sent = Instant::now();
                match make(n).send().await {
                    Ok(response) if response.status().is_success() => {
                        let body = response.bytes().await;
                        if body.is_err()
                            || body
                                .as_deref()
                                .is_ok_and(|b| b.windows(9).any(|w| w == b"\"errors\":"))
                        {
                            errors += 1;
                        }
                    }
                    _ => errors += 1,
                }
                latencies.push(sent.elapsed());
                n = n
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
            }
            (latencies, errors)
        }));
    }
    let (mut all, mut errors) = (Vec::new(), 0);
    for worker in workers {
        let (latencies, e) = worker.await.expect("load worker");
        all.extend(latencies);
        errors += e;
    }
    let seconds = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let at = |q: f64| {
        all.get(((all.len() as f64 * q) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Figures {
        requests: all.len(),
        errors,
        seconds,
        p50: at(0.50),
        p99: at(0.99),
    }
}
