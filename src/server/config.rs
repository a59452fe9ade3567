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
        Ok(())
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
