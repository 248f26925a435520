//! Prints the query plan factbot makes for a query: `cargo run --example plan -- INDEX_DIR "query"`.
use factbot::answer::{plan, SynonymTable};
use factbot::index::KnowledgeIndex;
use factbot::knowledge::default_synonyms;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: plan GENERATION_DIR QUERY")?;
    let query = args.collect::<Vec<_>>().join(" ");
    let index = KnowledgeIndex::open(std::path::Path::new(&dir), default_synonyms())?;
    let table = SynonymTable::new(index.synonyms());
    println!("{:#?}", plan(&query, &index, &table));
    Ok(())
}
