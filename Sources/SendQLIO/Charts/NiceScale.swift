/// A y axis with round ticks: steps of 1, 2, 2.5 or 5 times a power of ten, about five of them,
/// spanning zero and every value.
struct NiceScale: Sendable, Equatable {
    var lower: Double
    var upper: Double
    var step: Double

    /// The tick values, lower to upper.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// Decimals the tick labels need (0 for whole steps, 1 for 2.5, ...).
    var decimals: Int {
        var decimals = 0
        var scaled = step
        while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// 0 to 100 in steps of 20.
    static let percent = NiceScale(lower: 0, upper: 100, step: 20)

    /// Round ticks covering `values` and zero.
    static func covering(_ values: [Double], targetTicks: Int = 5) -> NiceScale {
        var low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        if low == high { high = low + 1 }
        let rough = (high - low) / Double(targetTicks)
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        // Values that sit exactly on the top tick get one more step of headroom for labels.
        if let top = values.max(), top > 0, top == high { high += step }
        return NiceScale(lower: low, upper: high, step: step)
    }
}
