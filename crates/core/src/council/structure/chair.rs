//! Who chairs the whole council and who deputises: often the mayor, who chairs no single body
//! but the council itself (Zwickau's and Leipzig's councils are mayor-led).

use praevnet_store::{MunicipalityId, PersonId};

use super::edit::{Changed, Record};
use crate::council::{CouncilProblem, CouncilWork};
use crate::{Error, Principal, Result};

impl CouncilWork<'_> {
    /// Sets (or, with `None`, clears) the council's chair and deputy; both are people of the
    /// council's structure. For the council's administrators.
    pub async fn set_council_chair(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        chair: Option<PersonId>,
        deputy: Option<PersonId>,
    ) -> Result<Changed<()>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        for person in [chair, deputy].into_iter().flatten() {
            edit.structure.person(person).ok_or(Error::NotFound)?;
        }
        if chair.is_some() && chair == deputy {
            return Err(Error::validation(
                "deputyChairId",
                CouncilProblem::ChairIsDeputy,
            ));
        }
        if !edit.tenant().set_council_chair(chair, deputy).await? {
            return Err(Error::conflict("chairId", CouncilProblem::NoCouncil));
        }
        self.finish(
            edit,
            principal,
            Record::new(
                "council.chair_set",
                "council",
                None::<PersonId>,
                "Vorsitz des Präventionsrats gesetzt".to_owned(),
            ),
            (),
        )
        .await
    }
}
