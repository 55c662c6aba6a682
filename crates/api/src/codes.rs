//! The code lists every area shares (federal states and the network's vocabulary), as GraphQL
//! enums over praevnet-common's, so that no area imports another for them.

use async_graphql::Enum;

/// Ein deutsches Bundesland (German federal state), by its ISO 3166-2 code.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
#[graphql(remote = "praevnet_core::FederalState")]
pub(crate) enum FederalState {
    #[graphql(name = "SH")]
    SchleswigHolstein,
    #[graphql(name = "HH")]
    Hamburg,
    #[graphql(name = "NI")]
    Niedersachsen,
    #[graphql(name = "HB")]
    Bremen,
    #[graphql(name = "NW")]
    NordrheinWestfalen,
    #[graphql(name = "HE")]
    Hessen,
    #[graphql(name = "RP")]
    RheinlandPfalz,
    #[graphql(name = "BW")]
    BadenWuerttemberg,
    #[graphql(name = "BY")]
    Bayern,
    #[graphql(name = "SL")]
    Saarland,
    #[graphql(name = "BE")]
    Berlin,
    #[graphql(name = "BB")]
    Brandenburg,
    #[graphql(name = "MV")]
    MecklenburgVorpommern,
    #[graphql(name = "SN")]
    Sachsen,
    #[graphql(name = "ST")]
    SachsenAnhalt,
    #[graphql(name = "TH")]
    Thueringen,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_common::vocabulary::Topic")]
pub(crate) enum Topic {
    ViolencePublicSpace,
    ViolenceChildrenWomen,
    ViolenceSchools,
    ViolenceMinorities,
    Radicalisation,
    GroupHostility,
    Addiction,
    EverydayCrime,
    Burglary,
    Democracy,
    ConflictPublicSpace,
    Graffiti,
    Littering,
    DomesticViolence,
    VictimProtection,
    Discrimination,
    TrafficSafety,
    OnlineSafety,
    FeelingOfSafety,
    SafetyInOldAge,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_common::vocabulary::TargetGroup")]
pub(crate) enum TargetGroup {
    Children,
    Youth,
    YoungAdults,
    Families,
    Seniors,
    Residents,
    Professionals,
    Victims,
    Offenders,
    Newcomers,
    Public,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_common::vocabulary::Setting")]
pub(crate) enum Setting {
    School,
    PublicSpace,
    AllotmentGardens,
    Football,
    SportsClub,
    Neighbourhood,
    Family,
    YouthWork,
    Online,
    Nightlife,
    PublicTransport,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_common::vocabulary::EvidenceLevel")]
pub(crate) enum EvidenceLevel {
    TheoreticallyFounded,
    ProbablyEffective,
    ProvenEffective,
}
