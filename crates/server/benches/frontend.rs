//! Figures for the web app: the size of what a browser downloads (raw and gzip, as embedded in
//! this build), and the time from navigation to the first interactive page in headless
//! Chromium on localhost, cold (new browser profile) and warm (cached assets). Prints figures;
//! asserts nothing about speed. `cargo bench -p praevnet-server --bench frontend`;
//! `PRAEVNET_TEST_BENCH_RUNS` sets the number of page loads (default 10).

#[path = "../../../tests/support/browser.rs"]
#[allow(dead_code, reason = "the benchmark uses the navigation helpers only")]
mod browser;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use browser::Browser;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_praevnet");

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn sizes() {
    println!("{:<40} {:>10} {:>10}", "asset", "bytes", "gzip");
    let (mut total, mut total_gzip) = (0, 0);
    for asset in praevnet_server::web::assets() {
        println!(
            "{:<40} {:>10} {:>10}",
            asset.path,
            asset.body.len(),
            asset.gzip.len()
        );
        total += asset.body.len();
        total_gzip += asset.gzip.len();
    }
    println!("{:<40} {total:>10} {total_gzip:>10}", "total");
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn report(label: &str, mut mounted: Vec<f64>, mut listed: Vec<f64>) {
    mounted.sort_by(f64::total_cmp);
    listed.sort_by(f64::total_cmp);
    println!(
        "{label:<6} app interactive p50 {:>6.0} ms  max {:>6.0} ms | list with data p50 {:>6.0} ms  max {:>6.0} ms  ({} loads)",
        percentile(&mounted, 0.5),
        percentile(&mounted, 1.0),
        percentile(&listed, 0.5),
        percentile(&listed, 1.0),
        mounted.len()
    );
}

/// Loads the start page; returns (ms until the app was mounted, ms until the list showed data),
/// both from the navigation's start as the browser measures it.
async fn load(b: &mut Browser, url: &str) -> (f64, f64) {
    b.goto(url).await.expect("navigation");
    let listed = b
        .wait_until(
            "the list",
            "return document.querySelector('main table tbody tr') ? performance.now() : null;",
            vec![],
        )
        .await
        .expect("list shown");
    let mounted = b
        .script(
            "const m = performance.getEntriesByName('praevnet:mounted')[0]; return m ? m.startTime : null;",
            vec![],
        )
        .await
        .expect("mark");
    let number = |v: &Value| v.as_f64().expect("a number");
    (number(&mounted), number(&listed))
}

fn main() {
    sizes();
    let runs: usize = std::env::var("PRAEVNET_TEST_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let data = tempfile::tempdir().expect("temp dir");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let _server = Server(
            Command::new(BIN)
                .env_clear()
                .env("PRAEVNET_LISTEN", format!("127.0.0.1:{port}"))
                .env(
                    "DATABASE_URL",
                    format!("sqlite://{}/bench.db", data.path().display()),
                )
                .env("PRAEVNET_LOG", "warn")
                .stdout(Stdio::null())
                .spawn()
                .expect("server starts"),
        );
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        while !client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            assert!(Instant::now() < deadline, "server not ready");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let (mut cold_mounted, mut cold_listed) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let Some(mut b) = Browser::open("bench_cold").await else {
                println!("browser figures skipped: no browser on this machine");
                return;
            };
            let (mounted, listed) = load(&mut b, &base).await;
            cold_mounted.push(mounted);
            cold_listed.push(listed);
            b.finish(Ok(())).await;
        }
        report("cold", cold_mounted, cold_listed);

        let Some(mut b) = Browser::open("bench_warm").await else {
            return;
        };
        load(&mut b, &base).await;
        let (mut warm_mounted, mut warm_listed) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let (mounted, listed) = load(&mut b, &base).await;
            warm_mounted.push(mounted);
            warm_listed.push(listed);
        }
        b.finish(Ok(())).await;
        report("warm", warm_mounted, warm_listed);
    });
}
