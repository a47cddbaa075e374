/// Chooses a format for a column without a declared one, from every value in the file.
///
/// Each non-empty value contributes the set of types it could be; the column gets the first type, in
/// the order int, double, bool, date, that every value fits, else string. So `1, 2, 3` is int,
/// `1, 2.5` is double, `1, 0, yes` is bool, and a column with nothing in it is string. Numbers written
/// with a leading zero (`007`) are identifiers and keep the column text. Looking at every row means a
/// chosen type never fails to parse a value later, with one deliberate exception:
///
/// A value that is nearly of a type (a whole number too large for 64 bits, a date-shaped value that is
/// no day of the calendar, `2019-02-30`) still fits that type, as long as some other value of the
/// column really is one. A column of dates with one impossible date is then a date column, and the
/// reader reports the bad value (`expected date, found "2019-02-30"`, noting that February 2019 has 28
/// days) rather than quietly reading the whole column as text; likewise a column of ints with one
/// 20-digit number is reported rather than widened to double. A column with no real value of the type
/// (every number too large, every date impossible) is read as before: double, or string.
struct TypeInference {
    struct Candidates: OptionSet {
        let rawValue: UInt8
        static let int = Candidates(rawValue: 1)
        static let double = Candidates(rawValue: 2)
        static let bool = Candidates(rawValue: 4)
        static let date = Candidates(rawValue: 8)
        static let all: Candidates = [.int, .double, .bool, .date]
    }

    /// Per column: the types every value seen so far fits, or nearly fits.
    private(set) var candidates: [Candidates]
    /// Per column: the types at least one value really is (not just nearly).
    private(set) var exact: [Candidates]
    /// Per column: whether any non-empty value was seen.
    private(set) var sawValue: [Bool]

    init(width: Int) {
        candidates = Array(repeating: .all, count: width)
        exact = Array(repeating: [], count: width)
        sawValue = Array(repeating: false, count: width)
    }

    /// True while the column could still be something other than string.
    @inline(__always) func isUndecided(_ column: Int) -> Bool { !candidates[column].isEmpty }

    /// Narrows the column's candidates by one non-empty value.
    @inline(__always) mutating func observe(_ field: UnsafeBufferPointer<UInt8>, column: Int) {
        sawValue[column] = true
        let remaining = candidates[column]
        guard !remaining.isEmpty else { return }
        let (fits, exactly) = Self.candidates(of: field, among: remaining)
        candidates[column] = remaining.intersection(fits)
        exact[column].formUnion(exactly)
    }

    /// Joins what another chunk saw.
    mutating func merge(_ other: TypeInference) {
        for column in candidates.indices {
            candidates[column].formIntersection(other.candidates[column])
            exact[column].formUnion(other.exact[column])
            sawValue[column] = sawValue[column] || other.sawValue[column]
        }
    }

    /// The chosen format of each column.
    var formats: [ColumnFormat] {
        candidates.indices.map { column in
            let fits = candidates[column]
            guard sawValue[column] else { return .string }
            if fits.contains(.int), exact[column].contains(.int) { return .int }
            if fits.contains(.double) { return .double }
            if fits.contains(.bool) { return .bool }
            if fits.contains(.date), exact[column].contains(.date) { return .date }
            return .string
        }
    }

    /// The types a value fits or nearly fits, and those it really is, testing only those in question.
    static func candidates(
        of field: UnsafeBufferPointer<UInt8>, among remaining: Candidates
    ) -> (fits: Candidates, exactly: Candidates) {
        var fits: Candidates = []
        var exactly: Candidates = []
        if remaining.contains(.bool), FieldParsers.parseBool(field) != nil { fits.insert(.bool) }
        if !remaining.isDisjoint(with: [.int, .double]), !FieldParsers.hasLeadingZero(field) {
            if FieldParsers.parseInt(field) != nil {
                fits.formUnion([.int, .double])
                exactly.insert(.int)
            } else if remaining.contains(.double), FieldParsers.parseDouble(field) != nil {
                // A whole number too large for 64 bits is nearly an int (and really a double).
                fits.formUnion(FieldParsers.isWholeNumber(field) ? [.int, .double] : .double)
            }
        }
        if remaining.contains(.date) {
            if FieldParsers.parseDate(field) != nil {
                fits.insert(.date)
                exactly.insert(.date)
            } else if FieldParsers.explainDate(field) != nil {
                // Shaped like a date, but no day of the calendar: nearly a date.
                fits.insert(.date)
            }
        }
        return (fits, exactly.union(fits.intersection([.bool, .double])))
    }
}
