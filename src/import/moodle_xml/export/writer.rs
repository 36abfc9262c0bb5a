//! Writing Moodle XML text the way Moodle's own exporter does (`qformat_xml::writetext`).

/// The fractions Moodle's importer accepts (`question_bank::fraction_options_full`), positive half.
const MOODLE_FRACTIONS: [f64; 21] = [
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
];

/// A fraction Moodle accepts: the nearest of its list, and whether that changed the value.
pub fn moodle_fraction(value: f64) -> (f64, bool) {
    let magnitude = value.abs().min(1.0);
    let nearest = MOODLE_FRACTIONS
        .iter()
        .copied()
        .min_by(|a, b| (a - magnitude).abs().total_cmp(&(b - magnitude).abs()))
        .unwrap_or(0.0);
    // Moodle matches a grade to its list within 0.00001.
    let changed = (nearest - value.abs()).abs() > 1e-5;
    (nearest.copysign(value), changed)
}

/// A fraction as Moodle writes it in `fraction="…"`: a percentage with at most 5 decimals.
pub fn percent(fraction: f64) -> String {
    number(fraction * 100.0, 5)
}

/// A number without trailing zeros (`1500`, `0.001`, `-33.33333`).
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Text for inside `<text>`: CDATA when it holds markup characters, `]]>` split in two.
pub fn escape(text: &str) -> String {
    if text.contains(['<', '>', '&', '"', '\'']) {
        format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
    } else {
        text.to_string()
    }
}

/// Attribute values and short element content (`<idnumber>`, `<unit_name>`): entities.
pub fn entities(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// A growing XML document, two spaces per indent level as Moodle writes it.
#[derive(Debug, Default)]
pub struct Xml {
    /// The text so far.
    pub out: String,
}

impl Xml {
    /// One line at `indent`.
    pub fn line(&mut self, indent: usize, line: &str) {
        for _ in 0..indent {
            self.out.push_str("  ");
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// `<tag format="plain_text"><text>…</text></tag>` over three lines.
    pub fn text_element(&mut self, indent: usize, tag: &str, text: &str) {
        self.line(indent, &format!("<{tag} format=\"plain_text\">"));
        self.text(indent + 1, text);
        self.line(indent, &format!("</{tag}>"));
    }

    /// `<text>…</text>`.
    pub fn text(&mut self, indent: usize, text: &str) {
        self.line(indent, &format!("<text>{}</text>", escape(text)));
    }

    /// `<tag>value</tag>` with entities.
    pub fn value(&mut self, indent: usize, tag: &str, value: &str) {
        self.line(indent, &format!("<{tag}>{}</{tag}>", entities(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_snap_to_moodles_list() {
        assert_eq!(moodle_fraction(1.0 / 3.0), (0.3333333, false));
        assert_eq!(moodle_fraction(-0.5), (-0.5, false));
        assert_eq!(moodle_fraction(0.44), (0.4, true));
        assert_eq!(percent(0.3333333), "33.33333");
        assert_eq!(percent(-1.0), "-100");
        assert_eq!(percent(0.1428571), "14.28571");
    }

    #[test]
    fn text_with_markup_goes_in_cdata_split_at_its_end_marker() {
        assert_eq!(escape("plain café"), "plain café");
        assert_eq!(escape("a < b"), "<![CDATA[a < b]]>");
        assert_eq!(escape("x]]>y&"), "<![CDATA[x]]]]><![CDATA[>y&]]>");
    }
}
