//! Security: one test (or a few) per item of the security issue, each of which
//! fails on code without that defence.

mod database;
mod sandbox;
mod web;
