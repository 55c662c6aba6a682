//! The council record: at most one per municipality, saved as a whole by the municipality and
//! moved through its states by the founding on the platform.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, OnConflict};

use crate::tenant::{Scope, Tenant, TenantConnection, council};
use crate::{CouncilId, MunicipalityId, PersonId, StoreError};

/// A municipality's prevention council as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilRecord {
    pub id: CouncilId,
    pub municipality_id: MunicipalityId,
    pub name: String,
    pub founding_resolution: Option<String>,
    pub founding_date: Option<NaiveDate>,
    /// `founding`, `active` or `dormant`.
    pub status: String,
    /// `rebuild`, `bottom_up` or `top_down`, when founded on the platform.
    pub founding_path: Option<String>,
    /// The structure template the council started from.
    pub structure_template: Option<String>,
    /// Who chairs the whole council (often the mayor), and the deputy: people of its structure.
    pub chair_person_id: Option<PersonId>,
    pub deputy_chair_person_id: Option<PersonId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields of a council a caller sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilData {
    pub name: String,
    pub founding_resolution: Option<String>,
    pub founding_date: Option<NaiveDate>,
}

impl From<council::Model> for CouncilRecord {
    fn from(m: council::Model) -> Self {
        Self {
            id: m.id,
            municipality_id: m.municipality_id,
            name: m.name,
            founding_resolution: m.founding_resolution,
            founding_date: m.founding_date,
            status: m.status,
            founding_path: m.founding_path,
            structure_template: m.structure_template,
            chair_person_id: m.chair_person_id,
            deputy_chair_person_id: m.deputy_chair_person_id,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

impl<C: TenantConnection> Scope<'_, C> {
    /// The councils of the scope's municipalities: one read however many there are (a page of
    /// the registry asking for each one's council would otherwise read once per row).
    pub async fn councils(&self) -> Result<Vec<CouncilRecord>, StoreError> {
        self.records(self.rows::<council::Model>()).await
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    pub async fn council(&self) -> Result<Option<CouncilRecord>, StoreError> {
        Ok(self
            .one(self.rows::<council::Model>())
            .await?
            .map(Into::into))
    }

    /// Creates or replaces the council in one statement (a municipality has at most one).
    pub async fn save_council(&self, data: CouncilData) -> Result<CouncilRecord, StoreError> {
        let now = Utc::now();
        // A council recorded directly is active (the column's default); founding on the
        // platform sets its state.
        let row = council::New {
            id: CouncilId::generate(),
            name: data.name,
            founding_resolution: data.founding_resolution,
            founding_date: data.founding_date,
            created_at: now,
            updated_at: now,
        };
        let upsert = self.insert(row).on_conflict(
            OnConflict::column(council::Column::MunicipalityId)
                .update_columns([
                    council::Column::Name,
                    council::Column::FoundingResolution,
                    council::Column::FoundingDate,
                    council::Column::UpdatedAt,
                ])
                .to_owned(),
        );
        let saved = self
            .transaction(async |tx| Ok(upsert.exec_with_returning(tx).await?))
            .await?;
        Ok(saved.into())
    }

    /// Sets the council's state and founding path; `false` when there is no council.
    pub async fn set_council_state(
        &self,
        status: &str,
        founding_path: Option<&str>,
    ) -> Result<bool, StoreError> {
        let update = self
            .update::<council::Model>()
            .col_expr(council::Column::Status, Expr::value(status))
            .col_expr(council::Column::FoundingPath, Expr::value(founding_path))
            .col_expr(council::Column::UpdatedAt, Expr::value(Utc::now()));
        self.changed(update).await
    }

    /// Sets who chairs the whole council and who deputises; `false` when there is no council.
    pub async fn set_council_chair(
        &self,
        chair: Option<PersonId>,
        deputy: Option<PersonId>,
    ) -> Result<bool, StoreError> {
        let update = self
            .update::<council::Model>()
            .col_expr(council::Column::ChairPersonId, Expr::value(chair))
            .col_expr(council::Column::DeputyChairPersonId, Expr::value(deputy))
            .col_expr(council::Column::UpdatedAt, Expr::value(Utc::now()));
        self.changed(update).await
    }

    /// Records the structure template the council started from.
    pub async fn set_structure_template(&self, template: &str) -> Result<bool, StoreError> {
        let update = self
            .update::<council::Model>()
            .col_expr(council::Column::StructureTemplate, Expr::value(template));
        self.changed(update).await
    }
}
