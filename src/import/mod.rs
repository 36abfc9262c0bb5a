//! Importers (GIFT, Aiken, Open Trivia DB, CSV and other sheets, flashcard sets) and exporters.

pub mod aiken;
pub mod anki;
pub mod blackboard;
pub mod blooket;
pub mod common;
pub mod csv;
pub mod csv_export;
pub mod export;
pub mod flashcards;
pub mod gift;
pub mod kahoot;
pub mod moodle_xml;
pub mod opentdb;
pub mod quiz_game;
pub mod quizlet;
pub mod table;

pub use common::{Draft, Finisher, IdMaker, ImportError, Imported, Parsed, Sink, Skipped};
