//! Builds the Leptos frontend for the server's build script, so that the README's one
//! `cargo run` builds everything: trunk and cargo-leptos cannot be used on the target machines
//! (they need a newer compiler and download tools at run time), and plain cargo plus the
//! wasm-bindgen library need nothing outside the package registries.
//!
//! Steps: cargo builds `praevnet-frontend` for wasm32 in a target folder of its own (the outer
//! cargo holds a lock on the server's), wasm-bindgen writes the JavaScript glue, `wasm-opt`
//! shrinks the module when installed, and every file gets a content hash in its name and a
//! gzip twin. The result is a folder
//! and a Rust table the server includes with `include_bytes!`.

mod bundle;
mod wasm;

use std::path::{Path, PathBuf};

pub use bundle::Asset;

/// Where things are and go.
#[derive(Debug)]
pub struct Build {
    /// The workspace root (with `frontend/` and `Cargo.lock`).
    pub workspace: PathBuf,
    /// A cargo target folder for the wasm build, outside the one the outer cargo locks.
    pub target_dir: PathBuf,
    /// Where the finished assets and `assets.rs` are written.
    pub out_dir: PathBuf,
}

/// What the build produced.
#[derive(Debug)]
pub struct Output {
    pub assets: Vec<Asset>,
    /// The generated Rust file with the asset table.
    pub table: PathBuf,
    /// False when `wasm-opt` was not installed and the module is only as small as rustc made it.
    pub optimized: bool,
}

pub type Result<T> = std::result::Result<T, String>;

impl Build {
    pub fn run(&self) -> Result<Output> {
        let module = wasm::compile(&self.workspace, &self.target_dir)?;
        let dist = self.out_dir.join("dist");
        let (assets, optimized) =
            bundle::assemble(&self.workspace.join("frontend"), &module, &dist)?;
        let table = self.out_dir.join("assets.rs");
        bundle::write_table(&assets, &table)?;
        Ok(Output {
            assets,
            table,
            optimized,
        })
    }

    /// Files whose change must rebuild the frontend (for `cargo:rerun-if-changed`): every
    /// file of the web app and of the crate it shares with core, one by one (a directory
    /// named alone was not enough: an edited file in it left a stale web app), their folders
    /// (for files added), and the SDL its queries are checked against.
    pub fn inputs(&self) -> Vec<PathBuf> {
        let mut inputs = vec![
            self.workspace.join("crates/api/schema.graphql"),
            self.workspace.join("Cargo.lock"),
            self.workspace.join("Cargo.toml"),
        ];
        for dir in ["frontend", "crates/common"] {
            // The folders themselves too: a file added or removed changes them.
            inputs.push(self.workspace.join(dir));
            files_below(&self.workspace.join(dir), &mut inputs);
        }
        inputs
    }
}

/// The files and folders below `dir`, without build output and installed packages.
fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name == "node_modules" || name == "dist" {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => {
                out.push(path.clone());
                files_below(&path, out);
            }
            Ok(_) => out.push(path),
            Err(_) => {}
        }
    }
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> String {
    format!("{what} {}: {err}", path.display())
}
