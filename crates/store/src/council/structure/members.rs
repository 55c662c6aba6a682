//! Who sits in a council: the organisations (Akteure) of the municipality, the people in its
//! records, and their memberships in bodies.

use chrono::Utc;
use sea_orm::{ColumnTrait, QueryFilter};

use super::{
    MembershipData, MembershipRecord, NewMembers, OrganisationData, OrganisationRecord, PersonData,
    PersonRecord,
};
use crate::error::{UniqueIndex, on_unique};
use crate::tenant::{Tenant, TenantConnection, membership, organisation, person};
use crate::{MembershipId, OrganisationId, PersonId, StoreError, UniqueField};

/// Two organisations of one municipality cannot share a name.
const UNIQUE: &[UniqueIndex] = &[UniqueIndex {
    name: "organisations_name_key",
    columns: "organisations.municipality_id, organisations.name",
    field: UniqueField::OrganisationName,
}];

fn organisation_row(id: OrganisationId, data: &OrganisationData) -> organisation::New {
    let now = Utc::now();
    organisation::New {
        id,
        name: data.name.clone(),
        sector: data.sector.clone(),
        created_at: now,
        updated_at: now,
    }
}

fn person_row(id: PersonId, data: &PersonData) -> person::New {
    let now = Utc::now();
    person::New {
        id,
        name: data.name.clone(),
        function_title: data.function_title.clone(),
        email: data.email.clone(),
        phone: data.phone.clone(),
        user_id: data.user_id,
        created_at: now,
        updated_at: now,
    }
}

fn membership_row(id: MembershipId, data: &MembershipData) -> membership::New {
    let now = Utc::now();
    membership::New {
        id,
        body_id: data.body_id,
        person_id: data.person_id,
        role: data.role.clone(),
        organisation_id: data.organisation_id,
        term_start: data.term_start,
        term_end: data.term_end,
        appointed_by: data.appointed_by.clone(),
        derived_from: data.derived_from,
        created_at: now,
        updated_at: now,
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    pub async fn insert_organisation(
        &self,
        data: OrganisationData,
    ) -> Result<OrganisationRecord, StoreError> {
        let id = OrganisationId::generate();
        let row = organisation_row(id, &data);
        self.transaction(async |tx| {
            self.insert(row).exec(tx).await.map_err(on_unique(UNIQUE))?;
            Ok(())
        })
        .await?;
        Ok(OrganisationRecord { id, data })
    }

    pub async fn update_organisation(
        &self,
        id: OrganisationId,
        data: OrganisationData,
    ) -> Result<Option<OrganisationRecord>, StoreError> {
        let update = self.replace(organisation_row(id, &data));
        let updated = self
            .transaction(async |tx| {
                let result = update.exec(tx).await.map_err(on_unique(UNIQUE))?;
                Ok(result.rows_affected > 0)
            })
            .await?;
        Ok(updated.then_some(OrganisationRecord { id, data }))
    }

    pub async fn insert_person(&self, data: PersonData) -> Result<PersonRecord, StoreError> {
        let id = PersonId::generate();
        self.add_row(person_row(id, &data)).await?;
        Ok(PersonRecord { id, data })
    }

    pub async fn update_person(
        &self,
        id: PersonId,
        data: PersonData,
    ) -> Result<Option<PersonRecord>, StoreError> {
        let updated = self.changed(self.replace(person_row(id, &data))).await?;
        Ok(updated.then_some(PersonRecord { id, data }))
    }

    pub async fn insert_membership(
        &self,
        data: MembershipData,
    ) -> Result<MembershipRecord, StoreError> {
        let id = MembershipId::generate();
        self.add_row(membership_row(id, &data)).await?;
        Ok(MembershipRecord { id, data })
    }

    pub async fn update_membership(
        &self,
        id: MembershipId,
        data: MembershipData,
    ) -> Result<Option<MembershipRecord>, StoreError> {
        let updated = self
            .changed(self.replace(membership_row(id, &data)))
            .await?;
        Ok(updated.then_some(MembershipRecord { id, data }))
    }

    /// Stores what an import adds in one transaction, a few statements per table instead of a
    /// transaction per row.
    pub async fn insert_members(&self, new: &NewMembers) -> Result<(), StoreError> {
        let organisations: Vec<_> = new
            .organisations
            .iter()
            .map(|o| organisation_row(o.id, &o.data))
            .collect();
        let people: Vec<_> = new
            .people
            .iter()
            .map(|p| person_row(p.id, &p.data))
            .collect();
        let memberships: Vec<_> = new
            .memberships
            .iter()
            .map(|m| membership_row(m.id, &m.data))
            .collect();
        self.transaction(async |tx| {
            self.insert_batches(tx, organisations)
                .await
                .map_err(on_unique(UNIQUE))?;
            self.insert_batches(tx, people).await?;
            self.insert_batches(tx, memberships).await?;
            Ok(())
        })
        .await
    }

    /// Deletes a membership recorded in error; `false` when the tenant has no such one.
    pub async fn delete_membership(&self, id: MembershipId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<membership::Model>()
            .filter(membership::Column::Id.eq(id));
        self.removed(delete).await
    }
}
