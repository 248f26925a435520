//! Which articles an answer looks into: the ones that name what the query names.

use crate::support::Fixture;

/// Unrelated stories, so that a name found in one article is rare, as in a real archive.
fn archive(f: &Fixture, stories: usize) {
    for i in 0..stories {
        f.write(
            &format!("filler-{i:02}.txt"),
            format!("Harbour report {i}\n\nThe harbour handled {i} ships in week {i}, the port said.\n"),
        );
    }
}

/// Three stories say "awards", "Dublin" and "crowd" and score above the one about the Meteor
/// awards, whose figure ("8,000 fans") repeats no query word. The Meteor story is looked into
/// because it is the only one naming the Meteor awards.
#[test]
fn the_article_naming_the_query_s_rare_name_is_looked_into() {
    let f = Fixture::new();
    archive(&f, 60);
    for (i, name) in ["one", "two", "three"].iter().enumerate() {
        let tickets: String = (1..=i + 1)
            .map(|k| format!(" Ticket {k} cost {} euros.", 20 + k))
            .collect();
        f.write(
            &format!("awards-{name}.txt"),
            format!(
                "Awards night {name}\n\nThe crowd cheered as the awards were handed out in Dublin. \
                 Some {} awards went to local acts.{tickets}\n",
                10 + i
            ),
        );
    }
    f.write(
        "meteor.txt",
        "Snow Patrol feted at Irish awards\n\nSnow Patrol were the big winners at the Meteor Awards in Dublin \
         on Thursday.\n\nThe 8,000 fans at the ceremony were treated to performances from US rapper Snoop Dogg.\n",
    );
    let answer = f
        .engine()
        .stat("Meteor Awards Dublin crowd size", 3)
        .expect("answer");
    assert!(!answer.no_answer, "{answer:?}");
    assert!(
        answer.facts[0].text.contains("8,000 fans"),
        "{:?}",
        answer.facts[0].text
    );
}

/// Seventy stories about film budgets outscore the one that names Thunderbirds only once,
/// and the article search keeps sixty: the Thunderbirds story is added for its rare name.
#[test]
fn an_article_holding_a_rare_name_joins_the_pool_the_search_filled() {
    let f = Fixture::new();
    archive(&f, 60);
    for i in 0..70 {
        f.write(
            &format!("budget-{i:02}.txt"),
            format!(
                "Movie production budget {i}\n\nThe movie production budget of film {i} was cut. \
                 Its production budget was {} dollars, the movie studio said.\n",
                1000 + i
            ),
        );
    }
    f.write(
        "nostalgia.txt",
        "Children's TV returns to cinemas\n\nOld children's shows keep coming back to the big screen, \
         whatever the reviews.\n\nDespite a poor box office, Thunderbirds cost $42m to make.\n",
    );
    let answer = f
        .engine()
        .stat("Thunderbirds movie production budget", 3)
        .expect("answer");
    assert!(!answer.no_answer, "{answer:?}");
    assert!(
        answer.facts[0].text.contains("$42m"),
        "{:?}",
        answer.facts[0].text
    );
}
