//! The network's shared vocabulary: one list of topics (Chemnitz's problem fields among them,
//! seed 004), target groups, settings, and the evidence levels of the Grüne Liste Prävention.
//! Codes are stored; labels are shown.

codes!(
    /// What a practice is about.
    Topic {
        ViolencePublicSpace = "violence_public_space", "Gewalt im öffentlichen Raum", "Violence in public space";
        ViolenceChildrenWomen = "violence_children_women", "Gewalt gegen Kinder, Jugendliche und Frauen", "Violence against children, young people and women";
        ViolenceSchools = "violence_schools", "Gewalt an Schulen", "Violence at schools";
        ViolenceMinorities = "violence_minorities", "Gewalt gegen Minderheiten", "Violence against minorities";
        Radicalisation = "radicalisation", "Radikalisierung und ideologisierte Gewalt", "Radicalisation and ideological violence";
        GroupHostility = "group_hostility", "Fremdenfeindlichkeit und gruppenbezogene Menschenfeindlichkeit", "Xenophobia and group-focused enmity";
        Addiction = "addiction", "Sucht und Drogen", "Addiction and drugs";
        EverydayCrime = "everyday_crime", "Schutz vor Alltagskriminalität", "Protection against everyday crime";
        Burglary = "burglary", "Einbruchschutz und technische Beratung", "Burglary protection and technical advice";
        Democracy = "democracy", "Demokratiefeindlichkeit und Stärkung der Demokratie", "Hostility to democracy, strengthening democracy";
        ConflictPublicSpace = "conflict_public_space", "Konfliktmanagement im öffentlichen Raum", "Conflict management in public space";
        Graffiti = "graffiti", "Graffiti und Sachbeschädigung", "Graffiti and vandalism";
        Littering = "littering", "Vermüllung öffentlicher Plätze", "Littering of public places";
        DomesticViolence = "domestic_violence", "Häusliche Gewalt", "Domestic violence";
        VictimProtection = "victim_protection", "Opferschutz", "Victim protection";
        Discrimination = "discrimination", "Diskriminierung", "Discrimination";
        TrafficSafety = "traffic_safety", "Verkehrssicherheit", "Road safety";
        OnlineSafety = "online_safety", "Internet- und Mediensicherheit", "Internet and media safety";
        FeelingOfSafety = "feeling_of_safety", "Sicherheitsgefühl", "Feeling of safety";
        SafetyInOldAge = "safety_in_old_age", "Sicherheit im Alter", "Safety in old age";
    }
);

codes!(
    /// Whom a practice reaches.
    TargetGroup {
        Children = "children", "Kinder", "Children";
        Youth = "youth", "Jugendliche", "Young people";
        YoungAdults = "young_adults", "Junge Erwachsene", "Young adults";
        Families = "families", "Eltern und Familien", "Parents and families";
        Seniors = "seniors", "Seniorinnen und Senioren", "Older people";
        Residents = "residents", "Anwohnende", "Residents";
        Professionals = "professionals", "Fachkräfte", "Professionals";
        Victims = "victims", "Betroffene und Opfer", "Victims";
        Offenders = "offenders", "Täterinnen und Täter", "Offenders";
        Newcomers = "newcomers", "Zugewanderte", "Newcomers";
        Public = "public", "Allgemeine Öffentlichkeit", "The general public";
    }
);

codes!(
    /// Where a practice takes place.
    Setting {
        School = "school", "Schule", "School";
        PublicSpace = "public_space", "Öffentlicher Raum", "Public space";
        AllotmentGardens = "allotment_gardens", "Kleingärten", "Allotment gardens";
        Football = "football", "Fußball", "Football";
        SportsClub = "sports_club", "Sportverein", "Sports club";
        Neighbourhood = "neighbourhood", "Nachbarschaft und Quartier", "Neighbourhood";
        Family = "family", "Familie", "Family";
        YouthWork = "youth_work", "Jugendarbeit", "Youth work";
        Online = "online", "Online", "Online";
        Nightlife = "nightlife", "Nachtleben", "Nightlife";
        PublicTransport = "public_transport", "Öffentlicher Nahverkehr", "Public transport";
    }
);

codes!(
    /// How well a practice's effect is shown (Grüne Liste Prävention).
    EvidenceLevel {
        TheoreticallyFounded = "theoretically_founded", "Theoretisch gut fundiert", "Theoretically well founded";
        ProbablyEffective = "probably_effective", "Effektivität wahrscheinlich", "Probably effective";
        ProvenEffective = "proven_effective", "Effektivität nachgewiesen", "Proven effective";
    }
);

codes!(
    /// How an offer is delivered.
    OfferFormat {
        Workshop = "workshop", "Workshop", "Workshop";
        Training = "training", "Fortbildung", "Training course";
        Project = "project", "Projekt", "Project";
        Exhibition = "exhibition", "Ausstellung", "Exhibition";
        Counselling = "counselling", "Beratung", "Counselling";
        TheatrePlay = "theatre", "Theaterstück", "Theatre play";
        Course = "course", "Kurs", "Course";
        Campaign = "campaign", "Kampagne", "Campaign";
    }
);
