fn main() {
    for s in std::env::args().skip(1) {
        println!(
            "{s}\n  {:?}\n  period {:?}",
            factbot::facts::parse_quantities(&s),
            factbot::facts::period_year(&s)
        );
    }
}
