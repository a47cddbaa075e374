/// A symbol that a published statistics table writes in a numeric cell instead of a number.
///
/// The loader never turns one into a number (least of all zero): the cell's value is null and the
/// symbol is kept in the companion `<column>_symbol` column, so a suppressed cell, a cell that does
/// not apply and a blank cell stay three different things.
public enum DfESymbol: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `x`: not available (not collected, or withheld for another reason).
    case notAvailable = "x"
    /// `z`: not applicable (no value could exist for this cell).
    case notApplicable = "z"
    /// `c`: confidential, suppressed to protect individuals (small numbers).
    case confidential = "c"
    /// `low`: a value that rounds to zero but is not zero.
    case low = "low"
    /// `u`: low reliability.
    case lowReliability = "u"
    /// `:`: not available (an older convention).
    case colon = ":"
    /// `-`: nil (used by the SEND Tribunal appeal rate table, whose rate column then shows 0.00%).
    case dash = "-"
    /// `..`: not available (the SEND Tribunal appeal rate table's legend).
    case doubleDot = ".."
    /// `~`: suppressed (the SEND Tribunal appeal rate table's legend).
    case tilde = "~"

    /// The symbols of Explore Education Statistics data files: `x z c low u :`.
    public static let exploreEducationStatistics = texts([
        .notAvailable, .notApplicable, .confidential, .low, .lowReliability, .colon,
    ])

    /// The symbols the SEND Tribunal appeal rate table's legend uses: `-`, `..`, `~` and `x`.
    public static let tribunalAppealRates = texts([.dash, .doubleDot, .tilde, .notAvailable])

    private static func texts(_ symbols: [DfESymbol]) -> Set<String> { Set(symbols.map(\.rawValue)) }

    /// What the symbol means, in the publisher's words where it gives them.
    public var meaning: String {
        switch self {
        case .notAvailable: return "not available"
        case .notApplicable: return "not applicable"
        case .confidential: return "confidential (suppressed)"
        case .low: return "rounds to 0, but is not 0"
        case .lowReliability: return "low reliability"
        case .colon: return "not available"
        case .dash: return "nil"
        case .doubleDot: return "not available"
        case .tilde: return "suppressed"
        }
    }

    public var description: String { rawValue }
}
