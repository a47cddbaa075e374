/// A date order that cannot happen: a row's `date` must not be before `notBefore`, a date of the same
/// row or of the row one of its references leads to. Breaking it is a finding, not an error.
public struct DateOrderRule: Sendable, Hashable {
    /// A date a rule compares against.
    public struct Anchor: Sendable, Hashable {
        /// The reference column followed first (`request_id`), or nil for the row's own column.
        public var via: String?
        /// The date column read there.
        public var column: String

        /// A date column of the row itself.
        public static func own(_ column: String) -> Anchor { Anchor(via: nil, column: column) }
        /// A date column of the row that `reference` leads to.
        public static func via(_ reference: String, _ column: String) -> Anchor {
            Anchor(via: reference, column: column)
        }

        /// How messages name it: `received_date`, `its request's received_date`.
        public var phrase: String {
            guard let via else { return column }
            let noun = via.hasSuffix("_id") ? String(via.dropLast(3)) : via
            return "its \(noun)'s \(column)"
        }
    }

    /// The table whose rows are checked.
    public var table: String
    /// The date that must come on or after the anchor.
    public var date: String
    /// The date `date` must not be before.
    public var notBefore: Anchor
    /// Why the order is impossible, for the documentation.
    public var reason: String

    /// A rule: in `table`, `date` must not be before `notBefore`.
    public init(_ table: String, _ date: String, notBefore: Anchor, reason: String) {
        self.table = table
        self.date = date
        self.notBefore = notBefore
        self.reason = reason
    }
}
