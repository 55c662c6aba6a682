//! Closed sets of values that are stored as codes and shown with a label in each language.

/// Declares an enum with its stored code and its German and English labels, so that the three
/// can never drift apart.
#[macro_export]
macro_rules! codes {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal, $de:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }
            pub fn parse(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
            pub fn label(self, lang: $crate::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, $crate::Lang::De) => $de, ($name::$variant, $crate::Lang::En) => $en,)+
                }
            }
        }
    };
}
