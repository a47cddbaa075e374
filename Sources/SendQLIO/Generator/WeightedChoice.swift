/// A fixed list of options drawn with integer weights: deterministic and cheap for short lists.
struct WeightedChoice<Option: Sendable>: Sendable {
    let options: [Option]
    private let cumulative: [Int]

    init(_ weighted: [(Option, Int)]) {
        precondition(!weighted.isEmpty && weighted.allSatisfy { $0.1 >= 0 })
        options = weighted.map(\.0)
        var running = 0
        cumulative = weighted.map {
            running += $0.1; return running
        }
        precondition(running > 0)
    }

    func draw(_ random: inout SplitMix64) -> Option {
        let ticket = random.below(cumulative[cumulative.count - 1])
        var index = 0
        while cumulative[index] <= ticket { index += 1 }
        return options[index]
    }
}

/// A choice between two weightings of the same options, blended by a mix in 0...1: how the story
/// moves a distribution (audit ratings, parent scores) from its "before" to its "after" shape.
struct BlendedChoice<Option: Sendable>: Sendable {
    let options: [Option]
    private let before: [Double]
    private let after: [Double]

    init(_ options: [Option], before: [Double], after: [Double]) {
        precondition(options.count == before.count && options.count == after.count)
        self.options = options
        let beforeTotal = before.reduce(0, +), afterTotal = after.reduce(0, +)
        self.before = before.map { $0 / beforeTotal }
        self.after = after.map { $0 / afterTotal }
    }

    func draw(_ random: inout SplitMix64, mix: Double) -> Option {
        var ticket = random.unit()
        for index in options.indices {
            ticket -= before[index] * (1 - mix) + after[index] * mix
            if ticket < 0 { return options[index] }
        }
        return options[options.count - 1]
    }
}
