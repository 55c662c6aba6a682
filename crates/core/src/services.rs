//! The use cases, each checking the principal's rights before it touches data.

use std::sync::Arc;

use praevnet_store::{MunicipalityFilter, Store};

use crate::accounts::SessionSettings;
use crate::audit::Change;
use crate::council::{Council, CouncilInput};
use crate::federal_state::FederalState;
use crate::files::LocalFiles;
use crate::mail::Mailer;
use crate::municipality::{Municipality, MunicipalityInput, MunicipalityPatch};
use crate::search::{SearchSetup, SearchState};
use crate::{Error, MunicipalityId, Principal, Problem, Result};

/// Most entries a single listing returns, so one request cannot read the whole table.
pub const MAX_PAGE_SIZE: u64 = 200;

/// Refuses a listing longer than [`MAX_PAGE_SIZE`].
pub(crate) fn require_page_size(limit: u64) -> Result<()> {
    if limit > MAX_PAGE_SIZE {
        return Err(Error::validation(
            "first",
            Problem::PageSize { max: MAX_PAGE_SIZE },
        ));
    }
    Ok(())
}

/// Turns a page request as clients send it (`first`, `offset`) into bounds; negative or
/// oversized values are refused with the field to fix.
pub fn page_bounds(first: i64, offset: i64) -> Result<(u64, u64)> {
    match (u64::try_from(first), u64::try_from(offset)) {
        (Ok(limit), Ok(offset)) => require_page_size(limit).map(|()| (limit, offset)),
        _ => Err(Error::validation(
            "first",
            Problem::PageSize { max: MAX_PAGE_SIZE },
        )),
    }
}

/// A slice of a longer list.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub offset: u64,
    pub total: u64,
}

/// Entry point of every transport into the domain.
#[derive(Clone, Debug)]
pub struct Services {
    pub(crate) store: Store,
    pub(crate) sessions: SessionSettings,
    pub(crate) mailer: Option<Arc<dyn Mailer>>,
    /// Where users reach the platform; links in mails start with it.
    pub(crate) public_url: String,
    /// This replica's search index of the network.
    pub(crate) search: Arc<SearchState>,
    /// Where uploaded files are kept.
    pub(crate) files: LocalFiles,
}

impl Services {
    pub fn new(store: Store, sessions: SessionSettings, search: SearchSetup) -> Self {
        Self {
            store,
            sessions,
            mailer: None,
            public_url: "http://127.0.0.1:8080".into(),
            search: Arc::new(SearchState::new(search)),
            files: LocalFiles::new("data/files"),
        }
    }

    /// Keeps uploaded files in `files` instead of `data/files`.
    pub fn with_files(mut self, files: LocalFiles) -> Self {
        self.files = files;
        self
    }

    /// Enables mail (invitations, password resets) with links to `public_url`.
    pub fn with_mail(
        mut self,
        mailer: Option<Arc<dyn Mailer>>,
        public_url: impl Into<String>,
    ) -> Self {
        self.mailer = mailer;
        self.public_url = public_url.into();
        self
    }

    /// Whether the database answers, for readiness probes.
    pub async fn ping(&self) -> Result<()> {
        Ok(self.store.ping().await?)
    }

    /// Closes the database pool: connections end cleanly (SQLite checkpoints its log) and
    /// release what they hold, such as the spans of their last statement.
    pub async fn close(&self) -> Result<()> {
        Ok(self.store.clone().close().await?)
    }

    /// The registry is public: names and keys of municipalities are official open data.
    pub async fn municipalities(
        &self,
        _principal: &Principal,
        federal_state: Option<FederalState>,
        name_contains: Option<String>,
        offset: u64,
        limit: u64,
    ) -> Result<Page<Municipality>> {
        require_page_size(limit)?;
        let filter = MunicipalityFilter {
            federal_state: federal_state.map(|s| s.code().to_owned()),
            name_contains,
        };
        let (rows, total) = self
            .store
            .municipalities()
            .list(&filter, offset, limit)
            .await?;
        let items = rows
            .into_iter()
            .map(Municipality::try_from)
            .collect::<Result<_>>()?;
        Ok(Page {
            items,
            offset,
            total,
        })
    }

    pub async fn municipality(
        &self,
        _principal: &Principal,
        id: MunicipalityId,
    ) -> Result<Municipality> {
        let found = self.store.municipalities().get(id).await?;
        found.ok_or(Error::NotFound)?.try_into()
    }

    pub async fn municipality_by_slug(
        &self,
        _principal: &Principal,
        slug: &str,
    ) -> Result<Municipality> {
        let found = self.store.municipalities().by_slug(slug).await?;
        found.ok_or(Error::NotFound)?.try_into()
    }

    pub async fn create_municipality(
        &self,
        principal: &Principal,
        input: MunicipalityInput,
    ) -> Result<Municipality> {
        principal.require_can_create_in(input.federal_state)?;
        let data = input.parse()?;
        let writes = self.store.writes().await?;
        let created: Municipality = writes.municipalities().insert(data).await?.try_into()?;
        self.record(
            &writes,
            principal,
            Change {
                action: "municipality.created",
                entity: "municipality",
                entity_id: Some(created.id.to_string()),
                municipality: Some(&created),
                federal_state: None,
                summary: format!("Kommune angelegt: {} (AGS {})", created.name, created.ags),
            },
        )
        .await?;
        writes.commit().await?;
        tracing::info!(municipality = %created.id, "municipality created");
        Ok(created)
    }

    pub async fn update_municipality(
        &self,
        principal: &Principal,
        id: MunicipalityId,
        patch: MunicipalityPatch,
    ) -> Result<Municipality> {
        let current = self.municipality(principal, id).await?;
        principal.require_can_edit_registry(&current)?;
        if let Some(state) = patch.federal_state {
            // Moving a municipality needs the right to create it in the new Land as well.
            principal.require_can_create_in(state)?;
        }
        let data = patch.apply_to(&current).parse()?;
        let writes = self.store.writes().await?;
        let updated: Municipality = writes
            .municipalities()
            .update(id, data)
            .await?
            .ok_or(Error::NotFound)?
            .try_into()?;
        if current.name != updated.name || current.federal_state != updated.federal_state {
            // The network's copies of its published practices name the publisher.
            writes
                .network_practices()
                .update_publisher(id, &updated.name, updated.federal_state.code())
                .await?;
            writes
                .catalogue_offers()
                .update_certifier(id, &updated.name, updated.federal_state.code())
                .await?;
            self.search_publisher_changed(&writes, id).await?;
        }
        let changed: Vec<&str> = [
            ("Name", current.name != updated.name),
            ("AGS", current.ags != updated.ags),
            ("Bundesland", current.federal_state != updated.federal_state),
            ("Einwohnerzahl", current.population != updated.population),
            ("Kurzbezeichnung", current.slug != updated.slug),
            ("Status", current.status != updated.status),
        ]
        .into_iter()
        .filter_map(|(field, differs)| differs.then_some(field))
        .collect();
        let summary = format!(
            "Kommune geändert: {} ({})",
            updated.name,
            changed.join(", ")
        );
        // A move between Länder is recorded in both: each state office sees it.
        let mut scopes = vec![&updated];
        if current.federal_state != updated.federal_state {
            scopes.push(&current);
        }
        for municipality in scopes {
            let change = Change {
                action: "municipality.updated",
                entity: "municipality",
                entity_id: Some(id.to_string()),
                municipality: Some(municipality),
                federal_state: None,
                summary: summary.clone(),
            };
            self.record(&writes, principal, change).await?;
        }
        writes.commit().await?;
        self.search_after_write().await;
        Ok(updated)
    }

    /// The council is part of the public face of a municipality's prevention work.
    pub async fn council(
        &self,
        _principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Option<Council>> {
        let council = self.store.tenant(municipality).council().await?;
        Ok(council.map(Into::into))
    }

    pub async fn save_council(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: CouncilInput,
    ) -> Result<Council> {
        // Rights first: another tenant's id is answered like an unknown one.
        let target = self.municipality(principal, municipality).await?;
        principal.require_can_manage(&target)?;
        let data = input.parse()?;
        let writes = self.store.writes().await?;
        let saved: Council = writes.tenant(municipality).save_council(data).await?.into();
        self.record(
            &writes,
            principal,
            Change {
                action: "council.saved",
                entity: "council",
                entity_id: Some(saved.id.to_string()),
                municipality: Some(&target),
                federal_state: None,
                summary: format!("Präventionsrat gespeichert: {}", saved.name),
            },
        )
        .await?;
        writes.commit().await?;
        Ok(saved)
    }

    /// Whether the registry is empty, which is when demo data may be loaded.
    pub(crate) async fn has_no_municipalities(&self) -> Result<bool> {
        Ok(self.store.municipalities().count().await? == 0)
    }
}
