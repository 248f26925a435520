//! How users word things: names that start a query, paraphrases, comparatives, and the
//! shape of an `ask` answer, over the bundled and small hand-made knowledge folders.

use crate::answers::media_fixture;
use crate::support::Fixture;

/// In a small knowledge base every word is common, so a name starting the query is known as
/// one by how the texts write it: "Kuaishou revenue" is about Kuaishou, and Time Warner's
/// revenue is no answer to it.
#[test]
fn a_name_starting_the_query_is_a_name_in_a_small_knowledge_base() {
    let engine = media_fixture().engine();
    let index = &engine.snapshot().index;
    for (term, expected) in [
        ("kuaishou", true),
        ("sale", false),
        ("dvd", true),
        ("nowher", false),
    ] {
        assert_eq!(index.written_as_name(term).expect("lookup"), expected, "{term}");
    }
    let answer = engine.stat("Kuaishou profits", 3).expect("answer");
    assert!(
        answer.no_answer
            || answer
                .facts
                .iter()
                .all(|f| f.citation.article.as_str() == "kuaishou.md"),
        "{:?}",
        answer.facts.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
}

/// "People use" is a way to say users, as "people watch" is to say viewers: the count of
/// short-video users answers, not Kuaishou's count of people watching short dramas.
#[test]
fn people_who_use_something_are_its_users() {
    let engine = Fixture::bundled().engine();
    let answer = engine
        .ask("How many people use short video apps in China?", 3)
        .expect("answer");
    assert!(
        answer.facts[0].text.contains("1.04 billion"),
        "{}",
        answer.facts[0].text
    );
}

/// A comparative the knowledge base lacks ("bigger") is a word of degree, not an unknown
/// name that vetoes every answer; "biggest" finds "largest".
#[test]
fn comparatives_are_words_of_degree_not_unknown_names() {
    let engine = Fixture::bundled().engine();
    let answer = engine
        .ask("Is the micro drama market bigger than the box office?", 3)
        .expect("answer");
    assert!(!answer.no_answer);
    assert!(answer.facts.iter().any(|f| f.text.contains("box office")));
    let answer = engine
        .stat("biggest short drama market outside China", 3)
        .expect("answer");
    assert!(
        answer.facts[0].text.contains("second-largest"),
        "{}",
        answer.facts[0].text
    );
}

/// Two answers from one paragraph show it once: the second is its sentence alone, pointing
/// to the first, in the terminal and in Discord.
#[test]
fn ask_shows_a_paragraph_once_when_two_answers_share_it() {
    let engine = media_fixture().engine();
    let answer = engine.ask("Kuaishou short dramas", 3).expect("answer");
    let paragraphs: Vec<usize> = answer.facts.iter().map(|f| f.citation.paragraph).collect();
    assert_eq!(paragraphs[..2], [2, 2], "both answers come from one paragraph");
    let text = factbot::render::terminal::render(&answer, factbot::render::terminal::Emphasis::Markdown);
    assert_eq!(text.matches("A twist comes every").count(), 2, "{text}");
    assert_eq!(text.matches("270 million").count(), 1, "{text}");
    assert!(text.contains("(in the passage of [1])"), "{text}");
    let discord = serde_json::to_string(&factbot::render::discord::render_answer(&answer)).expect("json");
    assert_eq!(discord.matches("270 million").count(), 1, "{discord}");
    assert!(discord.contains("(in the passage of [1])"), "{discord}");
}

/// "Site" is no synonym of website: a building site is not where a website's visitors are.
#[test]
fn a_building_site_is_no_website() {
    let f = Fixture::new();
    f.write(
        "build.txt",
        "Stadium works go on\n\nThe building site employs 300 workers and drew 5,000 visitors on its open day.\n",
    );
    f.write(
        "web.txt",
        "Portal grows\n\nThe portal said it now has 2 million visitors a month, more than any rival.\n",
    );
    let answer = f.engine().stat("website visitors", 3).expect("answer");
    assert!(
        answer.no_answer
            || answer
                .facts
                .iter()
                .all(|fact| !fact.text.contains("building site")),
        "{:?}",
        answer.facts.iter().map(|fact| &fact.text).collect::<Vec<_>>()
    );
}
