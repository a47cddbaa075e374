/// Chooses a format for a column without a declared one, from every value in the file.
///
/// Each non-empty value contributes the set of types it could be; the column gets the first type, in
/// the order int, double, bool, date, that every value fits, else string. So `1, 2, 3` is int,
/// `1, 2.5` is double, `1, 0, yes` is bool, and a column with nothing in it is string. Numbers written
/// with a leading zero (`007`) are identifiers and keep the column text. Looking at every row means a
/// chosen type never fails to parse a value later.
struct TypeInference {
    struct Candidates: OptionSet {
        let rawValue: UInt8
        static let int = Candidates(rawValue: 1)
        static let double = Candidates(rawValue: 2)
        static let bool = Candidates(rawValue: 4)
        static let date = Candidates(rawValue: 8)
        static let all: Candidates = [.int, .double, .bool, .date]
    }

    /// Per column: the types every value seen so far fits.
    private(set) var candidates: [Candidates]
    /// Per column: whether any non-empty value was seen.
    private(set) var sawValue: [Bool]

    init(width: Int) {
        candidates = Array(repeating: .all, count: width)
        sawValue = Array(repeating: false, count: width)
    }

    /// True while the column could still be something other than string.
    @inline(__always) func isUndecided(_ column: Int) -> Bool { !candidates[column].isEmpty }

    /// Narrows the column's candidates by one non-empty value.
    @inline(__always) mutating func observe(_ field: UnsafeBufferPointer<UInt8>, column: Int) {
        sawValue[column] = true
        let remaining = candidates[column]
        guard !remaining.isEmpty else { return }
        candidates[column] = remaining.intersection(Self.candidates(of: field, among: remaining))
    }

    /// Joins what another chunk saw.
    mutating func merge(_ other: TypeInference) {
        for column in candidates.indices {
            candidates[column].formIntersection(other.candidates[column])
            sawValue[column] = sawValue[column] || other.sawValue[column]
        }
    }

    /// The chosen format of each column.
    var formats: [ColumnFormat] {
        candidates.indices.map { column in
            let fits = candidates[column]
            guard sawValue[column] else { return .string }
            if fits.contains(.int) { return .int }
            if fits.contains(.double) { return .double }
            if fits.contains(.bool) { return .bool }
            if fits.contains(.date) { return .date }
            return .string
        }
    }

    /// The types a value could be, testing only those still in question.
    static func candidates(of field: UnsafeBufferPointer<UInt8>, among remaining: Candidates) -> Candidates {
        var fits: Candidates = []
        if remaining.contains(.bool), FieldParsers.parseBool(field) != nil { fits.insert(.bool) }
        if !remaining.isDisjoint(with: [.int, .double]), !FieldParsers.hasLeadingZero(field) {
            if FieldParsers.parseInt(field) != nil {
                fits.formUnion([.int, .double])
            } else if remaining.contains(.double), FieldParsers.parseDouble(field) != nil {
                fits.insert(.double)
            }
        }
        if remaining.contains(.date), FieldParsers.parseDate(field) != nil { fits.insert(.date) }
        return fits
    }
}
