//! A PostgreSQL cluster of Grader's own, for when no DATABASE_URL is given.
//!
//! Only Grader can open it: password (scram-sha-256) authentication for every
//! connection, socket and TCP alike; the superuser's password is generated at
//! initdb and the app role's at its creation, each kept 0600 in the data dir. The
//! server connects as `grader`, a role that owns the `grader` database and is not
//! a superuser. The socket dir is 0700 and the log 0600. A cluster made by an older
//! Grader (trust authentication) is switched over at its first start.
//!
//! It drives the system's PostgreSQL binaries (initdb, pg_ctl) directly. The crate
//! `postgresql_embedded` can do this too, but it brings sqlx 0.9 beside our 0.8 and
//! cannot run initdb as root; here, as root, the binaries run as the `postgres`
//! user through `runuser` (initdb refuses root).

mod secrets;
use secrets::{secret, set_mode, write_secret};

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// The app's role and database in the embedded cluster.
pub const APP_ROLE: &str = "grader";

pub struct EmbeddedPg {
    root: PathBuf,
    cluster: PathBuf,
    sockets: PathBuf,
    log: PathBuf,
    bin_dir: PathBuf,
    port: u16,
    /// `Some("postgres")` when we are root and must run the binaries as that user.
    run_as: Option<&'static str>,
    /// False when the cluster was already running: then it is not ours to stop.
    owned: bool,
}

impl EmbeddedPg {
    /// Creates the cluster under `root` on first use, then starts it on
    /// 127.0.0.1:`port` (or joins it if it is already running).
    pub fn start(root: &Path, bin_dir: &Path, port: u16) -> anyhow::Result<Self> {
        std::fs::create_dir_all(root).with_context(|| format!("creating {}", root.display()))?;
        let root = root.canonicalize()?;
        let run_as = is_root().then_some("postgres");
        let bin_dir = find_bin_dir(bin_dir);
        let mut pg = Self {
            root: root.clone(),
            cluster: root.join("pg"),
            sockets: root.join("pg-run"),
            log: root.join("postgresql.log"),
            bin_dir,
            port,
            run_as,
            owned: false,
        };
        if !pg.bin_dir.join("pg_ctl").exists() {
            bail!(
                "PostgreSQL server binaries not found in {} (install the `postgresql` package, \
                 set GRADER_PG_BIN_DIR, or set DATABASE_URL)",
                pg.bin_dir.display()
            );
        }
        std::fs::create_dir_all(&pg.sockets)?;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&pg.log)?;
        // Only PostgreSQL's own user reads its socket dir and log.
        set_mode(&pg.sockets, 0o700)?;
        set_mode(&pg.log, 0o600)?;
        if let Some(user) = run_as {
            for path in [&pg.cluster, &pg.sockets, &pg.log] {
                if path.exists() {
                    pg.run(Command::new("chown").arg("-R").arg(user).arg(path), "chown")?;
                }
            }
        }

        if !pg.cluster.join("PG_VERSION").exists() {
            tracing::info!(cluster = %pg.cluster.display(), "creating the PostgreSQL cluster");
            let password = pg.superuser_password()?;
            // initdb reads the password from a file; it must be readable by the
            // user initdb runs as, and goes away right after.
            let pwfile = pg.root.join(".initdb-password");
            write_secret(&pwfile, &password)?;
            let mut initdb = pg.command("initdb");
            initdb
                .arg("-D")
                .arg(&pg.cluster)
                .args([
                    "-U",
                    "postgres",
                    "--auth=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ])
                .arg(format!("--pwfile={}", pwfile.display()));
            if run_as.is_some() {
                // initdb creates the directory; as root its parent must be writable by
                // postgres, so create it first and hand it over.
                std::fs::create_dir_all(&pg.cluster)?;
                for path in [&pg.cluster, &pwfile] {
                    pg.run(Command::new("chown").arg("postgres").arg(path), "chown")?;
                }
            }
            let created = pg.run(&mut initdb, "initdb");
            let _ = std::fs::remove_file(&pwfile);
            created?;
        }
        let legacy_trust = pg.uses_trust()?;

        if pg.is_running() {
            tracing::info!(
                port,
                "joining the PostgreSQL cluster that is already running"
            );
            if legacy_trust {
                pg.leave_trust()?;
            }
            return Ok(pg);
        }
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
            pg.sockets.display()
        );
        // One retry: a postmaster that dies at start-up right after another cluster
        // stopped (its port or shared memory not yet released) starts a moment later.
        // The log's tail goes into the error, so a failure says why.
        for attempt in 1..=2 {
            let mut start = pg.command("pg_ctl");
            start
                .arg("-D")
                .arg(&pg.cluster)
                .arg("-l")
                .arg(&pg.log)
                .args(["-w", "-t", "60", "-o", &options, "start"]);
            // Its own process group: a Ctrl-C in the terminal reaches the server, which
            // finishes its requests first and then stops PostgreSQL itself.
            std::os::unix::process::CommandExt::process_group(&mut start, 0);
            match pg.run(&mut start, "pg_ctl start") {
                Ok(()) => break,
                Err(e) => {
                    let tail = log_tail(&pg.log);
                    if attempt == 2 {
                        return Err(e.context(format!("{}:\n{tail}", pg.log.display())));
                    }
                    tracing::warn!(error = %e, log = %tail, "PostgreSQL did not start; retrying once");
                    std::thread::sleep(std::time::Duration::from_secs(2));
                }
            }
        }
        pg.owned = true;
        tracing::info!(port, "PostgreSQL started");
        if legacy_trust {
            pg.leave_trust()?;
        }
        Ok(pg)
    }

    /// The superuser's URL for database `db` (tools and test clusters only).
    pub fn superuser_url(&self, db: &str) -> anyhow::Result<String> {
        let password = self.superuser_password()?;
        Ok(format!(
            "postgres://postgres:{password}@127.0.0.1:{}/{db}",
            self.port
        ))
    }

    /// The URL the server uses: the `grader` role on the `grader` database.
    pub fn app_url(&self) -> anyhow::Result<String> {
        let password = secret(&self.root.join("grader-password"))?;
        Ok(format!(
            "postgres://{APP_ROLE}:{password}@127.0.0.1:{}/{APP_ROLE}",
            self.port
        ))
    }

    /// Makes sure the app's role exists (LOGIN, not a superuser, not allowed to
    /// create roles or databases) and owns the `grader` database and everything in
    /// it, then returns its URL.
    pub async fn prepare_app_database(&self) -> anyhow::Result<String> {
        use sqlx::Connection;
        let password = secret(&self.root.join("grader-password"))?;
        let mut admin = sqlx::PgConnection::connect(&self.superuser_url("postgres")?).await?;
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
                .bind(APP_ROLE)
                .fetch_one(&mut admin)
                .await?;
        // The password is ours (hex), so quoting it into the statement is safe;
        // CREATE ROLE takes no bind parameters.
        let verb = if exists { "ALTER" } else { "CREATE" };
        sqlx::query(&format!(
            "{verb} ROLE {APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'"
        ))
        .execute(&mut admin)
        .await?;
        let db_exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
                .bind(APP_ROLE)
                .fetch_one(&mut admin)
                .await?;
        if !db_exists {
            sqlx::query(&format!("CREATE DATABASE {APP_ROLE} OWNER {APP_ROLE}"))
                .execute(&mut admin)
                .await?;
        }
        admin.close().await?;
        // A database made by an older Grader belongs to postgres: hand it over.
        let mut db = sqlx::PgConnection::connect(&self.superuser_url(APP_ROLE)?).await?;
        sqlx::raw_sql(HAND_OVER).execute(&mut db).await?;
        db.close().await?;
        self.app_url()
    }

    /// The superuser's password, generated on first use.
    fn superuser_password(&self) -> anyhow::Result<String> {
        secret(&self.root.join("postgres-password"))
    }

    /// True when pg_hba.conf lets anyone in without a password (an older Grader).
    fn uses_trust(&self) -> anyhow::Result<bool> {
        let hba = self.cluster.join("pg_hba.conf");
        let text =
            std::fs::read_to_string(&hba).with_context(|| format!("reading {}", hba.display()))?;
        Ok(text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .any(|l| l.split_whitespace().last() == Some("trust")))
    }

    /// Sets the superuser's password while trust still lets us in, then switches
    /// pg_hba.conf to scram-sha-256 and reloads.
    fn leave_trust(&self) -> anyhow::Result<()> {
        tracing::warn!("this cluster trusted every local connection: switching to passwords");
        let password = self.superuser_password()?;
        let mut psql = self.superuser_psql();
        psql.args(["-v", "ON_ERROR_STOP=1", "-q", "-c"])
            .arg(format!("ALTER ROLE postgres PASSWORD '{password}'"));
        self.run(&mut psql, "psql (setting the superuser's password)")?;
        let hba = self.cluster.join("pg_hba.conf");
        let text = std::fs::read_to_string(&hba)?;
        let updated: String = text
            .lines()
            .map(|l| {
                if !l.trim_start().starts_with('#') && l.trim_end().ends_with("trust") {
                    format!("{}scram-sha-256\n", l.trim_end().trim_end_matches("trust"))
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(&hba, updated)?;
        self.run(
            self.command("pg_ctl")
                .arg("-D")
                .arg(&self.cluster)
                .arg("reload"),
            "pg_ctl reload",
        )?;
        // The reload is asynchronous: wait until a password-less login is refused.
        for _ in 0..50 {
            if !self.uses_trust_now() {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        bail!("PostgreSQL still trusts connections after the reload")
    }

    /// psql as the superuser on the `postgres` database, over TCP.
    fn superuser_psql(&self) -> Command {
        let mut psql = self.command("psql");
        psql.args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-U", "postgres", "-d", "postgres"]);
        psql
    }

    fn uses_trust_now(&self) -> bool {
        self.superuser_psql()
            .args(["-w", "-c", "SELECT 1"])
            .env_remove("PGPASSWORD")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    pub fn is_running(&self) -> bool {
        self.command("pg_ctl")
            .arg("-D")
            .arg(&self.cluster)
            .arg("status")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    /// Stops the cluster if this process started it.
    pub fn stop(&self) -> anyhow::Result<()> {
        if self.owned {
            self.force_stop()?;
        }
        Ok(())
    }

    /// Stops the cluster whoever started it (`grader pg stop`).
    pub fn force_stop(&self) -> anyhow::Result<()> {
        if !self.is_running() {
            return Ok(());
        }
        self.run(
            self.command("pg_ctl")
                .arg("-D")
                .arg(&self.cluster)
                .args(["-m", "fast", "-w", "stop"]),
            "pg_ctl stop",
        )?;
        tracing::info!("PostgreSQL stopped");
        Ok(())
    }

    /// A handle on an existing cluster, for `grader pg stop`.
    pub fn existing(root: &Path, bin_dir: &Path, port: u16) -> Self {
        Self {
            root: root.to_path_buf(),
            cluster: root.join("pg"),
            sockets: root.join("pg-run"),
            log: root.join("postgresql.log"),
            bin_dir: find_bin_dir(bin_dir),
            port,
            run_as: is_root().then_some("postgres"),
            owned: true,
        }
    }

    fn command(&self, program: &str) -> Command {
        let binary = self.bin_dir.join(program);
        match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(binary);
                c
            }
            None => Command::new(binary),
        }
    }

    fn run(&self, command: &mut Command, what: &str) -> anyhow::Result<()> {
        let output = command
            .output()
            .with_context(|| format!("running {what}"))?;
        if !output.status.success() {
            bail!(
                "{what} failed ({}): {}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(())
    }
}

/// Gives every object in the database that postgres owns to the app's role.
/// Tables carry their indexes and owned sequences with them.
const HAND_OVER: &str = include_str!("hand_over.sql");

/// The last lines of PostgreSQL's log, for an error message.
fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// The configured folder if it holds pg_ctl, else the newest
/// /usr/lib/postgresql/N/bin (Debian installs one per major version).
fn find_bin_dir(configured: &Path) -> PathBuf {
    if configured.join("pg_ctl").exists() {
        return configured.to_path_buf();
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let major = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("pg_ctl").exists().then_some((major, bin))
        })
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, bin)| bin)
        .unwrap_or_else(|| configured.to_path_buf())
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}
