//! The sandbox against real Python, as the sandbox user.

use super::*;

#[tokio::test]
async fn a_snippet_prints_what_python_prints_as_the_sandbox_user() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    if !is_root() {
        assert!(sandbox.off_reason().is_some());
        return;
    }
    assert_eq!(sandbox.off_reason(), None);
    let out = sandbox
        .run_python("import os\nprint(1 + 1)\nprint('привет', os.getuid())")
        .await
        .unwrap();
    assert_eq!(out.stdout, "2\nпривет 65534\n");
    assert_eq!(out.exit_code, Some(0));
}

#[tokio::test]
async fn without_bubblewrap_code_running_is_off_and_says_why() {
    let config = SandboxConfig {
        bwrap: "/nonexistent/bwrap".into(),
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::start(config).await;
    let reason = sandbox.off_reason().expect("off").to_string();
    assert!(reason.contains("bubblewrap"), "{reason}");
    let err = sandbox.run_python("print(1)").await.unwrap_err();
    assert_eq!(err, SandboxError::Off(reason));
}

#[tokio::test]
async fn uid_zero_is_refused_at_start() {
    let config = SandboxConfig {
        uid: 0,
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::start(config).await;
    assert!(sandbox.off_reason().is_some());
}
