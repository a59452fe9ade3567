//! Mastery (0.0–1.0) as learners see it.

/// Stars (0–5) for a mastery (0–1).
pub fn stars(mastery: f32) -> f32 {
    (mastery.clamp(0.0, 1.0) * 5.0 * 10.0).round() / 10.0
}

/// 0–100, as shown next to a topic.
pub fn percent(mastery: f32) -> u8 {
    (mastery.clamp(0.0, 1.0) * 100.0).round() as u8
}
