//! A PostgreSQL cluster of Grader's own, for when no DATABASE_URL is given.
//!
//! It drives the system's PostgreSQL binaries (initdb, pg_ctl) directly. The crate
//! `postgresql_embedded` can do this too, but it brings sqlx 0.9 beside our 0.8 and
//! cannot run initdb as root; here, as root, the binaries run as the `postgres`
//! user through `runuser` (initdb refuses root).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

pub struct EmbeddedPg {
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
        if let Some(user) = run_as {
            for path in [&pg.cluster, &pg.sockets, &pg.log] {
                if path.exists() {
                    pg.run(Command::new("chown").arg("-R").arg(user).arg(path), "chown")?;
                }
            }
        }

        if !pg.cluster.join("PG_VERSION").exists() {
            tracing::info!(cluster = %pg.cluster.display(), "creating the PostgreSQL cluster");
            let mut initdb = pg.command("initdb");
            initdb.arg("-D").arg(&pg.cluster).args([
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]);
            if run_as.is_some() {
                // initdb creates the directory; as root its parent must be writable by
                // postgres, so create it first and hand it over.
                std::fs::create_dir_all(&pg.cluster)?;
                pg.run(
                    Command::new("chown").arg("postgres").arg(&pg.cluster),
                    "chown",
                )?;
            }
            pg.run(&mut initdb, "initdb")?;
        }

        if pg.is_running() {
            tracing::info!(
                port,
                "joining the PostgreSQL cluster that is already running"
            );
            return Ok(pg);
        }
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
            pg.sockets.display()
        );
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
        pg.run(&mut start, "pg_ctl start")
            .with_context(|| format!("see {}", pg.log.display()))?;
        pg.owned = true;
        tracing::info!(port, "PostgreSQL started");
        Ok(pg)
    }

    /// The URL of database `db` in this cluster.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
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
