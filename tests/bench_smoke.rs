//! The benchmark runs end to end on a small knowledge base and prints sane JSON lines. Nothing
//! here is about time: the numbers only have to exist and be positive.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn bench_run_prints_a_run_line_and_target_lines() {
    let work = tempfile::tempdir().expect("temp dir");
    let output = Command::cargo_bin("factbot")
        .expect("factbot binary")
        .args([
            "bench",
            "run",
            "--sizes",
            "300",
            "--queries",
            "200",
            "--json",
            "--work-dir",
        ])
        .arg(work.path())
        .output()
        .expect("run factbot bench");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "bench failed: {}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect();
    let runs: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "run").collect();
    assert_eq!(runs.len(), 1, "{stdout}");
    let run = &runs[0]["run"];
    assert_eq!(run["label"], "300");
    assert_eq!(run["articles"], 300);
    assert!(run["facts"].as_u64().unwrap_or(0) > 300, "{run}");
    for key in [
        "text_mb",
        "build_s",
        "build_mb_s",
        "open_first_answer_ms",
        "answers_per_s",
        "index_mb",
        "reload_1_file_s",
    ] {
        assert!(run[key].as_f64().is_some_and(|v| v > 0.0), "{key} in {run}");
    }
    for command in ["stat", "ask"] {
        let l = &run[command];
        assert_eq!(l["samples"], 200, "{command}: {l}");
        let (p50, p99, max) = (l["p50_ms"].as_f64(), l["p99_ms"].as_f64(), l["max_ms"].as_f64());
        assert!(
            p50 <= p99 && p99 <= max && p50.is_some_and(|v| v > 0.0),
            "{command}: {l}"
        );
    }
    let share = run["answered_share"].as_f64().unwrap_or(-1.0);
    assert!(
        share > 0.2 && share < 1.0,
        "answerable and unanswerable queries both occur: {share}"
    );
    if cfg!(target_os = "linux") {
        assert!(run["serve_hwm_mb"].as_f64().is_some_and(|v| v > 0.0), "{run}");
    }
    // Targets are for 10,000 and 100,000 articles; a 300-article run checks none of them.
    assert!(lines.iter().all(|l| l["kind"] == "run" || l["kind"] == "target"));
}

#[test]
fn bench_generate_is_deterministic_and_sharded() {
    let work = tempfile::tempdir().expect("temp dir");
    for out in ["a", "b"] {
        Command::cargo_bin("factbot")
            .expect("factbot binary")
            .args(["bench", "generate", "--articles", "1200", "--seed", "3", "--out"])
            .arg(work.path().join(out))
            .assert()
            .success();
    }
    let read = |out: &str| {
        std::fs::read(factbot::bench::article_path(&work.path().join(out), 1100)).expect("article 1100")
    };
    assert_eq!(read("a"), read("b"));
    assert!(work.path().join("a/shard-001").is_dir());
    assert!(!work.path().join("a/shard-002").exists());
}
