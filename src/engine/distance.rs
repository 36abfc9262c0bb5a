//! Edit distance with a cutoff: typo tolerance needs only "within k edits?", so the work is
//! bounded by the length times `k`, whatever a player types.

/// The optimal-string-alignment distance (insert, delete, substitute, swap two neighbours)
/// between `a` and `b` when it is at most `max`; `None` when it is larger.
pub fn osa_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Cells further than `max` from the diagonal can never come back under `max`: they are
    // left at `far`, so each row costs O(max).
    let far = max + 1;
    let width = b.len() + 1;
    let mut before = vec![far; width];
    let mut previous: Vec<usize> = (0..width).map(|j| j.min(far)).collect();
    let mut current = vec![far; width];
    for i in 1..=a.len() {
        let low = i.saturating_sub(max).max(1);
        let high = (i + max).min(b.len());
        current.fill(far);
        current[0] = i.min(far);
        let mut best = current[0];
        for j in low..=high {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d.min(far);
            best = best.min(current[j]);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_strsim_within_the_limit() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "photoplay",
            "fotoplay",
            "photoplya",
            "kitten",
            "sitting",
            "café",
            "cafe",
            "naïve",
            "xyz",
        ];
        for a in words {
            for b in words {
                let full = strsim::osa_distance(a, b);
                for max in 0..4 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(osa_within(a, b, max), want, "{a:?} {b:?} max {max}");
                }
            }
        }
    }

    #[test]
    fn a_huge_answer_gives_up_at_once() {
        let typed = "x".repeat(30_000);
        let start = std::time::Instant::now();
        assert_eq!(osa_within("photoplay", &typed, 2), None);
        assert_eq!(osa_within(&typed, &typed.replace('x', "y"), 2), None);
        assert!(start.elapsed().as_millis() < 200, "{:?}", start.elapsed());
    }
}
