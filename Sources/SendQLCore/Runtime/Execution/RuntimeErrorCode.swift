/// The stable codes of run-time errors (E04xx): a checked script that failed while running.
/// `docs/errors.md` has a section for each, which a test checks.
public enum RuntimeErrorCode: String, Sendable, CaseIterable {
    /// table not loaded
    case tableNotLoaded = "E0401"
    /// join past the row limit
    case joinPastRowLimit = "E0402"
    /// pivot with too many columns
    case pivotTooManyColumns = "E0403"
    /// pivot with two values for one cell
    case pivotTwoValuesForOneCell = "E0404"
    /// interrupted
    case interrupted = "E0405"
    /// append past the row limit
    case appendPastRowLimit = "E0406"
    /// expectation not met
    case expectationFailed = "E0407"
}
