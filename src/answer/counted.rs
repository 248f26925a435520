//! What a count counts: the noun the quantity parser read after a figure ("270 million
//! people", "12 million e-mails"), against what the query counts. A figure standing near
//! the word asked for is not always of it: "people to have two or three phones".

use crate::facts::{Quantity, QuantityKind};
use crate::index::analyze;

use super::focus::{AWARD_TERMS, EPISODE_TERMS, PEOPLE_TERMS};
use super::query::QueryPlan;

/// Whether two counted nouns (as the sentences write them) count the same kind of thing:
/// the same word once analysed ("user", "users"), or two nouns of one kin (people, viewers
/// and users all count people; awards and Baftas count prizes).
/// "45 million people" and "three phones" count different things.
pub fn count_alike(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (head_term(a), head_term(b)) else {
        return true;
    };
    a == b
        || [&*PEOPLE_TERMS, &*AWARD_TERMS, &*EPISODE_TERMS]
            .into_iter()
            .any(|kin| kin.contains(&a) && kin.contains(&b))
}

/// The analysed head of a counted noun: its last word ("co-stars" are stars).
fn head_term(noun: &str) -> Option<String> {
    analyze(noun).into_iter().last().map(|t| t.term)
}

/// Analysed nouns that may count anything: "2 million units" may be consoles.
const ANY_THING: &[&str] = &["unit", "copi", "item", "piec", "time", "thing", "one"];

/// True when `focus` counts people.
pub fn counts_people(focus: &[String]) -> bool {
    focus.iter().any(|t| PEOPLE_TERMS.contains(t))
}

/// True when the count `quantity` writes what it counts, and that is not what the query
/// counts, though it may stand near the word: "1.2 billion views" or "40 titles" is no
/// number of users, and "how many awards" is not answered by "seven nominations". Outside
/// "how many X", only a count of people is checked: "Xbox sales" may be answered by
/// consoles or units.
pub fn counts_another_thing(plan: &QueryPlan, quantity: &Quantity) -> bool {
    if quantity.kind != QuantityKind::Count {
        return false;
    }
    let people = counts_people(&plan.focus);
    if !people && !plan.focus_asked {
        return false;
    }
    let Some(noun) = quantity.unit.as_deref().and_then(head_term) else {
        return false;
    };
    if people {
        return !PEOPLE_TERMS.contains(&noun);
    }
    ![&plan.focus, &plan.kin, &plan.head]
        .iter()
        .any(|terms| terms.contains(&noun))
        && !ANY_THING.contains(&noun.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_one_kind_of_thing_are_alike() {
        for (a, b, alike) in [
            ("users", "user", true),
            ("people", "viewers", true),
            ("awards", "baftas", true),
            ("episodes", "parts", true),
            ("people", "phones", false),
            ("viewers", "episodes", false),
        ] {
            assert_eq!(count_alike(a, b), alike, "{a} / {b}");
        }
    }
}
