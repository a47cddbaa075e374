/// The reporting periods dates fall into, with the labels DfE and local dashboards use.
public enum PeriodKind: String, Sendable, CaseIterable {
    case year, academicYear = "academic_year", financialYear = "financial_year", quarter, month
}

public enum PeriodLabel {
    /// A number that orders periods of one kind (e.g. year × 4 + quarter) for a date.
    public static func ordinal(of date: CivilDate, _ kind: PeriodKind) -> Int {
        switch kind {
        case .year: return date.year
        case .academicYear: return date.month >= 9 ? date.year : date.year - 1
        case .financialYear: return date.month >= 4 ? date.year : date.year - 1
        case .quarter: return date.year * 4 + (date.month - 1) / 3
        case .month: return date.year * 12 + date.month - 1
        }
    }

    /// The label of a period ordinal: `2019`, `2018/19`, `2018-19`, `2019-Q1`, `2019-03`.
    public static func label(ordinal: Int, _ kind: PeriodKind) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        switch kind {
        case .year: return String(ordinal)
        case .academicYear: return "\(ordinal)/\(two((ordinal + 1) % 100))"
        case .financialYear: return "\(ordinal)-\(two((ordinal + 1) % 100))"
        case .quarter: return "\(ordinal / 4)-Q\(ordinal % 4 + 1)"
        case .month: return "\(ordinal / 12)-\(two(ordinal % 12 + 1))"
        }
    }

    /// The first day of a period ordinal.
    public static func start(ordinal: Int, _ kind: PeriodKind) -> CivilDate {
        switch kind {
        case .year: return CivilDate(year: ordinal, month: 1, day: 1)
        case .academicYear: return CivilDate(year: ordinal, month: 9, day: 1)
        case .financialYear: return CivilDate(year: ordinal, month: 4, day: 1)
        case .quarter: return CivilDate(year: ordinal / 4, month: ordinal % 4 * 3 + 1, day: 1)
        case .month: return CivilDate(year: ordinal / 12, month: ordinal % 12 + 1, day: 1)
        }
    }

    public static func label(of date: CivilDate, _ kind: PeriodKind) -> String {
        label(ordinal: ordinal(of: date, kind), kind)
    }

    /// The ordinal of a label of the given kind (`2019-Q1` as a quarter), or nil when it is not one.
    public static func parse(_ label: String, _ kind: PeriodKind) -> Int? {
        let text = Array(label.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= text.count else { return nil }
            var value = 0
            for byte in text[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        switch kind {
        case .year:
            return text.count == 4 ? year : nil
        case .academicYear, .financialYear:
            let separator = UInt8(ascii: kind == .academicYear ? "/" : "-")
            guard text.count == 7, text[4] == separator, number(5..<7) == (year + 1) % 100 else { return nil }
            return year
        case .quarter:
            guard text.count == 7, text[4] == UInt8(ascii: "-"), text[5] == UInt8(ascii: "Q"),
                let q = number(6..<7), (1...4).contains(q)
            else { return nil }
            return year * 4 + q - 1
        case .month:
            guard text.count == 7, text[4] == UInt8(ascii: "-"), let m = number(5..<7), (1...12).contains(m) else {
                return nil
            }
            return year * 12 + m - 1
        }
    }

    /// The order in which a label's shape is tried: `2011-12` reads as a financial year before a month.
    public static let kindsInReadingOrder: [PeriodKind] = [.year, .academicYear, .quarter, .financialYear, .month]

    /// The kind of a label: the first of `kindsInReadingOrder` it parses as.
    public static func kind(of label: String) -> PeriodKind? {
        kindsInReadingOrder.first { parse(label, $0) != nil }
    }

    /// How many periods of a kind make a year.
    public static func periodsPerYear(_ kind: PeriodKind) -> Int {
        switch kind {
        case .year, .academicYear, .financialYear: return 1
        case .quarter: return 4
        case .month: return 12
        }
    }
}
