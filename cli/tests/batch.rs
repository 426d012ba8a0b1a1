//! The command line's batch mode: many files cleaned on several threads
//! give the same files as one after the other.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the cases folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".src."))
        .collect();
    files.sort();
    files
}

fn run(jobs: &str, out: &Path, files: &[PathBuf]) {
    let status = Command::new(env!("CARGO_BIN_EXE_gleaner"))
        .args(["--format", "json", "--jobs", jobs, "--out"])
        .arg(out)
        .args(files)
        .status()
        .expect("gleaner runs");
    assert!(status.success());
}

#[test]
fn parallel_batch_writes_what_one_thread_writes() {
    let files = cases();
    assert!(files.len() > 10, "the cases are there");
    let tmp = std::env::temp_dir().join(format!("gleaner-batch-{}", std::process::id()));
    let (one, four) = (tmp.join("one"), tmp.join("four"));
    run("1", &one, &files);
    run("4", &four, &files);
    let mut names: Vec<_> = std::fs::read_dir(&one)
        .expect("written")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort();
    assert_eq!(names.len(), files.len());
    for name in names {
        let a = std::fs::read(one.join(&name)).expect("one thread's file");
        let b = std::fs::read(four.join(&name)).expect("four threads' file");
        assert!(a == b, "{name:?} differs");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn jobs_must_be_a_positive_number() {
    let out = Command::new(env!("CARGO_BIN_EXE_gleaner"))
        .args(["--jobs", "0", "-"])
        .output()
        .expect("gleaner runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--jobs needs a number above 0"));
}
