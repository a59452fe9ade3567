//! Pieces shared by every page.

mod form_error;
mod frame;
mod logo;
mod pages;
mod stars;

pub use form_error::FormError;
pub use frame::Frame;
pub use logo::Logo;
pub use pages::{shown, Crumbs, ErrorPage, Loading, NotFound};
pub use stars::{format_rating, Stars};
