//! GIFT weights are percentages (`%33.33333%`); the bank keeps fractions (`0.3333333`).
//! Both directions move the decimal point in the written digits, so a weight written by the
//! exporter reads back as exactly the same number.

/// `33.33333` (a percent as written) as the fraction `0.3333333`; `None` unless plain digits.
pub fn fraction_of_percent(percent: &str) -> Option<f64> {
    let text = percent.trim();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits {
        return None;
    }
    let int = format!("{int:0>2}");
    let (whole, moved) = int.split_at(int.len() - 2);
    let whole = if whole.is_empty() { "0" } else { whole };
    format!("{sign}{whole}.{moved}{frac}").parse().ok()
}

/// A fraction as the percent GIFT writes (`0.3333333` → `33.33333`), exact both ways.
pub fn percent_of_fraction(fraction: f64) -> String {
    let text = fraction.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = format!("{frac:0<2}");
    let (moved, rest) = frac.split_at(2);
    let int = format!("{int}{moved}");
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let out = if rest.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{rest}")
    };
    if out == "0" {
        out
    } else {
        format!("{sign}{out}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_read_as_written() {
        assert_eq!(fraction_of_percent("100"), Some(1.0));
        assert_eq!(fraction_of_percent("-100"), Some(-1.0));
        assert_eq!(fraction_of_percent("33.33333"), Some(0.3333333));
        assert_eq!(fraction_of_percent("5"), Some(0.05));
        assert_eq!(fraction_of_percent("abc"), None);
        assert_eq!(fraction_of_percent(""), None);
    }

    #[test]
    fn fractions_come_back_exactly() {
        for i in 0..20_000 {
            let w = f64::from(i) / 19_997.0;
            for w in [w, -w] {
                assert_eq!(
                    fraction_of_percent(&percent_of_fraction(w)),
                    Some(w + 0.0),
                    "{w}"
                );
            }
        }
        assert_eq!(percent_of_fraction(0.3333333), "33.33333");
        assert_eq!(percent_of_fraction(-0.5), "-50");
        assert_eq!(percent_of_fraction(0.001), "0.1");
    }
}
