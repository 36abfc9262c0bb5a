//! Moodle's own terms: what one `<question>` element says, before any mapping to the bank.

/// The text formats Moodle writes in `format="…"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `html`.
    Html,
    /// `moodle_auto_format`: HTML where line breaks count.
    MoodleAuto,
    /// `plain_text` (and the old `wiki_like`).
    Plain,
    /// `markdown`.
    Markdown,
}

impl Format {
    /// The format named in the file; Moodle assumes `html` for names it does not know.
    pub fn parse(name: &str) -> Format {
        match name.trim() {
            "moodle_auto_format" => Format::MoodleAuto,
            "plain_text" | "wiki_like" => Format::Plain,
            "markdown" => Format::Markdown,
            _ => Format::Html,
        }
    }
}

/// A text with its format, as in `<questiontext format="html"><text>…</text></questiontext>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rich {
    /// The content of `<text>`, trimmed as Moodle does.
    pub text: String,
    /// How to read it.
    pub format: Format,
}

impl Rich {
    /// A text in `format`.
    pub fn new(text: impl Into<String>, format: Format) -> Self {
        Rich {
            text: text.into(),
            format,
        }
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// One `<answer fraction="…">`.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The answer text.
    pub text: Rich,
    /// Credit in Moodle's terms: 1.0 for 100 %, negative for a penalty.
    pub fraction: f64,
    /// The feedback shown when this answer is given.
    pub feedback: Rich,
    /// `<tolerance>` of a numerical answer.
    pub tolerance: f64,
}

/// One numerical `<unit>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// `<unit_name>`.
    pub name: String,
    /// `<multiplier>`: the answer times this is the value in this unit.
    pub multiplier: f64,
}

/// A gap-filling choice: `<selectoption>` (gapselect) or `<dragbox>` (ddwtos).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The choice's text.
    pub text: String,
    /// Choices of a group are the options of each gap whose answer is in that group.
    pub group: u32,
}

/// The correct / partially correct / incorrect feedback of a question.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Combined {
    /// `<correctfeedback>`.
    pub correct: Option<Rich>,
    /// `<partiallycorrectfeedback>`.
    pub partially: Option<Rich>,
    /// `<incorrectfeedback>`.
    pub incorrect: Option<Rich>,
}

/// What every question has.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Line of the `<question` tag.
    pub line: usize,
    /// The `type` attribute.
    pub qtype: String,
    /// `<name>`.
    pub name: String,
    /// `<questiontext>`.
    pub text: Rich,
    /// `<generalfeedback>`.
    pub general_feedback: Option<Rich>,
    /// `<defaultgrade>`.
    pub default_grade: Option<f64>,
    /// `<idnumber>`.
    pub idnumber: Option<String>,
    /// `<tags>`.
    pub tags: Vec<String>,
    /// `<hint>`s, in order.
    pub hints: Vec<Rich>,
    /// Overall feedback, for the types that have it.
    pub combined: Combined,
}

/// The type-specific part of a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// `multichoice`: one or several right choices.
    MultiChoice { single: bool, answers: Vec<Answer> },
    /// `truefalse`: which is right, and the feedback of each.
    TrueFalse {
        answer: bool,
        feedback_true: Option<Rich>,
        feedback_false: Option<Rich>,
    },
    /// `shortanswer`.
    ShortAnswer { usecase: bool, answers: Vec<Answer> },
    /// `numerical`.
    Numerical {
        answers: Vec<Answer>,
        units: Vec<Unit>,
    },
    /// `matching`: `(question, answer)`; an empty question makes the answer a distractor.
    Matching { subquestions: Vec<(Rich, String)> },
    /// `ordering`: items in the right order.
    Ordering { items: Vec<Rich> },
    /// `gapselect` and `ddwtos`: `[[n]]` in the text names choice n.
    Gaps { choices: Vec<Choice> },
    /// `cloze` / `multianswer`: the gaps are written into the question text.
    Cloze,
}

/// One `<question>` element read in Moodle's terms.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `<question type="category">`: the questions after it are in this category.
    Category { path: String },
    /// A question of a type termquiz reads.
    Question(Box<Header>, Body),
    /// A question that cannot be imported, with the reason.
    Skip { line: usize, reason: String },
}
