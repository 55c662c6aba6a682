//! Council structures in the API: bodies, organisations, people, memberships, templates and
//! warnings.

mod inputs;
mod objects;

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use praevnet_core::council::CouncilWork;
use praevnet_core::council::structure::{
    self as domain, Changed, OrganisationInput as DomainOrganisationInput,
    PersonInput as DomainPersonInput,
};
use praevnet_core::{BodyId, MembershipId, MunicipalityId, OrganisationId, PersonId};

use crate::context::ContextExt;
use crate::ids::id_of;

use inputs::{BodyInput, MembershipInput, OrganisationInput, PersonInput, RulesInput};
use objects::{CouncilStructure, StructureChange, StructureTemplate, TemplateBody};

/// The council's use cases for a change: answering with the structure after it only when the
/// client asked for it (fragments included), so that `{ id }` costs no reads.
fn changes<'a>(ctx: &'a Context<'_>) -> CouncilWork<'a> {
    let council = ctx.services().council();
    if ctx.look_ahead().field("structure").exists() {
        council
    } else {
        council.without_structure()
    }
}

/// A change's answer: the id of what changed and the structure its unit of work holds.
fn changed<T>(
    ctx: &Context<'_>,
    municipality: MunicipalityId,
    result: Result<Changed<T>, praevnet_core::Error>,
    id: impl Fn(&T) -> String,
) -> async_graphql::Result<StructureChange> {
    let change = result?;
    Ok(StructureChange {
        id: id_of(id(&change.value)),
        municipality,
        structure: change
            .structure
            .map(|view| CouncilStructure::new(view, ctx.request().lang)),
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
        let municipality = ctx.municipality(&municipality_id)?;
        let view = ctx
            .services()
            .council()
            .council_structure(ctx.principal(), municipality)
            .await?;
        Ok(CouncilStructure::new(view, ctx.request().lang))
    }

    /// Everything the council's records hold about a person, as a JSON document (GDPR Art. 15;
    /// administrators).
    async fn export_council_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<String> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<PersonId>(&id, "id")?;
        ctx.services()
            .council()
            .export_council_person(ctx.principal(), m, id)
            .await
            .map_err(Into::into)
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
                    &domain::organigram::Heading {
                        council: &t.name,
                        chair: None,
                        deputy_chair: None,
                    },
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
        let m = ctx.municipality(&municipality_id)?;
        let result = changes(ctx)
            .apply_template(ctx.principal(), m, &template_id)
            .await;
        changed(ctx, m, result, |_| m.to_string())
    }

    async fn create_body(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: BodyInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let input = input.into_domain()?;
        let result = changes(ctx).create_body(ctx.principal(), m, input).await;
        changed(ctx, m, result, |body| body.id.to_string())
    }

    /// Renames, moves, reconfigures or dissolves a body (dissolving ends its running terms).
    async fn update_body(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: BodyInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let body = ctx.id::<BodyId>(&id, "id")?;
        let input = input.into_domain()?;
        let result = changes(ctx)
            .update_body(ctx.principal(), m, body, input)
            .await;
        changed(ctx, m, result, |_| body.to_string())
    }

    /// Creates an organisation, or changes it when `id` is given.
    async fn save_organisation(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: OrganisationInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<OrganisationId>(id.as_ref(), "id")?;
        let input = DomainOrganisationInput {
            name: input.name,
            sector: input.sector.into(),
        };
        let result = changes(ctx)
            .save_organisation(ctx.principal(), m, id, input)
            .await;
        changed(ctx, m, result, |saved| saved.id.to_string())
    }

    /// Creates a person, or changes them when `id` is given.
    async fn save_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: PersonInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<PersonId>(id.as_ref(), "id")?;
        let input = DomainPersonInput {
            name: input.name,
            function_title: input.function_title,
            email: input.email,
            phone: input.phone,
        };
        let result = changes(ctx)
            .save_person(ctx.principal(), m, id, input)
            .await;
        changed(ctx, m, result, |(saved, _)| saved.to_string())
    }

    /// Seats a person in a body (administrators, and the body's chair or moderator).
    async fn add_membership(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: MembershipInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let input = input.into_domain()?;
        let result = changes(ctx).add_membership(ctx.principal(), m, input).await;
        changed(ctx, m, result, |saved| saved.id.to_string())
    }

    /// Changes a membership; a term is ended by setting `termEnd`. Another person in a term
    /// that has begun ends it and begins a new membership, whose id the change reports.
    async fn update_membership(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: MembershipInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<MembershipId>(&id, "id")?;
        let input = input.into_domain()?;
        let result = changes(ctx)
            .update_membership(ctx.principal(), m, id, input)
            .await;
        // Another person in a running term is a new membership: its id is the one to report.
        changed(ctx, m, result, |saved| saved.id.to_string())
    }

    /// Sets who chairs the whole council and who deputises (people of its structure); a
    /// value left out clears that office.
    async fn set_council_chair(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        chair_id: Option<ID>,
        deputy_chair_id: Option<ID>,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let chair = ctx.optional_id::<PersonId>(chair_id.as_ref(), "chairId")?;
        let deputy = ctx.optional_id::<PersonId>(deputy_chair_id.as_ref(), "deputyChairId")?;
        let result = changes(ctx)
            .set_council_chair(ctx.principal(), m, chair, deputy)
            .await;
        changed(ctx, m, result, |_| m.to_string())
    }

    /// Deletes a membership recorded in error.
    async fn delete_membership(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<MembershipId>(&id, "id")?;
        let result = changes(ctx).delete_membership(ctx.principal(), m, id).await;
        changed(ctx, m, result, |_| id.to_string())
    }

    /// Records a new version of the rules of procedure; versions are numbered in order.
    async fn adopt_rules_of_procedure(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: RulesInput,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let adopted_by =
            ctx.optional_id::<BodyId>(input.adopted_by_body_id.as_ref(), "adoptedByBodyId")?;
        let input = praevnet_core::council::structure::RulesInput {
            title: input.title,
            text: input.text,
            adopted_by,
            adopted_on: input.adopted_on,
            resolution: input.resolution,
            council_informed_on: input.council_informed_on,
        };
        let result = changes(ctx).adopt_rules(ctx.principal(), m, input).await;
        changed(ctx, m, result, |saved| saved.id.to_string())
    }

    /// Records (or clears) the day the city council was informed of a version.
    async fn record_rules_informed(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        informed_on: Option<NaiveDate>,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<praevnet_core::RulesId>(&id, "id")?;
        let result = changes(ctx)
            .record_rules_informed(ctx.principal(), m, id, informed_on)
            .await;
        changed(ctx, m, result, |_| id.to_string())
    }

    /// Imports members from CSV text (columns in the README): every row or none; bad rows
    /// are reported with their line numbers.
    async fn import_members(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        csv: String,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let result = changes(ctx).import_members(ctx.principal(), m, &csv).await;
        changed(ctx, m, result, |_| m.to_string())
    }

    /// Invites a person of the council (by the e-mail address on record) to log in; their
    /// memberships then give them the rights of their roles.
    async fn invite_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<PersonId>(&id, "id")?;
        let result = changes(ctx).invite_person(ctx.principal(), m, id).await;
        changed(ctx, m, result, |_| id.to_string())
    }

    /// Erases a person from the council's records (GDPR Art. 17): a pseudonym stays on past
    /// memberships, running terms end today, everything else about the person is deleted.
    async fn erase_council_person(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<StructureChange> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<PersonId>(&id, "id")?;
        let result = changes(ctx)
            .erase_council_person(ctx.principal(), m, id)
            .await;
        changed(ctx, m, result, |_| id.to_string())
    }
}
