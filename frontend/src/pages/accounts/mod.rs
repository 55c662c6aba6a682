//! Accounts: logging in, and setting a password from a mailed link (invitation or reset).

mod login;
mod password;
pub(crate) mod texts;

pub use login::Login;
pub use password::{AcceptInvitation, ForgotPassword, ResetPassword};
// The answer link to a meeting invitation carries its token the same way.
pub(crate) use password::take_link_token;
