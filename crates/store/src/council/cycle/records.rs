//! The cycle's records that stand on their own: fields of action, figures and hot spots of the
//! security analysis, citizens' demands, the inventory, the strategy's goals. Each is saved
//! whole and deleted by id; its links to other records are the application's to check.

use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::tenant::{
    Tenant, TenantConnection, action_field, demand, goal, hot_spot, inventory_item, safety_figure,
};
use crate::{
    ActionFieldId, BodyId, CatalogueOfferId, DemandId, GoalId, HotSpotId, InventoryItemId,
    PracticeId, SafetyFigureId, StoreError,
};

/// A stored record: its id and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<I, D> {
    pub id: I,
    pub data: D,
}

/// A field of action (Handlungsfeld) in the city's own numbering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionFieldData {
    pub code: String,
    pub name: String,
    pub description: String,
    pub position: i32,
}

/// A figure of the security analysis: a count of the crime statistics or a survey's share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyFigureData {
    pub year: i32,
    pub area: String,
    /// `crime` or `survey`.
    pub kind: String,
    pub category: String,
    /// In thousandths of `unit`.
    pub value_milli: i64,
    pub unit: String,
    pub source: String,
    pub is_public: bool,
}

/// A hot spot: a place of crime or fear, and what makes it one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HotSpotData {
    pub year: i32,
    pub name: String,
    pub area: String,
    pub address: String,
    /// In millionths of a degree.
    pub latitude_micro: Option<i32>,
    pub longitude_micro: Option<i32>,
    pub reasons: String,
    pub is_public: bool,
}

/// A citizens' demand (Bürgeranliegen) with its source, place and who answers for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemandData {
    pub title: String,
    pub description: String,
    /// `survey`, `petition`, `resolution` or `other`.
    pub source_kind: String,
    pub source: String,
    pub hot_spot_id: Option<HotSpotId>,
    pub place: String,
    pub responsible_body_id: Option<BodyId>,
    pub responsible: String,
    /// `open`, `in_progress`, `done` or `rejected`.
    pub status: String,
    pub due_on: Option<NaiveDate>,
    pub is_public: bool,
}

/// An entry of the inventory of needs and resources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InventoryItemData {
    /// `offer`, `project`, `initiative` or `body`.
    pub kind: String,
    pub name: String,
    pub action_field_id: Option<ActionFieldId>,
    pub practice_id: Option<PracticeId>,
    pub catalogue_offer_id: Option<CatalogueOfferId>,
    pub provider: String,
    /// `covered`, `gap` or `overlap`.
    pub assessment: String,
    pub note: String,
}

/// A goal of the strategy: what, how and where, adopted by a body on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalData {
    pub action_field_id: Option<ActionFieldId>,
    pub title: String,
    pub what: String,
    pub how: String,
    pub place: String,
    pub demand_id: Option<DemandId>,
    pub adopting_body_id: Option<BodyId>,
    pub adopted_on: Option<NaiveDate>,
    pub is_public: bool,
}

impl From<action_field::Model> for Row<ActionFieldId, ActionFieldData> {
    fn from(m: action_field::Model) -> Self {
        Row {
            id: m.id,
            data: ActionFieldData {
                code: m.code,
                name: m.name,
                description: m.description,
                position: m.position,
            },
        }
    }
}

impl ActionFieldData {
    fn new_row(&self, id: ActionFieldId) -> action_field::New {
        action_field::New {
            id,
            code: self.code.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            position: self.position,
        }
    }
}

impl From<safety_figure::Model> for Row<SafetyFigureId, SafetyFigureData> {
    fn from(m: safety_figure::Model) -> Self {
        Row {
            id: m.id,
            data: SafetyFigureData {
                year: m.year,
                area: m.area,
                kind: m.kind,
                category: m.category,
                value_milli: m.value_milli,
                unit: m.unit,
                source: m.source,
                is_public: m.is_public,
            },
        }
    }
}

impl SafetyFigureData {
    fn new_row(&self, id: SafetyFigureId) -> safety_figure::New {
        safety_figure::New {
            id,
            year: self.year,
            area: self.area.clone(),
            kind: self.kind.clone(),
            category: self.category.clone(),
            value_milli: self.value_milli,
            unit: self.unit.clone(),
            source: self.source.clone(),
            is_public: self.is_public,
            created_at: Utc::now(),
        }
    }
}

impl From<hot_spot::Model> for Row<HotSpotId, HotSpotData> {
    fn from(m: hot_spot::Model) -> Self {
        Row {
            id: m.id,
            data: HotSpotData {
                year: m.year,
                name: m.name,
                area: m.area,
                address: m.address,
                latitude_micro: m.latitude_micro,
                longitude_micro: m.longitude_micro,
                reasons: m.reasons,
                is_public: m.is_public,
            },
        }
    }
}

impl HotSpotData {
    fn new_row(&self, id: HotSpotId) -> hot_spot::New {
        hot_spot::New {
            id,
            year: self.year,
            name: self.name.clone(),
            area: self.area.clone(),
            address: self.address.clone(),
            latitude_micro: self.latitude_micro,
            longitude_micro: self.longitude_micro,
            reasons: self.reasons.clone(),
            is_public: self.is_public,
            created_at: Utc::now(),
        }
    }
}

impl From<demand::Model> for Row<DemandId, DemandData> {
    fn from(m: demand::Model) -> Self {
        Row {
            id: m.id,
            data: DemandData {
                title: m.title,
                description: m.description,
                source_kind: m.source_kind,
                source: m.source,
                hot_spot_id: m.hot_spot_id,
                place: m.place,
                responsible_body_id: m.responsible_body_id,
                responsible: m.responsible,
                status: m.status,
                due_on: m.due_on,
                is_public: m.is_public,
            },
        }
    }
}

impl DemandData {
    fn new_row(&self, id: DemandId) -> demand::New {
        demand::New {
            id,
            title: self.title.clone(),
            description: self.description.clone(),
            source_kind: self.source_kind.clone(),
            source: self.source.clone(),
            hot_spot_id: self.hot_spot_id,
            place: self.place.clone(),
            responsible_body_id: self.responsible_body_id,
            responsible: self.responsible.clone(),
            status: self.status.clone(),
            due_on: self.due_on,
            reminded_on: None,
            is_public: self.is_public,
            created_at: Utc::now(),
        }
    }
}

impl From<inventory_item::Model> for Row<InventoryItemId, InventoryItemData> {
    fn from(m: inventory_item::Model) -> Self {
        Row {
            id: m.id,
            data: InventoryItemData {
                kind: m.kind,
                name: m.name,
                action_field_id: m.action_field_id,
                practice_id: m.practice_id,
                catalogue_offer_id: m.catalogue_offer_id,
                provider: m.provider,
                assessment: m.assessment,
                note: m.note,
            },
        }
    }
}

impl InventoryItemData {
    fn new_row(&self, id: InventoryItemId) -> inventory_item::New {
        inventory_item::New {
            id,
            kind: self.kind.clone(),
            name: self.name.clone(),
            action_field_id: self.action_field_id,
            practice_id: self.practice_id,
            catalogue_offer_id: self.catalogue_offer_id,
            provider: self.provider.clone(),
            assessment: self.assessment.clone(),
            note: self.note.clone(),
            created_at: Utc::now(),
        }
    }
}

impl From<goal::Model> for Row<GoalId, GoalData> {
    fn from(m: goal::Model) -> Self {
        Row {
            id: m.id,
            data: GoalData {
                action_field_id: m.action_field_id,
                title: m.title,
                what: m.what,
                how: m.how,
                place: m.place,
                demand_id: m.demand_id,
                adopting_body_id: m.adopting_body_id,
                adopted_on: m.adopted_on,
                is_public: m.is_public,
            },
        }
    }
}

impl GoalData {
    fn new_row(&self, id: GoalId) -> goal::New {
        goal::New {
            id,
            action_field_id: self.action_field_id,
            title: self.title.clone(),
            what: self.what.clone(),
            how: self.how.clone(),
            place: self.place.clone(),
            demand_id: self.demand_id,
            adopting_body_id: self.adopting_body_id,
            adopted_on: self.adopted_on,
            is_public: self.is_public,
            created_at: Utc::now(),
        }
    }
}

/// For each kind: a save (new when the id is `None`; answers the id, `None` when the id is
/// not this tenant's) and a delete (whether it found the record).
macro_rules! saved_whole {
    ($($save:ident, $delete:ident: $id:ident, $data:ident in $table:ident;)*) => {
        impl<C: TenantConnection> Tenant<'_, C> {
            $(
                pub async fn $save(
                    &self,
                    id: Option<$id>,
                    data: &$data,
                ) -> Result<Option<$id>, StoreError> {
                    let Some(id) = id else {
                        let id = $id::generate();
                        self.add_row(data.new_row(id)).await?;
                        return Ok(Some(id));
                    };
                    let found = self.changed(self.replace(data.new_row(id))).await?;
                    Ok(found.then_some(id))
                }

                pub async fn $delete(&self, id: $id) -> Result<bool, StoreError> {
                    let delete = self
                        .delete::<$table::Model>()
                        .filter($table::Column::Id.eq(id));
                    self.removed(delete).await
                }
            )*
        }
    };
}

saved_whole! {
    save_action_field, delete_action_field: ActionFieldId, ActionFieldData in action_field;
    save_safety_figure, delete_safety_figure: SafetyFigureId, SafetyFigureData in safety_figure;
    save_hot_spot, delete_hot_spot: HotSpotId, HotSpotData in hot_spot;
    save_demand, delete_demand: DemandId, DemandData in demand;
    save_inventory_item, delete_inventory_item: InventoryItemId, InventoryItemData in inventory_item;
    save_goal, delete_goal: GoalId, GoalData in goal;
}
