//! Prints the query plan factbot makes for a query, then the article pool it searches
//! (rank, BM25 score, file): `cargo run --example plan -- GENERATION_DIR "query"`.
use factbot::answer::{plan, SynonymTable};
use factbot::index::KnowledgeIndex;
use factbot::knowledge::default_synonyms;

/// How many of the pool's articles to list.
const POOL_SHOWN: usize = 60;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: plan GENERATION_DIR QUERY")?;
    let query = args.collect::<Vec<_>>().join(" ");
    let index = KnowledgeIndex::open(std::path::Path::new(&dir), default_synonyms())?;
    let table = SynonymTable::new(index.synonyms());
    let plan = plan(&query, &index, &table);
    println!("{plan:#?}");
    for (rank, hit) in index
        .search_articles(&plan.article_terms(|t| index.article_frequency(t))?, POOL_SHOWN)?
        .iter()
        .enumerate()
    {
        let file = index
            .article_at(hit.key)
            .map(|a| a.id.to_string())
            .unwrap_or_default();
        println!("pool {rank:>2} {:>7.3} {file}", hit.score);
    }
    Ok(())
}
