//! The command line (clap derive): subcommands and their flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::bank::Difficulty;

/// A terminal quiz game: play JSON question banks, keep score, review what you missed.
#[derive(Debug, Parser)]
#[command(name = "termquiz", version, about, long_about = None)]
#[command(
    after_help = "With no command, termquiz plays: `termquiz -n 10` is `termquiz play -n 10`."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// When to use colour: auto (a terminal, and NO_COLOR unset), always or never
    #[arg(long, value_enum, global = true, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Where history and review state live (default: $XDG_DATA_HOME/termquiz)
    #[arg(long, global = true, env = "TERMQUIZ_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Options of `play`, for `termquiz` without a command.
    #[command(flatten)]
    pub play: PlayArgs,
}

/// `--color`: auto follows the terminal and NO_COLOR; always and never override both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Shells `termquiz completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a quiz (the default bank when no BANK is given)
    Play(PlayArgs),
    /// Check banks and report every problem with its place
    Validate(ValidateArgs),
    /// List the questions of banks as a table or as JSON
    List(ListArgs),
    /// Print the JSON Schema of the bank format
    Schema,
    /// Convert a GIFT, Moodle XML, Aiken or Open Trivia DB file into a bank
    Import(ImportArgs),
    /// Write a bank in another format (GIFT)
    Export(ExportArgs),
    /// Show your history: sessions, accuracy, weakest tags and questions
    Stats(StatsArgs),
    /// Build a class report from result files
    Report(ReportArgs),
    /// Spaced repetition: answer the questions that are due
    Review(ReviewArgs),
    /// Add a question to a bank through guided prompts
    Add(AddArgs),
    /// Run a live class: students join over the network (termquiz join, or nc)
    Host(HostArgs),
    /// Take part in a live class run by `termquiz host`
    Join(JoinArgs),
    /// Write a new bank with one example question of each kind
    New(NewArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print the man page (roff): `termquiz man > termquiz.1`
    Man,
}

/// Options of `termquiz new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The bank file to create (never replaces an existing file)
    pub file: PathBuf,
}

/// Options of `termquiz completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Practice shows feedback after each question; exam only at the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    #[default]
    Practice,
    Exam,
}

/// Options of `termquiz play`.
#[derive(Debug, Clone, Default, Args)]
pub struct PlayArgs {
    /// Bank files or directories (default: the embedded bank)
    pub banks: Vec<PathBuf>,
    /// Ask N questions [default: 10]
    #[arg(short = 'n', long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "all")]
    pub count: Option<u32>,
    /// Ask every question that matches
    #[arg(long)]
    pub all: bool,
    /// Only questions with this tag (repeat for any of several)
    #[arg(short, long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only questions of this difficulty: easy, medium or hard
    #[arg(short, long, value_parser = parse_difficulty, value_name = "easy|medium|hard")]
    pub difficulty: Option<Difficulty>,
    /// Seed for the shuffle: the same seed gives the same quiz
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// practice: feedback after each question; exam: only at the end
    #[arg(short, long, value_enum, default_value_t)]
    pub mode: Mode,
    /// Ask missed questions again until each is answered right once
    #[arg(long)]
    pub retry_wrong: bool,
    /// Seconds per question; a late answer counts as wrong
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u32).range(1..))]
    pub timer: Option<u32>,
    /// Quick correct answers earn up to 50% bonus points
    #[arg(long)]
    pub speed_bonus: bool,
    /// Your name, written into the result file
    #[arg(long)]
    pub name: Option<String>,
    /// Write this session's result as JSON to FILE (or into DIR)
    #[arg(long, value_name = "FILE")]
    pub results: Option<PathBuf>,
}

/// Options of `termquiz validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Bank files or directories
    #[arg(required = true)]
    pub banks: Vec<PathBuf>,
}

/// Output formats of `termquiz list`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[default]
    Table,
    Json,
}

/// Options of `termquiz list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Bank files or directories (default: the embedded bank)
    pub banks: Vec<PathBuf>,
    /// table for people, json for the validated bank in the file format
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    /// Every tag with its number of questions, instead of the questions
    #[arg(long)]
    pub tags: bool,
}

/// Formats `termquiz import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Gift,
    Aiken,
    Opentdb,
    /// CSV or TSV with a header row naming the bank's columns
    Csv,
    /// Kahoot's quiz spreadsheet (XLSX)
    Kahoot,
    /// Blooket's CSV template
    Blooket,
    /// Blackboard's tab-delimited question file (MC, MA, TF, FIB, NUM, ORD, MAT)
    Blackboard,
    /// Quizlet's export: term, tab, definition; one card a line
    Quizlet,
    /// Anki's "Notes in Plain Text" export
    AnkiText,
    /// Moodle XML, as a Moodle question bank exports it
    MoodleXml,
}

impl ImportFormat {
    /// The format a file extension stands for, when it says.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "gift" => Some(ImportFormat::Gift),
            "xml" => Some(ImportFormat::MoodleXml),
            "csv" | "tsv" => Some(ImportFormat::Csv),
            "xlsx" => Some(ImportFormat::Kahoot),
            _ => None,
        }
    }
}

/// How flashcards are asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CardStyleArg {
    /// The answer among wrong choices taken from other cards' answers
    #[default]
    Single,
    /// The answer typed, graded leniently
    Text,
}

/// Text encodings of import files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    #[default]
    Utf8,
    Latin1,
}

/// Options of `termquiz import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import
    pub file: PathBuf,
    /// Its format (default: from the extension and the content)
    #[arg(long, value_enum)]
    pub from: Option<ImportFormat>,
    /// Write the bank here instead of standard output
    #[arg(short, long, value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// The file's text encoding
    #[arg(long, value_enum, default_value_t)]
    pub encoding: Encoding,
    /// The bank's title (default: from the file name)
    #[arg(long)]
    pub title: Option<String>,
    /// Flashcards: between term and definition (tab, comma or the text; Quizlet)
    #[arg(
        long,
        value_name = "SEP",
        default_value = "tab",
        help_heading = "Flashcards"
    )]
    pub separator: String,
    /// Flashcards: between cards (newline, semicolon or the text; Quizlet)
    #[arg(
        long,
        value_name = "SEP",
        default_value = "newline",
        help_heading = "Flashcards"
    )]
    pub card_separator: String,
    /// Flashcards: single choice, or a typed answer
    #[arg(long = "as", value_enum, default_value_t, help_heading = "Flashcards")]
    pub style: CardStyleArg,
    /// Flashcards: wrong choices per question, from other cards' answers
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u16).range(1..=20), help_heading = "Flashcards")]
    pub choices: u16,
    /// Flashcards: ask the back, expect the front
    #[arg(long, conflicts_with = "both", help_heading = "Flashcards")]
    pub reverse: bool,
    /// Flashcards: one question each way per card
    #[arg(long, help_heading = "Flashcards")]
    pub both: bool,
}

/// Formats `termquiz export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Gift,
    /// The columns `import --from csv` reads
    Csv,
    /// Moodle XML, for a Moodle question bank's import
    MoodleXml,
}

/// Options of `termquiz export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The bank to export
    pub bank: PathBuf,
    /// The format to write
    #[arg(long, value_enum, default_value = "gift")]
    pub to: ExportFormat,
    /// Write here instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Table for people, JSON for scripts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    #[default]
    Table,
    Json,
}

/// Options of `termquiz stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// table for people, json for scripts
    #[arg(long, value_enum, default_value_t)]
    pub format: StatsFormat,
}

/// Table for people, CSV for spreadsheets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Table,
    Csv,
}

/// Options of `termquiz report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Result files or directories of them
    #[arg(required = true)]
    pub results: Vec<PathBuf>,
    /// table for people, csv for spreadsheets
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

/// Options of `termquiz review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Bank files or directories (default: the embedded bank)
    pub banks: Vec<PathBuf>,
    /// New questions to introduce today at most
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub new: u32,
}

/// Options of `termquiz add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The bank file to append to
    pub bank: PathBuf,
}

/// Who moves the class on to the next question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum PaceArg {
    /// Each student at their own speed
    #[default]
    #[value(name = "self")]
    Own,
    /// The teacher shows each question to everyone at once (Enter for the next)
    Teacher,
}

/// Options of `termquiz host`: play's selection and scoring options, plus the room's.
#[derive(Debug, Args)]
pub struct HostArgs {
    /// Questions, scoring and mode as in `play`; --results names the folder for the class
    #[command(flatten)]
    pub quiz: PlayArgs,
    /// Address and port to listen on (port 0: any free port, printed)
    #[arg(long, value_name = "ADDR:PORT", default_value = "0.0.0.0:7777")]
    pub listen: String,
    /// The PIN students type after their name (4 to 8 digits; default: 4 random digits)
    #[arg(long)]
    pub pin: Option<String>,
    /// Start when N students joined; without a terminal, end when all are done
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub players: Option<u32>,
    /// self: each student at their own speed; teacher: everyone together
    #[arg(long, value_enum, default_value_t)]
    pub pace: PaceArg,
    /// Connections open at once
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Seconds a student may stay silent before the connection is closed
    #[arg(long, value_name = "SECS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
    pub idle: u64,
    /// Wrong PINs allowed per address
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub pin_tries: u32,
}

/// Options of `termquiz join`.
#[derive(Debug, Args)]
pub struct JoinArgs {
    /// The host's address, as `termquiz host` prints it (port 7777 when not given)
    #[arg(value_name = "HOST[:PORT]")]
    pub address: String,
}

fn parse_difficulty(name: &str) -> Result<Difficulty, String> {
    Difficulty::parse(&name.to_ascii_lowercase())
        .ok_or_else(|| format!("unknown difficulty '{name}'; use easy, medium or hard"))
}
