//! Account roles: learners learn, authors edit content, admins also grant roles.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::Type, utoipa::ToSchema))]
#[cfg_attr(
    feature = "ssr",
    sqlx(type_name = "account_role", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Learner,
    Author,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Learner, Role::Author, Role::Admin];

    pub fn title(self) -> &'static str {
        match self {
            Role::Learner => "Ученик",
            Role::Author => "Автор",
            Role::Admin => "Администратор",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Author => "author",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Authors and admins edit content.
    pub fn can_author(self) -> bool {
        self >= Role::Author
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_back_from_their_names_and_only_authors_and_admins_author() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
        assert!(!Role::Learner.can_author());
        assert!(Role::Author.can_author() && Role::Admin.can_author());
    }
}
