//! Who is invited to a meeting or took part in it: members of the body and guests, with their
//! answer to the invitation and their attendance.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

use crate::tenant::{Tenant, TenantConnection, meeting_participant as participant};
use crate::{MeetingId, ParticipantId, PersonId, StoreError};

/// A participant's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipantData {
    pub meeting_id: MeetingId,
    /// The member of the structure; `None` for a guest from outside it.
    pub person_id: Option<PersonId>,
    pub name: String,
    pub email: Option<String>,
    pub is_guest: bool,
    pub invited_at: Option<DateTime<Utc>>,
    /// The SHA-256 of the answer link's secret.
    pub token_hash: Option<String>,
    /// The last day the answer link works.
    pub token_expires_on: Option<NaiveDate>,
    /// `""`, `yes`, `no` or `maybe`.
    pub response: String,
    pub responded_at: Option<DateTime<Utc>>,
    /// `present`, `excused` or `absent`, once recorded.
    pub attendance: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipantRecord {
    pub id: ParticipantId,
    pub data: ParticipantData,
}

impl From<participant::Model> for ParticipantRecord {
    fn from(m: participant::Model) -> Self {
        Self {
            id: m.id,
            data: ParticipantData {
                meeting_id: m.meeting_id,
                person_id: m.person_id,
                name: m.name,
                email: m.email,
                is_guest: m.is_guest,
                invited_at: m.invited_at,
                token_hash: m.token_hash,
                token_expires_on: m.token_expires_on,
                response: m.response,
                responded_at: m.responded_at,
                attendance: m.attendance,
            },
        }
    }
}

fn participant_row(id: ParticipantId, d: &ParticipantData) -> participant::New {
    let now = Utc::now();
    participant::New {
        id,
        meeting_id: d.meeting_id,
        person_id: d.person_id,
        name: d.name.clone(),
        email: d.email.clone(),
        is_guest: d.is_guest,
        invited_at: d.invited_at,
        token_hash: d.token_hash.clone(),
        token_expires_on: d.token_expires_on,
        response: d.response.clone(),
        responded_at: d.responded_at,
        attendance: d.attendance.clone(),
        created_at: now,
        updated_at: now,
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The participants of the given meetings: members first, then guests, by name.
    pub async fn participants(
        &self,
        meetings: &[MeetingId],
    ) -> Result<Vec<ParticipantRecord>, StoreError> {
        let query = self
            .rows::<participant::Model>()
            .filter(participant::Column::MeetingId.is_in(meetings.iter().copied()))
            .order_by_asc(participant::Column::IsGuest)
            .order_by_asc(participant::Column::Name)
            .order_by_asc(participant::Column::Id);
        self.records(query).await
    }

    /// The participant whose answer link has the secret hashed to `token_hash`.
    pub async fn participant_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<ParticipantRecord>, StoreError> {
        let query = self
            .rows::<participant::Model>()
            .filter(participant::Column::TokenHash.eq(token_hash));
        Ok(self.one(query).await?.map(Into::into))
    }

    pub async fn insert_participant(
        &self,
        data: ParticipantData,
    ) -> Result<ParticipantRecord, StoreError> {
        let id = ParticipantId::generate();
        self.add_row(participant_row(id, &data)).await?;
        Ok(ParticipantRecord { id, data })
    }

    /// Replaces a participant's fields; `false` when it is not this tenant's.
    pub async fn update_participant(
        &self,
        id: ParticipantId,
        data: &ParticipantData,
    ) -> Result<bool, StoreError> {
        self.changed(self.replace(participant_row(id, data))).await
    }

    /// Removes a person's name and address from the meetings they were invited to, when the
    /// person is erased: the attendance stays, as "erased".
    pub async fn erase_participant(
        &self,
        person: PersonId,
        placeholder: &str,
    ) -> Result<(), StoreError> {
        let update = self
            .update::<participant::Model>()
            .col_expr(participant::Column::Name, Expr::value(placeholder))
            .col_expr(
                participant::Column::Email,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                participant::Column::TokenHash,
                Expr::value(Option::<String>::None),
            )
            .filter(participant::Column::PersonId.eq(person));
        self.changed(update).await.map(|_| ())
    }
}
