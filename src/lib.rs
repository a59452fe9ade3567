//! Grader: a Duolingo-style trainer for future Python developers.
//!
//! Organised by feature: `catalog` (professions and grades), `learning` (the grade
//! path, modules, topics, exercises, answers and lessons), `progress` (mastery and
//! the profile), `auth` (guests, accounts, sessions), `pwa` (manifest, service
//! worker, offline answers). Each feature holds its shared types,
//! its server functions, its server-only queries and its pages. `server` is the
//! ssr-only plumbing (configuration, database, embedded PostgreSQL, rendering of
//! markdown and code); `seeds` loads the content files.

// Deep view types (the authoring pages) need more than the default 128.
#![recursion_limit = "256"]

pub mod admin;
pub mod app;
pub mod auth;
pub mod authoring;
pub mod catalog;
pub mod components;
pub mod domain;
pub mod error;
pub mod learning;
pub mod progress;
pub mod pwa;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod sandbox;
#[cfg(feature = "ssr")]
pub mod seeds;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod startup;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Islands: only the interactive parts (exercise cards, lesson steps, progress
    // that follows answers) ship to the browser; every page is server-rendered.
    leptos::mount::hydrate_islands();
}
