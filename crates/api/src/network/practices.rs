//! Good practices: a municipality's own records, publishing and withdrawing them, and the
//! network's published copies; the shared vocabulary with its labels.

use async_graphql::{ComplexObject, Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use praevnet_common::vocabulary::OfferFormat;
use praevnet_core::network::attachments::Attachment as DomainAttachment;
use praevnet_core::network::practices::{Practice as DomainPractice, PracticeContent};
use praevnet_core::{AttachmentId, Lang, MunicipalityId, PracticeId, ProgrammeId};

use crate::codes::{EvidenceLevel, FederalState, Setting, TargetGroup, Topic};
use crate::context::ContextExt;
use crate::ids::id_of;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::network::practices::PracticeStatus")]
pub(crate) enum PracticeStatus {
    Draft,
    Published,
    Withdrawn,
}

/// A value of the shared vocabulary with its label in the caller's language.
#[derive(SimpleObject)]
pub(crate) struct Term {
    code: String,
    label: String,
}

fn terms<T: Copy>(
    values: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Vec<Term> {
    values
        .iter()
        .map(|v| Term {
            code: code(*v).to_uppercase(),
            label: label(*v, lang).to_owned(),
        })
        .collect()
}

/// The shared vocabulary of the network.
#[derive(SimpleObject)]
pub(crate) struct Vocabulary {
    topics: Vec<Term>,
    target_groups: Vec<Term>,
    settings: Vec<Term>,
    evidence_levels: Vec<Term>,
    /// Formats of the catalogues' prevention offers.
    offer_formats: Vec<Term>,
}

/// A good practice (Praxisbeispiel), following the Beccaria quality steps.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct Practice {
    id: ID,
    municipality_id: ID,
    municipality_name: String,
    federal_state: FederalState,
    status: PracticeStatus,
    title: String,
    problem: String,
    causes: String,
    /// Goals and target groups.
    goals: String,
    measures: String,
    /// Concept and delivery.
    concept: String,
    evaluation: String,
    conclusions: String,
    topics: Vec<Topic>,
    target_groups: Vec<TargetGroup>,
    settings: Vec<Setting>,
    evidence_level: Option<EvidenceLevel>,
    duration: String,
    costs: String,
    partners: String,
    funding_programme_id: Option<ID>,
    /// The functional contact published with the practice.
    contact: String,
    published_at: Option<DateTime<Utc>>,
    updated_at: DateTime<Utc>,
    /// Where its attachments are read from.
    #[graphql(skip)]
    owner: (MunicipalityId, PracticeId),
    /// Its attachments as read with the whole list it stands in, when the query asked.
    #[graphql(skip)]
    preloaded: Option<Vec<DomainAttachment>>,
}

impl From<DomainPractice> for Practice {
    fn from(p: DomainPractice) -> Self {
        let c = p.content;
        Self {
            id: id_of(p.id),
            municipality_id: id_of(p.municipality_id),
            municipality_name: p.municipality_name,
            federal_state: p.federal_state.into(),
            status: p.status.into(),
            title: c.title,
            problem: c.problem,
            causes: c.causes,
            goals: c.goals,
            measures: c.measures,
            concept: c.concept,
            evaluation: c.evaluation,
            conclusions: c.conclusions,
            topics: c.topics.into_iter().map(Into::into).collect(),
            target_groups: c.target_groups.into_iter().map(Into::into).collect(),
            settings: c.settings.into_iter().map(Into::into).collect(),
            evidence_level: c.evidence_level.map(Into::into),
            duration: c.duration,
            costs: c.costs,
            partners: c.partners,
            funding_programme_id: c.funding_programme_id.map(id_of),
            contact: c.contact,
            published_at: p.published_at,
            updated_at: p.updated_at,
            owner: (p.municipality_id, p.id),
            preloaded: None,
        }
    }
}

#[ComplexObject]
impl Practice {
    /// Files attached to it; of a published practice, as the network shares them.
    async fn attachments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Attachment>> {
        let found = match &self.preloaded {
            Some(found) => found.clone(),
            None => read_attachments(ctx, std::slice::from_ref(self)).await?,
        };
        Ok(found.into_iter().map(|a| self.attachment_view(a)).collect())
    }
}

impl Practice {
    fn published(&self) -> bool {
        self.status == PracticeStatus::Published
    }

    fn attachment_view(&self, a: DomainAttachment) -> Attachment {
        let (municipality, _) = self.owner;
        Attachment {
            url: if self.published() {
                format!("/api/netzwerk/anhaenge/{}", a.id)
            } else {
                format!("/api/kommunen/{municipality}/anhaenge/{}", a.id)
            },
            id: ID(a.id.to_string()),
            file_name: a.file_name,
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            created_at: a.created_at,
        }
    }
}

/// The attachments of these practices: one read for the published ones (the network's copy)
/// and one per municipality for the others (the city's own records).
async fn read_attachments(
    ctx: &Context<'_>,
    practices: &[Practice],
) -> async_graphql::Result<Vec<DomainAttachment>> {
    let network = ctx.services().network();
    let principal = ctx.principal();
    let published: Vec<PracticeId> = practices
        .iter()
        .filter(|p| p.published())
        .map(|p| p.owner.1)
        .collect();
    let mut found = Vec::new();
    if !published.is_empty() {
        found.extend(
            network
                .network_practice_attachments(principal, &published)
                .await?,
        );
    }
    let mut drafts: Vec<(MunicipalityId, PracticeId)> = practices
        .iter()
        .filter(|p| !p.published())
        .map(|p| p.owner)
        .collect();
    drafts.sort_unstable();
    for group in drafts.chunk_by(|a, b| a.0 == b.0) {
        let ids: Vec<PracticeId> = group.iter().map(|(_, p)| *p).collect();
        if let Some((municipality, _)) = group.first() {
            found.extend(
                network
                    .practice_attachments(principal, *municipality, &ids)
                    .await?,
            );
        }
    }
    Ok(found)
}

/// Reads the attachments of a list of practices at once when the query asks for them.
async fn with_attachments(
    ctx: &Context<'_>,
    mut practices: Vec<Practice>,
) -> async_graphql::Result<Vec<Practice>> {
    if !ctx.look_ahead().field("attachments").exists() {
        return Ok(practices);
    }
    let found = read_attachments(ctx, &practices).await?;
    for practice in &mut practices {
        let id = practice.owner.1;
        practice.preloaded = Some(
            found
                .iter()
                .filter(|a| a.practice_id == id)
                .cloned()
                .collect(),
        );
    }
    Ok(practices)
}

/// A file attached to a practice; `url` downloads it (uploads go to
/// `POST /api/kommunen/{municipalityId}/praxis/{practiceId}/anhaenge?name=…`).
#[derive(SimpleObject)]
pub(crate) struct Attachment {
    id: ID,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    created_at: DateTime<Utc>,
    url: String,
}

#[derive(InputObject)]
pub(crate) struct PracticeInput {
    title: String,
    #[graphql(default)]
    problem: String,
    #[graphql(default)]
    causes: String,
    #[graphql(default)]
    goals: String,
    #[graphql(default)]
    measures: String,
    #[graphql(default)]
    concept: String,
    #[graphql(default)]
    evaluation: String,
    #[graphql(default)]
    conclusions: String,
    #[graphql(default)]
    topics: Vec<Topic>,
    #[graphql(default)]
    target_groups: Vec<TargetGroup>,
    #[graphql(default)]
    settings: Vec<Setting>,
    evidence_level: Option<EvidenceLevel>,
    #[graphql(default)]
    duration: String,
    #[graphql(default)]
    costs: String,
    #[graphql(default)]
    partners: String,
    funding_programme_id: Option<ID>,
    #[graphql(default)]
    contact: String,
}

#[derive(Default, Debug)]
pub(crate) struct PracticeQuery;

#[Object]
impl PracticeQuery {
    /// A municipality's own practices, drafts included (its administrators, its Land's office).
    async fn practices(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
    ) -> async_graphql::Result<Vec<Practice>> {
        let m = ctx.municipality(&municipality_id)?;
        let found = ctx
            .services()
            .network()
            .practices(ctx.principal(), m)
            .await?;
        with_attachments(ctx, found.into_iter().map(Practice::from).collect()).await
    }

    /// A practice published to the network (anyone logged in).
    async fn network_practice(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Practice> {
        let id = ctx.id::<PracticeId>(&id, "id")?;
        let found = ctx
            .services()
            .network()
            .network_practice(ctx.principal(), id)
            .await?;
        Ok(found.into())
    }

    /// Every practice published to the network, newest first (anyone logged in).
    #[graphql(complexity = "25 + child_complexity")]
    async fn network_practices(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Practice>> {
        let found = ctx
            .services()
            .network()
            .network_practices(ctx.principal())
            .await?;
        with_attachments(ctx, found.into_iter().map(Practice::from).collect()).await
    }

    /// The network's shared vocabulary with labels in the caller's language.
    async fn vocabulary(&self, ctx: &Context<'_>) -> Vocabulary {
        use praevnet_common::vocabulary as v;
        let lang = ctx.request().lang;
        Vocabulary {
            topics: terms(v::Topic::ALL, v::Topic::code, v::Topic::label, lang),
            target_groups: terms(
                v::TargetGroup::ALL,
                v::TargetGroup::code,
                v::TargetGroup::label,
                lang,
            ),
            settings: terms(v::Setting::ALL, v::Setting::code, v::Setting::label, lang),
            evidence_levels: terms(
                v::EvidenceLevel::ALL,
                v::EvidenceLevel::code,
                v::EvidenceLevel::label,
                lang,
            ),
            offer_formats: terms(
                OfferFormat::ALL,
                OfferFormat::code,
                OfferFormat::label,
                lang,
            ),
        }
    }
}

#[derive(Default, Debug)]
pub(crate) struct PracticeMutation;

#[Object]
impl PracticeMutation {
    /// Writes a new practice (a draft), or changes one when `id` is given; a published one
    /// changes in the network too.
    async fn save_practice(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: PracticeInput,
    ) -> async_graphql::Result<Practice> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<PracticeId>(id.as_ref(), "id")?;
        let content = PracticeContent {
            title: input.title,
            problem: input.problem,
            causes: input.causes,
            goals: input.goals,
            measures: input.measures,
            concept: input.concept,
            evaluation: input.evaluation,
            conclusions: input.conclusions,
            topics: input.topics.into_iter().map(Into::into).collect(),
            target_groups: input.target_groups.into_iter().map(Into::into).collect(),
            settings: input.settings.into_iter().map(Into::into).collect(),
            evidence_level: input.evidence_level.map(Into::into),
            duration: input.duration,
            costs: input.costs,
            partners: input.partners,
            funding_programme_id: ctx.optional_id::<ProgrammeId>(
                input.funding_programme_id.as_ref(),
                "fundingProgrammeId",
            )?,
            contact: input.contact,
        };
        let saved = ctx
            .services()
            .network()
            .save_practice(ctx.principal(), m, id, content)
            .await?;
        Ok(saved.into())
    }

    /// Publishes a practice to the network: explicitly, nothing is shared by default.
    async fn publish_practice(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<Practice> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<PracticeId>(&id, "id")?;
        let saved = ctx
            .services()
            .network()
            .publish_practice(ctx.principal(), m, id)
            .await?;
        Ok(saved.into())
    }

    /// Removes a file from a practice (and from the network, if the practice is published).
    async fn delete_attachment(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<AttachmentId>(&id, "id")?;
        ctx.services()
            .network()
            .delete_attachment(ctx.principal(), m, id)
            .await?;
        Ok(true)
    }

    /// Takes a practice out of the network at once; the city keeps its record.
    async fn withdraw_practice(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<Practice> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<PracticeId>(&id, "id")?;
        let saved = ctx
            .services()
            .network()
            .withdraw_practice(ctx.principal(), m, id)
            .await?;
        Ok(saved.into())
    }
}
