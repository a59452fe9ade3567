use leptos::prelude::*;

stylance::import_style!(style, "stars.module.css");

/// A 0–5 rating with fractional fill, announced as «Рейтинг N из 5».
#[component]
pub fn Stars(value: f32) -> impl IntoView {
    let value = value.clamp(0.0, 5.0);
    let label = format!("Рейтинг {} из 5", format_rating(value));
    view! {
        <span class=style::stars role="img" aria-label=label.clone() title=label>
            {(0..5)
                .map(|i| {
                    let fill = (value - i as f32).clamp(0.0, 1.0);
                    view! {
                        <span class=style::star aria-hidden="true">
                            <svg viewBox="0 0 24 24" class=style::outline><path d=STAR/></svg>
                            <span class=style::fill style=format!("width:{}%", (fill * 100.0).round())>
                                <svg viewBox="0 0 24 24"><path d=STAR/></svg>
                            </span>
                        </span>
                    }
                })
                .collect_view()}
        </span>
    }
}

const STAR: &str = "M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z";

/// "0", "2,5", "5": Russian decimal comma, one decimal at most.
pub fn format_rating(value: f32) -> String {
    let tenths = (value * 10.0).round() as i32;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::format_rating;

    #[test]
    fn ratings_use_a_decimal_comma_and_drop_zero_tenths() {
        assert_eq!(format_rating(0.0), "0");
        assert_eq!(format_rating(2.5), "2,5");
        assert_eq!(format_rating(4.96), "5");
    }
}
