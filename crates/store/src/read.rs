//! The tail every list read shares: run the query, turn each row into the record the rest of
//! the store hands out.

use sea_orm::{ConnectionTrait, EntityTrait, Select};

use crate::error::StoreError;

pub(crate) async fn records<E, R>(
    query: Select<E>,
    db: &impl ConnectionTrait,
) -> Result<Vec<R>, StoreError>
where
    E: EntityTrait,
    R: From<E::Model>,
{
    Ok(query.all(db).await?.into_iter().map(R::from).collect())
}
