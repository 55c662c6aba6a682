//! The closed vocabularies of a council's structure, with their stored codes and German and
//! English names. Codes are what the database and the templates hold; they never change.
use praevnet_common::codes;

codes!(
    /// What a body (Gremium) is in the council.
    BodyKind {
        Leadership = "leadership", "Leitung", "Leadership";
        LeadershipStaff = "leadership_staff", "Führungsstab", "Leadership staff";
        SteeringGroup = "steering_group", "Steuerungs-/Lenkungsgremium", "Steering group";
        CoordinationOffice = "coordination_office", "Koordinierungs-/Geschäftsstelle", "Coordination office";
        WorkingGroup = "working_group", "Arbeitsgruppe", "Working group";
        PlenaryAssembly = "plenary_assembly", "Vollversammlung", "Plenary assembly";
        SecurityConference = "security_conference", "Sicherheitskonferenz", "Security conference";
        Own = "own", "Eigene Form", "Own kind";
    }
);

codes!(
    /// What a working group is organised by.
    GroupScope {
        Thematic = "thematic", "thematisch", "thematic";
        District = "district", "Stadtteil", "district";
    }
);

codes!(
    /// Where an organisation (Akteur) belongs; required seats name one.
    Sector {
        Police = "police", "Polizei", "Police";
        Justice = "justice", "Justiz", "Justice";
        Science = "science", "Wissenschaft", "Science";
        SocialServices = "social_services", "Soziales", "Social services";
        FreeCarrier = "free_carrier", "Freier Träger", "Independent provider";
        Education = "education", "Bildung", "Education";
        Administration = "administration", "Verwaltung", "Administration";
        Politics = "politics", "Politik", "Politics";
        CivilSociety = "civil_society", "Zivilgesellschaft", "Civil society";
        Business = "business", "Wirtschaft", "Business";
        Other = "other", "Sonstige", "Other";
    }
);

codes!(
    /// A person's role in a body.
    MembershipRole {
        Chair = "chair", "Vorsitz", "Chair";
        Deputy = "deputy", "Stellvertretung", "Deputy";
        Moderator = "moderator", "Moderation", "Moderator";
        Member = "member", "Mitglied", "Member";
        AdvisoryGuest = "advisory_guest", "Beratender Gast", "Advisory guest";
        TemporaryParticipant = "temporary_participant", "Zeitweise Mitwirkung", "Temporary participant";
    }
);

impl MembershipRole {
    /// Whether the role takes one of the body's seats. Advisory guests and people who join
    /// for one topic (Halle's temporary participants) do not count towards a size limit.
    pub fn counts_as_member(self) -> bool {
        !matches!(
            self,
            MembershipRole::AdvisoryGuest | MembershipRole::TemporaryParticipant
        )
    }

    /// Whether the role leads the body, and so may edit it.
    pub fn leads(self) -> bool {
        matches!(
            self,
            MembershipRole::Chair | MembershipRole::Deputy | MembershipRole::Moderator
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in BodyKind::ALL {
            assert_eq!(BodyKind::parse(kind.code()), Some(*kind));
        }
        for sector in Sector::ALL {
            assert_eq!(Sector::parse(sector.code()), Some(*sector));
        }
        for role in MembershipRole::ALL {
            assert_eq!(MembershipRole::parse(role.code()), Some(*role));
        }
        assert_eq!(BodyKind::parse("Arbeitsgruppe"), None);
    }

    #[test]
    fn guests_do_not_take_seats() {
        assert!(MembershipRole::Moderator.counts_as_member());
        assert!(!MembershipRole::AdvisoryGuest.counts_as_member());
        assert!(!MembershipRole::TemporaryParticipant.counts_as_member());
    }
}
