//! What one request may ask of the server: how many fields, how many at its root, how deep,
//! and how many root fields run at once.
//!
//! The engine's complexity limit prices each field; it does not stop a small document with
//! hundreds of aliases from fanning out into hundreds of concurrent resolvers, each holding a
//! database connection and memory. These bounds are checked on the parsed document, before
//! validation, so a refused request costs only its parse; fragments are expanded while counting
//! and the walk stops at the first bound crossed, so a document built to expand exponentially
//! costs no more than the bound.
//!
//! [`crate::ApiSchema::execute`] checks them before the engine runs; the root fields' share is
//! kept by [`crate::root`].

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use praevnet_core::Problem;

/// The request shape's bounds; see [`crate::SchemaOptions`] for the values.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bounds {
    /// Fields in the whole document, fragments expanded (aliases count each time).
    pub max_fields: usize,
    /// Fields at an operation's root: each starts its own resolver.
    pub max_root_fields: usize,
    /// Deepest nesting outside introspection.
    pub max_depth: usize,
    /// Deepest nesting inside `__schema` and `__type`: the standard introspection query of
    /// GraphiQL and other tools nests type references about a dozen levels deep.
    pub max_introspection_depth: usize,
    /// Root fields of one request resolved at the same time: a query's root fields run
    /// concurrently, and each may hold a database connection while it runs.
    pub concurrent_root_fields: usize,
}

/// Where the walk stands: fields counted so far, in all and at the operation's root, and the
/// bounds.
struct Walk<'a> {
    document: &'a ExecutableDocument,
    bounds: &'a Bounds,
    fields: usize,
    roots: usize,
}

/// Checks every operation of the document against the bounds.
pub(crate) fn check(document: &ExecutableDocument, bounds: &Bounds) -> Result<(), Problem> {
    let mut walk = Walk {
        document,
        bounds,
        fields: 0,
        roots: 0,
    };
    for (_, operation) in document.operations.iter() {
        walk.roots = 0;
        walk.selections(&operation.node.selection_set.node, 1, false, 0)?;
    }
    Ok(())
}

/// Fragment spreads nested deeper than this are a cycle (which validation would refuse
/// later); the walk stops there instead of looping.
const FRAGMENT_NESTING_MAX: usize = 32;

impl Walk<'_> {
    /// Counts the fields of a selection set at `depth` (1 at the root) and checks the depth;
    /// `introspection` is set inside `__schema` and `__type`.
    fn selections(
        &mut self,
        set: &SelectionSet,
        depth: usize,
        introspection: bool,
        nesting: usize,
    ) -> Result<(), Problem> {
        if nesting > FRAGMENT_NESTING_MAX {
            return Err(Problem::MalformedRequest);
        }
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    // A fragment spread at the root adds its fields to the root.
                    if depth == 1 {
                        self.roots += 1;
                        if self.roots > self.bounds.max_root_fields {
                            return Err(Problem::TooManyRootFields {
                                max: self.bounds.max_root_fields,
                            });
                        }
                    }
                    self.fields += 1;
                    if self.fields > self.bounds.max_fields {
                        return Err(Problem::TooManyFields {
                            max: self.bounds.max_fields,
                        });
                    }
                    let name = field.node.name.node.as_str();
                    let introspection =
                        introspection || (depth == 1 && matches!(name, "__schema" | "__type"));
                    let max = if introspection {
                        self.bounds.max_introspection_depth
                    } else {
                        self.bounds.max_depth
                    };
                    if depth > max {
                        return Err(Problem::TooDeep { max });
                    }
                    self.selections(
                        &field.node.selection_set.node,
                        depth + 1,
                        introspection,
                        nesting,
                    )?;
                }
                Selection::FragmentSpread(spread) => {
                    if let Some(fragment) =
                        self.document.fragments.get(&spread.node.fragment_name.node)
                    {
                        self.selections(
                            &fragment.node.selection_set.node,
                            depth,
                            introspection,
                            nesting + 1,
                        )?;
                    }
                }
                Selection::InlineFragment(inline) => {
                    self.selections(
                        &inline.node.selection_set.node,
                        depth,
                        introspection,
                        nesting + 1,
                    )?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    const BOUNDS: Bounds = Bounds {
        max_fields: 50,
        max_root_fields: 5,
        max_depth: 4,
        max_introspection_depth: 8,
        concurrent_root_fields: 2,
    };

    fn checked(query: &str) -> Result<(), Problem> {
        check(&parse_query(query).expect("parses"), &BOUNDS)
    }

    #[test]
    fn aliases_at_the_root_count_each() {
        assert!(checked("{ a: search { total } b: search { total } }").is_ok());
        let many: String = (0..6)
            .map(|i| format!("a{i}: search {{ total }} "))
            .collect();
        assert_eq!(
            checked(&format!("{{ {many} }}")),
            Err(Problem::TooManyRootFields { max: 5 })
        );
        let spread = "query { ...F ...F } fragment F on Query { a: x b: x c: x }";
        assert_eq!(checked(spread), Err(Problem::TooManyRootFields { max: 5 }));
    }

    #[test]
    fn fragments_are_expanded_and_their_explosion_stops_at_the_bound() {
        let mut query = String::from("{ ...F0 }\n");
        for i in 0..20 {
            query.push_str(&format!(
                "fragment F{i} on Query {{ a {{ ...F{} ...F{} }} }}\n",
                i + 1,
                i + 1
            ));
        }
        query.push_str("fragment F20 on Query { x }");
        assert!(matches!(
            checked(&query),
            Err(Problem::TooManyFields { .. } | Problem::TooDeep { .. })
        ));
        let cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
        assert_eq!(checked(cycle), Err(Problem::MalformedRequest));
    }

    #[test]
    fn introspection_may_nest_deeper_than_data() {
        assert_eq!(
            checked("{ a { b { c { d { e } } } } }"),
            Err(Problem::TooDeep { max: 4 })
        );
        assert!(
            checked("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }")
                .is_ok()
        );
        assert!(
            checked("{ __type(name: \"X\") { a { b { c { d { e { f { g { h } } } } } } } } }")
                .is_err()
        );
    }
}
