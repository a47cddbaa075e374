import SendQLCore

/// A data-quality finding: a row whose dates are in an impossible order. Reported, never fatal.
public struct Finding: Sendable, Equatable {
    /// The rule the row breaks.
    public var rule: DateOrderRule
    /// The row's location; the column is that of the date that comes too early.
    public var location: DataLocation
    /// The row's key column and value.
    public var keyColumn: String
    /// The row's key value.
    public var key: String
    /// The date that comes too early.
    public var date: CivilDate
    /// The date it must not be before.
    public var anchorDate: CivilDate
    /// The referenced row's key and location, when the anchor date is another table's.
    public var anchorKey: String?
    /// Where the referenced row is.
    public var anchorLocation: DataLocation?
    /// The finding as a warning (code E0720) pointing into the file.
    public var diagnostic: Diagnostic

    /// A finding from its parts.
    public init(
        rule: DateOrderRule, location: DataLocation, keyColumn: String, key: String, date: CivilDate,
        anchorDate: CivilDate, anchorKey: String?, anchorLocation: DataLocation?, diagnostic: Diagnostic
    ) {
        self.rule = rule
        self.location = location
        self.keyColumn = keyColumn
        self.key = key
        self.date = date
        self.anchorDate = anchorDate
        self.anchorKey = anchorKey
        self.anchorLocation = anchorLocation
        self.diagnostic = diagnostic
    }

    /// `plan_id "PL8": start_date 2019-01-03 is before its request's received_date 2019-02-01
    /// (request_id "R31", requests.csv:31)`.
    public var message: String { diagnostic.message }

    /// `file:line:column: message`.
    public var text: String { "\(location): \(message)" }
}
