//! Compiling the frontend to WebAssembly and shrinking it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";
const PACKAGE: &str = "praevnet-frontend";

/// Variables the outer cargo sets for build scripts that must not reach the inner build: the
/// clippy/check wrappers would turn it into a lint run without output, and the outer
/// flags are for the host.
const OUTER_ONLY: &[&str] = &[
    "RUSTC_WRAPPER",
    "RUSTC_WORKSPACE_WRAPPER",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_BUILD_TARGET",
    "CARGO_BUILD_TARGET_DIR",
    "CARGO_PRIMARY_PACKAGE",
    "CLIPPY_ARGS",
];

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Installs the wasm32 standard library through rustup when it is missing, so that a machine
/// with only the default toolchain builds without a manual step.
fn ensure_target() -> Result<()> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("{rustc} --print sysroot: {e}"))?;
    let sysroot = String::from_utf8_lossy(&sysroot.stdout).trim().to_owned();
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(TARGET)
        .is_dir()
    {
        return Ok(());
    }
    let status = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status()
        .map_err(|e| {
            format!("the Rust target {TARGET} is missing and rustup could not add it ({e}); install it with `rustup target add {TARGET}`")
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`rustup target add {TARGET}` failed; the frontend cannot be built"
        ))
    }
}

/// Builds the frontend and returns the path of the raw module.
pub fn compile(workspace: &Path, target_dir: &Path) -> Result<PathBuf> {
    ensure_target()?;
    let mut command = Command::new(cargo());
    command
        .current_dir(workspace)
        .args(["build", "--package", PACKAGE, "--target", TARGET])
        .args(["--profile", PROFILE]);
    for name in OUTER_ONLY {
        command.env_remove(name);
    }
    // Without reference types wasm-bindgen keeps JS objects in a JS-side slab instead of an
    // externref table; binaryen 108 (Debian's) rewrites that table into one the browser
    // refuses (`WebAssembly.Table.set(): Argument 1 is invalid`). Running wasm-opt before
    // wasm-bindgen instead loses the function table entries wasm-bindgen needs for closures.
    // The profile strips the module, so wasm-bindgen does not take the `target_features`
    // section of the precompiled std (which has reference types) for the module's.
    command.env("CARGO_TARGET_DIR", target_dir).env(
        "CARGO_ENCODED_RUSTFLAGS",
        "-Ctarget-feature=-reference-types",
    );
    let status = command
        .status()
        .map_err(|e| format!("could not start cargo for the frontend: {e}"))?;
    if !status.success() {
        return Err(format!("building {PACKAGE} for {TARGET} failed ({status})"));
    }
    Ok(target_dir
        .join(TARGET)
        .join(PROFILE)
        .join(PACKAGE.replace('-', "_"))
        .with_extension("wasm"))
}

/// Copies the module wasm-bindgen made to `out`, through `wasm-opt -Oz` when binaryen is
/// installed; returns whether it was optimised.
///
/// The feature flags are those rustc enables for wasm32 by default (less reference types,
/// see [`compile`]); binaryen must accept them as input and keep to them as output.
pub fn optimize(module: &Path, out: &Path) -> Result<bool> {
    let available = Command::new("wasm-opt")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        std::fs::copy(module, out).map_err(|e| crate::io_error("could not copy", module, e))?;
        return Ok(false);
    }
    let status = Command::new("wasm-opt")
        .arg("-Oz")
        .args([
            "--enable-bulk-memory",
            "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-multivalue",
        ])
        .arg(module)
        .arg("-o")
        .arg(out)
        .status()
        .map_err(|e| format!("wasm-opt: {e}"))?;
    if status.success() {
        Ok(true)
    } else {
        Err(format!("wasm-opt failed ({status})"))
    }
}
