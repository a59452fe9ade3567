//! Pieces shared by every page.

mod frame;
mod logo;
mod pages;
mod stars;

pub use frame::Frame;
pub use logo::Logo;
pub use pages::{Crumbs, ErrorPage, Loading, NotFound};
pub use stars::Stars;
