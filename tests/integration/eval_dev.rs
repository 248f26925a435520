//! The answer-quality eval over the shared BBC corpus (skipped when ../shared/eval is absent).

use factbot::answer::Engine;
use factbot::eval::{parse_cases, run_case, summarise};
use factbot::index::{sync, DataDir, SyncOptions};

use crate::support::{shared_eval, Fixture};

/// Issue 5's targets (p@1 0.90, hit@3 0.97, every no-answer case refused, at most two
/// answerable cases refused), p@1 raised to the level reached less one case; a drop fails
/// CI. (Reached: p@1 0.946 = 53/56, hit@3 0.982 = 55/56: one more miss at 3 fails.)
const MIN_P_AT_1: f64 = 0.928;
const MIN_HIT_AT_3: f64 = 0.97;
const MIN_NO_ANSWER_ACCURACY: f64 = 1.0;
const MAX_FALSE_REFUSALS: usize = 2;

#[test]
fn dev_cases_stay_above_the_reached_level() {
    let Some(eval) = shared_eval() else {
        eprintln!("skipped: ../shared/eval not found");
        return;
    };
    let data = tempfile::tempdir().expect("temp");
    let outcome = sync(
        &eval.join("corpus/bbc-news"),
        &DataDir::new(data.path()),
        None,
        &SyncOptions::default(),
    )
    .expect("sync");
    assert_eq!(outcome.after.articles, 2225, "every article indexed");
    assert_eq!(
        outcome.diagnostics.iter().filter(|d| d.is_error()).count(),
        0,
        "{:?}",
        outcome.diagnostics
    );
    let engine = Engine::new(outcome.index.expect("index"));
    let cases =
        parse_cases(&std::fs::read_to_string(eval.join("cases-dev.jsonl")).expect("cases")).expect("parse");
    let outputs: Vec<_> = cases
        .iter()
        .map(|c| run_case(&engine, c).expect("answer").0)
        .collect();
    let summary = summarise(&cases, &outputs);
    eprintln!("{summary:?}");
    assert!(summary.p_at_1 >= MIN_P_AT_1, "{summary:?}");
    assert!(summary.hit_at_3 >= MIN_HIT_AT_3, "{summary:?}");
    assert!(
        summary.no_answer_accuracy >= MIN_NO_ANSWER_ACCURACY,
        "{summary:?}"
    );
    assert!(summary.false_refusals <= MAX_FALSE_REFUSALS, "{summary:?}");
}

#[test]
fn seed_cases_are_all_right_at_one() {
    let Some(eval) = shared_eval() else {
        eprintln!("skipped: ../shared/eval not found");
        return;
    };
    let f = Fixture::bundled();
    let engine = f.engine();
    let cases = parse_cases(&std::fs::read_to_string(eval.join("cases-seed-dev.jsonl")).expect("cases"))
        .expect("parse");
    let outputs: Vec<_> = cases
        .iter()
        .map(|c| run_case(&engine, c).expect("answer").0)
        .collect();
    let summary = summarise(&cases, &outputs);
    assert_eq!(summary.p_at_1, 1.0, "{summary:?}\n{outputs:#?}");
    assert_eq!(summary.no_answer_accuracy, 1.0, "{summary:?}");
}
