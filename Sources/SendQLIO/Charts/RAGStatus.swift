/// Which way is better for a measure: higher for the KPI rates, lower for overdue counts.
public enum BetterDirection: String, Sendable, Hashable, CaseIterable {
    case higher, lower
}

/// A red/amber/green rating of a value against a target (the common council convention).
///
/// Green when the target is met; amber when short of it by no more than `tolerance` of the target
/// (10% by default: a value of at least 0.9 × target when higher is better, at most 1.1 × target
/// when lower is better); red otherwise.
public enum RAGStatus: String, Sendable, Hashable, CaseIterable {
    case green, amber, red

    /// The rating of `value` against `target`.
    public static func rate(
        _ value: Double, target: Double, better: BetterDirection = .higher,
        tolerance: Double = 0.1
    ) -> RAGStatus {
        switch better {
        case .higher:
            if value >= target { return .green }
            return value >= target - abs(target) * tolerance ? .amber : .red
        case .lower:
            if value <= target { return .green }
            return value <= target + abs(target) * tolerance ? .amber : .red
        }
    }

    /// Words for a legend or a description.
    public var phrase: String {
        switch self {
        case .green: return "met the target"
        case .amber: return "within 10% of the target"
        case .red: return "missed the target by more than 10%"
        }
    }
}
