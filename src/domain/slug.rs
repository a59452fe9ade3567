//! What a slug is: the one rule for URLs, shared by the seeds, /admin and the API.

/// The longest slug, and `is_slug` as the regular expression the API documents.
pub const MAX_SLUG_CHARS: usize = 80;
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// The longest title of anything authored.
pub const MAX_TITLE_CHARS: usize = 300;

/// `intro-to-python`: lowercase latin letters and digits in dash-separated words.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_CHARS
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
