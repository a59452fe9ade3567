//! The embedded PostgreSQL only lets Grader in: passwords for every connection,
//! an app role that is not a superuser, private socket dir, log and secrets.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use grader::server::embedded_pg::EmbeddedPg;
use sqlx::Connection;

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `psql -w` (never prompt) as `user`, without any password: does it get in?
fn psql_without_password(port: u16, host: &str, user: &str) -> bool {
    let bin = std::fs::read_dir("/usr/lib/postgresql")
        .unwrap()
        .flatten()
        .map(|e| e.path().join("bin/psql"))
        .find(|p| p.exists())
        .unwrap_or_else(|| "psql".into());
    let output = Command::new(bin)
        .args(["-w", "-h", host, "-p", &port.to_string(), "-U", user])
        .args(["-d", "postgres", "-c", "SELECT 1"])
        .env_remove("PGPASSWORD")
        .env("PGPASSFILE", "/nonexistent")
        .output()
        .unwrap();
    output.status.success()
}

/// Stops the cluster when the test ends, passed or failed.
struct Running(EmbeddedPg);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.stop();
    }
}

fn bin_dir() -> std::path::PathBuf {
    "/usr/lib/postgresql/15/bin".into()
}

#[tokio::test]
async fn the_embedded_cluster_needs_passwords_and_the_app_is_not_a_superuser() {
    let dir = tempfile::tempdir().unwrap();
    // The postgres user must reach the cluster inside (as root, it runs as postgres).
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let root = dir.path().join("data");
    let port = free_port();
    let pg = Running(EmbeddedPg::start(&root, &bin_dir(), port).unwrap());
    let pg = &pg.0;
    {
        assert!(!psql_without_password(port, "127.0.0.1", "postgres"));
        assert!(!psql_without_password(port, "127.0.0.1", "grader"));
        let socket_dir = root.join("pg-run").canonicalize().unwrap();
        assert!(!psql_without_password(
            port,
            socket_dir.to_str().unwrap(),
            "postgres"
        ));

        let url = pg.prepare_app_database().await.unwrap();
        assert!(url.starts_with("postgres://grader:"), "{url}");
        let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
        let (user, superuser, owner): (String, bool, String) = sqlx::query_as(
            "SELECT current_user::text, rolsuper,
                    (SELECT pg_get_userbyid(datdba)::text FROM pg_database
                     WHERE datname = current_database())
             FROM pg_roles WHERE rolname = current_user",
        )
        .fetch_one(&mut db)
        .await
        .unwrap();
        assert_eq!(
            (user.as_str(), superuser, owner.as_str()),
            ("grader", false, "grader")
        );
        // Not a superuser: the server's files stay out of reach.
        let read = sqlx::query("SELECT pg_read_file('/etc/passwd')")
            .execute(&mut db)
            .await;
        assert!(read.is_err());
        db.close().await.unwrap();

        assert_eq!(mode(&root.join("pg-run")), 0o700);
        assert_eq!(mode(&root.join("postgresql.log")), 0o600);
        assert_eq!(mode(&root.join("postgres-password")), 0o600);
        assert_eq!(mode(&root.join("grader-password")), 0o600);
    }
}

#[tokio::test]
async fn a_cluster_that_trusted_everyone_is_switched_to_passwords_at_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let root = dir.path().join("data");
    let port = free_port();
    // An older Grader's cluster: trust in pg_hba.conf, and the data owned by postgres.
    let pg = EmbeddedPg::start(&root, &bin_dir(), port).unwrap();
    let url = pg.superuser_url("postgres").unwrap();
    let mut admin = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::query("CREATE DATABASE grader")
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.unwrap();
    let mut old = sqlx::PgConnection::connect(&pg.superuser_url("grader").unwrap())
        .await
        .unwrap();
    sqlx::raw_sql(
        "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE notes (id bigserial PRIMARY KEY, m mood);
         INSERT INTO notes (m) VALUES ('ok');",
    )
    .execute(&mut old)
    .await
    .unwrap();
    old.close().await.unwrap();
    let hba = root.join("pg/pg_hba.conf");
    let text = std::fs::read_to_string(&hba).unwrap();
    std::fs::write(&hba, text.replace("scram-sha-256", "trust")).unwrap();
    std::fs::remove_file(root.join("postgres-password")).unwrap();
    pg.stop().unwrap();

    let pg = Running(EmbeddedPg::start(&root, &bin_dir(), port).unwrap());
    let pg = &pg.0;
    {
        assert!(!psql_without_password(port, "127.0.0.1", "postgres"));
        let url = pg.prepare_app_database().await.unwrap();
        let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
        // The app role owns what the superuser made, and can write to it.
        sqlx::query("INSERT INTO notes (m) VALUES ('ok')")
            .execute(&mut db)
            .await
            .unwrap();
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM notes")
            .fetch_one(&mut db)
            .await
            .unwrap();
        assert_eq!(n, 2);
        db.close().await.unwrap();
    }
}
