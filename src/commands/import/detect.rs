//! Which format an import file is in: `--from`, else the extension, else the content;
//! and whether the content looks like that format at all.

use std::path::Path;

use crate::cli::ImportFormat;

/// One importable format: its name, `--from` value, shape test and what a wrong file lacks.
struct Shape {
    format: ImportFormat,
    name: &'static str,
    flag: &'static str,
    looks_like: fn(&str) -> bool,
    missing: &'static str,
    /// Tried when guessing from the content (flashcard text looks like anything).
    sniff: bool,
}

/// Every format, in the order content sniffing tries them.
const SHAPES: [Shape; 10] = [
    Shape {
        format: ImportFormat::Opentdb,
        name: "Open Trivia DB JSON",
        flag: "opentdb",
        looks_like: looks_like_json,
        missing: "it does not start with { or [",
        sniff: true,
    },
    Shape {
        format: ImportFormat::Aiken,
        name: "Aiken",
        flag: "aiken",
        looks_like: looks_like_aiken,
        missing: "no `ANSWER: B` line",
        sniff: true,
    },
    Shape {
        format: ImportFormat::Gift,
        name: "GIFT",
        flag: "gift",
        looks_like: looks_like_gift,
        missing: "no {…} answer block",
        sniff: true,
    },
    Shape {
        format: ImportFormat::Csv,
        name: "CSV",
        flag: "csv",
        looks_like: looks_like_csv,
        missing: "no header row naming a prompt column",
        sniff: true,
    },
    Shape {
        format: ImportFormat::MoodleXml,
        name: "Moodle XML",
        flag: "moodle-xml",
        looks_like: looks_like_xml,
        missing: "it does not start with an XML tag",
        sniff: true,
    },
    Shape {
        format: ImportFormat::Blooket,
        name: "Blooket CSV",
        flag: "blooket",
        looks_like: |_| true,
        missing: "",
        sniff: false,
    },
    Shape {
        format: ImportFormat::Blackboard,
        name: "Blackboard",
        flag: "blackboard",
        looks_like: |_| true,
        missing: "",
        sniff: false,
    },
    Shape {
        format: ImportFormat::Kahoot,
        name: "Kahoot XLSX",
        flag: "kahoot",
        looks_like: |_| true,
        missing: "",
        sniff: false,
    },
    Shape {
        format: ImportFormat::Quizlet,
        name: "Quizlet",
        flag: "quizlet",
        looks_like: |_| true,
        missing: "",
        sniff: false,
    },
    Shape {
        format: ImportFormat::AnkiText,
        name: "Anki notes in plain text",
        flag: "anki-text",
        looks_like: |_| true,
        missing: "",
        sniff: false,
    },
];

fn shape(format: ImportFormat) -> &'static Shape {
    SHAPES
        .iter()
        .find(|s| s.format == format)
        .unwrap_or(&SHAPES[0])
}

/// True when the file is read as a Kahoot spreadsheet (binary, not text).
pub fn is_spreadsheet(from: Option<ImportFormat>, path: &Path) -> bool {
    let by_name = || {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(ImportFormat::from_extension)
            == Some(ImportFormat::Kahoot)
    };
    from.map_or_else(by_name, |f| f == ImportFormat::Kahoot)
}

/// The format's name as people say it.
pub fn name(format: ImportFormat) -> &'static str {
    shape(format).name
}

/// What `--from` accepts, for messages.
const FLAGS: &str =
    "gift, moodle-xml, csv, kahoot, blooket, blackboard, aiken, opentdb, quizlet or anki-text";

/// The format to read, and why when it was a guess worth saying ("from the content";
/// `.gift`, `.xml`, `.csv` and `.xlsx` name their format and go unsaid). `Err` is a usage
/// message: the name and the content leave the format open.
pub fn choose(path: &Path, text: &str) -> Result<(ImportFormat, Option<&'static str>), String> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let guess = match extension.as_deref() {
        Some("json") => Some((ImportFormat::Opentdb, "from the extension")),
        // Aiken files are plain text; a .txt with GIFT's braces and no ANSWER line is GIFT.
        Some("txt") if !looks_like_aiken(text) && looks_like_gift(text) => {
            Some((ImportFormat::Gift, "from the content"))
        }
        Some("txt") => Some((ImportFormat::Aiken, "from the extension")),
        Some(other) => {
            return ImportFormat::from_extension(other)
                .map(|f| (f, None))
                .ok_or_else(unknown);
        }
        None => SHAPES
            .iter()
            .find(|s| s.sniff && (s.looks_like)(text))
            .map(|s| (s.format, "from the content")),
    };
    guess.map(|(f, why)| (f, Some(why))).ok_or_else(unknown)
}

fn unknown() -> String {
    format!("cannot tell the format from the file name; add --from {FLAGS}")
}

/// `Err` with a plain sentence when `text` cannot be in `format`.
pub fn check(format: ImportFormat, text: &str) -> Result<(), String> {
    let wanted = shape(format);
    if (wanted.looks_like)(text) {
        return Ok(());
    }
    let hint = SHAPES
        .iter()
        .find(|s| s.sniff && s.format != format && (s.looks_like)(text))
        .map_or_else(String::new, |s| {
            format!("; it looks like {}, try --from {}", s.name, s.flag)
        });
    Err(format!(
        "this does not look like {} ({}){hint}",
        wanted.name, wanted.missing
    ))
}

fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// A first row with a delimiter and a `prompt` column.
fn looks_like_csv(text: &str) -> bool {
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_ascii_lowercase();
    header.contains("prompt") && header.contains([',', ';', '\t'])
}

fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
}

fn looks_like_aiken(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        line.len() > 7
            && line[..7].eq_ignore_ascii_case("ANSWER:")
            && line[7..]
                .trim()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
    })
}

fn looks_like_gift(text: &str) -> bool {
    // An unclosed brace is still GIFT: the importer names the line.
    !looks_like_json(text) && !looks_like_csv(text) && !looks_like_xml(text) && text.contains('{')
}

#[cfg(test)]
mod tests {
    use super::*;

    const AIKEN: &str = "What is 2+2?\nA) 3\nB) 4\nANSWER: B\n";
    const GIFT: &str = "::q:: 2+2? {=4 ~3}\n";

    #[test]
    fn extension_decides_then_content() {
        let pick = |p: &str, t: &str| choose(Path::new(p), t).map(|c| c.0);
        assert!(
            pick("notes.md", GIFT).is_err(),
            "an unknown extension is not sniffed"
        );
        assert_eq!(pick("a.gift", GIFT), Ok(ImportFormat::Gift));
        assert_eq!(pick("a.txt", AIKEN), Ok(ImportFormat::Aiken));
        assert_eq!(pick("a.txt", GIFT), Ok(ImportFormat::Gift));
        assert_eq!(pick("a.json", "{}"), Ok(ImportFormat::Opentdb));
        assert_eq!(pick("quiz", AIKEN), Ok(ImportFormat::Aiken));
        assert_eq!(pick("quiz", GIFT), Ok(ImportFormat::Gift));
        assert_eq!(pick("a.csv", "prompt,answer\nx,y\n"), Ok(ImportFormat::Csv));
        assert_eq!(pick("sheet", "id;prompt;answer\n"), Ok(ImportFormat::Csv));
        assert_eq!(pick("a.xml", "<quiz></quiz>"), Ok(ImportFormat::MoodleXml));
        assert_eq!(
            pick("export", "<?xml version=\"1.0\"?>\n<quiz>"),
            Ok(ImportFormat::MoodleXml)
        );
        assert!(pick("quiz", "just words").is_err());
    }

    #[test]
    fn gift_read_as_aiken_does_not_look_like_aiken() {
        let error = check(ImportFormat::Aiken, GIFT).unwrap_err();
        assert_eq!(
            error,
            "this does not look like Aiken (no `ANSWER: B` line); it looks like GIFT, try --from gift"
        );
        assert_eq!(check(ImportFormat::Aiken, AIKEN), Ok(()));
    }
}
