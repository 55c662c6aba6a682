//! The texts of the registry pages: the list of municipalities, one municipality with its
//! registry data and council, and adding a municipality. The municipality's status on the
//! platform ([`crate::model::MunicipalityStatus`]) and the Länder are the registry's words too.
//!
//! Part of [`crate::i18n::Texts`]: one struct literal per language, so a text missing in one
//! language does not compile.

/// Every text of the registry pages.
#[derive(Debug)]
pub struct RegistryTexts {
    pub municipalities_title: &'static str,
    pub municipalities_intro: &'static str,
    pub your_municipalities: &'static str,
    pub role_state_office: &'static str,
    pub search_name: &'static str,
    pub all_states: &'static str,
    pub apply_filter: &'static str,
    pub no_results: &'static str,
    pub results: fn(i64, i64, i64) -> String,
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
    pub create_title: &'static str,
    pub create_submit: &'static str,
    pub founding_link: &'static str,
    pub invite_admin_title: &'static str,
    pub invite_admin_submit: &'static str,
    pub display_name: &'static str,
    pub invitation_sent: &'static str,
}

pub const DE: RegistryTexts = RegistryTexts {
    municipalities_title: "Kommunen",
    municipalities_intro: "Die Kommunen auf praevnet und ihre Präventionsräte.",
    your_municipalities: "Ihre Kommunen",
    role_state_office: "Landespräventionsstelle",
    search_name: "Name enthält",
    all_states: "Alle Bundesländer",
    apply_filter: "Filtern",
    no_results: "Keine Kommune entspricht dem Filter.",
    results: |from, to, total| format!("Kommunen {from}–{to} von {total}"),
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
    create_title: "Kommune anlegen",
    create_submit: "Kommune anlegen",
    founding_link: "Gründung des Präventionsrats",
    invite_admin_title: "Koordination einladen",
    invite_admin_submit: "Einladung senden",
    display_name: "Name",
    invitation_sent: "Die Einladung ist verschickt.",
};

pub const EN: RegistryTexts = RegistryTexts {
    municipalities_title: "Municipalities",
    municipalities_intro: "The municipalities on praevnet and their prevention councils (Präventionsräte).",
    your_municipalities: "Your municipalities",
    role_state_office: "State prevention office",
    search_name: "Name contains",
    all_states: "All federal states",
    apply_filter: "Filter",
    no_results: "No municipality matches the filter.",
    results: |from, to, total| format!("Municipalities {from}–{to} of {total}"),
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
    create_title: "Add municipality",
    create_submit: "Add municipality",
    founding_link: "Founding of the council",
    invite_admin_title: "Invite the coordination office",
    invite_admin_submit: "Send invitation",
    display_name: "Name",
    invitation_sent: "The invitation has been sent.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_ranges_read_naturally() {
        assert_eq!((DE.results)(1, 50, 120), "Kommunen 1–50 von 120");
        assert_eq!((EN.results)(51, 100, 120), "Municipalities 51–100 of 120");
    }
}
