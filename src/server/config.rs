//! Runtime configuration: the `[grader]` table of Leptos.toml, then environment
//! variables. Leptos's own options come from the same file via `get_configuration`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
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
            Some(value) => {
                let merged = merge_defaults(value.clone());
                merged
                    .try_into()
                    .map_err(|e: toml::de::Error| format!("[grader]: {e}"))
            }
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
        if let Some(v) = var("GRADER_DATA_DIR") {
            self.data_dir = v.into();
        }
        if let Some(v) = var("GRADER_PG_PORT") {
            self.embedded_pg_port = parse("GRADER_PG_PORT", v)?;
        }
        if let Some(v) = var("GRADER_PG_BIN_DIR") {
            self.pg_bin_dir = v.into();
        }
        if let Some(v) = var("GRADER_SEEDS_DIR") {
            self.seeds_dir = v.into();
        }
        if let Some(v) = var("GRADER_SEED_ON_START") {
            self.seed_on_start = parse("GRADER_SEED_ON_START", v)?;
        }
        if let Some(v) = var("GRADER_DB_MAX_CONNECTIONS") {
            self.db_max_connections = parse("GRADER_DB_MAX_CONNECTIONS", v)?;
        }
        if let Some(v) = var("GRADER_SHUTDOWN_GRACE_SECONDS") {
            self.shutdown_grace_seconds = parse("GRADER_SHUTDOWN_GRACE_SECONDS", v)?;
        }
        if let Some(v) = var("GRADER_SANDBOX_BWRAP") {
            self.sandbox_bwrap = v.into();
        }
        if let Some(v) = var("GRADER_SANDBOX_PYTHON") {
            self.sandbox_python = v.into();
        }
        if let Some(v) = var("GRADER_SANDBOX_UID") {
            self.sandbox_uid = parse("GRADER_SANDBOX_UID", v)?;
        }
        if let Some(v) = var("GRADER_SANDBOX_MAX_CONCURRENT") {
            self.sandbox_max_concurrent = parse("GRADER_SANDBOX_MAX_CONCURRENT", v)?;
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

/// Fills keys missing from the file's `[grader]` table with the defaults.
fn merge_defaults(value: toml::Value) -> toml::Value {
    let d = GraderConfig::default();
    let mut base = toml::Table::new();
    base.insert("data-dir".into(), d.data_dir.display().to_string().into());
    base.insert(
        "embedded-pg-port".into(),
        i64::from(d.embedded_pg_port).into(),
    );
    base.insert(
        "pg-bin-dir".into(),
        d.pg_bin_dir.display().to_string().into(),
    );
    base.insert("seeds-dir".into(), d.seeds_dir.display().to_string().into());
    base.insert("seed-on-start".into(), "if-empty".into());
    base.insert(
        "db-max-connections".into(),
        i64::from(d.db_max_connections).into(),
    );
    base.insert(
        "shutdown-grace-seconds".into(),
        (d.shutdown_grace_seconds as i64).into(),
    );
    base.insert(
        "sandbox-bwrap".into(),
        d.sandbox_bwrap.display().to_string().into(),
    );
    base.insert(
        "sandbox-python".into(),
        d.sandbox_python.display().to_string().into(),
    );
    base.insert("sandbox-uid".into(), i64::from(d.sandbox_uid).into());
    base.insert(
        "sandbox-max-concurrent".into(),
        (d.sandbox_max_concurrent as i64).into(),
    );
    if let toml::Value::Table(t) = value {
        base.extend(t);
    }
    toml::Value::Table(base)
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

    #[test]
    fn the_shipped_leptos_toml_is_valid() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Leptos.toml")).unwrap();
        GraderConfig::from_toml(&text).unwrap();
    }
}
