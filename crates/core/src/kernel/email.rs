//! E-mail addresses: the login name of every account.

use std::fmt;

use crate::{Error, Problem};

/// A plausible address, trimmed and in lower case so that one person has one account.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_LEN: usize = 254;

    /// Checks the shape only (one `@`, a dotted domain, no spaces); that the mailbox exists is
    /// proven by the invitation mail.
    pub fn parse(input: &str) -> Result<EmailAddress, Error> {
        let value = input.trim().to_lowercase();
        let well_formed = value.len() <= Self::MAX_LEN
            && !value.chars().any(|c| c.is_whitespace() || c.is_control())
            && match value.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if well_formed {
            Ok(EmailAddress(value))
        } else {
            Err(Error::validation("email", Problem::EmailFormat))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::EmailAddress;

    #[test]
    fn normalised_and_checked() {
        let email = EmailAddress::parse("  Koordinierung@Halle.DE ").expect("valid");
        assert_eq!(email.as_str(), "koordinierung@halle.de");
        for bad in [
            "", "halle.de", "a@b", "a @b.de", "a@@b.de", "@b.de", "a@.de", "a@b.de.",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }
}
