//! termquiz: a terminal quiz game over JSON question banks.

pub mod bank;
pub mod cli;
pub mod commands;
pub mod engine;
pub mod error;
pub mod import;
pub mod live;
pub mod store;
pub mod ui;
