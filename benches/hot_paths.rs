//! Criterion micro-benchmarks of the hot pieces: sentence splitting and quantity parsing
//! (reported per byte of article text, so criterion prints MB/s), query planning against a
//! real index, and a whole `stat` answer. Run: `cargo bench --bench hot_paths`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use factbot::answer::{plan, Engine, SynonymTable};
use factbot::bench::{article_text, generate, generate_queries};
use factbot::facts::{parse_quantities, split_sentences};
use factbot::index::{sync, DataDir, SyncOptions};

/// About 1 MB of generated paragraphs (title lines dropped).
fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut i = 0;
    while bytes < 1_000_000 {
        for p in article_text(6, i).split("\n\n").skip(1) {
            bytes += p.len();
            out.push(p.to_string());
        }
        i += 1;
    }
    out
}

fn text_pieces(c: &mut Criterion) {
    let paragraphs = paragraphs();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let sentences: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| split_sentences(p).into_iter().map(move |r| &p[r]))
        .collect();

    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("split_sentences_1MB", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| split_sentences(black_box(p)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse_quantities_1MB", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| parse_quantities(black_box(s)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn answering(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let knowledge = dir.path().join("kb");
    generate(&knowledge, 1000, 6).expect("generate");
    let outcome = sync(
        &knowledge,
        &DataDir::new(dir.path().join("data")),
        None,
        &SyncOptions::default(),
    )
    .expect("build index");
    let index = outcome.index.expect("index opened");
    let synonyms = SynonymTable::new(index.synonyms());
    let queries = generate_queries(200, 6);

    let mut group = c.benchmark_group("answer_1000_articles");
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.sample_size(20);
    group.bench_function("plan_200_queries", |b| {
        b.iter(|| {
            queries
                .iter()
                .map(|(topic, _)| plan(black_box(topic), &index, &synonyms).concepts.len())
                .sum::<usize>()
        })
    });
    let engine = Engine::new(index);
    // 200 answers take about half a second: fewer samples keep the run short.
    group.sample_size(10);
    group.bench_function("stat_200_queries", |b| {
        b.iter_batched(
            || (),
            |()| {
                for (topic, _) in &queries {
                    black_box(engine.stat(topic, 3).expect("stat"));
                }
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, text_pieces, answering);
criterion_main!(benches);
