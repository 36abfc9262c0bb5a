//! (being built)

pub mod form;
