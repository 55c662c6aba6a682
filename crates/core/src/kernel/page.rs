//! Listings come in pages, so that one request cannot read a whole table.

use crate::{Error, Problem, Result};

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
