//! A tiny seeded PRNG (splitmix64): a few lines, no dependency, and the same stream on every
//! platform, so a seed always yields the same knowledge base and queries.

/// splitmix64 (Steele, Lea, Flood 2014): passes BigCrush, one add and three multiply-xorshifts.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`; `stream` picks an independent sequence (e.g. an article number),
    /// so articles can be generated in any order and in parallel with the same result.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut mixer = Rng(seed ^ stream.wrapping_mul(0xA24B_AED4_963E_E407));
        mixer.next_u64();
        Rng(mixer.next_u64())
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi` (the slight modulo bias is irrelevant for test data).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniformly chosen element.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() as u64 - 1) as usize]
    }

    /// An index in `0..n`, skewed towards small ones (squared uniform), the way a few
    /// companies and topics dominate real news.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((u * u * n as f64) as usize).min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_and_stream_give_the_same_sequence() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(7, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut x = Rng::new(7, 3);
        let mut y = Rng::new(7, 4);
        assert_ne!(x.next_u64(), y.next_u64());
    }

    #[test]
    fn range_stays_inside_its_bounds() {
        let mut rng = Rng::new(1, 0);
        assert!((0..1000).map(|_| rng.range(8, 20)).all(|v| (8..=20).contains(&v)));
    }
}
