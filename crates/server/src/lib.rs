//! The praevnet server: configuration, telemetry, HTTP wiring and the command line. The
//! library exists so that tests and benchmarks start the same server as the binary.
// The schema's merged mutation type makes an async state machine deeper than the default
// limit of 128 allows the compiler to lay out.
#![recursion_limit = "256"]

mod app;
mod calendar;
pub mod cli;
pub mod config;
mod files;
mod graphql;
mod health;
mod mail;
mod minutes;
pub mod run;
mod security;
mod session;
mod state;
pub mod telemetry;
pub mod web;

pub use config::Config;
pub use run::{Server, start};
