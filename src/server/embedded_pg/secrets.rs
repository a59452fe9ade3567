//! The cluster's passwords: random, kept in files only their owner can read.

use std::path::Path;

use anyhow::Context;

/// A secret kept in `path` (0600), made of 32 random bytes in hex on first use.
pub(super) fn secret(path: &Path) -> anyhow::Result<String> {
    if let Ok(text) = std::fs::read_to_string(path) {
        let text = text.trim().to_string();
        if !text.is_empty() {
            set_mode(path, 0o600)?;
            return Ok(text);
        }
    }
    let mut bytes = [0u8; 32];
    getrandom(&mut bytes)?;
    let value: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    write_secret(path, &value)?;
    Ok(value)
}

/// Writes `value` to a file only its owner can read.
pub(super) fn write_secret(path: &Path, value: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    set_mode(path, 0o600)?;
    file.write_all(value.as_bytes())?;
    Ok(())
}

pub(super) fn set_mode(path: &Path, mode: u32) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .with_context(|| format!("chmod {mode:o} {}", path.display()))
}

/// Random bytes from the kernel.
fn getrandom(buffer: &mut [u8]) -> anyhow::Result<()> {
    use std::io::Read;
    std::fs::File::open("/dev/urandom")?.read_exact(buffer)?;
    Ok(())
}
