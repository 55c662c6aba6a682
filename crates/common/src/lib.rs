//! What the server's domain and the WebAssembly app share, so that nothing is written twice:
//! the languages, the closed code lists with their labels, and how numbers and money are
//! written. Pure Rust without dependencies, so it compiles for the browser as well.

#[macro_use]
mod codes;

pub mod federal_state;
pub mod lang;
pub mod money;
pub mod vocabulary;

pub use federal_state::FederalState;
pub use lang::Lang;
pub use money::{euros, group_thousands};
