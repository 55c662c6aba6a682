//! Relevance in German: for each query, the practices that must come first. The collection is
//! small and written like the practices cities publish, with near misses on purpose (a text
//! that mentions allotment gardens in passing, two on school violence).

use praevnet_search::{Document, FacetGroup, Request, SearchIndex, Sort};
use uuid::Uuid;

struct Fixture {
    index: SearchIndex,
    ids: Vec<(&'static str, Uuid)>,
}

impl Fixture {
    fn id(&self, key: &str) -> Uuid {
        self.ids
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no fixture {key}"))
    }

    fn key(&self, id: Uuid) -> &'static str {
        self.ids
            .iter()
            .find(|(_, i)| *i == id)
            .map(|(k, _)| *k)
            .unwrap_or("?")
    }

    fn top(&self, text: &str, n: usize) -> Vec<&'static str> {
        self.search(Request {
            text: text.into(),
            limit: n,
            ..Request::default()
        })
    }

    fn search(&self, request: Request) -> Vec<&'static str> {
        self.index
            .search(&request)
            .expect("search")
            .hits
            .into_iter()
            .map(|h| self.key(h.id))
            .collect()
    }
}

/// The German labels of the codes used here, as `praevnet-core` writes them into `tags`.
fn label(code: &str) -> &'static str {
    match code {
        "burglary" => "Einbruchschutz und technische Beratung",
        "everyday_crime" => "Schutz vor Alltagskriminalität",
        "conflict_public_space" => "Konfliktmanagement im öffentlichen Raum",
        "violence_schools" => "Gewalt an Schulen",
        "violence_children_women" => "Gewalt gegen Kinder, Jugendliche und Frauen",
        "domestic_violence" => "Häusliche Gewalt",
        "radicalisation" => "Radikalisierung und ideologisierte Gewalt",
        "democracy" => "Demokratiefeindlichkeit und Stärkung der Demokratie",
        "addiction" => "Sucht und Drogen",
        "residents" => "Anwohnende",
        "youth" => "Jugendliche",
        "children" => "Kinder",
        "seniors" => "Seniorinnen und Senioren",
        "families" => "Eltern und Familien",
        "allotment_gardens" => "Kleingärten",
        "public_space" => "Öffentlicher Raum",
        "school" => "Schule",
        "family" => "Familie",
        "football" => "Fußball",
        "neighbourhood" => "Nachbarschaft und Quartier",
        "youth_work" => "Jugendarbeit",
        other => panic!("no label for {other}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn practice(
    title: &str,
    text: &str,
    publisher: &str,
    land: &str,
    topics: &[&str],
    targets: &[&str],
    settings: &[&str],
    evidence: Option<&str>,
    date: i64,
) -> Document {
    Document {
        id: Uuid::now_v7(),
        kind: "practice".into(),
        title: title.into(),
        text: text.into(),
        publisher: publisher.into(),
        federal_state: land.into(),
        topics: topics.iter().map(|s| (*s).to_owned()).collect(),
        target_groups: targets.iter().map(|s| (*s).to_owned()).collect(),
        settings: settings.iter().map(|s| (*s).to_owned()).collect(),
        tags: topics
            .iter()
            .chain(targets)
            .chain(settings)
            .map(|code| label(code))
            .collect::<Vec<_>>()
            .join("\n"),
        evidence_level: evidence.map(str::to_owned),
        date,
    }
}

fn fixture() -> Fixture {
    let docs: Vec<(&'static str, Document)> = vec![
        (
            "kleingarten",
            practice(
                "Sicherheitspartnerschaft Kleingartenanlage",
                "Problem: Einbrüche in Lauben und Diebstahl von Gartengeräten in den Kleingärten am Stadtrand. \
             Maßnahmen: Gartenfreunde gehen abends Streife, Beleuchtung an den Wegen, Beratung durch die Polizei.",
                "Zwickau",
                "SN",
                &["burglary", "everyday_crime"],
                &["residents"],
                &["allotment_gardens"],
                Some("theoretically_founded"),
                1_700_000_000,
            ),
        ),
        (
            "strasse",
            practice(
                "Sichere Straße am Hauptbahnhof",
                "Konflikte im öffentlichen Raum rund um den Bahnhofsvorplatz: Streetwork, Aufenthaltsqualität, \
             Präsenz des Ordnungsdienstes und ein runder Tisch mit Anwohnern und Gewerbe.",
                "Leipzig",
                "SN",
                &["conflict_public_space"],
                &["residents", "youth"],
                &["public_space"],
                Some("probably_effective"),
                1_710_000_000,
            ),
        ),
        (
            "schule_mobbing",
            practice(
                "Mobbingprävention an Grundschulen",
                "Gewalt an Schulen beginnt oft mit Ausgrenzung. Klassenrat, Streitschlichter und Fortbildung \
             der Lehrkräfte nach dem Olweus-Programm senken Mobbing nachweislich.",
                "Halle (Saale)",
                "ST",
                &["violence_schools"],
                &["children"],
                &["school"],
                Some("proven_effective"),
                1_690_000_000,
            ),
        ),
        (
            "schule_waffen",
            practice(
                "Waffenverbot und Schulhofgestaltung",
                "Nach Vorfällen mit Messern hat die Stadt die Schulhöfe umgestaltet und Schulsozialarbeit ausgebaut. \
             Die Gewalt unter Jugendlichen an den Schulen ging zurück.",
                "Magdeburg",
                "ST",
                &["violence_schools", "violence_children_women"],
                &["youth"],
                &["school"],
                Some("theoretically_founded"),
                1_720_000_000,
            ),
        ),
        (
            "haeusliche",
            practice(
                "Ausstellung „Echt fair“ gegen häusliche Gewalt",
                "Eine Mitmach-Ausstellung für Schulklassen über Gewalt in Beziehungen und in der Familie; \
             Begleitung durch Beratungsstellen.",
                "Chemnitz",
                "SN",
                &["domestic_violence"],
                &["youth"],
                &["school", "family"],
                Some("probably_effective"),
                1_705_000_000,
            ),
        ),
        (
            "fussball",
            practice(
                "Fanprojekt gegen Pyrotechnik und Gewalt im Stadion",
                "Sozialpädagogische Fanarbeit rund um die Heimspiele, Stadionverbotsverfahren mit Anhörung, \
             Fußball verbindet statt spaltet.",
                "Leipzig",
                "SN",
                &["violence_children_women"],
                &["youth"],
                &["football"],
                None,
                1_715_000_000,
            ),
        ),
        (
            "senioren",
            practice(
                "Enkeltrick erkennen: Seniorenberatung",
                "Betrug am Telefon trifft ältere Menschen. Sicherheitsberater für Senioren schulen in Begegnungsstätten, \
             wie man den Enkeltrick und falsche Polizeibeamte erkennt.",
                "Dresden",
                "SN",
                &["everyday_crime"],
                &["seniors"],
                &["neighbourhood"],
                Some("probably_effective"),
                1_695_000_000,
            ),
        ),
        (
            "radikal",
            practice(
                "Demokratiewerkstatt gegen Radikalisierung",
                "Jugendliche diskutieren über Extremismus und gruppenbezogene Menschenfeindlichkeit; \
             Workshops mit Aussteigern.",
                "Zwickau",
                "SN",
                &["radicalisation", "democracy"],
                &["youth"],
                &["school"],
                None,
                1_699_000_000,
            ),
        ),
        (
            "garten_nebenbei",
            practice(
                "Nachbarschaftsfest im Quartier",
                "Ein Fest im Wohngebiet, auf dem auch der Kleingartenverein seine Arbeit vorstellte; \
             Ziel ist ein besseres Miteinander der Nachbarn.",
                "Plauen",
                "SN",
                &["democracy"],
                &["residents"],
                &["neighbourhood"],
                None,
                1_698_000_000,
            ),
        ),
        (
            "sucht",
            practice(
                "Suchtprävention in Jugendclubs",
                "Alkohol und Cannabis: Peer-Education in Jugendclubs, Elternabende und ein Präventionsparcours.",
                "Görlitz",
                "SN",
                &["addiction"],
                &["youth", "families"],
                &["youth_work"],
                Some("probably_effective"),
                1_702_000_000,
            ),
        ),
    ];
    let index = SearchIndex::in_memory().expect("index");
    index.start_rebuild().expect("start");
    let documents: Vec<Document> = docs.iter().map(|(_, d)| d.clone()).collect();
    index.add_uncommitted(&documents).expect("add");
    index.finish_rebuild(10).expect("commit");
    Fixture {
        ids: docs.iter().map(|(k, d)| (*k, d.id)).collect(),
        index,
    }
}

#[test]
fn queries_rank_the_practices_they_are_about_first() {
    let f = fixture();
    let cases: &[(&str, &[&str])] = &[
        ("Kleingärten", &["kleingarten"]),
        ("Kleingarten Einbruch", &["kleingarten"]),
        ("Strasse Bahnhof", &["strasse"]),
        ("Gewalt an Schulen", &["schule_mobbing", "schule_waffen"]),
        ("\"Gewalt an Schulen\"", &["schule_mobbing"]),
        ("häusliche Gewalt", &["haeusliche"]),
        ("Enkeltrick", &["senioren"]),
        ("Fussball Stadion", &["fussball"]),
        ("Radikalisierung Jugendliche", &["radikal"]),
        ("Sucht Jugendclub", &["sucht"]),
        ("Zwickau", &["kleingarten", "radikal"]),
    ];
    let mut failures = Vec::new();
    for (query, expected) in cases {
        let top = f.top(query, expected.len());
        let mut want: Vec<&str> = expected.to_vec();
        let mut got = top.clone();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            failures.push(format!(
                "{query:?}: expected {expected:?} on top, got {top:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_passing_mention_ranks_below_the_practice_about_it() {
    let f = fixture();
    assert_eq!(f.top("Kleingartenverein", 5), vec!["garten_nebenbei"]);
    let hits = f.top("Kleingarten", 5);
    assert_eq!(hits.first(), Some(&"kleingarten"));
}

#[test]
fn one_typo_still_finds_the_word() {
    let f = fixture();
    assert_eq!(f.top("Enkeltirck", 3), vec!["senioren"]);
    assert_eq!(f.top("Radikalisirung", 3), vec!["radikal"]);
    assert_eq!(f.top("Kleingärtn", 1), vec!["kleingarten"]);
    // The typo changes what the stemmer cuts off: "Beleuchtnug" keeps its ending.
    assert_eq!(f.top("Beleuchtnug", 1), vec!["kleingarten"]);
    // Short words get no tolerance: "Mord" must not find "Mode" or the like.
    assert!(f.top("Mord", 3).is_empty());
}

#[test]
fn a_phrase_needs_its_words_in_order() {
    let f = fixture();
    assert_eq!(f.top("\"Schulen an Gewalt\"", 3), Vec::<&str>::new());
    assert_eq!(f.top("\"falsche Polizeibeamte\"", 3), vec!["senioren"]);
}

#[test]
fn facets_count_and_filter() {
    let f = fixture();
    let results = f
        .index
        .search(&Request {
            text: "Gewalt".into(),
            filters: vec![(FacetGroup::Setting, vec!["school".into()])],
            limit: 10,
            ..Request::default()
        })
        .expect("search");
    let found: Vec<&str> = results.hits.iter().map(|h| f.key(h.id)).collect();
    // Three practices say "Gewalt" at a school; the fourth is tagged with
    // "Radikalisierung und ideologisierte Gewalt".
    assert_eq!(results.total, 4, "{found:?}");
    let count = |group: FacetGroup, value: &str| {
        results
            .facets
            .iter()
            .find(|(g, _)| *g == group)
            .and_then(|(_, values)| values.iter().find(|(v, _)| v == value))
            .map(|(_, n)| *n)
    };
    // The chosen group counts without its own filter: football stays visible as an option.
    assert_eq!(count(FacetGroup::Setting, "school"), Some(4));
    assert_eq!(count(FacetGroup::Setting, "football"), Some(1));
    // The other groups count within the filter.
    assert_eq!(count(FacetGroup::FederalState, "ST"), Some(2));
    assert_eq!(count(FacetGroup::FederalState, "SN"), Some(2));
    assert_eq!(count(FacetGroup::Kind, "practice"), Some(4));

    let two_facets = f.search(Request {
        text: "Gewalt".into(),
        filters: vec![
            (FacetGroup::Setting, vec!["school".into()]),
            (FacetGroup::EvidenceLevel, vec!["proven_effective".into()]),
        ],
        limit: 10,
        ..Request::default()
    });
    assert_eq!(two_facets, vec!["schule_mobbing"]);
}

#[test]
fn snippets_mark_the_words_found() {
    let f = fixture();
    let results = f
        .index
        .search(&Request {
            text: "Diebstahl".into(),
            limit: 1,
            ..Request::default()
        })
        .expect("search");
    let marked: Vec<&str> = results.hits[0]
        .snippet
        .iter()
        .filter(|s| s.highlighted)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, vec!["Diebstahl"]);
}

#[test]
fn newest_first_and_no_words_lists_by_date() {
    let f = fixture();
    let newest = f.search(Request {
        text: "Gewalt".into(),
        sort: Sort::Newest,
        limit: 2,
        ..Request::default()
    });
    assert_eq!(newest, vec!["schule_waffen", "fussball"]);
    let all = f.search(Request {
        limit: 1,
        ..Request::default()
    });
    assert_eq!(all, vec!["schule_waffen"]);
}

#[test]
fn similar_practices_share_the_topic() {
    let f = fixture();
    let similar = f
        .index
        .similar(f.id("schule_mobbing"), 2)
        .expect("search")
        .expect("indexed");
    let keys: Vec<&str> = similar.iter().map(|h| f.key(h.id)).collect();
    assert_eq!(keys.first(), Some(&"schule_waffen"), "{keys:?}");
    assert!(!keys.contains(&"schule_mobbing"));
    assert!(
        f.index
            .similar(Uuid::now_v7(), 2)
            .expect("search")
            .is_none()
    );
}

#[test]
fn changes_replace_and_remove_records() {
    let f = fixture();
    let mut changed = practice(
        "Sicherheitspartnerschaft Kleingartenanlage",
        "Jetzt mit Videoberatung",
        "Zwickau",
        "SN",
        &["burglary"],
        &[],
        &[],
        None,
        1,
    );
    changed.id = f.id("kleingarten");
    f.index
        .apply(&[changed], &[f.id("senioren")], 11)
        .expect("apply");
    assert_eq!(f.top("Videoberatung", 3), vec!["kleingarten"]);
    assert!(f.top("Diebstahl Lauben", 3).is_empty());
    assert!(f.top("Enkeltrick", 3).is_empty());
    assert_eq!(f.index.checkpoint().expect("meta"), Some(11));
    assert_eq!(f.index.len(), 9);
}

#[test]
fn a_folder_index_reopens_at_its_checkpoint() {
    let folder = tempfile::tempdir().expect("tempdir");
    {
        let (index, opened) = SearchIndex::open(folder.path()).expect("create");
        assert_eq!(opened, praevnet_search::Opened::Empty);
        index
            .apply(
                &[practice(
                    "Titel",
                    "Text",
                    "Leipzig",
                    "SN",
                    &[],
                    &[],
                    &[],
                    None,
                    1,
                )],
                &[],
                42,
            )
            .expect("apply");
    }
    let (index, opened) = SearchIndex::open(folder.path()).expect("reopen");
    assert_eq!(opened, praevnet_search::Opened::UpTo(42));
    assert_eq!(index.len(), 1);
    std::fs::write(folder.path().join("meta.json"), "kaputt").expect("break");
    drop(index);
    let (index, opened) = SearchIndex::open(folder.path()).expect("reopen broken");
    assert_eq!(opened, praevnet_search::Opened::Empty);
    assert_eq!(index.len(), 0);
}

#[test]
fn an_abandoned_rebuild_leaves_the_last_state() {
    let f = fixture();
    f.index.start_rebuild().expect("start");
    f.index
        .add_uncommitted(&[practice("Halb", "halb", "X", "SN", &[], &[], &[], None, 1)])
        .expect("add");
    f.index.abandon_rebuild().expect("abandon");
    // A later change commits only itself, not the half-filled index.
    f.index.apply(&[], &[f.id("sucht")], 11).expect("apply");
    assert_eq!(f.index.len(), 9);
    assert_eq!(f.top("Enkeltrick", 1), vec!["senioren"]);
    assert!(f.top("halb", 1).is_empty());
}
