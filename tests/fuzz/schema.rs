//! The schema, as far as the generator needs it.

use super::*;

/// An argument or a field of an input object.
#[derive(Clone)]
pub(super) struct Input {
    pub(super) name: String,
    pub(super) ty: Type,
    /// Non-null without a default: a request without it is invalid.
    pub(super) required: bool,
}

#[derive(Clone)]
pub(super) struct Field {
    pub(super) name: String,
    pub(super) args: Vec<Input>,
    pub(super) ty: Type,
}

pub(super) enum Kind {
    Object(Vec<Field>),
    InputObject(Vec<Input>),
    Enum(Vec<String>),
    /// Interfaces and unions: only `__typename` is selected.
    Abstract,
    Leaf,
}

/// A root field with its selection set.
pub(super) struct Root {
    pub(super) operation: &'static str,
    pub(super) field: Field,
    pub(super) selection: String,
}

pub(super) struct Schema {
    pub(super) kinds: BTreeMap<String, Kind>,
    pub(super) roots: Vec<Root>,
}

impl Schema {
    pub(super) fn load() -> Schema {
        let document = parse_schema(SDL).expect("the committed SDL parses");
        let mut kinds = BTreeMap::new();
        for definition in document.definitions {
            if let TypeSystemDefinition::Type(definition) = definition {
                let definition = definition.node;
                kinds.insert(definition.name.node.to_string(), kind_of(definition.kind));
            }
        }
        let mut schema = Schema {
            kinds,
            roots: Vec::new(),
        };
        let mut roots = Vec::new();
        for (operation, type_name) in [("query", "Query"), ("mutation", "Mutation")] {
            let Some(Kind::Object(fields)) = schema.kinds.get(type_name) else {
                panic!("the SDL has no type {type_name}");
            };
            for field in fields {
                roots.push(Root {
                    operation,
                    field: field.clone(),
                    selection: schema.selection(&field.ty, 0),
                });
            }
        }
        schema.roots = roots;
        schema
    }

    /// Scalars (built-in ones are not in the SDL) and enums have no selection set.
    pub(super) fn is_leaf(&self, ty: &Type) -> bool {
        matches!(
            self.kinds.get(base_name(ty)),
            None | Some(Kind::Leaf | Kind::Enum(_))
        )
    }

    /// What to select of a field of type `ty`: nothing of a leaf; of an object its leaves
    /// without required arguments, and at the top its nested objects' leaves.
    pub(super) fn selection(&self, ty: &Type, depth: usize) -> String {
        match self.kinds.get(base_name(ty)) {
            Some(Kind::Object(fields)) => {
                let mut parts = Vec::new();
                for field in fields.iter().filter(|f| f.args.iter().all(|a| !a.required)) {
                    if self.is_leaf(&field.ty) {
                        parts.push(field.name.clone());
                    } else if depth == 0 {
                        parts.push(format!("{} {}", field.name, self.selection(&field.ty, 1)));
                    }
                }
                if parts.is_empty() {
                    parts.push("__typename".to_owned());
                }
                format!("{{ {} }}", parts.join(" "))
            }
            Some(Kind::Abstract) => "{ __typename }".to_owned(),
            _ => String::new(),
        }
    }

    /// The root fields `caller` gets to call.
    pub(super) fn operations(&self, caller: &Caller) -> Vec<usize> {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, root)| {
                caller.cookie.is_none() || !ENDS_SESSION.contains(&root.field.name.as_str())
            })
            .map(|(index, _)| index)
            .collect()
    }
}

pub(super) fn kind_of(kind: TypeKind) -> Kind {
    match kind {
        TypeKind::Object(object) => {
            Kind::Object(object.fields.iter().map(|f| field_of(&f.node)).collect())
        }
        TypeKind::InputObject(input) => {
            Kind::InputObject(input.fields.iter().map(|f| input_of(&f.node)).collect())
        }
        TypeKind::Enum(values) => Kind::Enum(
            values
                .values
                .iter()
                .map(|v| v.node.value.node.to_string())
                .collect(),
        ),
        TypeKind::Interface(_) | TypeKind::Union(_) => Kind::Abstract,
        TypeKind::Scalar => Kind::Leaf,
    }
}

pub(super) fn field_of(field: &FieldDefinition) -> Field {
    Field {
        name: field.name.node.to_string(),
        args: field.arguments.iter().map(|a| input_of(&a.node)).collect(),
        ty: field.ty.node.clone(),
    }
}

pub(super) fn input_of(input: &InputValueDefinition) -> Input {
    Input {
        name: input.name.node.to_string(),
        ty: input.ty.node.clone(),
        required: !input.ty.node.nullable && input.default_value.is_none(),
    }
}

/// The named type inside any lists.
pub(super) fn base_name(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(item) => base_name(item),
    }
}
