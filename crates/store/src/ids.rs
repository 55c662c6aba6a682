//! Typed ids, so that a council id can never be passed where a municipality id belongs.

use std::fmt;

use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            /// A new time-ordered (v7) id: unguessable in URLs, yet index friendly.
            pub(crate) fn generate() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// Id of a municipality, the tenant.
    MunicipalityId
);
typed_id!(
    /// Id of a municipality's prevention council.
    CouncilId
);
typed_id!(
    /// Id of a user account.
    UserId
);
typed_id!(
    /// Id of one role granted to a user.
    GrantId
);
