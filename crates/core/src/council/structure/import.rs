//! Importing members from a CSV file. Every row is checked before anything is stored; a file
//! with a bad row is refused with each bad row's line number and reason.
//!
//! Columns (first line, German names, in any order; `;` or `,` as separator):
//! `gremium`, `name`, `rolle`, `beginn` are required; `funktion`, `e-mail`, `telefon`,
//! `organisation`, `sektor`, `ende`, `beschluss` are optional.

use chrono::NaiveDate;
use praevnet_store::BodyId;

use super::kinds::{MembershipRole, Sector};
use super::model::Structure;
use crate::council::CouncilProblem;
use crate::kernel::email::EmailAddress;
use crate::{Error, Lang, Problem, Result};

/// One row, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub body: BodyId,
    pub name: String,
    pub function_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// An organisation by name; the sector is needed when it is new.
    pub organisation: Option<(String, Option<Sector>)>,
    pub role: MembershipRole,
    pub term_start: NaiveDate,
    pub term_end: Option<NaiveDate>,
    pub appointed_by: Option<String>,
}

const REQUIRED: [&str; 4] = ["gremium", "name", "rolle", "beginn"];
const MAX_ROWS: usize = 5_000;

/// A vocabulary value as people write it: the German or English name, or the code.
fn from_words<T: Copy>(
    value: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
) -> Option<T> {
    let wanted = value.trim().to_lowercase();
    all.iter().copied().find(|&v| {
        code(v) == wanted
            || label(v, Lang::De).to_lowercase() == wanted
            || label(v, Lang::En).to_lowercase() == wanted
    })
}

fn date(value: &str) -> std::result::Result<NaiveDate, Problem> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y"))
        .map_err(|_| Problem::DateFormat)
}

/// Checks every row of `text` against `structure`; returns the rows, or every problem.
pub fn parse(text: &str, structure: &Structure, today: NaiveDate) -> Result<Vec<ImportRow>> {
    let text = text.trim_start_matches('\u{feff}');
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.matches(';').count() >= header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|_| Error::validation("csv", CouncilProblem::MissingColumn { column: "gremium" }))?
        .iter()
        .map(str::to_lowercase)
        .collect();
    for column in REQUIRED {
        if !columns.iter().any(|c| c == column) {
            return Err(Error::validation(
                "csv",
                CouncilProblem::MissingColumn { column },
            ));
        }
    }
    let index = |name: &str| columns.iter().position(|c| c == name);

    let mut rows: Vec<ImportRow> = Vec::new();
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    for (number, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = number + 2;
        let record = match record {
            Ok(record) => record,
            Err(_) => {
                problems.push((line, Problem::MalformedRequest));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| {
            index(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let row = (|| -> std::result::Result<ImportRow, Problem> {
            let needed =
                |column: &'static str| cell(column).ok_or(CouncilProblem::EmptyCell { column });
            let body_name = needed("gremium")?;
            let body = structure
                .bodies
                .iter()
                .find(|b| b.name.eq_ignore_ascii_case(&body_name) && !b.is_dissolved(today))
                .ok_or(CouncilProblem::UnknownBody {
                    name: body_name.clone(),
                })?;
            let name = needed("name")?;
            let role_text = needed("rolle")?;
            let role = from_words(
                &role_text,
                MembershipRole::ALL,
                MembershipRole::code,
                MembershipRole::label,
            )
            .ok_or(Problem::UnknownValue { value: role_text })?;
            let term_start = date(&needed("beginn")?)?;
            let term_end = cell("ende").map(|v| date(&v)).transpose()?;
            if term_end.is_some_and(|end| end < term_start) {
                return Err(Problem::EndBeforeStart);
            }
            let email = match cell("e-mail") {
                Some(text) => Some(
                    EmailAddress::parse(&text)
                        .map_err(|_| Problem::EmailFormat)?
                        .to_string(),
                ),
                None => None,
            };
            let sector = match cell("sektor") {
                Some(text) => Some(
                    from_words(&text, Sector::ALL, Sector::code, Sector::label)
                        .ok_or(Problem::UnknownValue { value: text })?,
                ),
                None => None,
            };
            let organisation = match cell("organisation") {
                Some(org) => {
                    // Known already, or new in an earlier row of this file.
                    let known = structure
                        .organisations
                        .iter()
                        .any(|o| o.name.eq_ignore_ascii_case(&org))
                        || rows.iter().any(|r| {
                            r.organisation
                                .as_ref()
                                .is_some_and(|(n, s)| s.is_some() && n.eq_ignore_ascii_case(&org))
                        });
                    if !known && sector.is_none() {
                        return Err(CouncilProblem::SectorNeeded { organisation: org }.into());
                    }
                    Some((org, sector))
                }
                None => None,
            };
            Ok(ImportRow {
                line,
                body: body.id,
                name,
                function_title: cell("funktion"),
                email,
                phone: cell("telefon"),
                organisation,
                role,
                term_start,
                term_end,
                appointed_by: cell("beschluss"),
            })
        })();
        match row {
            Ok(row) => rows.push(row),
            Err(problem) => problems.push((line, problem)),
        }
        if rows.len() + problems.len() > MAX_ROWS {
            return Err(Error::validation(
                "csv",
                CouncilProblem::TooManyRows { max: MAX_ROWS },
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::validation(
            "csv",
            CouncilProblem::ImportRows(problems),
        ));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::structure::kinds::BodyKind;
    use crate::council::structure::model::{Body, Organisation};
    use praevnet_store::OrganisationId;

    fn structure() -> Structure {
        let body = Body::named;
        Structure {
            bodies: vec![
                body("Lenkungsgremium", BodyKind::SteeringGroup),
                body("AG Graffiti", BodyKind::WorkingGroup),
            ],
            organisations: vec![Organisation {
                id: OrganisationId::from_uuid(uuid::Uuid::now_v7()),
                name: "Polizeirevier Zwickau".into(),
                sector: Sector::Police,
            }],
            ..Structure::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
    }

    #[test]
    fn a_file_longer_than_the_limit_is_refused_by_its_rows() {
        let mut csv = String::from("gremium;name;funktion;organisation;sektor;rolle;beginn;ende\n");
        for n in 0..=MAX_ROWS {
            csv.push_str(&format!("AG Graffiti;Person {n};;;;Mitglied;01.01.2026;\n"));
        }
        let err = parse(&csv, &structure(), today()).expect_err("too long");
        assert_eq!(err.field(), Some("csv"));
        assert_eq!(
            err.message(Lang::De),
            "Eine Importdatei hat höchstens 5000 Zeilen; teilen Sie die Datei auf."
        );
    }

    #[test]
    fn a_good_file_gives_one_row_per_line() {
        let csv = "gremium;name;funktion;organisation;sektor;rolle;beginn;ende\n\
                   Lenkungsgremium;Leitung Ordnungsamt;;Stadtverwaltung;Verwaltung;Vorsitz;01.01.2026;\n\
                   AG Graffiti;Jugendarbeit Nord;Streetwork;;;Moderation;2026-02-01;31.12.2027\n\
                   ag graffiti;Revierleitung;;Polizeirevier Zwickau;;member;2026-02-01;\n";
        let rows = parse(csv, &structure(), today()).expect("valid");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].role, MembershipRole::Chair);
        assert_eq!(
            rows[0].organisation,
            Some(("Stadtverwaltung".into(), Some(Sector::Administration)))
        );
        assert_eq!(rows[1].function_title.as_deref(), Some("Streetwork"));
        assert_eq!(rows[1].term_end, NaiveDate::from_ymd_opt(2027, 12, 31));
        assert_eq!(rows[2].role, MembershipRole::Member);
        assert_eq!(rows[2].line, 4);
    }

    #[test]
    fn every_bad_row_is_named_with_its_line_and_nothing_passes() {
        let csv = "gremium,name,rolle,beginn,organisation\n\
                   Lenkungsgremium,Leitung Ordnungsamt,Vorsitz,2026-01-01,\n\
                   AG Sucht,Suchtberatung,Mitglied,2026-01-01,\n\
                   AG Graffiti,,Mitglied,2026-01-01,\n\
                   AG Graffiti,Jugendamt,Kassenwart,2026-01-01,\n\
                   AG Graffiti,Jugendamt,Mitglied,2026-13-01,\n\
                   AG Graffiti,Verein,Mitglied,2026-01-01,Neuer Verein\n";
        let err = parse(csv, &structure(), today()).expect_err("bad rows");
        let message = err.message(Lang::De);
        assert!(message.starts_with("Nichts wurde importiert."), "{message}");
        for expected in [
            "Zeile 3: Ein Gremium „AG Sucht“ gibt es",
            "Zeile 4: Die Spalte „name“ ist leer.",
            "Zeile 5: „Kassenwart“ ist hier kein zulässiger Wert.",
            "Zeile 6: Das Datum ist ungültig",
            "Zeile 7: Für die neue Organisation „Neuer Verein“ fehlt der Sektor",
        ] {
            assert!(
                message.contains(expected),
                "{expected} missing in {message}"
            );
        }
        assert!(!message.contains("Zeile 2"), "{message}");
    }

    #[test]
    fn a_file_without_a_required_column_is_refused() {
        let err = parse(
            "gremium;name;beginn\nAG Graffiti;X;2026-01-01\n",
            &structure(),
            today(),
        )
        .expect_err("no rolle");
        assert!(err.message(Lang::De).contains("„rolle“"));
    }
}
