//! Amounts of money as people write them, one way for the server's messages and the app.

use crate::Lang;

/// An amount in whole euros as people write it: "1.300.000 €" / "€1,300,000".
pub fn euros(amount: i64, lang: Lang) -> String {
    let digits = amount.unsigned_abs().to_string();
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
    let sign = if amount < 0 { "-" } else { "" };
    match lang {
        Lang::De => format!("{sign}{grouped} €"),
        Lang::En => format!("{sign}€{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(euros(1_300_000, Lang::De), "1.300.000 €");
        assert_eq!(euros(999, Lang::De), "999 €");
        assert_eq!(euros(25_000, Lang::En), "€25,000");
        assert_eq!(euros(-1_000, Lang::De), "-1.000 €");
    }
}
