//! Passwords: the policy for new ones, and argon2id hashing and verification.
//!
//! Hashing is deliberately slow, so it runs on the blocking thread pool, not on the threads
//! that serve requests.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::accounts::AccountsProblem;
use crate::{Error, Problem};

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 256;

/// argon2id with 19 MiB memory, 2 passes, 1 lane: the OWASP recommendation (2024) for
/// argon2id, about 20 ms per hash on this project's reference machine (see the README).
pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

/// Hashing runs at most once per CPU at a time: more would not be faster, only hold more
/// 19 MiB blocks and more blocking threads (a login flood measured 4 GiB of RSS without it).
fn hashing_permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS
        .get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// Runs an argon2 computation on the blocking pool, waiting for a permit first.
async fn with_argon2<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    let _permit = hashing_permits()
        .acquire()
        .await
        .map_err(|e| Error::Internal(format!("hashing permits closed: {e}")))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("hashing task failed: {e}")))
}

fn argon2() -> Argon2<'static> {
    // The constants are valid parameters; `Params::new` only fails outside argon2's ranges.
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Refuses passwords that are short or easy to guess: zxcvbn knows the lists of the most
/// common passwords, keyboard walks, dates and the user's own name and address.
pub fn check_policy(password: &str, user_inputs: &[&str]) -> Result<(), Error> {
    let length = password.chars().count();
    if length < MIN_LEN {
        return Err(Error::validation(
            "password",
            AccountsProblem::PasswordTooShort { min: MIN_LEN },
        ));
    }
    if length > MAX_LEN {
        return Err(Error::validation(
            "password",
            Problem::TooLong { max: MAX_LEN },
        ));
    }
    // The user's address and name count as known words, whole and in parts ("halle" of
    // "koordinierung@halle.de").
    let mut inputs = vec!["praevnet", "praevention", "präventionsrat", "passwort"];
    for input in user_inputs {
        inputs.push(input);
        inputs.extend(
            input
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3),
        );
    }
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if (estimate.score() as u8) < 3 {
        return Err(Error::validation(
            "password",
            AccountsProblem::PasswordTooGuessable,
        ));
    }
    Ok(())
}

/// Hashes a password for storage (PHC string with salt and parameters).
pub async fn hash(password: String) -> Result<String, Error> {
    with_argon2(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::Internal(format!("hashing failed: {e}")))
    })
    .await?
}

/// A hash of a random password, verified against when an account has none, so that an
/// unknown e-mail address costs the same time as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(salt.as_str().as_bytes(), &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Makes the decoy hash now, so that not even the first login for an unknown address takes
/// longer than one with a wrong password.
pub async fn prepare() -> Result<(), Error> {
    with_argon2(|| {
        decoy_hash();
    })
    .await
}

/// Whether `password` matches `stored`; with no stored hash it still does the full work.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, Error> {
    with_argon2(move || {
        let real = stored.is_some();
        let stored = stored.unwrap_or_else(|| decoy_hash().to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        let matches = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        real && matches
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_short_passwords_are_refused() {
        for weak in [
            "password123",
            "qwertzuiop",
            "1234567890",
            "halle2024!",
            "Passwort123",
        ] {
            let err = check_policy(weak, &["koordinierung@halle.de"]).expect_err(weak);
            assert_eq!(err.field(), Some("password"), "{weak}");
        }
        let err = check_policy("kurz", &[]).expect_err("short");
        assert!(matches!(
            err,
            Error::Validation {
                problem: Problem::Accounts(AccountsProblem::PasswordTooShort { .. }),
                ..
            }
        ));
        check_policy("Nachtwächter-Eule-Saale-47", &[]).expect("a strong passphrase passes");
    }

    /// An unknown account is checked against a decoy made with the same parameters, so it
    /// costs the same argon2 work as a wrong password (the figures are in the benchmark).
    #[test]
    fn the_decoy_costs_what_a_real_hash_costs() {
        assert!(
            decoy_hash().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{}",
            decoy_hash()
        );
    }

    #[tokio::test]
    async fn hashes_verify_and_use_argon2id() {
        let stored = hash("Nachtwächter-Eule-Saale-47".into())
            .await
            .expect("hash");
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(
            verify("Nachtwächter-Eule-Saale-47".into(), Some(stored.clone()))
                .await
                .expect("ok")
        );
        assert!(!verify("falsch".into(), Some(stored)).await.expect("ok"));
        assert!(
            !verify("Nachtwächter-Eule-Saale-47".into(), None)
                .await
                .expect("ok")
        );
    }
}
