//! The structure's GraphQL objects. A structure is loaded once per request and its parts
//! resolve from that load, so a whole council with all memberships costs the same few
//! statements at any size.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::council::structure::{self as domain, StructureView, Warning};
use praevnet_core::{BodyId, Lang, MunicipalityId, PersonId};

use crate::context::ContextExt;
use crate::ids::id_of;

macro_rules! mirror_enum {
    ($(#[$doc:meta])* $name:ident => $domain:ty { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum $name {
            $($variant,)+
        }

        impl From<$name> for $domain {
            fn from(value: $name) -> $domain {
                match value {
                    $($name::$variant => <$domain>::$variant,)+
                }
            }
        }

        impl From<$domain> for $name {
            fn from(value: $domain) -> $name {
                match value {
                    $(<$domain>::$variant => $name::$variant,)+
                }
            }
        }
    };
}

mirror_enum!(
    /// What a body is: Leitung, Führungsstab, Steuerungs-/Lenkungsgremium, Koordinierungsstelle,
    /// Arbeitsgruppe, Vollversammlung, Sicherheitskonferenz, or the city's own kind.
    BodyKind => domain::BodyKind {
        Leadership, LeadershipStaff, SteeringGroup, CoordinationOffice, WorkingGroup,
        PlenaryAssembly, SecurityConference, Own,
    }
);
mirror_enum!(
    /// Whether a working group works on a topic or for a district (Stadtteil).
    GroupScope => domain::GroupScope { Thematic, District }
);
mirror_enum!(
    /// The sector of an organisation; required seats name one.
    Sector => domain::Sector {
        Police, Justice, Science, SocialServices, FreeCarrier, Education, Administration,
        Politics, CivilSociety, Business, Other,
    }
);
mirror_enum!(
    /// A person's role in a body.
    MembershipRole => domain::MembershipRole {
        Chair, Deputy, Moderator, Member, AdvisoryGuest, TemporaryParticipant,
    }
);

/// A required seat of a body.
#[derive(SimpleObject)]
pub(crate) struct Seat {
    label: String,
    sector: Sector,
    seats: u32,
}

/// One council's structure as the caller may see it.
#[derive(Clone)]
pub(crate) struct CouncilStructure {
    view: Arc<StructureView>,
    lang: Lang,
}

impl CouncilStructure {
    pub(super) fn new(view: StructureView, lang: Lang) -> Self {
        Self {
            view: Arc::new(view),
            lang,
        }
    }

    fn heading(&self) -> domain::organigram::Heading<'_> {
        domain::organigram::Heading {
            council: &self.view.council_name,
            chair: self.view.chair.as_ref().map(|(_, p)| p.name.as_str()),
            deputy_chair: self
                .view
                .deputy_chair
                .as_ref()
                .map(|(_, p)| p.name.as_str()),
        }
    }
}

#[Object]
impl CouncilStructure {
    /// Bodies in their configured order; dissolved ones included (they keep their history).
    async fn bodies(&self) -> Vec<Body> {
        (0..self.view.structure.bodies.len())
            .map(|index| Body {
                view: self.view.clone(),
                index,
                lang: self.lang,
            })
            .collect()
    }
    async fn organisations(&self) -> Vec<Organisation> {
        self.view
            .structure
            .organisations
            .iter()
            .map(|o| Organisation(o.clone()))
            .collect()
    }
    /// People with a visible membership (all people for administrators).
    async fn people(&self) -> Vec<Person> {
        self.view
            .structure
            .people
            .iter()
            .map(|(id, p)| Person {
                id: *id,
                data: p.clone(),
            })
            .collect()
    }
    /// What needs action (administrators only; empty for others).
    async fn warnings(&self) -> Vec<StructureWarning> {
        self.view
            .warnings
            .iter()
            .map(|w| StructureWarning::new(w, &self.view, self.lang))
            .collect()
    }
    /// The versions of the rules of procedure (Geschäftsordnung), oldest first.
    async fn rules_of_procedure(&self) -> Vec<RulesVersion> {
        self.view
            .rules
            .iter()
            .map(|r| RulesVersion {
                id: id_of(r.id),
                version: r.version,
                title: r.data.title.clone(),
                text: r.data.body.clone(),
                adopted_by_body_id: r.data.adopted_by.map(id_of),
                adopted_on: r.data.adopted_on,
                resolution: r.data.resolution.clone(),
                council_informed_on: r.data.council_informed_on,
            })
            .collect()
    }
    async fn council_name(&self) -> &str {
        &self.view.council_name
    }
    /// Who chairs the whole council (often the mayor); contact data as for any member.
    async fn chair(&self) -> Option<Person> {
        self.view
            .chair
            .clone()
            .map(|(id, data)| Person { id, data })
    }
    /// Who deputises for the council's chair.
    async fn deputy_chair(&self) -> Option<Person> {
        self.view
            .deputy_chair
            .clone()
            .map(|(id, data)| Person { id, data })
    }
    /// The organigram of the bodies alive today, as SVG with its text alternative inside.
    async fn organigram_svg(&self) -> String {
        domain::organigram::svg(
            &self.view.structure,
            &self.heading(),
            chrono::Utc::now().date_naive(),
            self.lang,
        )
    }
    /// The organigram as indented text: who chairs the council, then one body per line (its
    /// text alternative).
    async fn organigram_outline(&self) -> String {
        domain::organigram::outline(
            &self.view.structure,
            &self.heading(),
            chrono::Utc::now().date_naive(),
            self.lang,
        )
    }
    /// Whether the caller may add bodies, people and organisations.
    async fn can_manage(&self) -> bool {
        self.view.access.manages()
    }
}

pub(crate) struct Body {
    view: Arc<StructureView>,
    index: usize,
    lang: Lang,
}

impl Body {
    fn body(&self) -> &domain::Body {
        &self.view.structure.bodies[self.index]
    }
}

#[Object]
impl Body {
    async fn id(&self) -> ID {
        id_of(self.body().id)
    }
    /// The body it is placed under (and reports to, unless `reportsToId` says otherwise).
    async fn parent_id(&self) -> Option<ID> {
        self.body().parent.map(id_of)
    }
    /// Another body it reports to than its parent; only when the caller sees that body.
    async fn reports_to_id(&self) -> Option<ID> {
        self.body()
            .reports_to
            .filter(|r| self.view.structure.body(*r).is_some())
            .map(id_of)
    }
    async fn name(&self) -> &str {
        &self.body().name
    }
    async fn kind(&self) -> BodyKind {
        self.body().kind.into()
    }
    /// The kind in the caller's language, or the city's own name for it.
    async fn kind_label(&self) -> String {
        let body = self.body();
        body.own_kind
            .clone()
            .unwrap_or_else(|| body.kind.label(self.lang).to_owned())
    }
    async fn own_kind(&self) -> Option<&str> {
        self.body().own_kind.as_deref()
    }
    async fn scope(&self) -> Option<GroupScope> {
        self.body().scope.map(Into::into)
    }
    async fn district(&self) -> Option<&str> {
        self.body().district.as_deref()
    }
    async fn tasks(&self) -> &str {
        &self.body().tasks
    }
    /// Who chairs it, as the city's rules say.
    async fn chair_rule(&self) -> Option<&str> {
        self.body().chair_rule.as_deref()
    }
    async fn meetings_per_year(&self) -> Option<u32> {
        self.body().meetings_per_year
    }
    async fn min_members(&self) -> Option<u32> {
        self.body().min_members
    }
    /// The size limit: a change that would exceed it is refused.
    async fn max_members(&self) -> Option<u32> {
        self.body().max_members
    }
    async fn term_months(&self) -> Option<u32> {
        self.body().term_months
    }
    async fn appointment_procedure(&self) -> Option<&str> {
        self.body().appointment_procedure.as_deref()
    }
    async fn public(&self) -> bool {
        self.body().public
    }
    /// Every working group's moderator is a member here for the time they moderate.
    async fn moderators_are_members(&self) -> bool {
        self.body().moderators_are_members
    }
    /// For a working group: its moderator sits in the bodies that take moderators.
    async fn moderator_takes_seat(&self) -> bool {
        self.body().moderator_takes_seat
    }
    async fn founded_on(&self) -> Option<NaiveDate> {
        self.body().founded_on
    }
    async fn founding_resolution(&self) -> Option<&str> {
        self.body().founding_resolution.as_deref()
    }
    async fn dissolved_on(&self) -> Option<NaiveDate> {
        self.body().dissolved_on
    }
    async fn dissolution_resolution(&self) -> Option<&str> {
        self.body().dissolution_resolution.as_deref()
    }
    async fn seats(&self) -> Vec<Seat> {
        self.body()
            .seats
            .iter()
            .map(|s| Seat {
                label: s.label.clone(),
                sector: s.sector.into(),
                seats: s.seats,
            })
            .collect()
    }
    /// Memberships, all or those active on a day.
    async fn memberships(&self, active_on: Option<NaiveDate>) -> Vec<Membership> {
        let id = self.body().id;
        self.view
            .structure
            .memberships
            .iter()
            .enumerate()
            .filter(|(_, m)| m.body == id && active_on.is_none_or(|on| m.is_active(on)))
            .map(|(index, _)| Membership {
                view: self.view.clone(),
                index,
            })
            .collect()
    }
    /// People holding a seat (guests and temporary participants not counted) on a day.
    async fn seated_count(&self, on: NaiveDate) -> u32 {
        u32::try_from(self.view.structure.seated_count(self.body().id, on)).unwrap_or(u32::MAX)
    }
    /// Whether the caller may edit this body and its memberships.
    async fn can_edit(&self) -> bool {
        self.view.access.edits(self.body().id)
    }
}

pub(crate) struct Membership {
    view: Arc<StructureView>,
    index: usize,
}

impl Membership {
    fn membership(&self) -> &domain::Membership {
        &self.view.structure.memberships[self.index]
    }
}

#[Object]
impl Membership {
    async fn id(&self) -> ID {
        id_of(self.membership().id)
    }
    async fn body_id(&self) -> ID {
        id_of(self.membership().body)
    }
    async fn person(&self) -> Option<Person> {
        let id = self.membership().person;
        self.view.structure.person(id).map(|p| Person {
            id,
            data: p.clone(),
        })
    }
    async fn role(&self) -> MembershipRole {
        self.membership().role.into()
    }
    /// The organisation the person represents in this body.
    async fn organisation(&self) -> Option<Organisation> {
        self.membership()
            .organisation
            .and_then(|id| self.view.structure.organisation(id))
            .map(|o| Organisation(o.clone()))
    }
    async fn term_start(&self) -> NaiveDate {
        self.membership().term_start
    }
    async fn term_end(&self) -> Option<NaiveDate> {
        self.membership().term_end
    }
    /// The resolution that appointed the person.
    async fn appointed_by(&self) -> Option<&str> {
        self.membership().appointed_by.as_deref()
    }
    /// Kept by the platform: it follows from a moderation and changes with it.
    async fn derived(&self) -> bool {
        self.membership().derived_from.is_some()
    }
}

pub(crate) struct Person {
    id: PersonId,
    data: domain::Person,
}

#[Object]
impl Person {
    async fn id(&self) -> ID {
        id_of(self.id)
    }
    /// A name or a functional title (demo data uses role titles only).
    async fn name(&self) -> &str {
        &self.data.name
    }
    async fn function_title(&self) -> Option<&str> {
        self.data.function_title.as_deref()
    }
    /// Administrators only.
    async fn email(&self) -> Option<&str> {
        self.data.email.as_deref()
    }
    /// Administrators only.
    async fn phone(&self) -> Option<&str> {
        self.data.phone.as_deref()
    }
}

pub(crate) struct Organisation(domain::Organisation);

#[Object]
impl Organisation {
    async fn id(&self) -> ID {
        id_of(self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn sector(&self) -> Sector {
        self.0.sector.into()
    }
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WarningKind {
    TermEnding,
    VacantSeat,
    BelowMinimum,
}

/// Something in the structure that needs action, said in the caller's language.
#[derive(SimpleObject)]
pub(crate) struct StructureWarning {
    kind: WarningKind,
    message: String,
    body_id: ID,
    membership_id: Option<ID>,
}

impl StructureWarning {
    fn new(warning: &Warning, view: &StructureView, lang: Lang) -> StructureWarning {
        let body_name = |id: BodyId| {
            view.structure
                .body(id)
                .map(|b| b.name.clone())
                .unwrap_or_default()
        };
        match warning {
            Warning::TermEnding {
                membership,
                body,
                person,
                ends_on,
            } => {
                let who = view
                    .structure
                    .person(*person)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                let date = ends_on.format("%d.%m.%Y");
                let message = match lang {
                    Lang::De => format!(
                        "Die Amtszeit von {who} in „{}“ endet am {date}.",
                        body_name(*body)
                    ),
                    Lang::En => format!(
                        "The term of {who} in “{}” ends on {date}.",
                        body_name(*body)
                    ),
                };
                StructureWarning {
                    kind: WarningKind::TermEnding,
                    message,
                    body_id: id_of(body),
                    membership_id: Some(id_of(membership)),
                }
            }
            Warning::VacantSeat {
                body,
                label,
                required,
                filled,
                ..
            } => {
                let message = match lang {
                    Lang::De => format!(
                        "In „{}“ ist der Sitz „{label}“ nicht besetzt ({filled} von {required}).",
                        body_name(*body)
                    ),
                    Lang::En => format!(
                        "In “{}” the seat “{label}” is vacant ({filled} of {required}).",
                        body_name(*body)
                    ),
                };
                StructureWarning {
                    kind: WarningKind::VacantSeat,
                    message,
                    body_id: id_of(body),
                    membership_id: None,
                }
            }
            Warning::BelowMinimum { body, min, seated } => {
                let message = match lang {
                    Lang::De => format!(
                        "„{}“ hat {seated} Mitglieder, vorgesehen sind mindestens {min}.",
                        body_name(*body)
                    ),
                    Lang::En => format!(
                        "“{}” has {seated} members; at least {min} are planned.",
                        body_name(*body)
                    ),
                };
                StructureWarning {
                    kind: WarningKind::BelowMinimum,
                    message,
                    body_id: id_of(body),
                    membership_id: None,
                }
            }
        }
    }
}

/// A body of a structure template.
#[derive(SimpleObject)]
pub(crate) struct TemplateBody {
    pub(super) key: String,
    pub(super) parent_key: Option<String>,
    pub(super) name: String,
    pub(super) kind: BodyKind,
}

/// A council structure to start from (the seed cities' models, or blank).
#[derive(SimpleObject)]
pub(crate) struct StructureTemplate {
    pub(super) id: String,
    pub(super) version: u32,
    pub(super) name: String,
    pub(super) description: String,
    /// The document the template follows.
    pub(super) source: String,
    pub(super) bodies: Vec<TemplateBody>,
    /// The organigram the template would give, as SVG with its text alternative.
    pub(super) organigram_svg: String,
}

/// One version of the rules of procedure: which body adopted it when, and when the city
/// council was informed.
#[derive(SimpleObject)]
pub(crate) struct RulesVersion {
    id: ID,
    version: i32,
    title: String,
    text: String,
    adopted_by_body_id: Option<ID>,
    adopted_on: NaiveDate,
    resolution: Option<String>,
    council_informed_on: Option<NaiveDate>,
}

/// What a change answers with.
pub(crate) struct StructureChange {
    pub(super) id: ID,
    pub(super) municipality: MunicipalityId,
    /// What the change's unit of work holds, when the request asked for it.
    pub(super) structure: Option<CouncilStructure>,
}

/// The result of a change: the id of what changed, and the structure after it.
#[Object]
impl StructureChange {
    async fn id(&self) -> &ID {
        &self.id
    }

    async fn structure(&self, ctx: &Context<'_>) -> async_graphql::Result<CouncilStructure> {
        if let Some(structure) = &self.structure {
            return Ok(structure.clone());
        }
        // The request's look-ahead says whether the field is asked for before the change
        // runs; should a form of request ever slip past it, the structure is read instead.
        let view = ctx
            .services()
            .council()
            .council_structure(ctx.principal(), self.municipality)
            .await?;
        Ok(CouncilStructure::new(view, ctx.request().lang))
    }
}
