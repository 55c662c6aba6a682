//! Minutes of a meeting (Niederschrift) as a self-contained HTML document: to read in the
//! browser, to download and file, to print. Every text is escaped; nothing is loaded from
//! elsewhere.

use std::fmt::Write as _;

/// What the document shows, in the reader's language already.
#[derive(Clone, Debug)]
pub struct MinutesDocument<'a> {
    pub municipality: &'a str,
    pub body: &'a str,
    pub title: &'a str,
    /// The meeting's date and time as the reader writes them.
    pub when: &'a str,
    pub location: &'a str,
    /// "Version 2 – genehmigt am 03.03.2026", say.
    pub state: &'a str,
    pub notes: &'a str,
    /// Name and attendance of each participant.
    pub attendance: &'a [(String, String)],
    /// Title and text of each agenda item.
    pub entries: &'a [(String, String)],
    pub labels: Labels<'a>,
}

/// The document's fixed words.
#[derive(Clone, Copy, Debug)]
pub struct Labels<'a> {
    pub lang: &'a str,
    pub minutes: &'a str,
    pub attendance: &'a str,
    pub notes: &'a str,
    pub agenda: &'a str,
}

/// `text` safe inside HTML elements and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Paragraphs at blank lines, line breaks kept.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>")))
        .collect()
}

/// The minutes as one HTML file.
pub fn html(doc: &MinutesDocument) -> String {
    let l = doc.labels;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{minutes}: {title}</title>\n\
         <style>body{{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}}\
         h1{{font-size:1.5rem}}h2{{font-size:1.2rem;margin-top:2rem}}\
         .meta{{color:#333}}</style>\n</head>\n<body>\n\
         <p class=\"meta\">{municipality} – {body}</p>\n<h1>{minutes}: {title}</h1>\n\
         <p class=\"meta\">{when}{location}</p>\n<p class=\"meta\">{state}</p>\n",
        lang = escape(l.lang),
        minutes = escape(l.minutes),
        title = escape(doc.title),
        municipality = escape(doc.municipality),
        body = escape(doc.body),
        when = escape(doc.when),
        location = if doc.location.is_empty() {
            String::new()
        } else {
            format!(", {}", escape(doc.location))
        },
        state = escape(doc.state),
    );
    if !doc.attendance.is_empty() {
        let _ = write!(out, "<h2>{}</h2>\n<ul>\n", escape(l.attendance));
        for (name, attendance) in doc.attendance {
            let _ = writeln!(out, "<li>{} – {}</li>", escape(name), escape(attendance));
        }
        out.push_str("</ul>\n");
    }
    if !doc.notes.trim().is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n{}",
            escape(l.notes),
            paragraphs(doc.notes)
        );
    }
    if !doc.entries.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", escape(l.agenda));
        for (n, (title, text)) in doc.entries.iter().enumerate() {
            let _ = writeln!(
                out,
                "<h3>{}. {}</h3>\n{}",
                n + 1,
                escape(title),
                paragraphs(text)
            );
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_split_into_paragraphs() {
        assert_eq!(
            paragraphs("Beschluss <einstimmig> & vertagt\nZeile 2\n\n\nZweiter"),
            "<p>Beschluss &lt;einstimmig&gt; &amp; vertagt<br>Zeile 2</p><p>Zweiter</p>"
        );
        let labels = Labels {
            lang: "de",
            minutes: "Niederschrift",
            attendance: "Anwesenheit",
            notes: "Allgemeines",
            agenda: "Tagesordnung",
        };
        let doc = html(&MinutesDocument {
            municipality: "Musterstadt",
            body: "Lenkungsgremium",
            title: "<script>alert(1)</script>",
            when: "03.03.2026, 17:00",
            location: "",
            state: "Entwurf",
            notes: "",
            attendance: &[("Anna".into(), "anwesend".into())],
            entries: &[("Lagebild".into(), "Vorgestellt.".into())],
            labels,
        });
        assert!(!doc.contains("<script>"));
        assert!(doc.contains("<h3>1. Lagebild</h3>\n<p>Vorgestellt.</p>"));
        assert!(doc.contains("<li>Anna – anwesend</li>"));
    }
}
