//! Passwords: argon2id hashes (the argon2 crate's default), and the rules a new
//! password must meet.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// `hash` off the async workers: argon2 takes tens of milliseconds of CPU.
pub async fn hash_blocking(password: String) -> Result<String, crate::error::AppError> {
    tokio::task::spawn_blocking(move || hash(&password))
        .await
        .map_err(|_| crate::error::AppError::Internal)?
        .map_err(|_| crate::error::AppError::Internal)
}

/// `verify` off the async workers. Without an account (`hash` None) it verifies
/// against a fixed hash of a random password, so that a login for an unknown
/// e-mail takes as long as a wrong password and does not reveal who has an account.
pub async fn verify_blocking(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match hash {
        Some(hash) => verify(&password, &hash),
        None => {
            verify(&password, dummy_hash());
            false
        }
    })
    .await
    .unwrap_or(false)
}

fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let random = uuid::Uuid::new_v4().to_string();
        hash(&random).unwrap_or_default()
    })
}

/// Why a password is too weak, in words a learner reads; None when it is fine.
pub fn weakness(password: &str) -> Option<&'static str> {
    if password.chars().count() < 8 {
        Some("Пароль слишком короткий: нужно не меньше 8 символов.")
    } else if password.chars().count() > 128 {
        Some("Пароль слишком длинный: не больше 128 символов.")
    } else if !password.chars().any(char::is_alphabetic)
        || !password.chars().any(|c| c.is_ascii_digit())
    {
        Some("Пароль слишком простой: добавьте и буквы, и цифры.")
    } else {
        None
    }
}

/// A rough e-mail check: something@domain.tld without spaces.
pub fn is_email(email: &str) -> bool {
    let Some((user, domain)) = email.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(char::is_whitespace)
        && email.len() <= 254
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let h = hash("secret123").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("secret123", &h));
        assert!(!verify("secret124", &h));
        assert!(!verify("secret123", "not a hash"));
    }

    #[tokio::test]
    async fn an_unknown_account_is_checked_against_a_real_hash_and_refused() {
        // The dummy is a real argon2id hash, so verifying against it costs what a
        // wrong password costs.
        let parsed = PasswordHash::new(dummy_hash()).expect("a real argon2 hash");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(!verify_blocking("python2026".into(), None).await);
        let hash = hash_blocking("python2026".into()).await.unwrap();
        assert!(verify_blocking("python2026".into(), Some(hash.clone())).await);
        assert!(!verify_blocking("python2027".into(), Some(hash)).await);
    }

    #[test]
    fn weak_passwords_are_named() {
        assert!(weakness("abc1").unwrap().contains("короткий"));
        assert!(weakness("abcdefghij").unwrap().contains("простой"));
        assert!(weakness("12345678").unwrap().contains("простой"));
        assert_eq!(weakness("пароль2024"), None);
    }

    #[test]
    fn emails_need_a_user_and_a_dotted_domain() {
        assert!(is_email("a@b.ru"));
        for bad in ["", "a", "a@b", "@b.ru", "a@.ru", "a b@c.ru"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
