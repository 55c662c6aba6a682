//! The rules of procedure (Geschäftsordnung): adopted versions and the city council's notice.

use chrono::NaiveDate;
use praevnet_store::{MunicipalityId, RulesData, RulesId, RulesRecord};

use super::edit::{Changed, Record};
use super::input::RulesInput;
use crate::council::CouncilWork;
use crate::{Error, Principal, Result};

impl CouncilWork<'_> {
    /// Records a new version of the rules of procedure, adopted by a body on a date.
    pub async fn adopt_rules(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: RulesInput,
    ) -> Result<Changed<RulesRecord>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let data: RulesData = input.parse()?;
        if let Some(body) = data.adopted_by {
            edit.structure.body(body).ok_or(Error::NotFound)?;
        }
        let saved = edit.tenant().insert_rules(data).await?;
        self.finish(
            edit,
            principal,
            Record::new(
                "rules_of_procedure.adopted",
                "rules_of_procedure",
                Some(saved.id),
                format!(
                    "Geschäftsordnung Version {} beschlossen am {}",
                    saved.version, saved.data.adopted_on
                ),
            ),
            saved,
        )
        .await
    }

    /// Records when the city council was informed of a version (Halle: "zur Kenntnis").
    pub async fn record_rules_informed(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: RulesId,
        informed_on: Option<NaiveDate>,
    ) -> Result<Changed<()>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        if !edit.tenant().set_rules_informed(id, informed_on).await? {
            return Err(Error::NotFound);
        }
        self.finish(
            edit,
            principal,
            Record::new(
                "rules_of_procedure.informed",
                "rules_of_procedure",
                Some(id),
                "Kenntnisnahme des Stadtrats zur Geschäftsordnung eingetragen".to_owned(),
            ),
            (),
        )
        .await
    }
}
