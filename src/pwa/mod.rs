//! The installable app: the web manifest (public/manifest.webmanifest), the service
//! worker that keeps opened topics readable offline and queues answers, and the
//! bits of page that talk about it (network status, «Установить приложение»).
//!
//! Offline grading: answers given offline are queued **ungraded** and graded by the
//! server when they are sent. Answer keys never reach the device before the learner
//! has answered (DESIGN.md), at the price of no instant feedback while offline.

mod install_card;
mod net_status;
mod offline_page;

#[cfg(feature = "ssr")]
pub mod assets;

pub use install_card::InstallCard;
pub use net_status::NetStatus;
pub use offline_page::OfflinePage;

stylance::import_style!(style, "pwa.module.css");
