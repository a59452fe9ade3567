//! The Grader server binary: `grader serve` (the default), `grader seed`, and
//! `grader pg start|stop` for the throwaway clusters of `make test` and `make bench`.

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    cli::main().await
}

#[cfg(feature = "ssr")]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::time::Duration;

    use anyhow::Context;
    use clap::{Parser, Subcommand};
    use grader::server::config::{GraderConfig, SeedOnStart};
    use grader::server::embedded_pg::EmbeddedPg;
    use grader::startup::{migrate, spawn_housekeeping, Application};
    use leptos::config::get_configuration;
    use sqlx::postgres::PgPoolOptions;
    use sqlx::PgPool;

    #[derive(Parser)]
    #[command(
        name = "grader",
        about = "Grader: a trainer for future Python developers"
    )]
    struct Cli {
        /// The runtime configuration file.
        #[arg(long, default_value = "Leptos.toml", global = true)]
        config: PathBuf,
        #[command(subcommand)]
        command: Option<Command>,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Migrate, load the seeds and serve (the default).
        Serve,
        /// Migrate and load the seeds (always, whatever seed-on-start says), then exit.
        Seed,
        /// Make an account an admin, creating it if needed. The password is read from
        /// GRADER_ADMIN_PASSWORD or, when unset, from the first line of stdin.
        CreateAdmin {
            #[arg(long)]
            email: String,
            /// The display name of a new account.
            #[arg(long, default_value = "Администратор")]
            name: String,
        },
        /// Print the README's content table from the seed files (`--write` updates README.md).
        ContentTable {
            #[arg(long)]
            write: bool,
        },
        /// Start or stop a PostgreSQL cluster of Grader's own.
        Pg {
            #[command(subcommand)]
            action: PgAction,
            /// Folder of the cluster (default: data-dir of the configuration).
            #[arg(long, global = true)]
            data_dir: Option<PathBuf>,
            /// Port (default: embedded-pg-port of the configuration).
            #[arg(long, global = true)]
            port: Option<u16>,
        },
    }

    #[derive(Subcommand, Clone, Copy)]
    enum PgAction {
        /// Start it (creating it first if needed) and print the superuser's URL
        /// (for test clusters, where tests create databases).
        Start,
        /// Start it if needed and print the app role's URL of the `grader` database.
        Url,
        Stop,
    }

    pub async fn main() -> ExitCode {
        tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
            )
            .with_target(false)
            .init();
        let cli = Cli::parse();
        match run(cli).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("grader: {e:#}");
                ExitCode::FAILURE
            }
        }
    }

    async fn run(cli: Cli) -> anyhow::Result<()> {
        let config = GraderConfig::load(&cli.config)?;
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(&cli.config, config).await,
            Command::Seed => {
                let (pool, pg) = connect(&config).await?;
                let result = prepare(&pool, &config, SeedOnStart::Always).await;
                pool.close().await;
                if let Some(pg) = pg {
                    pg.stop()?;
                }
                result
            }
            Command::CreateAdmin { email, name } => {
                let password = match std::env::var("GRADER_ADMIN_PASSWORD") {
                    Ok(p) => p,
                    Err(_) => {
                        let mut line = String::new();
                        std::io::stdin().read_line(&mut line)?;
                        line.trim_end_matches(['\r', '\n']).to_string()
                    }
                };
                let (pool, pg) = connect(&config).await?;
                let result = create_admin(&pool, &email, &password, &name).await;
                pool.close().await;
                if let Some(pg) = pg {
                    pg.stop()?;
                }
                result
            }
            Command::ContentTable { write } => {
                use grader::seeds::{table, Seeds};
                let seeds = Seeds::read(&config.seeds_dir)?;
                let generated = table::content_table(&seeds);
                if write {
                    let readme = std::fs::read_to_string("README.md")?;
                    let updated = table::with_table(&readme, &generated)
                        .context("README.md has no content-table markers")?;
                    std::fs::write("README.md", updated)?;
                } else {
                    print!("{generated}");
                }
                Ok(())
            }
            Command::Pg {
                action,
                data_dir,
                port,
            } => {
                let dir = data_dir.unwrap_or(config.data_dir.clone());
                let port = port.unwrap_or(config.embedded_pg_port);
                match action {
                    PgAction::Start => {
                        let pg = EmbeddedPg::start(&dir, &config.pg_bin_dir, port)?;
                        println!("{}", pg.superuser_url("postgres")?);
                    }
                    PgAction::Url => {
                        let pg = EmbeddedPg::start(&dir, &config.pg_bin_dir, port)?;
                        println!("{}", pg.prepare_app_database().await?);
                    }
                    PgAction::Stop => {
                        EmbeddedPg::existing(&dir, &config.pg_bin_dir, port).force_stop()?
                    }
                }
                Ok(())
            }
        }
    }

    /// The database named by DATABASE_URL, or else the embedded cluster's `grader` database.
    async fn connect(config: &GraderConfig) -> anyhow::Result<(PgPool, Option<EmbeddedPg>)> {
        let options = PgPoolOptions::new()
            .max_connections(config.db_max_connections)
            .acquire_timeout(Duration::from_secs(5));
        if let Ok(url) = std::env::var("DATABASE_URL") {
            tracing::info!("using the database of DATABASE_URL");
            let pool = options
                .connect(&url)
                .await
                .context("connecting to DATABASE_URL")?;
            return Ok((pool, None));
        }
        let pg = EmbeddedPg::start(
            &config.data_dir,
            &config.pg_bin_dir,
            config.embedded_pg_port,
        )?;
        // The app's own role (not a superuser) on its own database.
        let url = pg
            .prepare_app_database()
            .await
            .context("preparing the app's role and database")?;
        let pool = options
            .connect(&url)
            .await
            .context("connecting to the embedded cluster")?;
        Ok((pool, Some(pg)))
    }

    async fn create_admin(
        pool: &PgPool,
        email: &str,
        password: &str,
        name: &str,
    ) -> anyhow::Result<()> {
        use grader::auth::password as pw;
        migrate(pool).await.context("migrating")?;
        anyhow::ensure!(pw::is_email(email), "{email:?} is not an e-mail address");
        if let Some(why) = pw::weakness(password) {
            anyhow::bail!("the password is too weak: {why}");
        }
        let hash = pw::hash(password).map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
        let created = grader::admin::queries::ensure_admin(pool, email.trim(), &hash, name)
            .await
            .map_err(|e| anyhow::anyhow!("{}", e.user_message()))?;
        if created {
            println!("created the admin account {email}");
        } else {
            println!("{email} is now an admin (its password is unchanged)");
        }
        Ok(())
    }

    async fn prepare(
        pool: &PgPool,
        config: &GraderConfig,
        when: SeedOnStart,
    ) -> anyhow::Result<()> {
        migrate(pool).await.context("migrating")?;
        let load = match when {
            SeedOnStart::Always => true,
            SeedOnStart::Never => false,
            SeedOnStart::IfEmpty => {
                !sqlx::query_scalar::<_, bool>("SELECT EXISTS (SELECT 1 FROM professions)")
                    .fetch_one(pool)
                    .await?
            }
        };
        if !load {
            tracing::info!("seeds not loaded (seed-on-start = {when:?}); `grader seed` loads them");
            return Ok(());
        }
        let report = grader::seeds::load_dir(pool, &config.seeds_dir).await?;
        tracing::info!(
            professions = report.professions,
            modules = report.modules,
            topics = report.topics,
            exercises = report.exercises,
            changed_rows = report.changed_rows,
            "seeds loaded"
        );
        Ok(())
    }

    async fn serve(config_path: &std::path::Path, config: GraderConfig) -> anyhow::Result<()> {
        let leptos = get_configuration(Some(&config_path.to_string_lossy()))
            .with_context(|| format!("reading Leptos options from {}", config_path.display()))?
            .leptos_options;
        let addr = leptos.site_addr;
        let (pool, pg) = connect(&config).await?;
        let served = async {
            prepare(&pool, &config, config.seed_on_start).await?;
            let app = Application::build(leptos, pool.clone(), config.sandbox(), addr).await?;
            spawn_housekeeping(&pool);
            tracing::info!("Grader is listening on http://{}", app.address());
            let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
            let mut server = tokio::spawn(app.run_until(async {
                stop_rx.await.ok();
            }));
            tokio::select! {
                result = &mut server => return result?.map_err(Into::into),
                () = shutdown_signal() => {}
            }
            tracing::info!("shutting down: finishing requests in flight");
            stop_tx.send(()).ok();
            let grace = Duration::from_secs(config.shutdown_grace_seconds);
            match tokio::time::timeout(grace, server).await {
                Ok(result) => result?.map_err(anyhow::Error::from),
                Err(_) => {
                    tracing::warn!("requests still in flight after {grace:?}; stopping anyway");
                    Ok(())
                }
            }
        }
        .await;
        pool.close().await;
        if let Some(pg) = pg {
            pg.stop()?;
        }
        served
    }

    async fn shutdown_signal() {
        let ctrl_c = tokio::signal::ctrl_c();
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("installing the SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
}

#[cfg(not(feature = "ssr"))]
pub fn main() {
    // The browser side starts in lib.rs's `hydrate`.
}
