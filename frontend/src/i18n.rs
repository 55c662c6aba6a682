//! The app's texts in German (the default) and English.
//!
//! One struct with a constant per language: the compiler refuses a text that exists in one
//! language only, which a lookup by string key (leptos_i18n's JSON files, fluent) would only
//! find at run time. Domain terms (Präventionsrat, Kommune, AGS) stay German in both.

use leptos::prelude::*;

/// The languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

const STORAGE_KEY: &str = "praevnet.lang";

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        match code {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The remembered choice; German when there is none.
    pub fn remembered() -> Lang {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or(Lang::De)
    }

    pub fn remember(self) {
        if let Some(storage) = storage() {
            // A browser that refuses storage (private mode quota) keeps the choice for this visit.
            let _ = storage.set_item(STORAGE_KEY, self.code());
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The current language, shared through the component tree.
#[derive(Debug, Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// The texts in the current language (tracks the language, so views update on a switch).
    pub fn t(self) -> &'static Texts {
        self.0.get().texts()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Every text of the interface.
#[derive(Debug)]
pub struct Texts {
    pub app_name: &'static str,
    pub app_claim: &'static str,
    pub skip_to_content: &'static str,
    pub main_navigation: &'static str,
    pub nav_municipalities: &'static str,
    pub nav_new_municipality: &'static str,
    pub login: &'static str,
    pub logout: &'static str,
    pub logged_in_as: &'static str,
    /// The label of the language switch, in the language it switches to.
    pub switch_language: &'static str,
    pub switch_language_hint: &'static str,
    pub loading: &'static str,
    pub page_loaded: &'static str,

    pub error_title: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_unexpected: &'static str,

    pub email: &'static str,
    pub password: &'static str,
    pub new_password: &'static str,
    pub password_hint: &'static str,
    pub login_title: &'static str,
    pub login_submit: &'static str,
    pub forgot_password: &'static str,
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub forgot_sent: &'static str,
    pub reset_title: &'static str,
    pub reset_submit: &'static str,
    pub invitation_title: &'static str,
    pub invitation_intro: &'static str,
    pub invitation_submit: &'static str,
    pub link_incomplete: &'static str,
    pub back_to_login: &'static str,

    pub municipalities_title: &'static str,
    pub municipalities_intro: &'static str,
    pub your_municipalities: &'static str,
    pub role_state_office: &'static str,
    pub search_name: &'static str,
    pub all_states: &'static str,
    pub apply_filter: &'static str,
    pub no_results: &'static str,
    pub results: fn(i64, i64, i64) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,

    pub name: &'static str,
    pub ags: &'static str,
    pub ags_hint: &'static str,
    pub federal_state: &'static str,
    pub population: &'static str,
    pub status: &'static str,
    pub slug: &'static str,
    pub slug_hint: &'static str,
    pub status_onboarding: &'static str,
    pub status_active: &'static str,
    pub status_inactive: &'static str,
    pub council: &'static str,
    pub council_none: &'static str,
    pub council_name: &'static str,
    pub founding_resolution: &'static str,
    pub founding_resolution_hint: &'static str,
    pub founding_date: &'static str,
    pub has_council: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub registry_data: &'static str,
    pub edit_registry: &'static str,
    pub edit_council: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub cancel: &'static str,
    pub saved: &'static str,
    pub invalid_whole_number: &'static str,
    pub create_title: &'static str,
    pub create_submit: &'static str,

    pub structure_link: &'static str,
    pub structure_title: &'static str,
    pub template_legend: &'static str,
    pub template_hint: &'static str,
    pub template_apply: &'static str,
    pub warnings_title: &'static str,
    pub organigram_title: &'static str,
    pub organigram_download: &'static str,
    pub organigram_list: &'static str,
    pub bodies_title: &'static str,
    pub no_members: &'static str,
    pub person: &'static str,
    pub role: &'static str,
    pub organisation: &'static str,
    pub term: &'static str,
    pub derived_note: &'static str,
    pub dissolved: &'static str,
    pub add_body_title: &'static str,
    pub body_kind: &'static str,
    pub parent_body: &'static str,
    pub no_parent: &'static str,
    pub add_body_submit: &'static str,
    pub add_person_title: &'static str,
    pub person_name: &'static str,
    pub function_title: &'static str,
    pub add_person_submit: &'static str,
    pub add_membership_title: &'static str,
    pub body: &'static str,
    pub term_start: &'static str,
    pub add_membership_submit: &'static str,
    pub choose: &'static str,
    pub role_chair: &'static str,
    pub role_deputy: &'static str,
    pub role_moderator: &'static str,
    pub role_member: &'static str,
    pub role_advisory_guest: &'static str,
    pub role_temporary: &'static str,
    pub kind_leadership: &'static str,
    pub kind_leadership_staff: &'static str,
    pub kind_steering_group: &'static str,
    pub kind_coordination_office: &'static str,
    pub kind_working_group: &'static str,
    pub kind_plenary_assembly: &'static str,
    pub kind_security_conference: &'static str,
    pub kind_own: &'static str,
    pub edit_body: &'static str,
    pub tasks: &'static str,
    pub chair_rule: &'static str,
    pub meetings_per_year: &'static str,
    pub min_members: &'static str,
    pub max_members: &'static str,
    pub term_months: &'static str,
    pub public_body: &'static str,
    pub moderators_are_members: &'static str,
    pub dissolved_on: &'static str,
    pub dissolution_resolution: &'static str,
    pub end_term: &'static str,
    pub actions: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub to_start: &'static str,
    pub footer: &'static str,
}

pub const DE: Texts = Texts {
    app_name: "praevnet",
    app_claim: "Plattform der Kommunalen Präventionsräte",
    skip_to_content: "Zum Inhalt springen",
    main_navigation: "Hauptnavigation",
    nav_municipalities: "Kommunen",
    nav_new_municipality: "Kommune anlegen",
    login: "Anmelden",
    logout: "Abmelden",
    logged_in_as: "Angemeldet als",
    switch_language: "English",
    switch_language_hint: "Switch to English",
    loading: "Wird geladen …",
    page_loaded: "Seite geladen",
    error_title: "Das hat nicht geklappt",
    error_network: "Keine Verbindung zum Server. Ihre Eingaben bleiben erhalten – bitte versuchen Sie es gleich noch einmal.",
    error_server: "Der Server konnte die Anfrage gerade nicht bearbeiten. Ihre Eingaben bleiben erhalten – bitte versuchen Sie es später noch einmal.",
    error_unexpected: "Die Antwort des Servers war unerwartet. Bitte laden Sie die Seite neu.",
    email: "E-Mail-Adresse",
    password: "Passwort",
    new_password: "Neues Passwort",
    password_hint: "Mindestens 10 Zeichen; gängige oder leicht zu erratende Passwörter werden abgelehnt.",
    login_title: "Anmelden",
    login_submit: "Anmelden",
    forgot_password: "Passwort vergessen?",
    forgot_title: "Passwort vergessen",
    forgot_intro: "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie erhalten einen Link, mit dem Sie ein neues Passwort festlegen.",
    forgot_submit: "Link anfordern",
    forgot_sent: "Falls zu dieser Adresse ein Konto besteht, ist eine E-Mail mit einem Link unterwegs. Der Link gilt eine Stunde.",
    reset_title: "Neues Passwort festlegen",
    reset_submit: "Passwort speichern und anmelden",
    invitation_title: "Einladung annehmen",
    invitation_intro: "Sie wurden zu praevnet eingeladen. Legen Sie ein Passwort fest, um Ihr Konto zu aktivieren.",
    invitation_submit: "Passwort festlegen und anmelden",
    link_incomplete: "Der Link ist unvollständig. Bitte öffnen Sie ihn noch einmal vollständig aus der E-Mail.",
    back_to_login: "Zur Anmeldung",
    municipalities_title: "Kommunen",
    municipalities_intro: "Die Kommunen auf praevnet und ihre Präventionsräte.",
    your_municipalities: "Ihre Kommunen",
    role_state_office: "Landespräventionsstelle",
    search_name: "Name enthält",
    all_states: "Alle Bundesländer",
    apply_filter: "Filtern",
    no_results: "Keine Kommune entspricht dem Filter.",
    results: |from, to, total| format!("Kommunen {from}–{to} von {total}"),
    previous_page: "Vorherige Seite",
    next_page: "Nächste Seite",
    name: "Name",
    ags: "Amtlicher Gemeindeschlüssel (AGS)",
    ags_hint: "Acht Ziffern, z. B. 15002000 für Halle (Saale).",
    federal_state: "Bundesland",
    population: "Einwohnerzahl",
    status: "Status auf praevnet",
    slug: "Adresskürzel",
    slug_hint: "Teil der Adresse, z. B. halle-saale. Leer lassen, um es aus dem Namen zu bilden.",
    status_onboarding: "Im Aufbau",
    status_active: "Aktiv",
    status_inactive: "Inaktiv",
    council: "Präventionsrat",
    council_none: "Für diese Kommune ist noch kein Präventionsrat erfasst.",
    council_name: "Name des Gremiums",
    founding_resolution: "Gründungsbeschluss",
    founding_resolution_hint: "Nummer der Vorlage des Stadtrats, z. B. B-41/1998.",
    founding_date: "Gründungsdatum",
    has_council: "Präventionsrat",
    yes: "ja",
    no: "nein",
    registry_data: "Stammdaten",
    edit_registry: "Stammdaten bearbeiten",
    edit_council: "Präventionsrat bearbeiten",
    save: "Speichern",
    saving: "Wird gespeichert …",
    cancel: "Abbrechen",
    saved: "Gespeichert.",
    invalid_whole_number: "Bitte eine ganze Zahl eingeben, z. B. 238000.",
    create_title: "Kommune anlegen",
    create_submit: "Kommune anlegen",
    structure_link: "Gremien und Mitglieder",
    structure_title: "Gremien und Mitglieder",
    template_legend: "Mit welcher Struktur beginnt der Präventionsrat?",
    template_hint: "Die Vorlage legt die Gremien an; danach lässt sich alles ändern.",
    template_apply: "Vorlage übernehmen",
    warnings_title: "Hinweise",
    organigram_title: "Organigramm",
    organigram_download: "Organigramm als SVG herunterladen",
    organigram_list: "Struktur als Liste",
    bodies_title: "Gremien",
    no_members: "Noch keine Mitglieder eingetragen.",
    person: "Person",
    role: "Rolle",
    organisation: "Organisation",
    term: "Amtszeit",
    derived_note: "automatisch, solange die Moderation besteht",
    dissolved: "aufgelöst",
    add_body_title: "Gremium anlegen",
    body_kind: "Art des Gremiums",
    parent_body: "Berichtet an",
    no_parent: "– kein Gremium (oberste Ebene) –",
    add_body_submit: "Gremium anlegen",
    add_person_title: "Person anlegen",
    person_name: "Name oder Funktionsbezeichnung",
    function_title: "Funktion",
    add_person_submit: "Person anlegen",
    add_membership_title: "Mitgliedschaft eintragen",
    body: "Gremium",
    term_start: "Beginn der Amtszeit",
    add_membership_submit: "Mitgliedschaft eintragen",
    choose: "– bitte wählen –",
    role_chair: "Vorsitz",
    role_deputy: "Stellvertretung",
    role_moderator: "Moderation",
    role_member: "Mitglied",
    role_advisory_guest: "Beratender Gast",
    role_temporary: "Zeitweise Mitwirkung",
    kind_leadership: "Leitung",
    kind_leadership_staff: "Führungsstab",
    kind_steering_group: "Steuerungs-/Lenkungsgremium",
    kind_coordination_office: "Koordinierungs-/Geschäftsstelle",
    kind_working_group: "Arbeitsgruppe",
    kind_plenary_assembly: "Vollversammlung",
    kind_security_conference: "Sicherheitskonferenz",
    kind_own: "Eigene Form",
    edit_body: "Gremium bearbeiten",
    tasks: "Aufgaben",
    chair_rule: "Vorsitz (Regel)",
    meetings_per_year: "Sitzungen pro Jahr",
    min_members: "Mindestzahl Mitglieder",
    max_members: "Höchstzahl Mitglieder",
    term_months: "Amtszeit in Monaten",
    public_body: "Öffentliches Gremium",
    moderators_are_members: "Die Moderationen aller Arbeitsgruppen gehören diesem Gremium an",
    dissolved_on: "Aufgelöst am",
    dissolution_resolution: "Auflösungsbeschluss",
    end_term: "Amtszeit heute beenden",
    actions: "Aktionen",
    not_found_title: "Seite nicht gefunden",
    not_found_text: "Diese Adresse gibt es auf praevnet nicht (mehr).",
    to_start: "Zur Startseite",
    footer: "praevnet – ein Netzwerk der Kommunalen Präventionsräte",
};

pub const EN: Texts = Texts {
    app_name: "praevnet",
    app_claim: "Platform of the municipal crime prevention councils",
    skip_to_content: "Skip to content",
    main_navigation: "Main navigation",
    nav_municipalities: "Municipalities",
    nav_new_municipality: "Add municipality",
    login: "Log in",
    logout: "Log out",
    logged_in_as: "Logged in as",
    switch_language: "Deutsch",
    switch_language_hint: "Auf Deutsch umschalten",
    loading: "Loading …",
    page_loaded: "Page loaded",
    error_title: "That did not work",
    error_network: "No connection to the server. What you entered is kept – please try again in a moment.",
    error_server: "The server could not handle the request just now. What you entered is kept – please try again later.",
    error_unexpected: "The server's answer was unexpected. Please reload the page.",
    email: "E-mail address",
    password: "Password",
    new_password: "New password",
    password_hint: "At least 10 characters; common or easily guessed passwords are refused.",
    login_title: "Log in",
    login_submit: "Log in",
    forgot_password: "Forgot your password?",
    forgot_title: "Forgot your password",
    forgot_intro: "Enter your account's e-mail address. You will receive a link to set a new password.",
    forgot_submit: "Send link",
    forgot_sent: "If an account exists for this address, an e-mail with a link is on its way. The link is valid for one hour.",
    reset_title: "Set a new password",
    reset_submit: "Save password and log in",
    invitation_title: "Accept invitation",
    invitation_intro: "You have been invited to praevnet. Set a password to activate your account.",
    invitation_submit: "Set password and log in",
    link_incomplete: "The link is incomplete. Please open it again, in full, from the e-mail.",
    back_to_login: "Back to login",
    municipalities_title: "Municipalities",
    municipalities_intro: "The municipalities on praevnet and their prevention councils (Präventionsräte).",
    your_municipalities: "Your municipalities",
    role_state_office: "State prevention office",
    search_name: "Name contains",
    all_states: "All federal states",
    apply_filter: "Filter",
    no_results: "No municipality matches the filter.",
    results: |from, to, total| format!("Municipalities {from}–{to} of {total}"),
    previous_page: "Previous page",
    next_page: "Next page",
    name: "Name",
    ags: "Official municipality key (AGS)",
    ags_hint: "Eight digits, e.g. 15002000 for Halle (Saale).",
    federal_state: "Federal state",
    population: "Population",
    status: "Status on praevnet",
    slug: "Address name",
    slug_hint: "Part of the address, e.g. halle-saale. Leave empty to derive it from the name.",
    status_onboarding: "Onboarding",
    status_active: "Active",
    status_inactive: "Inactive",
    council: "Präventionsrat (prevention council)",
    council_none: "No prevention council has been recorded for this municipality yet.",
    council_name: "Name of the council",
    founding_resolution: "Founding resolution",
    founding_resolution_hint: "Number of the city council's resolution, e.g. B-41/1998.",
    founding_date: "Founding date",
    has_council: "Council",
    yes: "yes",
    no: "no",
    registry_data: "Registry data",
    edit_registry: "Edit registry data",
    edit_council: "Edit council",
    save: "Save",
    saving: "Saving …",
    cancel: "Cancel",
    saved: "Saved.",
    invalid_whole_number: "Please enter a whole number, e.g. 238000.",
    create_title: "Add municipality",
    create_submit: "Add municipality",
    structure_link: "Bodies and members",
    structure_title: "Bodies and members",
    template_legend: "Which structure does the council start from?",
    template_hint: "The template creates the bodies; everything can be changed afterwards.",
    template_apply: "Apply template",
    warnings_title: "Things to look at",
    organigram_title: "Organisation chart",
    organigram_download: "Download the organisation chart as SVG",
    organigram_list: "Structure as a list",
    bodies_title: "Bodies",
    no_members: "No members recorded yet.",
    person: "Person",
    role: "Role",
    organisation: "Organisation",
    term: "Term",
    derived_note: "automatic, while the moderation lasts",
    dissolved: "dissolved",
    add_body_title: "Add a body",
    body_kind: "Kind of body",
    parent_body: "Reports to",
    no_parent: "– no body (top level) –",
    add_body_submit: "Add body",
    add_person_title: "Add a person",
    person_name: "Name or functional title",
    function_title: "Function",
    add_person_submit: "Add person",
    add_membership_title: "Record a membership",
    body: "Body",
    term_start: "Start of term",
    add_membership_submit: "Record membership",
    choose: "– please choose –",
    role_chair: "Chair",
    role_deputy: "Deputy",
    role_moderator: "Moderator",
    role_member: "Member",
    role_advisory_guest: "Advisory guest",
    role_temporary: "Temporary participant",
    kind_leadership: "Leadership",
    kind_leadership_staff: "Leadership staff",
    kind_steering_group: "Steering group",
    kind_coordination_office: "Coordination office",
    kind_working_group: "Working group",
    kind_plenary_assembly: "Plenary assembly",
    kind_security_conference: "Security conference",
    kind_own: "Own kind",
    edit_body: "Edit body",
    tasks: "Tasks",
    chair_rule: "Chair (rule)",
    meetings_per_year: "Meetings per year",
    min_members: "Minimum members",
    max_members: "Maximum members",
    term_months: "Term in months",
    public_body: "Public body",
    moderators_are_members: "The moderators of all working groups are members of this body",
    dissolved_on: "Dissolved on",
    dissolution_resolution: "Dissolution resolution",
    end_term: "End term today",
    actions: "Actions",
    not_found_title: "Page not found",
    not_found_text: "This address does not exist (any more) on praevnet.",
    to_start: "To the start page",
    footer: "praevnet – a network of the municipal crime prevention councils",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_switches_to_the_other_in_that_language() {
        assert_eq!(Lang::De.texts().switch_language, "English");
        assert_eq!(Lang::En.texts().switch_language, "Deutsch");
        assert_eq!(Lang::De.other(), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in [Lang::De, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn result_ranges_read_naturally() {
        assert_eq!((DE.results)(1, 50, 120), "Kommunen 1–50 von 120");
        assert_eq!((EN.results)(51, 100, 120), "Municipalities 51–100 of 120");
    }
}
