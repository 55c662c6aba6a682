//! Turning the module and the static files into hashed, precompressed assets.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

use crate::{Result, io_error};

/// One file the server will serve.
#[derive(Debug)]
pub struct Asset {
    /// The URL path, e.g. `/assets/praevnet-1a2b3c4d5e6f.js` or `/index.html`.
    pub url: String,
    pub content_type: &'static str,
    pub file: PathBuf,
    pub gzip_file: PathBuf,
    pub size: usize,
    pub gzip_size: usize,
}

/// Sixteen hex digits of SHA-256: enough to never collide between two versions of a file.
fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| io_error("could not read", path, e))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Writes `bytes` as `dist/name` and `dist/name.gz`.
fn emit(dist: &Path, url: String, bytes: &[u8]) -> Result<Asset> {
    let name = url.rsplit('/').next().unwrap_or(&url).to_owned();
    let file = dist.join(&name);
    std::fs::write(&file, bytes).map_err(|e| io_error("could not write", &file, e))?;
    let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
    gzip.write_all(bytes)
        .and_then(|()| gzip.try_finish())
        .map_err(|e| format!("gzip {name}: {e}"))?;
    let compressed = gzip.get_ref();
    let gzip_file = dist.join(format!("{name}.gz"));
    std::fs::write(&gzip_file, compressed)
        .map_err(|e| io_error("could not write", &gzip_file, e))?;
    Ok(Asset {
        content_type: content_type(&name),
        size: bytes.len(),
        gzip_size: compressed.len(),
        url,
        file,
        gzip_file,
    })
}

/// Runs wasm-bindgen and wasm-opt and writes every asset with a hashed name, and `index.html`
/// that links them; says whether wasm-opt ran.
pub fn assemble(frontend: &Path, module: &Path, dist: &Path) -> Result<(Vec<Asset>, bool)> {
    if dist.exists() {
        std::fs::remove_dir_all(dist).map_err(|e| io_error("could not clear", dist, e))?;
    }
    let glue_dir = dist.with_file_name("bindgen");
    if glue_dir.exists() {
        std::fs::remove_dir_all(&glue_dir)
            .map_err(|e| io_error("could not clear", &glue_dir, e))?;
    }
    std::fs::create_dir_all(dist).map_err(|e| io_error("could not create", dist, e))?;

    // The module's hash names both files wasm-bindgen writes, and the glue refers to the
    // module by that name, so no text in them needs rewriting.
    let stem = format!("praevnet-{}", short_hash(&read(module)?));
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(module)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .out_name(&stem)
        .generate(&glue_dir)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    let mut assets = Vec::new();
    let glue = format!("{stem}.js");
    let wasm = format!("{stem}_bg.wasm");
    assets.push(emit(
        dist,
        format!("/assets/{glue}"),
        &read(&glue_dir.join(&glue))?,
    )?);
    let optimized_module = glue_dir.join("optimized.wasm");
    let optimized = crate::wasm::optimize(&glue_dir.join(&wasm), &optimized_module)?;
    assets.push(emit(
        dist,
        format!("/assets/{wasm}"),
        &read(&optimized_module)?,
    )?);
    // The CSP forbids inline scripts, so the call that starts the module is a file too.
    let boot = format!(
        "import init from \"./{glue}\";\ninit({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }});\n"
    );
    let hashed =
        |name: &str, ext: &str, bytes: &[u8]| format!("/assets/{name}-{}.{ext}", short_hash(bytes));
    let boot_url = hashed("boot", "js", boot.as_bytes());
    assets.push(emit(dist, boot_url.clone(), boot.as_bytes())?);
    let style = read(&frontend.join("style.css"))?;
    let style_url = hashed("style", "css", &style);
    assets.push(emit(dist, style_url.clone(), &style)?);
    let icon = read(&frontend.join("icon.svg"))?;
    let icon_url = hashed("icon", "svg", &icon);
    assets.push(emit(dist, icon_url.clone(), &icon)?);

    let template = std::fs::read_to_string(frontend.join("index.html"))
        .map_err(|e| io_error("could not read", &frontend.join("index.html"), e))?;
    let index = template
        .replace("{{style}}", &style_url)
        .replace("{{icon}}", &icon_url)
        .replace("{{boot}}", &boot_url)
        .replace("{{glue}}", &format!("/assets/{glue}"))
        .replace("{{wasm}}", &format!("/assets/{wasm}"));
    if index.contains("{{") {
        return Err("frontend/index.html has a placeholder the build does not know".to_owned());
    }
    assets.push(emit(dist, "/index.html".to_owned(), index.as_bytes())?);
    Ok((assets, optimized))
}

/// Writes the Rust table of assets that the server includes.
pub fn write_table(assets: &[Asset], path: &Path) -> Result<()> {
    let mut table = String::from(
        "/// Generated by praevnet-webbuild: (URL path, content type, body, gzip body).\n\
         pub static ASSETS: &[(&str, &str, &[u8], &[u8])] = &[\n",
    );
    for asset in assets {
        let _ = writeln!(
            table,
            "    ({:?}, {:?}, include_bytes!({:?}), include_bytes!({:?})),",
            asset.url, asset.content_type, asset.file, asset.gzip_file
        );
    }
    table.push_str("];\n");
    std::fs::write(path, table).map_err(|e| io_error("could not write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_content_only() {
        assert_eq!(short_hash(b"praevnet").len(), 16);
        assert_eq!(short_hash(b"praevnet"), short_hash(b"praevnet"));
        assert_ne!(short_hash(b"praevnet"), short_hash(b"praevnet "));
    }

    #[test]
    fn browsers_get_the_types_they_demand() {
        // Streaming compilation of WebAssembly requires exactly this type.
        assert_eq!(content_type("praevnet-1_bg.wasm"), "application/wasm");
        assert_eq!(content_type("boot-2.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
    }

    #[test]
    fn every_asset_gets_a_gzip_twin_that_unpacks_to_it() {
        let dir = std::env::temp_dir().join(format!("praevnet-webbuild-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let body = "body { color: #1b1b1b; }\n".repeat(50);
        let asset = emit(&dir, "/assets/style-x.css".to_owned(), body.as_bytes()).expect("emitted");
        assert!(asset.gzip_size < asset.size);
        let packed = std::fs::read(&asset.gzip_file).expect("gzip file");
        let mut unpacked = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(&packed[..]),
            &mut unpacked,
        )
        .expect("valid gzip");
        assert_eq!(unpacked, body);
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
