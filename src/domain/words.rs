/// Russian plural: 1 модуль, 2 модуля, 5 модулей.
pub fn plural(n: i64, one: &str, few: &str, many: &str) -> String {
    let word = match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn russian_plurals_follow_the_last_digits() {
        assert_eq!(plural(1, "тема", "темы", "тем"), "1 тема");
        assert_eq!(plural(3, "тема", "темы", "тем"), "3 темы");
        assert_eq!(plural(11, "тема", "темы", "тем"), "11 тем");
        assert_eq!(plural(22, "тема", "темы", "тем"), "22 темы");
        assert_eq!(plural(0, "тема", "темы", "тем"), "0 тем");
    }
}
