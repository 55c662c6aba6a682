//! Good practices: a municipality's own records, publishing and withdrawing them, and the
//! network's published copies; the shared vocabulary with its labels.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use praevnet_common::vocabulary::OfferFormat;
use praevnet_core::network::practices::{Practice as DomainPractice, PracticeContent};
use praevnet_core::{AttachmentId, Lang, PracticeId, ProgrammeId};

use crate::codes::{EvidenceLevel, FederalState, Setting, TargetGroup, Topic};
use crate::context::ContextExt;
use crate::error::ResultExt;

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
pub(crate) struct Practice(DomainPractice);

#[Object]
impl Practice {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn municipality_id(&self) -> ID {
        ID(self.0.municipality_id.to_string())
    }
    async fn municipality_name(&self) -> &str {
        &self.0.municipality_name
    }
    async fn federal_state(&self) -> FederalState {
        self.0.federal_state.into()
    }
    async fn status(&self) -> PracticeStatus {
        self.0.status.into()
    }
    async fn title(&self) -> &str {
        &self.0.content.title
    }
    async fn problem(&self) -> &str {
        &self.0.content.problem
    }
    async fn causes(&self) -> &str {
        &self.0.content.causes
    }
    /// Goals and target groups.
    async fn goals(&self) -> &str {
        &self.0.content.goals
    }
    async fn measures(&self) -> &str {
        &self.0.content.measures
    }
    /// Concept and delivery.
    async fn concept(&self) -> &str {
        &self.0.content.concept
    }
    async fn evaluation(&self) -> &str {
        &self.0.content.evaluation
    }
    async fn conclusions(&self) -> &str {
        &self.0.content.conclusions
    }
    async fn topics(&self) -> Vec<Topic> {
        self.0.content.topics.iter().map(|t| (*t).into()).collect()
    }
    async fn target_groups(&self) -> Vec<TargetGroup> {
        self.0
            .content
            .target_groups
            .iter()
            .map(|t| (*t).into())
            .collect()
    }
    async fn settings(&self) -> Vec<Setting> {
        self.0
            .content
            .settings
            .iter()
            .map(|t| (*t).into())
            .collect()
    }
    async fn evidence_level(&self) -> Option<EvidenceLevel> {
        self.0.content.evidence_level.map(Into::into)
    }
    async fn duration(&self) -> &str {
        &self.0.content.duration
    }
    async fn costs(&self) -> &str {
        &self.0.content.costs
    }
    async fn partners(&self) -> &str {
        &self.0.content.partners
    }
    async fn funding_programme_id(&self) -> Option<ID> {
        self.0
            .content
            .funding_programme_id
            .map(|p| ID(p.to_string()))
    }
    /// The functional contact published with the practice.
    async fn contact(&self) -> &str {
        &self.0.content.contact
    }
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Files attached to it; of a published practice, as the network shares them.
    async fn attachments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Attachment>> {
        let principal = ctx.principal();
        let published =
            self.0.status == praevnet_core::network::practices::PracticeStatus::Published;
        let found = if published {
            ctx.services()
                .network()
                .network_practice_attachments(principal, self.0.id)
                .await
        } else {
            ctx.services()
                .network()
                .practice_attachments(principal, self.0.municipality_id, self.0.id)
                .await
        }
        .gql(ctx)?;
        let municipality = self.0.municipality_id;
        Ok(found
            .into_iter()
            .map(|a| Attachment {
                url: if published {
                    format!("/api/netzwerk/anhaenge/{}", a.id)
                } else {
                    format!("/api/kommunen/{municipality}/anhaenge/{}", a.id)
                },
                id: ID(a.id.to_string()),
                file_name: a.file_name,
                content_type: a.content_type,
                size_bytes: a.size_bytes,
                created_at: a.created_at,
            })
            .collect())
    }
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
            .await
            .gql(ctx)?;
        Ok(found.into_iter().map(Practice).collect())
    }

    /// A practice published to the network (anyone logged in).
    async fn network_practice(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Practice> {
        let id = ctx.id::<PracticeId>(&id, "id")?;
        let found = ctx
            .services()
            .network()
            .network_practice(ctx.principal(), id)
            .await
            .gql(ctx)?;
        Ok(Practice(found))
    }

    /// Every practice published to the network, newest first (anyone logged in).
    async fn network_practices(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Practice>> {
        let found = ctx
            .services()
            .network()
            .network_practices(ctx.principal())
            .await
            .gql(ctx)?;
        Ok(found.into_iter().map(Practice).collect())
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
            .await
            .gql(ctx)?;
        Ok(Practice(saved))
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
            .await
            .gql(ctx)?;
        Ok(Practice(saved))
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
            .await
            .gql(ctx)?;
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
            .await
            .gql(ctx)?;
        Ok(Practice(saved))
    }
}
