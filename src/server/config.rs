//! Runtime configuration: the `[grader]` table of Leptos.toml, then environment
//! variables. Leptos's own options come from the same file via `get_configuration`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A key missing from the file keeps its `Default` (`#[serde(default)]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct GraderConfig {
    pub data_dir: PathBuf,
    pub embedded_pg_port: u16,
    pub pg_bin_dir: PathBuf,
    pub seeds_dir: PathBuf,
    pub seed_on_start: SeedOnStart,
    pub db_max_connections: u32,
    pub shutdown_grace_seconds: u64,
    /// bubblewrap, which every run of untrusted Python goes through.
    pub sandbox_bwrap: PathBuf,
    /// The python3 (≥ 3.11) run inside the sandbox; it must live under /usr.
    pub sandbox_python: PathBuf,
    /// The user the sandboxed code runs as (never 0, never the server's).
    pub sandbox_uid: u32,
    /// Runs at once; more wait a moment, then get 503.
    pub sandbox_max_concurrent: usize,
}

impl Default for GraderConfig {
    fn default() -> Self {
        Self {
            data_dir: "data".into(),
            embedded_pg_port: 5433,
            pg_bin_dir: "/usr/lib/postgresql/15/bin".into(),
            seeds_dir: "seeds".into(),
            seed_on_start: SeedOnStart::IfEmpty,
            db_max_connections: 16,
            shutdown_grace_seconds: 10,
            sandbox_bwrap: "/usr/bin/bwrap".into(),
            sandbox_python: "/usr/bin/python3".into(),
            sandbox_uid: 65534,
            sandbox_max_concurrent: 4,
        }
    }
}

/// When `grader serve` loads the seed files. Once authors edit content in /admin,
/// the database is the source of truth: reloading the files at every start would
/// undo their edits, so by default the files only fill an empty catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeedOnStart {
    /// Only when there are no professions yet (the first run).
    IfEmpty,
    /// At every start (for content developers who edit the files).
    Always,
    Never,
}

impl std::str::FromStr for SeedOnStart {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "if-empty" => Ok(Self::IfEmpty),
            "always" => Ok(Self::Always),
            "never" => Ok(Self::Never),
            _ => Err(format!("{s:?}: expected if-empty, always or never")),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("environment variable {name}: {message}")]
    Env { name: &'static str, message: String },
}

impl GraderConfig {
    /// Reads `[grader]` from the file, then applies `GRADER_*` overrides.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.into(),
            source,
        })?;
        let mut config = Self::from_toml(&text).map_err(|message| ConfigError::Invalid {
            path: path.into(),
            message,
        })?;
        config.apply_env(|name| std::env::var(name).ok())?;
        Ok(config)
    }

    pub fn from_toml(text: &str) -> Result<Self, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
        match table.get("grader") {
            None => Ok(Self::default()),
            Some(value) => value
                .clone()
                .try_into()
                .map_err(|e: toml::de::Error| format!("[grader]: {e}")),
        }
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(name: &'static str, value: String) -> Result<T, ConfigError>
        where
            T::Err: std::fmt::Display,
        {
            value.parse().map_err(|e: T::Err| ConfigError::Env {
                name,
                message: e.to_string(),
            })
        }
        // Each field, and the variable that overrides it.
        macro_rules! overrides {
            ($($field:ident <- $name:literal),* $(,)?) => {
                $(if let Some(v) = var($name) {
                    self.$field = parse($name, v)?;
                })*
            };
        }
        overrides! {
            data_dir <- "GRADER_DATA_DIR",
            embedded_pg_port <- "GRADER_PG_PORT",
            pg_bin_dir <- "GRADER_PG_BIN_DIR",
            seeds_dir <- "GRADER_SEEDS_DIR",
            seed_on_start <- "GRADER_SEED_ON_START",
            db_max_connections <- "GRADER_DB_MAX_CONNECTIONS",
            shutdown_grace_seconds <- "GRADER_SHUTDOWN_GRACE_SECONDS",
            sandbox_bwrap <- "GRADER_SANDBOX_BWRAP",
            sandbox_python <- "GRADER_SANDBOX_PYTHON",
            sandbox_uid <- "GRADER_SANDBOX_UID",
            sandbox_max_concurrent <- "GRADER_SANDBOX_MAX_CONCURRENT",
        }
        Ok(())
    }

    /// The sandbox's settings: these paths and counts, the default limits.
    pub fn sandbox(&self) -> crate::sandbox::SandboxConfig {
        crate::sandbox::SandboxConfig {
            bwrap: self.sandbox_bwrap.clone(),
            python: self.sandbox_python.clone(),
            uid: self.sandbox_uid,
            max_concurrent: self.sandbox_max_concurrent,
            ..crate::sandbox::SandboxConfig::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grader_table_overrides_defaults_and_missing_keys_keep_them() {
        let c = GraderConfig::from_toml("[grader]\nembedded-pg-port = 6000\n").unwrap();
        assert_eq!(c.embedded_pg_port, 6000);
        assert_eq!(c.seeds_dir, PathBuf::from("seeds"));
    }

    #[test]
    fn an_unknown_key_is_reported_by_name() {
        let err = GraderConfig::from_toml("[grader]\nport = 1\n").unwrap_err();
        assert!(err.contains("port"), "{err}");
    }

    #[test]
    fn environment_variables_win_and_bad_numbers_are_named() {
        let mut c = GraderConfig::default();
        c.apply_env(|n| (n == "GRADER_PG_PORT").then(|| "7000".to_string()))
            .unwrap();
        assert_eq!(c.embedded_pg_port, 7000);
        let err = c
            .apply_env(|n| (n == "GRADER_PG_PORT").then(|| "x".to_string()))
            .unwrap_err();
        assert!(err.to_string().contains("GRADER_PG_PORT"));
    }

    /// The site's layout is a fact of the build (Cargo.toml's metadata, for
    /// cargo-leptos) that the server must read the same way (Leptos.toml).
    #[test]
    fn the_build_and_the_server_agree_on_the_site() {
        let read = |file: &str| -> toml::Table {
            let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(path).unwrap().parse().unwrap()
        };
        let leptos = |t: &toml::Table| t["package"]["metadata"]["leptos"].clone();
        let (build, server) = (leptos(&read("Cargo.toml")), leptos(&read("Leptos.toml")));
        for key in [
            "output-name",
            "site-root",
            "site-pkg-dir",
            "hash-files",
            "site-addr",
        ] {
            assert_eq!(build.get(key), server.get(key), "{key}");
        }
    }

    #[test]
    fn the_shipped_leptos_toml_is_valid() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Leptos.toml")).unwrap();
        GraderConfig::from_toml(&text).unwrap();
    }
}
