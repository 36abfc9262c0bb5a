//! The first step of a GIFT import: the file as located blocks between blank lines, with
//! their `//` comments (for `[id:…]` and `[tag:…]`) and `$CATEGORY:` lines set apart.

use crate::bank::id::slug;

/// Lines between blank lines; comment lines are blanked so offsets keep their line.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// 1-based line of the first line that is not a comment.
    pub line: usize,
    /// The block's text, comment lines left empty.
    pub text: String,
    /// The text of the block's `//` comment lines, without the `//`.
    pub comments: Vec<String>,
}

/// Splits GIFT text into blocks, one at a time as they are asked for (a big file is never
/// held twice); blocks of comments only are dropped.
pub fn blocks(text: &str) -> Blocks<'_> {
    Blocks {
        lines: text.lines().enumerate(),
        comments: Vec::new(),
    }
}

/// The blocks of a GIFT text, in file order: see [`blocks`].
pub struct Blocks<'t> {
    lines: std::iter::Enumerate<std::str::Lines<'t>>,
    /// Comment lines read since the last blank line, before any text.
    comments: Vec<String>,
}

impl Iterator for Blocks<'_> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        let mut current: Option<Block> = None;
        for (index, line) in self.lines.by_ref() {
            if line.trim().is_empty() {
                self.comments.clear();
                if current.is_some() {
                    return current;
                }
                continue;
            }
            if let Some(comment) = line.trim_start().strip_prefix("//") {
                match &mut current {
                    Some(block) => {
                        block.text.push('\n');
                        block.comments.push(comment.to_string());
                    }
                    None => self.comments.push(comment.to_string()),
                }
                continue;
            }
            match &mut current {
                Some(block) => {
                    block.text.push('\n');
                    block.text.push_str(line);
                }
                None => {
                    current = Some(Block {
                        line: index + 1,
                        text: line.to_string(),
                        comments: std::mem::take(&mut self.comments),
                    })
                }
            }
        }
        current
    }
}

/// What a block starting with `$CATEGORY:` says: the path, and the rest of the block.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// The path as written (`$course$/top/Unit 1/Lesson 2`).
    pub path: String,
    /// Lines after the `$CATEGORY:` line in the same block, if any.
    pub rest: Option<Block>,
}

/// Splits off a leading `$CATEGORY:` line.
pub fn category(block: Block) -> Result<Category, Block> {
    let Some(after) = block.text.trim_start().strip_prefix("$CATEGORY:") else {
        return Err(block);
    };
    let (first, others) = after.split_once('\n').unwrap_or((after, ""));
    let path = first.trim().to_string();
    let skipped = block.text.len() - others.len();
    let lead_lines = block.text[..skipped].matches('\n').count();
    let blank_lead = others.len() - others.trim_start_matches('\n').len();
    let rest = (!others.trim().is_empty()).then(|| Block {
        line: block.line + lead_lines + blank_lead,
        text: others.trim_start_matches('\n').to_string(),
        comments: block.comments.clone(),
    });
    Ok(Category { path, rest })
}

/// The tags a category path gives: each segment's slug, then the whole path of slugs
/// (`a/b`) when it has more than one segment. Moodle's context (`$course$`) and `top` are
/// left out.
pub fn category_tags(path: &str) -> Vec<String> {
    let segments: Vec<String> = split_path(path)
        .iter()
        .enumerate()
        .filter(|(i, s)| !(*i == 0 && s.starts_with('$') && s.ends_with('$')))
        .map(|(_, s)| s.as_str())
        .skip_while(|s| s.eq_ignore_ascii_case("top"))
        .map(|s| slug(s, 40))
        .filter(|s| !s.is_empty())
        .collect();
    let mut tags = segments.clone();
    if segments.len() > 1 {
        tags.push(segments.join("/"));
    }
    tags
}

/// Path segments split at `/`; Moodle writes a `/` inside a name as `//`.
fn split_path(path: &str) -> Vec<String> {
    let mut segments = vec![String::new()];
    let mut chars = path.trim().trim_end_matches('/').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() != Some(&'/') => segments.push(String::new()),
            _ => {
                if c == '/' {
                    chars.next();
                }
                if let Some(s) = segments.last_mut() {
                    s.push(c)
                }
            }
        }
    }
    segments.into_iter().map(|s| s.trim().to_string()).collect()
}

/// Moodle's comment metadata: `[id:…]` (the first) and every `[tag:…]`; `\]` stands for `]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The `[id:…]` value.
    pub id: Option<String>,
    /// The `[tag:…]` values in order.
    pub tags: Vec<String>,
}

/// Reads `[id:…]` and `[tag:…]` from comment lines.
pub fn meta(comments: &[String]) -> Meta {
    let mut meta = Meta::default();
    let mut seen = std::collections::HashSet::new();
    for comment in comments {
        for (key, value) in bracketed(comment) {
            match key {
                "id" if meta.id.is_none() => meta.id = Some(value),
                "tag" if seen.insert(value.clone()) => meta.tags.push(value),
                _ => {}
            }
        }
    }
    meta
}

/// Every `[key:value]` of a comment, with `\]` and `\\` unescaped and the value trimmed.
fn bracketed(comment: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = comment;
    while let Some(open) = rest.find('[') {
        rest = &rest[open + 1..];
        let Some((key, after)) = rest.split_once(':') else {
            break;
        };
        if !matches!(key, "id" | "tag") {
            continue;
        }
        let mut value = String::new();
        let mut chars = after.char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, n @ (']' | '\\'))) => value.push(n),
                    Some((_, n)) => {
                        value.push('\\');
                        value.push(n);
                    }
                    None => value.push('\\'),
                },
                ']' => {
                    end = Some(i);
                    break;
                }
                _ => value.push(c),
            }
        }
        let Some(end) = end else { break };
        let value = value.trim().to_string();
        if !value.is_empty() {
            out.push((key, value));
        }
        rest = &after[end + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_lines_and_comments() {
        let text = "// file comment\n\n// [id:q1]\n::a::Q {\n// inside\n=x}\n\n\nB {T}";
        let got: Vec<Block> = blocks(text).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].line, 4);
        assert_eq!(got[0].text, "::a::Q {\n\n=x}");
        assert_eq!(got[0].comments, [" [id:q1]", " inside"]);
        assert_eq!(got[1].line, 9);
    }

    #[test]
    fn category_keeps_its_path_and_the_rest_of_the_block() {
        let block = blocks("$CATEGORY: $course$/top/Unit 1/Lesson 2\n\nQ {T}")
            .next()
            .unwrap();
        let cat = category(block).unwrap();
        assert_eq!(cat.path, "$course$/top/Unit 1/Lesson 2");
        assert_eq!(cat.rest, None);
        let block = blocks("x\n$CATEGORY: a\n\nQ {T}").next().unwrap();
        assert!(category(block).is_err());
        let block = blocks("$CATEGORY: a\nQ {T}").next().unwrap();
        let rest = category(block).unwrap().rest.unwrap();
        assert_eq!((rest.line, rest.text.as_str()), (2, "Q {T}"));
    }

    #[test]
    fn category_tags_are_segments_and_the_whole_path() {
        assert_eq!(
            category_tags("$course$/top/Unit 1/Lesson 2"),
            ["unit-1", "lesson-2", "unit-1/lesson-2"]
        );
        assert_eq!(category_tags("Film Scores"), ["film-scores"]);
        assert_eq!(category_tags("$course$/Music/"), ["music"]);
        assert_eq!(category_tags("a//b/c"), ["a-b", "c", "a-b/c"]);
        assert!(category_tags("$system$/top").is_empty());
    }

    #[test]
    fn meta_reads_id_and_tags_with_escapes() {
        let m = meta(&[
            " question: 12 name: x".into(),
            " [id:Q-7] [tag:unit 1] [tag:a\\]b]".into(),
            " [tag:unit 1] [id:other]".into(),
        ]);
        assert_eq!(m.id.as_deref(), Some("Q-7"));
        assert_eq!(m.tags, ["unit 1", "a]b"]);
    }
}
