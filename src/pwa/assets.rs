//! The app shell the service worker precaches, and the version that names its
//! caches. The version hashes everything a deploy can change (the server binary,
//! the hashed CSS/JS/WASM names, the static files, both scripts), so each deploy
//! installs a new worker whose cache holds only its own files; the old cache is
//! dropped when it takes over.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use leptos::prelude::LeptosOptions;
use sha2::{Digest, Sha256};

use crate::server::AppState;

const SERVICE_WORKER: &str = include_str!("sw.js");
const PAGE_SCRIPT: &str = include_str!("pwa.js");

/// Static files of the shell, precached when the build has them.
const STATIC_FILES: &[&str] = &[
    "/favicon.svg",
    "/manifest.webmanifest",
    "/fonts/nunito-latin-wght-normal.woff2",
    "/fonts/nunito-cyrillic-wght-normal.woff2",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/icons/maskable-512.png",
    "/icons/apple-touch-icon.png",
];

#[derive(Debug, Clone)]
pub struct ShellAssets {
    /// 16 hex digits; names the worker's caches.
    pub version: String,
    /// `/pkg/grader.<hash>.css` and friends (no hash without `hash-files`).
    pub css: String,
    pub js: String,
    pub wasm: String,
    /// Every URL the worker caches on install.
    pub precache: Vec<String>,
}

static ASSETS: OnceLock<ShellAssets> = OnceLock::new();

/// The hash file cargo-leptos writes beside the server binary.
fn hash_file_path(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// Leptos panics on every page when `hash-files` is on and the hash file is
/// missing (a binary not built by cargo-leptos, or a test binary): then the plain
/// names are used, with a warning.
pub fn with_hash_file_checked(mut options: LeptosOptions) -> LeptosOptions {
    if options.hash_files && !hash_file_path(&options).is_some_and(|p| p.is_file()) {
        tracing::warn!("hash-files is on but no hash file beside the binary: unhashed asset names");
        options.hash_files = false;
    }
    options
}

/// The shell of this build, read once.
pub fn shell_assets(options: &LeptosOptions) -> &'static ShellAssets {
    ASSETS.get_or_init(|| ShellAssets::load(options))
}

impl ShellAssets {
    fn load(options: &LeptosOptions) -> Self {
        let hashes = options
            .hash_files
            .then(|| hash_file_path(options).and_then(|p| std::fs::read_to_string(p).ok()))
            .flatten()
            .unwrap_or_default();
        let hash_of = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (k, v) = line.split_once(':')?;
                (k.trim() == kind).then(|| format!(".{}", v.trim()))
            })
        };
        let name = options.output_name.as_ref();
        let pkg = format!("/{}", options.site_pkg_dir);
        // Leptos names the unhashed wasm `<name>_bg` unless the build set the name.
        let wasm_suffix = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
            ""
        } else {
            "_bg"
        };
        let css = format!("{pkg}/{name}{}.css", hash_of("css").unwrap_or_default());
        let js = format!("{pkg}/{name}{}.js", hash_of("js").unwrap_or_default());
        let wasm = match hash_of("wasm") {
            Some(h) => format!("{pkg}/{name}{h}.wasm"),
            None => format!("{pkg}/{name}{wasm_suffix}.wasm"),
        };

        let site_root = PathBuf::from(options.site_root.as_ref());
        let present: Vec<&str> = STATIC_FILES
            .iter()
            .copied()
            .filter(|url| site_root.join(&url[1..]).is_file())
            .collect();

        let mut hasher = Sha256::new();
        hasher.update(SERVICE_WORKER);
        hasher.update(PAGE_SCRIPT);
        hasher.update(&hashes);
        hasher.update(executable_stamp());
        for url in &present {
            hasher.update(url);
            hasher.update(std::fs::read(site_root.join(&url[1..])).unwrap_or_default());
        }
        let digest = hasher.finalize();
        let version: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();

        let mut precache = vec![
            "/offline".to_string(),
            css.clone(),
            js.clone(),
            wasm.clone(),
            format!("/pwa.js?v={version}"),
        ];
        precache.extend(present.iter().map(|s| s.to_string()));
        ShellAssets {
            version,
            css,
            js,
            wasm,
            precache,
        }
    }

    pub fn page_script(&self) -> String {
        format!("/pwa.js?v={}", self.version)
    }
}

/// Size and modification time of the running binary: a new deploy, a new version.
fn executable_stamp() -> String {
    let meta = std::env::current_exe().and_then(|p| std::fs::metadata(Path::new(&p)));
    match meta {
        Ok(m) => format!("{}:{:?}", m.len(), m.modified().ok()),
        Err(_) => String::new(),
    }
}

/// `GET /sw.js`: the worker with this build's version and precache list. Always
/// revalidated, so browsers see a new deploy on the next visit.
pub async fn service_worker(State(state): State<AppState>) -> impl IntoResponse {
    let assets = shell_assets(&state.leptos_options);
    let precache = serde_json::to_string(&assets.precache).unwrap_or_else(|_| "[]".into());
    let body = SERVICE_WORKER
        .replace("__VERSION__", &assets.version)
        .replace("__PRECACHE__", &precache);
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}

#[derive(serde::Deserialize)]
pub struct ScriptQuery {
    v: Option<String>,
}

/// `GET /pwa.js?v=…`: the page's script (registration, network status, install).
/// The versioned URL never changes content, so it may be cached for good.
pub async fn page_script(
    State(state): State<AppState>,
    Query(q): Query<ScriptQuery>,
) -> impl IntoResponse {
    let current = q.v.as_deref() == Some(shell_assets(&state.leptos_options).version.as_str());
    let cache = if current {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, cache),
        ],
        PAGE_SCRIPT,
    )
}
