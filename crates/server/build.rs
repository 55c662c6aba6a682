//! Builds the web app so that `cargo run` and `cargo test` serve the current frontend with no
//! step of their own; see `praevnet-webbuild` for how.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let workspace = manifest
        .ancestors()
        .nth(2)
        .expect("crates/server sits two levels below the workspace")
        .to_path_buf();
    let build = praevnet_webbuild::Build {
        workspace,
        target_dir: shared_target_dir(&out_dir),
        out_dir,
    };
    for input in build.inputs() {
        println!("cargo::rerun-if-changed={}", input.display());
    }
    println!("cargo::rerun-if-env-changed=PATH");
    match build.run() {
        Ok(output) if !output.optimized => println!(
            "cargo::warning=wasm-opt (Debian package binaryen) is not installed: the web app is built unoptimised and larger"
        ),
        Ok(_) => {}
        Err(err) => {
            eprintln!("error: the web app could not be built: {err}");
            std::process::exit(1);
        }
    }
}

/// One wasm target folder beside the outer build's profile folders, so debug and release
/// builds of the server (and `cargo test`) share one frontend build.
fn shared_target_dir(out_dir: &Path) -> PathBuf {
    out_dir
        .ancestors()
        .find(|dir| dir.file_name().is_some_and(|name| name == "build"))
        .and_then(Path::parent)
        .and_then(Path::parent)
        .unwrap_or(out_dir)
        .join("praevnet-frontend")
}
