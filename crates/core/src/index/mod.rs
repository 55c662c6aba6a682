//! This replica's search index of the network: one tantivy index (`praevnet-search`) of the
//! shared records, kept in step with the database's change log (`search_changes`).
//!
//! Every write of a shared record appends to the log in its own transaction; a replica applies
//! the log after its checkpoint every second, before every search when the log is ahead (so a
//! writer reads its own writes on any replica, and a withdrawn practice is gone at once) and
//! right after its own writes. A missing, foreign or too old index is rebuilt from the shared
//! tables; the log entry `all` makes every replica rebuild (`praevnet search-rebuild`).
//!
//! Infrastructure below the areas, like the mailer: the registry (a renamed publisher), the
//! Land (programmes) and the network (practices, offers) all feed it; only the network asks it.

use praevnet_common::codes;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use chrono::Utc;

use praevnet_common::vocabulary::{OfferFormat, Setting, TargetGroup, Topic};
use praevnet_search::{Document, Opened, SearchIndex};
use praevnet_store::{
    CatalogueOfferId, CatalogueOfferRecord, NetworkPracticeRecord, PracticeId, ProgrammeRecord,
    Writes,
};
use uuid::Uuid;

use crate::{Error, Lang, MunicipalityId, ProgrammeId, Result, Services};

codes!(
    /// What a search result is.
    SearchKind {
        Practice = "practice", "Praxisbeispiel", "Good practice";
        Offer = "offer", "Präventionsangebot", "Prevention offer";
        Programme = "programme", "Förderprogramm", "Funding programme";
    }
);

/// Kinds of change log entries besides the record kinds: a publisher renamed (its practices
/// and offers name it), and "rebuild everything".
const PUBLISHER: &str = "publisher";
const EVERYTHING: &str = "all";

/// Entries read per round of catching up, and records per batch of a rebuild.
const BATCH: u64 = 1_000;
/// How long the change log keeps entries; a replica further behind rebuilds.
pub const CHANGE_LOG_DAYS: i64 = 7;
/// The replica's index and how far it has applied the change log.
#[derive(Debug)]
pub(crate) struct SearchState {
    pub(crate) index: Arc<SearchIndex>,
    /// The applied position, readable without waiting for a catch-up in progress.
    applied: AtomicI64,
    /// Held while the index is being brought forward, so rounds never overlap.
    catching_up: tokio::sync::Mutex<()>,
    /// Where the index started: `None` when it must be built first.
    opened: Option<i64>,
    /// Searches running at once on this replica: each holds memory for its automata and
    /// collectors while it runs, and more than the cores can run would only queue in the
    /// blocking pool, holding that memory.
    readers: tokio::sync::Semaphore,
}

impl SearchState {
    pub(crate) fn new(setup: SearchSetup) -> Self {
        let SearchSetup { index, opened } = setup;
        let opened = match opened {
            Opened::UpTo(position) => Some(position),
            Opened::Empty => None,
        };
        Self {
            index: Arc::new(index),
            applied: AtomicI64::new(opened.unwrap_or(0)),
            catching_up: tokio::sync::Mutex::new(()),
            opened,
            readers: tokio::sync::Semaphore::new(concurrent_searches()),
        }
    }
}

/// Two searches per core: one may wait on memory while the other computes.
fn concurrent_searches() -> usize {
    std::thread::available_parallelism().map_or(2, |cores| cores.get() * 2)
}

/// The index a replica starts with.
#[derive(Debug)]
pub struct SearchSetup {
    index: SearchIndex,
    opened: Opened,
}

impl SearchSetup {
    /// In memory: built from the database at every start.
    pub fn in_memory() -> Result<Self> {
        Ok(Self {
            index: SearchIndex::in_memory().map_err(|e| Error::Internal(e.to_string()))?,
            opened: Opened::Empty,
        })
    }

    /// In a folder of this replica: caught up at start when it is recent enough.
    pub fn in_folder(folder: &std::path::Path) -> Result<Self> {
        let (index, opened) =
            SearchIndex::open(folder).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Self { index, opened })
    }
}

/// How a start of the index went, for the log and the benchmark.
#[derive(Clone, Copy, Debug)]
pub struct IndexStart {
    pub rebuilt: bool,
    pub documents: u64,
    pub took: Duration,
}

fn labels<T: Copy>(values: &[T], label: fn(T, Lang) -> &'static str) -> Vec<&'static str> {
    values.iter().map(|v| label(*v, Lang::De)).collect()
}

fn codes(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Parses stored codes for their labels, skipping unknown ones (the index must not fail on
/// a code a later version removed).
fn tag_labels<T: Copy>(
    text: &str,
    parse: fn(&str) -> Option<T>,
    label: fn(T, Lang) -> &'static str,
) -> Vec<&'static str> {
    let values: Vec<T> = text.split(',').filter_map(parse).collect();
    labels(&values, label)
}

fn sections(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn practice_document(r: &NetworkPracticeRecord) -> Document {
    let d = &r.data;
    let mut tags = tag_labels(&d.topics, Topic::parse, Topic::label);
    tags.extend(tag_labels(
        &d.target_groups,
        TargetGroup::parse,
        TargetGroup::label,
    ));
    tags.extend(tag_labels(&d.settings, Setting::parse, Setting::label));
    Document {
        id: r.id.as_uuid(),
        kind: SearchKind::Practice.code().to_owned(),
        title: d.title.clone(),
        text: sections(&[
            &d.problem,
            &d.causes,
            &d.goals,
            &d.measures,
            &d.concept,
            &d.evaluation,
            &d.conclusions,
            &d.duration,
            &d.costs,
            &d.partners,
        ]),
        tags: tags.join("\n"),
        publisher: r.municipality_name.clone(),
        federal_state: r.federal_state.clone(),
        topics: codes(&d.topics),
        target_groups: codes(&d.target_groups),
        settings: codes(&d.settings),
        evidence_level: d.evidence_level.clone(),
        date: r.updated_at.timestamp_millis(),
    }
}

fn offer_document(r: &CatalogueOfferRecord) -> Document {
    let d = &r.data;
    let mut tags = tag_labels(&d.topics, Topic::parse, Topic::label);
    tags.extend(tag_labels(
        &d.target_groups,
        TargetGroup::parse,
        TargetGroup::label,
    ));
    tags.extend(tag_labels(
        &d.format,
        OfferFormat::parse,
        OfferFormat::label,
    ));
    Document {
        id: r.id.as_uuid(),
        kind: SearchKind::Offer.code().to_owned(),
        title: d.title.clone(),
        text: sections(&[
            &d.description,
            &format!("Zertifiziert durch {}", r.certifier_name),
        ]),
        tags: tags.join("\n"),
        publisher: d.provider.clone(),
        federal_state: r.federal_state.clone(),
        topics: codes(&d.topics),
        target_groups: codes(&d.target_groups),
        settings: Vec::new(),
        evidence_level: None,
        date: r.updated_at.timestamp_millis(),
    }
}

fn programme_document(r: &ProgrammeRecord) -> Document {
    let d = &r.data;
    Document {
        id: r.id.as_uuid(),
        kind: SearchKind::Programme.code().to_owned(),
        title: d.name.clone(),
        text: sections(&[
            &d.fields_of_action,
            &d.eligible_applicants,
            &d.procedure,
            &d.documents,
        ]),
        tags: String::new(),
        publisher: d.provider.clone(),
        federal_state: d.federal_state.clone(),
        topics: Vec::new(),
        target_groups: Vec::new(),
        settings: Vec::new(),
        evidence_level: None,
        date: r.updated_at.timestamp_millis(),
    }
}

/// Runs blocking index work off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> praevnet_search::Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("search task: {e}")))?
        .map_err(|e| Error::Internal(e.to_string()))
}

/// The replica's index: feeding it from writes, starting and catching it up.
#[derive(Clone, Copy, Debug)]
pub struct Index<'a> {
    services: &'a Services,
}

impl Index<'_> {
    /// Runs a search on the index in one of the replica's reader slots, waiting for one.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        work: impl FnOnce(&SearchIndex) -> praevnet_search::Result<T> + Send + 'static,
    ) -> Result<T> {
        let _slot = self
            .services
            .search
            .readers
            .acquire()
            .await
            .map_err(|e| Error::Internal(format!("search slots: {e}")))?;
        let index = Arc::clone(&self.services.search.index);
        blocking(move || work(&index)).await
    }
}

impl Services {
    /// This replica's search index.
    pub fn index(&self) -> Index<'_> {
        Index { services: self }
    }
}

impl Index<'_> {
    /// Notes in the unit of work that a shared record changed, for every replica's index.
    pub(crate) async fn changed(&self, writes: &Writes, kind: SearchKind, id: Uuid) -> Result<()> {
        Ok(writes.search_changes().record(kind.code(), id).await?)
    }

    /// Notes that a publisher's name or Land changed.
    pub(crate) async fn publisher_changed(
        &self,
        writes: &Writes,
        municipality: MunicipalityId,
    ) -> Result<()> {
        Ok(writes
            .search_changes()
            .record(PUBLISHER, municipality.as_uuid())
            .await?)
    }

    /// After a write: brings this replica's index forward at once, so that the writer's next
    /// search finds the change. A failure is logged; the next search or round retries.
    pub(crate) async fn after_write(&self) {
        if let Err(err) = self.catch_up().await {
            tracing::error!(error = %err, "search index: catching up after a write failed");
        }
    }

    /// Asks every replica to rebuild its index from the database.
    pub async fn request_rebuild(&self) -> Result<()> {
        let writes = self.services.store.writes().await?;
        writes
            .search_changes()
            .record(EVERYTHING, Uuid::nil())
            .await?;
        writes.commit().await?;
        Ok(())
    }

    /// Builds the index when it is new or too far behind the change log, else catches up.
    pub async fn start(&self) -> Result<IndexStart> {
        let started = Instant::now();
        let _guard = self.services.search.catching_up.lock().await;
        let changes = self.services.store.search_changes();
        let oldest = changes.oldest().await?;
        let rebuilt = match self.services.search.opened {
            Some(position) if oldest <= position + 1 => {
                self.apply_changes().await?;
                false
            }
            _ => {
                self.rebuild_index().await?;
                true
            }
        };
        Ok(IndexStart {
            rebuilt,
            documents: self.services.search.index.len(),
            took: started.elapsed(),
        })
    }

    /// Applies what the change log holds beyond the index's position.
    pub async fn catch_up(&self) -> Result<()> {
        let _guard = self.services.search.catching_up.lock().await;
        self.apply_changes().await
    }

    /// Forgets change log entries older than [`CHANGE_LOG_DAYS`].
    pub async fn prune(&self) -> Result<u64> {
        Ok(self
            .services
            .store
            .search_changes()
            .prune(Utc::now() - chrono::Duration::days(CHANGE_LOG_DAYS))
            .await?)
    }

    async fn apply_changes(&self) -> Result<()> {
        loop {
            let position = self.services.search.applied.load(Ordering::Acquire);
            let batch = self
                .services
                .store
                .search_changes()
                .after(position, BATCH)
                .await?;
            let Some(last) = batch.last().map(|c| c.position) else {
                return Ok(());
            };
            if batch.iter().any(|c| c.kind == EVERYTHING) {
                self.rebuild_index().await?;
                continue;
            }
            let mut practices: Vec<PracticeId> = Vec::new();
            let mut offers: Vec<CatalogueOfferId> = Vec::new();
            let mut programmes: Vec<ProgrammeId> = Vec::new();
            for change in &batch {
                match change.kind.as_str() {
                    "practice" => practices.push(PracticeId::from_uuid(change.record_id)),
                    "offer" => offers.push(CatalogueOfferId::from_uuid(change.record_id)),
                    "programme" => programmes.push(ProgrammeId::from_uuid(change.record_id)),
                    PUBLISHER => {
                        let publisher = MunicipalityId::from_uuid(change.record_id);
                        practices.extend(
                            self.services
                                .store
                                .network_practices()
                                .ids_of(publisher)
                                .await?,
                        );
                        offers.extend(
                            self.services
                                .store
                                .catalogue_offers()
                                .list(Some(publisher))
                                .await?
                                .into_iter()
                                .map(|o| o.id),
                        );
                    }
                    other => tracing::warn!(kind = other, "search index: unknown change kind"),
                }
            }
            practices.sort_unstable();
            practices.dedup();
            offers.sort_unstable();
            offers.dedup();
            programmes.sort_unstable();
            programmes.dedup();
            let mut upserts = Vec::new();
            let mut deletes: Vec<Uuid> = Vec::new();
            let found = self
                .services
                .store
                .network_practices()
                .get_many(&practices)
                .await?;
            for id in &practices {
                match found.iter().find(|r| r.id == *id) {
                    Some(record) => upserts.push(practice_document(record)),
                    None => deletes.push(id.as_uuid()),
                }
            }
            for id in offers {
                match self.services.store.catalogue_offers().get(id).await? {
                    Some(record) => upserts.push(offer_document(&record)),
                    None => deletes.push(id.as_uuid()),
                }
            }
            for id in programmes {
                match self.services.store.funding_programmes().get(id).await? {
                    Some(record) => upserts.push(programme_document(&record)),
                    None => deletes.push(id.as_uuid()),
                }
            }
            let index = self.services.search.index.clone();
            blocking(move || index.apply(&upserts, &deletes, last)).await?;
            self.services.search.applied.store(last, Ordering::Release);
        }
    }

    /// Fills the index anew from the shared tables. The position is read first: a change that
    /// lands while the records are read is applied again afterwards, which is harmless. If
    /// reading fails half-way, the half-filled index is dropped, never committed.
    async fn rebuild_index(&self) -> Result<()> {
        let position = self.services.store.search_changes().latest().await?;
        let index = self.services.search.index.clone();
        blocking(move || index.start_rebuild()).await?;
        if let Err(err) = self.fill_index(position).await {
            let index = self.services.search.index.clone();
            if let Err(rollback) = blocking(move || index.abandon_rebuild()).await {
                tracing::error!(error = %rollback, "search index: dropping a failed rebuild failed");
            }
            return Err(err);
        }
        self.services
            .search
            .applied
            .store(position, Ordering::Release);
        tracing::info!(
            documents = self.services.search.index.len(),
            position,
            "search index rebuilt"
        );
        Ok(())
    }

    async fn fill_index(&self, position: i64) -> Result<()> {
        self.index_pages(
            |after| async move {
                self.services
                    .store
                    .network_practices()
                    .page_after(after, BATCH)
                    .await
            },
            |r| r.id,
            practice_document,
        )
        .await?;
        self.index_pages(
            |after| async move {
                self.services
                    .store
                    .catalogue_offers()
                    .page_after(after, BATCH)
                    .await
            },
            |r| r.id,
            offer_document,
        )
        .await?;
        let documents: Vec<Document> = self
            .services
            .store
            .funding_programmes()
            .list(None)
            .await?
            .iter()
            .map(programme_document)
            .collect();
        let index = self.services.search.index.clone();
        blocking(move || {
            index.add_uncommitted(&documents)?;
            index.finish_rebuild(position)
        })
        .await
    }

    /// Adds records page by page (keyset paging on `key`), so that a rebuild never holds a
    /// whole table in memory.
    async fn index_pages<R, K, F, Fut>(
        &self,
        load: F,
        key: fn(&R) -> K,
        document: fn(&R) -> Document,
    ) -> Result<()>
    where
        K: Copy,
        F: Fn(Option<K>) -> Fut,
        Fut: Future<Output = std::result::Result<Vec<R>, praevnet_store::StoreError>>,
    {
        let mut after = None;
        loop {
            let page = load(after).await?;
            let Some(last) = page.last().map(key) else {
                return Ok(());
            };
            after = Some(last);
            let documents: Vec<Document> = page.iter().map(document).collect();
            let index = self.services.search.index.clone();
            blocking(move || index.add_uncommitted(&documents)).await?;
        }
    }

    /// Catches up first when the change log is ahead of this replica: reads its own writes
    /// and never shows what was withdrawn.
    pub(crate) async fn fresh(&self) -> Result<()> {
        let latest = self.services.store.search_changes().latest().await?;
        if latest > self.services.search.applied.load(Ordering::Acquire) {
            self.catch_up().await?;
        }
        Ok(())
    }
}
