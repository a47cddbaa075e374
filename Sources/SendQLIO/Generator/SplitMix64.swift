/// Steele, Lea and Flood's SplitMix64: a tiny, fast generator whose output is fixed by its seed
/// on every platform and every Swift version, which the bundled sample area depends on.
///
/// Only the generator's own helpers below turn its output into numbers; the standard library's
/// `random(in:using:)` is avoided because its algorithm is not promised to stay the same.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound (Lemire's multiply-shift; the tiny bias is irrelevant here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability p.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// An integer in 0...span skewed towards 0 (density falling linearly to the far end would be
    /// `unit()`; squaring gives a longer, thinner tail, like real waiting-time overruns).
    mutating func skewed(_ span: Int) -> Int {
        let u = unit()
        return Int(u * u * Double(span + 1)).clamped(to: 0...span)
    }

    /// An integer in 0...span skewed towards span (things done "just in time" bunch near a deadline).
    mutating func skewedTowardsEnd(_ span: Int) -> Int {
        span - skewed(span)
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
