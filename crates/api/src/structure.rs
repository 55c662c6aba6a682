//! Council structures in the API: bodies, organisations, people, memberships, templates and
//! warnings. A structure is loaded once per request and its parts resolve from that load, so a
//! whole council with all memberships costs the same few statements at any size.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::council::structure::{
    self as domain, BodyInput as DomainBodyInput, MembershipInput as DomainMembershipInput,
    OrganisationInput as DomainOrganisationInput, PersonInput as DomainPersonInput, StructureView,
    Warning,
};
use praevnet_core::{BodyId, Lang, MembershipId, MunicipalityId, OrganisationId, PersonId};

use crate::context::ContextExt;
use crate::error::ResultExt;
use crate::ids::parse;

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

fn id_of(value: impl ToString) -> ID {
    ID(value.to_string())
}

/// A required seat of a body.
#[derive(SimpleObject)]
pub(crate) struct Seat {
    label: String,
    sector: Sector,
    seats: u32,
}

/// One council's structure as the caller may see it.
pub(crate) struct CouncilStructure {
    view: Arc<StructureView>,
    lang: Lang,
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
    /// The organigram of the bodies alive today, as SVG with its text alternative inside.
    async fn organigram_svg(&self) -> String {
        domain::organigram::svg(
            &self.view.structure,
            &self.view.council_name,
            chrono::Utc::now().date_naive(),
            self.lang,
        )
    }
    /// The organigram as indented text, one body per line (its text alternative).
    async fn organigram_outline(&self) -> String {
        domain::organigram::outline(
            &self.view.structure,
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
    /// The body it reports to.
    async fn parent_id(&self) -> Option<ID> {
        self.body().parent.map(id_of)
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
    key: String,
    parent_key: Option<String>,
    name: String,
    kind: BodyKind,
}

/// A council structure to start from (the seed cities' models, or blank).
#[derive(SimpleObject)]
pub(crate) struct StructureTemplate {
    id: String,
    version: u32,
    name: String,
    description: String,
    /// The document the template follows.
    source: String,
    bodies: Vec<TemplateBody>,
    /// The organigram the template would give, as SVG with its text alternative.
    organigram_svg: String,
}

#[derive(InputObject)]
pub(crate) struct SeatInput {
    label: String,
    sector: Sector,
    seats: u32,
}

/// The whole configuration of a body; fields left out are empty.
#[derive(InputObject)]
pub(crate) struct BodyInput {
    parent_id: Option<ID>,
    name: String,
    kind: BodyKind,
    own_kind: Option<String>,
    scope: Option<GroupScope>,
    district: Option<String>,
    #[graphql(default)]
    tasks: String,
    chair_rule: Option<String>,
    meetings_per_year: Option<u32>,
    min_members: Option<u32>,
    max_members: Option<u32>,
    term_months: Option<u32>,
    appointment_procedure: Option<String>,
    #[graphql(default)]
    public: bool,
    #[graphql(default)]
    moderators_are_members: bool,
    founded_on: Option<NaiveDate>,
    founding_resolution: Option<String>,
    dissolved_on: Option<NaiveDate>,
    dissolution_resolution: Option<String>,
    #[graphql(default)]
    seats: Vec<SeatInput>,
}

impl BodyInput {
    fn into_domain(self) -> Result<DomainBodyInput, praevnet_core::Error> {
        Ok(DomainBodyInput {
            parent: self
                .parent_id
                .as_ref()
                .map(|id| parse(id, "parentId", BodyId::from_uuid))
                .transpose()?,
            name: self.name,
            kind: self.kind.into(),
            own_kind: self.own_kind,
            scope: self.scope.map(Into::into),
            district: self.district,
            tasks: self.tasks,
            chair_rule: self.chair_rule,
            meetings_per_year: self.meetings_per_year,
            min_members: self.min_members,
            max_members: self.max_members,
            term_months: self.term_months,
            appointment_procedure: self.appointment_procedure,
            public: self.public,
            moderators_are_members: self.moderators_are_members,
            founded_on: self.founded_on,
            founding_resolution: self.founding_resolution,
            dissolved_on: self.dissolved_on,
            dissolution_resolution: self.dissolution_resolution,
            seats: self
                .seats
                .into_iter()
                .map(|s| (s.label, s.sector.into(), s.seats))
                .collect(),
        })
    }
}

#[derive(InputObject)]
pub(crate) struct OrganisationInput {
    name: String,
    sector: Sector,
}

#[derive(InputObject)]
pub(crate) struct PersonInput {
    /// A name or a functional title.
    name: String,
    function_title: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

#[derive(InputObject)]
pub(crate) struct MembershipInput {
    body_id: ID,
    person_id: ID,
    role: MembershipRole,
    organisation_id: Option<ID>,
    term_start: NaiveDate,
    term_end: Option<NaiveDate>,
    /// The resolution that appointed the person.
    appointed_by: Option<String>,
}

impl MembershipInput {
    fn into_domain(self) -> Result<DomainMembershipInput, praevnet_core::Error> {
        Ok(DomainMembershipInput {
            body: parse(&self.body_id, "bodyId", BodyId::from_uuid)?,
            person: parse(&self.person_id, "personId", PersonId::from_uuid)?,
            role: self.role.into(),
            organisation: self
                .organisation_id
                .as_ref()
                .map(|id| parse(id, "organisationId", OrganisationId::from_uuid))
                .transpose()?,
            term_start: self.term_start,
            term_end: self.term_end,
            appointed_by: self.appointed_by,
        })
    }
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

#[derive(InputObject)]
pub(crate) struct RulesInput {
    title: String,
    /// The full text as adopted.
    text: String,
    adopted_by_body_id: Option<ID>,
    adopted_on: NaiveDate,
    resolution: Option<String>,
    council_informed_on: Option<NaiveDate>,
}

/// The result of a change: the id of what changed, and the structure after it.
#[derive(SimpleObject)]
pub(crate) struct StructureChange {
    id: ID,
    structure: CouncilStructure,
}

fn municipality(ctx: &Context<'_>, id: &ID) -> async_graphql::Result<MunicipalityId> {
    let parsed = parse(id, "municipalityId", MunicipalityId::from_uuid).gql(ctx)?;
    ctx.request()
        .span
        .record("municipality", parsed.to_string());
    Ok(parsed)
}

async fn load(
    ctx: &Context<'_>,
    municipality: MunicipalityId,
) -> async_graphql::Result<CouncilStructure> {
    let view = ctx
        .services()
        .council()
        .council_structure(&ctx.request().principal, municipality)
        .await
        .gql(ctx)?;
    Ok(CouncilStructure {
        view: Arc::new(view),
        lang: ctx.request().lang,
    })
}

async fn changed(
    ctx: &Context<'_>,
    municipality: MunicipalityId,
    id: impl ToString,
) -> async_graphql::Result<StructureChange> {
    Ok(StructureChange {
        id: id_of(id.to_string()),
        structure: load(ctx, municipality).await?,
    })
}

#[derive(Default, Debug)]
pub(crate) struct StructureQuery;

#[Object]
impl StructureQuery {
    /// The council's bodies, people and memberships: public bodies for everyone, internal ones
    /// for their members and the municipality's administrators.
    async fn council_structure(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
    ) -> async_graphql::Result<CouncilStructure> {
        let municipality = municipality(ctx, &municipality_id)?;
        load(ctx, municipality).await
    }

    /// Everything the council's records hold about a person, as a JSON document (GDPR Art. 15;
    /// administrators).
    async fn export_council_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<String> {
        let m = municipality(ctx, &municipality_id)?;
        let id = parse(&id, "id", PersonId::from_uuid).gql(ctx)?;
        ctx.services()
            .council()
            .export_council_person(&ctx.request().principal, m, id)
            .await
            .gql(ctx)
    }

    /// The structure templates a council can start from.
    async fn structure_templates(&self, ctx: &Context<'_>) -> Vec<StructureTemplate> {
        let lang = ctx.request().lang;
        domain::templates()
            .iter()
            .map(|t| StructureTemplate {
                id: t.id.clone(),
                version: t.version,
                name: t.name.clone(),
                description: t.description.clone(),
                source: t.source.clone(),
                bodies: t
                    .bodies
                    .iter()
                    .map(|b| TemplateBody {
                        key: b.key.clone(),
                        parent_key: b.parent.clone(),
                        name: b.body.name.clone(),
                        kind: b.body.kind.into(),
                    })
                    .collect(),
                organigram_svg: domain::organigram::svg(
                    &t.preview(),
                    &t.name,
                    chrono::Utc::now().date_naive(),
                    lang,
                ),
            })
            .collect()
    }
}

#[derive(Default, Debug)]
pub(crate) struct StructureMutation;

#[Object]
impl StructureMutation {
    /// Starts a council without bodies from a template (the municipality's administrators).
    async fn apply_structure_template(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        template_id: String,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        ctx.services()
            .council()
            .apply_template(&ctx.request().principal, m, &template_id)
            .await
            .gql(ctx)?;
        changed(ctx, m, m).await
    }

    async fn create_body(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: BodyInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let input = input.into_domain().gql(ctx)?;
        let body = ctx
            .services()
            .council()
            .create_body(&ctx.request().principal, m, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, body.id).await
    }

    /// Renames, moves, reconfigures or dissolves a body (dissolving ends its running terms).
    async fn update_body(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: BodyInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let body = parse(&id, "id", BodyId::from_uuid).gql(ctx)?;
        let input = input.into_domain().gql(ctx)?;
        ctx.services()
            .council()
            .update_body(&ctx.request().principal, m, body, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, body).await
    }

    /// Creates an organisation, or changes it when `id` is given.
    async fn save_organisation(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: OrganisationInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = id
            .map(|id| parse(&id, "id", OrganisationId::from_uuid))
            .transpose()
            .gql(ctx)?;
        let input = DomainOrganisationInput {
            name: input.name,
            sector: input.sector.into(),
        };
        let saved = ctx
            .services()
            .council()
            .save_organisation(&ctx.request().principal, m, id, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, saved.id).await
    }

    /// Creates a person, or changes them when `id` is given.
    async fn save_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: PersonInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = id
            .map(|id| parse(&id, "id", PersonId::from_uuid))
            .transpose()
            .gql(ctx)?;
        let input = DomainPersonInput {
            name: input.name,
            function_title: input.function_title,
            email: input.email,
            phone: input.phone,
        };
        let (saved, _) = ctx
            .services()
            .council()
            .save_person(&ctx.request().principal, m, id, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, saved).await
    }

    /// Seats a person in a body (administrators, and the body's chair or moderator).
    async fn add_membership(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: MembershipInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let input = input.into_domain().gql(ctx)?;
        let saved = ctx
            .services()
            .council()
            .add_membership(&ctx.request().principal, m, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, saved.id).await
    }

    /// Changes a membership; a term is ended by setting `termEnd`.
    async fn update_membership(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: MembershipInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = parse(&id, "id", MembershipId::from_uuid).gql(ctx)?;
        let input = input.into_domain().gql(ctx)?;
        ctx.services()
            .council()
            .update_membership(&ctx.request().principal, m, id, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, id).await
    }

    /// Deletes a membership recorded in error.
    async fn delete_membership(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = parse(&id, "id", MembershipId::from_uuid).gql(ctx)?;
        ctx.services()
            .council()
            .delete_membership(&ctx.request().principal, m, id)
            .await
            .gql(ctx)?;
        changed(ctx, m, id).await
    }

    /// Records a new version of the rules of procedure; versions are numbered in order.
    async fn adopt_rules_of_procedure(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: RulesInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let adopted_by = input
            .adopted_by_body_id
            .as_ref()
            .map(|id| parse(id, "adoptedByBodyId", BodyId::from_uuid))
            .transpose()
            .gql(ctx)?;
        let input = praevnet_core::council::structure::RulesInput {
            title: input.title,
            text: input.text,
            adopted_by,
            adopted_on: input.adopted_on,
            resolution: input.resolution,
            council_informed_on: input.council_informed_on,
        };
        let saved = ctx
            .services()
            .council()
            .adopt_rules(&ctx.request().principal, m, input)
            .await
            .gql(ctx)?;
        changed(ctx, m, saved.id).await
    }

    /// Records (or clears) the day the city council was informed of a version.
    async fn record_rules_informed(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        informed_on: Option<NaiveDate>,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = parse(&id, "id", praevnet_core::RulesId::from_uuid).gql(ctx)?;
        ctx.services()
            .council()
            .record_rules_informed(&ctx.request().principal, m, id, informed_on)
            .await
            .gql(ctx)?;
        changed(ctx, m, id).await
    }

    /// Imports members from CSV text (columns in the README): every row or none; bad rows
    /// are reported with their line numbers.
    async fn import_members(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        csv: String,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        ctx.services()
            .council()
            .import_members(&ctx.request().principal, m, &csv)
            .await
            .gql(ctx)?;
        changed(ctx, m, m).await
    }

    /// Invites a person of the council (by the e-mail address on record) to log in; their
    /// memberships then give them the rights of their roles.
    async fn invite_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = parse(&id, "id", PersonId::from_uuid).gql(ctx)?;
        ctx.services()
            .council()
            .invite_person(&ctx.request().principal, m, id)
            .await
            .gql(ctx)?;
        changed(ctx, m, id).await
    }

    /// Erases a person from the council's records (GDPR Art. 17): a pseudonym stays on past
    /// memberships, running terms end today, everything else about the person is deleted.
    async fn erase_council_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<StructureChange> {
        let m = municipality(ctx, &municipality_id)?;
        let id = parse(&id, "id", PersonId::from_uuid).gql(ctx)?;
        ctx.services()
            .council()
            .erase_council_person(&ctx.request().principal, m, id)
            .await
            .gql(ctx)?;
        changed(ctx, m, id).await
    }
}
