//! Cited answers over small hand-made knowledge folders.

use factbot::answer::Command;

use crate::support::{article, Fixture};

pub(crate) fn media_fixture() -> Fixture {
    let f = Fixture::new();
    f.write(
        "kuaishou.md",
        article(
            "Kuaishou on short dramas",
            "Cover News",
            "2024-03-29",
            "Liu Zhen spoke in Chengdu.\n\nAccording to Kuaishou, 270 million people watch short dramas on Kuaishou every day. A twist comes every 15 seconds.\n\nThe company adapts scripts in Brazil.",
        ),
    );
    f.write(
        "timewarner.txt",
        "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.\n\nThe firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections.\n",
    );
    f.write(
        "dvd.txt",
        "Shark Tale DVD is a hit\n\nThe animated film Shark Tale made $80m from DVD sales in its first week, the studio said.\n\nDreamWorks said it was pleased.\n",
    );
    f
}

#[test]
fn stat_cites_the_sentence_verbatim_with_its_source() {
    let engine = media_fixture().engine();
    let answer = engine.stat("short-drama viewers", 3).expect("answer");
    assert!(!answer.no_answer);
    let first = &answer.facts[0];
    assert_eq!(
        first.text,
        "According to Kuaishou, 270 million people watch short dramas on Kuaishou every day."
    );
    assert_eq!(first.citation.title, "Kuaishou on short dramas");
    assert_eq!(first.citation.publisher.as_deref(), Some("Cover News"));
    assert_eq!(first.citation.paragraph, 2);
    assert_eq!(first.citation.article.as_str(), "kuaishou.md");
    let bold: Vec<&str> = first
        .highlights
        .iter()
        .map(|h| &first.text[h.start..h.end])
        .collect();
    assert!(bold.contains(&"270 million"), "{bold:?}");
}

#[test]
fn earnings_finds_profits_and_joined_names() {
    let engine = media_fixture().engine();
    let answer = engine.stat("Time Warner quarterly earnings", 3).expect("answer");
    assert!(!answer.no_answer);
    assert!(
        answer.facts[0].text.contains("$1.13bn"),
        "{:?}",
        answer.facts[0].text
    );
}

/// The first fact of the `stat` answer to `query`, which must not be "no matching fact".
fn first_stat(engine: &factbot::answer::Engine, query: &str) -> String {
    let answer = engine.stat(query, 3).expect("answer");
    assert!(!answer.no_answer, "{query}: {answer:?}");
    answer.facts[0].text.clone()
}

#[test]
fn typo_in_a_name_still_finds_the_fact() {
    let engine = media_fixture().engine();
    assert!(first_stat(&engine, "Shrak Tale DVD sales").contains("$80m"));
}

#[test]
fn a_typo_before_a_stemmed_y_still_finds_the_name() {
    // "factory" is indexed as "factori": the typo "Factroy" is two edits from that stem but
    // one from the word.
    let f = Fixture::new();
    f.write(
        "studio.txt",
        "Studio closes\n\nThe Hit Factory studio won a record 41 Grammy nominations in 1994.\n",
    );
    assert!(first_stat(&f.engine(), "Hit Factroy Grammy nominations").contains("41 Grammy"));
}

#[test]
fn a_swapped_typo_whose_y_the_stemmer_made_i_still_finds_the_name() {
    // "Barcalys" is stemmed "barcali", "Barclays" "barclay": the swap and the y are two edits,
    // allowed because the word as typed has eight letters, though its stem has seven.
    let f = Fixture::new();
    f.write(
        "bank.txt",
        "Barclays profits rise\n\nBarclays said profits for the year rose 20% to £4.6bn.\n",
    );
    assert!(first_stat(&f.engine(), "Barcalys profits").contains("£4.6bn"));
}

#[test]
fn a_typo_that_is_a_real_word_is_matched_beside_the_rest_of_the_name() {
    // "tail" is a word of its own, so nothing corrects it; "Shark" right before "Tale" does.
    let engine = media_fixture().engine();
    assert!(first_stat(&engine, "Shark Tail DVD sales").contains("$80m"));
}

#[test]
fn a_model_the_knowledge_lacks_is_no_answer() {
    // The DS is not the DS Lite: one name of three missing is one too many. "Lite" is known
    // from another article, so it is no unknown word either.
    let f = Fixture::new();
    f.write(
        "ds.txt",
        "Nintendo DS launch\n\nNintendo sold 500,000 DS consoles in the launch week.\n\nThe Nintendo DS went on sale in Japan.\n",
    );
    f.write(
        "beer.txt",
        "Beer sales\n\nSales of Lite beer rose 5% in the launch year.\n",
    );
    let engine = f.engine();
    assert!(
        !engine
            .stat("launch sales of the Nintendo DS", 3)
            .expect("answer")
            .no_answer
    );
    let answer = engine
        .stat("launch sales of the Nintendo DS Lite", 3)
        .expect("answer");
    assert!(answer.no_answer, "{:?}", answer.facts.first().map(|f| &f.text));
}

#[test]
fn another_company_is_not_an_answer() {
    let engine = media_fixture().engine();
    let answer = engine
        .ask("How many people watch short dramas on Douyin every day?", 3)
        .expect("answer");
    assert!(answer.no_answer, "{:?}", answer.facts.first().map(|f| &f.text));
}

#[test]
fn query_syntax_is_just_words() {
    let engine = media_fixture().engine();
    for query in [
        "viewers AND (",
        "\"*:~^",
        "",
        "   ",
        "🙂🙂",
        "\u{200b}\u{202e}",
        "270 million",
        "微短剧 观众",
    ] {
        let answer = engine.stat(query, 3).expect("never an error");
        if query.trim().is_empty() {
            assert!(answer.no_answer);
        }
    }
}

#[test]
fn ask_marks_the_answering_sentence_inside_its_paragraph() {
    let engine = media_fixture().engine();
    let answer = engine
        .answer(
            Command::Ask,
            "How many people watch short dramas on Kuaishou every day?",
            2,
        )
        .expect("answer");
    assert!(!answer.no_answer);
    let first = &answer.facts[0];
    let passage = first.passage.as_deref().expect("passage");
    let (start, end) = first.passage_span.expect("span");
    assert_eq!(&passage[start..end], first.text);
    assert!(passage.contains("A twist comes every 15 seconds."));
    // The paragraph only: not its neighbours.
    assert!(
        !passage.contains("Chengdu") && !passage.contains("Brazil"),
        "{passage}"
    );
}

/// A word in almost every article is left out of the article body search, but a query made
/// only of such words (and words no article has) still finds articles, and a telling word
/// still picks its article.
#[test]
fn article_search_survives_words_found_in_every_article() {
    let f = Fixture::new();
    // Enough articles for a word's share of them to count (20 or more).
    for i in 0..25 {
        f.write(
            &format!("a{i}.txt"),
            format!("Report {i}\n\nThe market in place{i} grew 5% last year, analysts said.\n"),
        );
    }
    let engine = f.engine();
    let snapshot = engine.snapshot();
    let term = |t: &str| factbot::index::WeightedTerm {
        term: t.to_string(),
        boost: 1.0,
    };
    let common = snapshot
        .index
        .search_articles(&[term("market")], 30)
        .expect("search");
    assert_eq!(common.len(), 25, "only ubiquitous words: they are kept");
    let with_unknown = snapshot
        .index
        .search_articles(&[term("market"), term("audienc")], 30)
        .expect("search");
    assert_eq!(
        with_unknown.len(),
        25,
        "an unknown word does not make the common one go"
    );
    let telling = snapshot
        .index
        .search_articles(&[term("market"), term("place0")], 10)
        .expect("search");
    let first = telling.first().and_then(|a| snapshot.index.article_at(a.key));
    assert_eq!(first.map(|a| a.id.to_string()), Some("a0.txt".to_string()));
}

/// Whether the knowledge base has Chinese decides if Chinese synonyms are analysed up front;
/// either way an English query reaches Chinese facts through them once there are some.
#[test]
fn chinese_is_detected_and_reached_from_english_queries() {
    let f = Fixture::new();
    f.write(
        "en.txt",
        "Podcasts in Chile\n\nAbout 3 million listeners in Chile use podcasts.\n",
    );
    assert!(!f.engine().snapshot().index.has_chinese().expect("scan"));
    f.write(
        "zh.md",
        article(
            "微短剧观众报告",
            "新华社",
            "2024-11-02",
            "中国微短剧观众规模达到5.76亿人。",
        ),
    );
    let engine = f.engine();
    assert!(engine.snapshot().index.has_chinese().expect("scan"));
    let answer = engine.stat("short drama viewers", 5).expect("answer");
    assert!(
        answer.facts.iter().any(|fact| fact.text.contains("5.76亿")),
        "{:?}",
        answer.facts.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
}

/// Topics read the facts of an even sample of articles, and every article's title.
#[test]
fn topics_sample_facts_but_keep_every_title() {
    let metals = ["zinc", "copper", "nickel", "cobalt"];
    let f = Fixture::new();
    for (i, metal) in metals.iter().enumerate() {
        f.write(
            &format!("a{i}.txt"),
            format!("Harbour cranes report\n\n{metal} futures rose 5% in 2023. {metal} futures fell 3% in 2024.\n"),
        );
    }
    let engine = f.engine();
    let listed = |sample| {
        factbot::answer::Topics::derive_sampled(&engine.snapshot(), sample)
            .suggest("", 50)
            .join("|")
    };
    let all = listed(4);
    for metal in metals {
        assert!(all.contains(&format!("{metal} futures")), "{all}");
    }
    // Articles 0 and 2 are read; 1 and 3 are not, but every title still counts.
    let half = listed(2);
    assert!(
        half.contains("zinc futures") && half.contains("nickel futures"),
        "{half}"
    );
    assert!(
        !half.contains("copper futures") && !half.contains("cobalt futures"),
        "{half}"
    );
    assert!(half.contains("harbour cranes"), "{half}");
}

#[test]
fn an_answering_sentence_comes_before_a_more_relevant_one_without_a_figure() {
    let f = Fixture::new();
    f.write(
        "single.txt",
        "Stars record charity song\n\nSir Cliff Richard is recording a tsunami charity single, hoped to raise funds for victims.\n\nThe single should bring in more than £2m.\n",
    );
    let answer = f
        .engine()
        .ask(
            "How much is the Cliff Richard tsunami charity single hoped to raise?",
            3,
        )
        .expect("answer");
    assert!(!answer.no_answer, "{answer:?}");
    assert!(answer.facts[0].text.contains("£2m"), "{:?}", answer.facts[0].text);
}

#[test]
fn a_story_filed_twice_under_two_headlines_shows_each_fact_once() {
    let f = Fixture::new();
    let body = "\n\nA quarter of broadband users in Britain upload content, a report says.\n\nMore than 50% of the 22.8 million UK net users log on at high speed.\n";
    f.write("a.txt", format!("Broadband fuels online change{body}"));
    f.write("b.txt", format!("Broadband fuels online expression{body}"));
    f.write(
        "c.txt",
        "Broadband takes on TV\n\nSome 8 million broadband users watch less TV.\n",
    );
    let answer = f.engine().stat("broadband users", 5).expect("answer");
    let texts: Vec<&str> = answer.facts.iter().map(|f| f.text.as_str()).collect();
    let mut unique = texts.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), texts.len(), "{texts:?}");
    assert_eq!(texts.len(), 3, "{texts:?}");
    // "3 of 3 matching facts", not 5.
    assert_eq!(answer.matched, 3);
}

/// A report in British spelling is found by a query in American spelling, and back: both are
/// indexed as one term (without it, only typo correction, at a discount, bridged them).
#[test]
fn american_and_british_spellings_are_one_term() {
    let terms = |text: &str| -> Vec<String> {
        factbot::index::analyze(text)
            .into_iter()
            .map(|t| t.term)
            .collect()
    };
    assert_eq!(
        terms("organization color defense favorite theater programs realized analyzed"),
        terms("organisation colour defence favourite theatre programmes realised analysed")
    );
    // Words that only look like it stay apart.
    assert_ne!(terms("size"), terms("sise"));
}

#[test]
fn a_count_of_the_people_asked_about_answers_in_other_words() {
    // "Users" of short video are the people who watch it: that figure answers, where the
    // sentence that repeats "people watch" counts viewers of something else.
    let f = Fixture::new();
    f.write(
        "kuaishou.md",
        article(
            "Kuaishou on short dramas",
            "Cover News",
            "2024-03-29",
            "According to Kuaishou, 270 million people watch short dramas on Kuaishou every day.\n\nShort video made the format popular in China.",
        ),
    );
    f.write(
        "report.md",
        article(
            "Online audiovisual report 2025",
            "China Daily",
            "2025-03-28",
            "China had 1.04 billion short-video users as of December 2024.\n\nUsers spent 156 minutes a day on short video apps.",
        ),
    );
    f.write(
        "drama.md",
        article(
            "Micro-drama market",
            "Xinhua",
            "2025-04-16",
            "The short drama market was worth 50.5 billion yuan in 2024.\n\nPeople watch short dramas on their phones.",
        ),
    );
    let engine = f.engine();
    let first = first_stat(&engine, "how many people watch short videos in China");
    assert!(first.contains("1.04 billion"), "{first}");
}

#[test]
fn users_asked_are_not_answered_by_views_or_a_share_of_something_else() {
    // The bundled base has no count of Douyin's users; its Douyin sentences give views of
    // one drama and the market against the box office (70%), sources that name "China Daily".
    let bundled = Fixture::bundled().engine();
    let answer = bundled.stat("Douyin daily active users", 3).expect("answer");
    assert!(answer.no_answer, "{:?}", answer.facts.first().map(|f| &f.text));
    // Where a count of the viewers answers, a share of them still follows it.
    let viewers = bundled.stat("short-drama viewers", 10).expect("answer");
    assert!(!viewers.no_answer);
    assert!(
        viewers.facts.iter().any(|f| f.text.contains("60%")),
        "{:?}",
        viewers.facts.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
    // A count of the users answers.
    let f = Fixture::new();
    f.write(
        "douyin.md",
        article(
            "Douyin and micro-dramas",
            "China Daily",
            "2024-09-27",
            "The Douyin micro-drama Da Guo Nian De drew over 1.2 billion views.\n\nDouyin had 750 \
             million daily active users in 2024.",
        ),
    );
    assert!(first_stat(&f.engine(), "Douyin daily active users").contains("750 million"));
}
