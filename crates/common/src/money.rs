//! Numbers and amounts of money as people write them, one way for the server's messages and the
//! app.

use crate::Lang;

/// Thousands grouped as readers of the language expect: "238.000" / "238,000".
pub fn group_thousands(n: i64, lang: Lang) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", grouped(n.unsigned_abs(), lang))
}

/// An amount in whole euros as people write it: "1.300.000 €" / "€1,300,000".
pub fn euros(amount: i64, lang: Lang) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    let grouped = grouped(amount.unsigned_abs(), lang);
    match lang {
        Lang::De => format!("{sign}{grouped} €"),
        Lang::En => format!("{sign}€{grouped}"),
    }
}

fn grouped(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::De => '.',
        Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(238_000, Lang::De), "238.000");
        assert_eq!(group_thousands(1_234_567, Lang::En), "1,234,567");
        assert_eq!(group_thousands(999, Lang::De), "999");
        assert_eq!(group_thousands(-1000, Lang::De), "-1.000");
    }

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(euros(1_300_000, Lang::De), "1.300.000 €");
        assert_eq!(euros(999, Lang::De), "999 €");
        assert_eq!(euros(25_000, Lang::En), "€25,000");
        assert_eq!(euros(-1_000, Lang::De), "-1.000 €");
        assert_eq!(euros(-1_000, Lang::En), "-€1,000");
    }
}
