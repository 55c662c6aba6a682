//! Who is acting, and the authorisation policy that use cases check.

/// The actor behind a request or a job.
///
/// Until accounts exist, the only privileged actor from outside is the bootstrap platform
/// administrator named in the configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    /// The platform operator.
    PlatformAdmin,
    /// The platform itself, e.g. when it loads demo data at first start.
    System,
}

impl Principal {
    /// Platform-wide changes: creating and editing municipalities.
    pub(crate) fn require_platform_admin(&self) -> crate::Result<()> {
        match self {
            Principal::PlatformAdmin | Principal::System => Ok(()),
            Principal::Anonymous => Err(crate::Error::Unauthenticated),
        }
    }
}
