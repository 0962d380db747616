/// Namespace of the fix property tests' helpers: a seeded generator of notes with known defects and the checks
/// run on their fixed text.
enum FixProperty {}

extension FixProperty {
    /// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and the same sequence on every platform for a seed,
    /// so a failing note can be rebuilt from the seed printed with it. Ranges are drawn by our own code, not by
    /// the standard library's `random(in:using:)`, whose algorithm may change between Swift releases.
    struct SplitMix64 {
        private(set) var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A number in `0..<bound` (the modulo bias is irrelevant at these sizes).
        mutating func below(_ bound: Int) -> Int {
            precondition(bound > 0)
            return Int(next() % UInt64(bound))
        }

        mutating func inRange(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + below(range.count)
        }

        /// True with probability `percent`/100.
        mutating func chance(_ percent: Int) -> Bool {
            below(100) < percent
        }

        mutating func pick<T>(_ items: [T]) -> T {
            items[below(items.count)]
        }

        /// `count` distinct items of `items`, in a random order.
        mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
            var pool = items
            var result: [T] = []
            for _ in 0..<min(count, pool.count) {
                result.append(pool.remove(at: below(pool.count)))
            }
            return result
        }

        mutating func shuffled<T>(_ items: [T]) -> [T] {
            sample(items, items.count)
        }
    }
}
