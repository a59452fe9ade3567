//! Integration tests on real PostgreSQL: each test gets a fresh database from
//! `#[sqlx::test]` (DATABASE_URL names the server), with migrations applied.

mod api;
mod authorization;
mod feedback;
mod helpers;
mod learners;
mod mastery;
mod pages;
mod profile;
mod pwa;
mod queries;
mod security;
mod seeds;
