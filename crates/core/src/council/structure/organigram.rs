//! The organigram of a council, drawn from its configuration as SVG: who chairs the council
//! above, bodies as boxes in the order of reporting, solid lines to the body each is placed
//! under, dashed arrows to another body it reports to. The drawing carries its text
//! alternative (`<title>` and a `<desc>` that lists the structure), so a screen reader and a
//! downloaded file both say what the picture shows.

use std::fmt::Write as _;

use chrono::NaiveDate;
use praevnet_store::BodyId;

use super::kinds::BodyKind;
use super::model::{Body, Structure};
use crate::Lang;

const BOX_WIDTH: i32 = 210;
const BOX_HEIGHT: i32 = 78;
const GAP_X: i32 = 24;
const GAP_Y: i32 = 56;
const MARGIN: i32 = 16;
const LINE_CHARS: usize = 25;
/// The band above the bodies that names who chairs the council.
const HEADER_HEIGHT: i32 = 30;

/// What the drawing says above its bodies: the council and who chairs it.
#[derive(Clone, Copy, Debug)]
pub struct Heading<'a> {
    pub council: &'a str,
    pub chair: Option<&'a str>,
    pub deputy_chair: Option<&'a str>,
}

impl Heading<'_> {
    /// "Vorsitz: … · Stellvertretung: …", when anyone chairs the council.
    fn chairs(&self, lang: Lang) -> Option<String> {
        let (chair, deputy) = match lang {
            Lang::De => ("Vorsitz", "Stellvertretung"),
            Lang::En => ("Chair", "Deputy"),
        };
        let parts: Vec<String> = [(chair, self.chair), (deputy, self.deputy_chair)]
            .into_iter()
            .filter_map(|(label, name)| name.map(|n| format!("{label}: {n}")))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// A body placed in the drawing.
struct Placed<'a> {
    body: &'a Body,
    depth: i32,
    /// Left edge in slots of `BOX_WIDTH + GAP_X`, possibly fractional for parents.
    slot: f64,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Breaks a name into at most three lines at spaces; the last ends with … when cut.
fn lines(name: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for word in name.split_whitespace() {
        let current = out.last_mut().expect("one line at least");
        if current.is_empty() || current.chars().count() + 1 + word.chars().count() <= LINE_CHARS {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else if out.len() < 3 {
            out.push(word.to_owned());
        } else {
            let last = out.last_mut().expect("three lines");
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    out
}

fn fill(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Leadership | BodyKind::LeadershipStaff => "#dbe7f3",
        BodyKind::SteeringGroup => "#e3eedc",
        BodyKind::CoordinationOffice => "#f1eadb",
        BodyKind::WorkingGroup => "#ffffff",
        BodyKind::PlenaryAssembly | BodyKind::SecurityConference => "#efe3f0",
        BodyKind::Own => "#eeeeee",
    }
}

/// The bodies alive on `on`, children after their parent, siblings in configured order;
/// a body whose parent is not shown is a root.
fn tree(structure: &Structure, on: NaiveDate) -> Vec<(&Body, i32)> {
    let alive: Vec<&Body> = structure
        .bodies
        .iter()
        .filter(|b| !b.is_dissolved(on))
        .collect();
    let shown = |id: Option<BodyId>| id.filter(|p| alive.iter().any(|b| b.id == *p));
    let mut ordered = Vec::new();
    fn visit<'a>(
        alive: &[&'a Body],
        parent: Option<BodyId>,
        depth: i32,
        shown: &dyn Fn(Option<BodyId>) -> Option<BodyId>,
        out: &mut Vec<(&'a Body, i32)>,
    ) {
        let mut children: Vec<&&Body> =
            alive.iter().filter(|b| shown(b.parent) == parent).collect();
        children.sort_by_key(|b| (b.position, b.id));
        for child in children {
            // A cycle cannot be stored (core refuses it); the depth bound is a second guard.
            if depth < 32 && !out.iter().any(|(b, _)| b.id == child.id) {
                out.push((child, depth));
                visit(alive, Some(child.id), depth + 1, shown, out);
            }
        }
    }
    visit(&alive, None, 0, &shown, &mut ordered);
    ordered
}

/// The structure as indented text, one body per line after who chairs the council: the
/// drawing's text alternative.
pub fn outline(structure: &Structure, heading: &Heading, on: NaiveDate, lang: Lang) -> String {
    let mut text = String::new();
    if let Some(chairs) = heading.chairs(lang) {
        let _ = writeln!(text, "{chairs}");
    }
    let alive = tree(structure, on);
    for &(body, depth) in &alive {
        let kind = body.own_kind.as_deref().unwrap_or(body.kind.label(lang));
        let seated = structure.seated_count(body.id, on);
        let members = match (lang, seated) {
            (Lang::De, 1) => "1 Mitglied".to_owned(),
            (Lang::De, n) => format!("{n} Mitglieder"),
            (Lang::En, 1) => "1 member".to_owned(),
            (Lang::En, n) => format!("{n} members"),
        };
        let reports = body
            .reports_to
            .and_then(|r| alive.iter().find(|(b, _)| b.id == r))
            .map(|(to, _)| match lang {
                Lang::De => format!(", berichtet an {}", to.name),
                Lang::En => format!(", reports to {}", to.name),
            })
            .unwrap_or_default();
        let _ = writeln!(
            text,
            "{}{} ({kind}, {members}{reports})",
            "  ".repeat(usize::try_from(depth).unwrap_or(0)),
            body.name
        );
    }
    text
}

/// Draws the organigram of the bodies alive on `on`.
pub fn svg(structure: &Structure, heading: &Heading, on: NaiveDate, lang: Lang) -> String {
    let council_name = heading.council;
    let chairs = heading.chairs(lang);
    let top = if chairs.is_some() { HEADER_HEIGHT } else { 0 };
    let ordered = tree(structure, on);
    // Leaves take the next free slot; a parent is centred over its children.
    let mut placed: Vec<Placed> = Vec::new();
    let mut next_slot = 0.0_f64;
    fn place<'a>(
        index: usize,
        ordered: &[(&'a Body, i32)],
        placed: &mut Vec<Placed<'a>>,
        next_slot: &mut f64,
    ) -> f64 {
        let (body, depth) = ordered[index];
        let children: Vec<usize> = ordered
            .iter()
            .enumerate()
            .filter(|(_, (b, d))| *d == depth + 1 && b.parent == Some(body.id))
            .map(|(i, _)| i)
            .collect();
        let slot = if children.is_empty() {
            let slot = *next_slot;
            *next_slot += 1.0;
            slot
        } else {
            let slots: Vec<f64> = children
                .iter()
                .map(|&c| place(c, ordered, placed, next_slot))
                .collect();
            (slots[0] + slots[slots.len() - 1]) / 2.0
        };
        placed.push(Placed { body, depth, slot });
        slot
    }
    for (index, (_, depth)) in ordered.iter().enumerate() {
        if *depth == 0 {
            place(index, &ordered, &mut placed, &mut next_slot);
        }
    }
    let x = |slot: f64| MARGIN + (slot * f64::from(BOX_WIDTH + GAP_X)).round() as i32;
    let y = |depth: i32| MARGIN + top + depth * (BOX_HEIGHT + GAP_Y);
    let depth_max = placed.iter().map(|p| p.depth).max().unwrap_or(0);
    let width = (MARGIN * 2 + (next_slot.max(1.0) * f64::from(BOX_WIDTH + GAP_X)) as i32 - GAP_X)
        .max(BOX_WIDTH + 2 * MARGIN);
    let height = y(depth_max) + BOX_HEIGHT + MARGIN;
    let (title, empty) = match lang {
        Lang::De => (
            format!("Organigramm: {council_name}"),
            "Noch keine Gremien.",
        ),
        Lang::En => (
            format!("Organisation chart: {council_name}"),
            "No bodies yet.",
        ),
    };
    let description = if ordered.is_empty() {
        empty.to_owned()
    } else {
        outline(structure, heading, on, lang)
    };

    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="organigram-title organigram-desc" font-family="system-ui, sans-serif">"#
    );
    let _ = write!(
        out,
        r#"<title id="organigram-title">{}</title><desc id="organigram-desc">{}</desc>"#,
        escape(&title),
        escape(&description)
    );
    out.push_str(
        r##"<defs><marker id="reports-to" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><polygon points="0 0 8 4 0 8" fill="#4a4a4a"/></marker></defs>"##,
    );
    if let Some(chairs) = &chairs {
        let _ = write!(
            out,
            r##"<text x="{MARGIN}" y="{}" font-size="13" fill="#1b1b1b">{}</text>"##,
            MARGIN + 14,
            escape(chairs)
        );
    }
    for p in &placed {
        if let Some(parent) = placed.iter().find(|q| Some(q.body.id) == p.body.parent) {
            let (px, py) = (x(parent.slot) + BOX_WIDTH / 2, y(parent.depth) + BOX_HEIGHT);
            let (cx, cy) = (x(p.slot) + BOX_WIDTH / 2, y(p.depth));
            let mid = py + GAP_Y / 2;
            let _ = write!(
                out,
                r##"<path d="M{px} {py} V{mid} H{cx} V{cy}" fill="none" stroke="#4a4a4a" stroke-width="1.5"/>"##
            );
        }
    }
    // Reporting lines that cross the tree: from the body's top to the bottom of the other.
    for p in &placed {
        if let Some(to) = placed.iter().find(|q| Some(q.body.id) == p.body.reports_to) {
            let (fx, fy) = (x(p.slot) + BOX_WIDTH / 2 + 12, y(p.depth));
            let (tx, ty) = (x(to.slot) + BOX_WIDTH / 2 + 12, y(to.depth) + BOX_HEIGHT);
            let _ = write!(
                out,
                r##"<line class="reports-to" x1="{fx}" y1="{fy}" x2="{tx}" y2="{ty}" stroke="#4a4a4a" stroke-width="1.5" stroke-dasharray="4 3" marker-end="url(#reports-to)"/>"##
            );
        }
    }
    for p in &placed {
        let (bx, by) = (x(p.slot), y(p.depth));
        let kind = p
            .body
            .own_kind
            .as_deref()
            .unwrap_or(p.body.kind.label(lang));
        let dash = if p.body.kind == BodyKind::WorkingGroup {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r##"<g><rect x="{bx}" y="{by}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" fill="{}" stroke="#1b1b1b"{dash}/>"##,
            fill(p.body.kind)
        );
        let name_lines = lines(&p.body.name);
        let first = by
            + match name_lines.len() {
                1 => 32,
                2 => 25,
                _ => 18,
            };
        for (i, line) in name_lines.iter().enumerate() {
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="middle" font-size="13" font-weight="600" fill="#1b1b1b">{}</text>"##,
                bx + BOX_WIDTH / 2,
                first + i32::try_from(i).unwrap_or(0) * 15,
                escape(line)
            );
        }
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#4a4a4a">{}</text></g>"##,
            bx + BOX_WIDTH / 2,
            by + BOX_HEIGHT - 10,
            escape(kind)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::structure::templates::template;

    fn halle() -> Structure {
        template("halle").expect("halle").preview()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
    }

    fn heading(council: &str) -> Heading<'_> {
        Heading {
            council,
            chair: None,
            deputy_chair: None,
        }
    }

    #[test]
    fn the_chair_stands_above_and_a_reporting_line_crosses_the_tree() {
        let mut s = halle();
        let id_of =
            |s: &Structure, name: &str| s.bodies.iter().position(|b| b.name == name).expect(name);
        let steering = s.bodies[id_of(&s, "Steuerungsgruppe")].id;
        let office = id_of(&s, "Koordinierungsstelle");
        s.bodies[office].reports_to = Some(steering);
        let reporting = "Koordinierungsstelle";
        let heading = Heading {
            council: "KPR",
            chair: Some("Oberbürgermeister*in"),
            deputy_chair: Some("Beigeordnete*r"),
        };
        let text = outline(&s, &heading, today(), Lang::De);
        assert_eq!(
            text.lines().next(),
            Some("Vorsitz: Oberbürgermeister*in · Stellvertretung: Beigeordnete*r")
        );
        assert!(
            text.lines()
                .any(|l| l.contains(reporting) && l.ends_with(", berichtet an Steuerungsgruppe)")),
            "{text}"
        );
        let drawing = svg(&s, &heading, today(), Lang::En);
        assert!(drawing.contains(">Chair: Oberbürgermeister*in · Deputy: Beigeordnete*r<"));
        assert_eq!(drawing.matches("class=\"reports-to\"").count(), 1);
    }

    #[test]
    fn the_outline_follows_the_reporting_lines() {
        let text = outline(&halle(), &heading("KPR"), today(), Lang::De);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Vollversammlung (Vollversammlung, 0 Mitglieder)");
        assert_eq!(
            lines[1],
            "  Steuerungsgruppe (Steuerungs-/Lenkungsgremium, 0 Mitglieder)"
        );
        assert!(lines.contains(&"    AG Diskriminierung (Arbeitsgruppe, 0 Mitglieder)"));
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn the_drawing_names_every_body_and_carries_its_text_alternative() {
        let drawing = svg(
            &halle(),
            &heading("Präventionsrat Halle (Saale)"),
            today(),
            Lang::De,
        );
        assert!(drawing.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(drawing.contains(
            "<title id=\"organigram-title\">Organigramm: Präventionsrat Halle (Saale)</title>"
        ));
        assert!(drawing.contains("<desc id=\"organigram-desc\">Vollversammlung (Vollversammlung"));
        for name in [
            "Vollversammlung",
            "Steuerungsgruppe",
            "AG Diskriminierung",
            "Koordinierungsstelle",
        ] {
            assert!(drawing.contains(&format!(">{name}<")), "{name} missing");
        }
        // Six lines connect seven bodies in one tree.
        assert_eq!(drawing.matches("<path").count(), 6);
        assert!(drawing.ends_with("</svg>"));
    }

    #[test]
    fn dissolved_bodies_leave_the_drawing_and_text_is_escaped() {
        let mut s = halle();
        s.bodies[6].dissolved_on = Some(NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"));
        s.bodies[5].name = "AG <Schule> & \"Freizeit\"".into();
        let drawing = svg(&s, &heading("KPR"), today(), Lang::En);
        assert!(!drawing.contains("AG Schulumfeld"));
        assert!(drawing.contains("AG &lt;Schule&gt; &amp; &quot;Freizeit&quot;"));
        assert!(drawing.contains("Organisation chart: KPR"));
    }

    #[test]
    fn long_names_wrap_onto_two_lines() {
        assert_eq!(
            lines("AG Opferschutz, häusliche Gewalt, Stalking und Mobbing"),
            [
                "AG Opferschutz, häusliche",
                "Gewalt, Stalking und",
                "Mobbing"
            ]
        );
        assert_eq!(lines("Steuerungsgruppe"), ["Steuerungsgruppe"]);
        let cut = lines(
            "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn",
        );
        assert_eq!(cut.len(), 3);
        assert!(cut[2].ends_with('…'));
    }
}
