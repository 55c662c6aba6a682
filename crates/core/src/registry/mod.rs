//! The registry: municipalities (with their AGS, Land and short name) and the record of each
//! one's prevention council. Public open data to read; the operator and state offices write.

pub mod ags;
pub mod council;
pub mod municipality;
mod problems;
pub mod slug;

pub use problems::RegistryProblem;

pub use council::{Council, CouncilInput};
pub use municipality::{Municipality, MunicipalityInput, MunicipalityPatch, MunicipalityStatus};

use praevnet_store::{MunicipalityFilter, Reach};

use crate::audit::{self, Change};
use crate::kernel::page::require_page_size;
use crate::kernel::text::{bounded_text, optional_text};
use crate::{Error, FederalState, MunicipalityId, Page, Principal, Result, Services};

/// Use cases of the registry.
#[derive(Clone, Copy, Debug)]
pub struct Registry<'a> {
    services: &'a Services,
}

impl Services {
    /// The registry of municipalities and their councils.
    pub fn registry(&self) -> Registry<'_> {
        Registry { services: self }
    }
}

impl Registry<'_> {
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
        let name_contains = optional_text("search", name_contains.as_deref(), 200)?;
        let filter = MunicipalityFilter {
            federal_state: federal_state.map(|s| s.code().to_owned()),
            name_contains,
        };
        let (rows, total) = self
            .services
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
        let found = self.services.store.municipalities().get(id).await?;
        found.ok_or(Error::NotFound)?.try_into()
    }

    pub async fn municipality_by_slug(
        &self,
        _principal: &Principal,
        slug: &str,
    ) -> Result<Municipality> {
        let slug = bounded_text("slug", slug, 200)?;
        let found = self.services.store.municipalities().by_slug(&slug).await?;
        found.ok_or(Error::NotFound)?.try_into()
    }

    pub async fn create_municipality(
        &self,
        principal: &Principal,
        input: MunicipalityInput,
    ) -> Result<Municipality> {
        principal.require_can_create_in(input.federal_state)?;
        let data = input.parse()?;
        let writes = self.services.store.writes().await?;
        let created: Municipality = writes.municipalities().insert(data).await?.try_into()?;
        let summary = format!("Kommune angelegt: {} (AGS {})", created.name, created.ags);
        let change = Change::of_municipality(
            &created,
            "municipality.created",
            "municipality",
            created.id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
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
        let writes = self.services.store.writes().await?;
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
            self.services.index().publisher_changed(&writes, id).await?;
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
            audit::record(&writes, principal, change).await?;
        }
        writes.commit().await?;
        self.services.index().after_write().await;
        Ok(updated)
    }

    /// The council is part of the public face of a municipality's prevention work.
    pub async fn council(
        &self,
        _principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Option<Council>> {
        let council = self.services.store.tenant(municipality).council().await?;
        Ok(council.map(Into::into))
    }

    /// The councils of several municipalities (all public records), read at once.
    pub async fn councils(
        &self,
        _principal: &Principal,
        municipalities: &[MunicipalityId],
    ) -> Result<Vec<Council>> {
        if municipalities.is_empty() {
            return Ok(Vec::new());
        }
        let councils = self
            .services
            .store
            .scope(Reach::Municipalities(municipalities.to_vec()))
            .councils()
            .await?;
        Ok(councils.into_iter().map(Into::into).collect())
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
        let writes = self.services.store.writes().await?;
        let saved: Council = writes.tenant(municipality).save_council(data).await?.into();
        let summary = format!("Präventionsrat gespeichert: {}", saved.name);
        let change =
            Change::of_municipality(&target, "council.saved", "council", saved.id, summary);
        audit::commit(writes, principal, change).await?;
        Ok(saved)
    }

    /// Whether the registry is empty, which is when demo data may be loaded.
    pub(crate) async fn has_no_municipalities(&self) -> Result<bool> {
        Ok(self.services.store.municipalities().count().await? == 0)
    }

    /// The municipality, when the principal may manage it; otherwise NOT_FOUND or FORBIDDEN
    /// exactly as for an unknown one.
    pub(crate) async fn manageable(
        &self,
        principal: &Principal,
        id: MunicipalityId,
    ) -> Result<Municipality> {
        let target = self.municipality(principal, id).await?;
        principal.require_can_manage(&target)?;
        Ok(target)
    }

    /// Every municipality that `filter` matches, unpaged (a Land's are about 500).
    pub(crate) async fn all_municipalities(
        &self,
        filter: &MunicipalityFilter,
    ) -> Result<Vec<Municipality>> {
        let (records, _) = self
            .services
            .store
            .municipalities()
            .list(filter, 0, u64::MAX >> 1)
            .await?;
        records.into_iter().map(Municipality::try_from).collect()
    }

    /// The municipalities of a Land.
    pub(crate) async fn of_land(&self, state: FederalState) -> Result<Vec<Municipality>> {
        let filter = MunicipalityFilter {
            federal_state: Some(state.code().to_owned()),
            name_contains: None,
        };
        self.all_municipalities(&filter).await
    }
}
