//! Meetings of a council's bodies. Who sees a meeting follows who sees its body (public bodies'
//! meetings are public, as in OParl); managers and the body's chair, deputy or moderator
//! record and change them.

use chrono::{NaiveDate, NaiveTime};
use praevnet_store::{BodyId, MeetingData, MeetingId, MeetingRecord, MunicipalityId};

use crate::access::CouncilAccess;
use crate::audit::{self, Change};
use crate::council::CouncilWork;
use crate::council::structure::{Structure, access};
use crate::kernel::text::{bounded_text, required_text};
use crate::{Error, Principal, Problem, Result};

const LOCATION_MAX: usize = 500;

/// A meeting with its body's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub id: MeetingId,
    pub body_id: BodyId,
    pub body_name: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub start_time: Option<String>,
    pub location: String,
    pub cancelled: bool,
    /// Whether the caller may change it.
    pub editable: bool,
}

#[derive(Clone, Debug)]
pub struct MeetingInput {
    pub body_id: BodyId,
    pub title: String,
    pub starts_on: NaiveDate,
    pub start_time: Option<String>,
    pub location: String,
    pub cancelled: bool,
}

impl MeetingInput {
    fn parse(self) -> Result<MeetingData> {
        let start_time = match self.start_time.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(
                NaiveTime::parse_from_str(text, "%H:%M")
                    .map_err(|_| Error::validation("startTime", Problem::TimeFormat))?
                    .format("%H:%M")
                    .to_string(),
            ),
        };
        let location = bounded_text("location", &self.location, LOCATION_MAX)?;
        Ok(MeetingData {
            body_id: self.body_id,
            title: required_text("title", &self.title, 200)?,
            starts_on: self.starts_on,
            start_time,
            location,
            cancelled: self.cancelled,
        })
    }
}

fn meeting(
    record: MeetingRecord,
    structure: &Structure,
    access: &CouncilAccess,
) -> Option<Meeting> {
    let body = structure
        .body(record.data.body_id)
        .filter(|b| b.visible_to(access))?;
    Some(Meeting {
        id: record.id,
        body_id: body.id,
        body_name: body.name.clone(),
        editable: access.edits(body.id),
        title: record.data.title,
        starts_on: record.data.starts_on,
        start_time: record.data.start_time,
        location: record.data.location,
        cancelled: record.data.cancelled,
    })
}

impl CouncilWork<'_> {
    /// The meetings the caller may see, from `since` on.
    pub async fn meetings(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        since: Option<NaiveDate>,
    ) -> Result<Vec<Meeting>> {
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        let tenant = self.services.store.tenant(municipality);
        let structure: Structure = tenant.structure().await?.try_into()?;
        let access = access(principal, &target, &structure);
        Ok(tenant
            .meetings(since)
            .await?
            .into_iter()
            .filter_map(|r| meeting(r, &structure, &access))
            .collect())
    }

    /// Records a meeting, or changes one (`id`): managers and the body's leads. A body the
    /// caller cannot see, or a meeting of another tenant, is answered as unknown.
    pub async fn save_meeting(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<MeetingId>,
        input: MeetingInput,
    ) -> Result<Meeting> {
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        principal.require_login()?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let structure: Structure = tenant.structure().await?.try_into()?;
        let access = access(principal, &target, &structure);
        access.require_internal()?;
        let may_edit =
            |body: BodyId| access.require_edit(structure.body(body).map(|b| (b.id, b.public)));
        if let Some(id) = id {
            let current = tenant.meeting(id).await?.ok_or(Error::NotFound)?;
            may_edit(current.data.body_id)?;
        }
        may_edit(input.body_id)?;
        let data = input.parse()?;
        let saved = match id {
            Some(id) => {
                if !tenant.update_meeting(id, &data).await? {
                    return Err(Error::NotFound);
                }
                MeetingRecord { id, data }
            }
            None => tenant.insert_meeting(data).await?,
        };
        let action = if id.is_some() {
            "meeting.updated"
        } else {
            "meeting.recorded"
        };
        let summary = format!(
            "Sitzung „{}“ am {}",
            saved.data.title,
            saved.data.starts_on.format("%d.%m.%Y")
        );
        let change = Change::of_municipality(&target, action, "meeting", saved.id, summary);
        audit::commit(writes, principal, change).await?;
        meeting(saved, &structure, &access).ok_or(Error::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(time: Option<&str>) -> MeetingInput {
        MeetingInput {
            body_id: BodyId::from_uuid(uuid::Uuid::nil()),
            title: " Sitzung der Steuerungsgruppe ".into(),
            starts_on: NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
            start_time: time.map(str::to_owned),
            location: "Ratshof".into(),
            cancelled: false,
        }
    }

    #[test]
    fn times_are_hours_and_minutes() {
        let data = input(Some("9:30")).parse().expect("valid");
        assert_eq!(data.start_time.as_deref(), Some("09:30"));
        assert_eq!(data.title, "Sitzung der Steuerungsgruppe");
        assert_eq!(input(Some(" ")).parse().expect("empty").start_time, None);
        assert_eq!(
            input(Some("25:00")).parse().expect_err("hour").field(),
            Some("startTime")
        );
    }
}
