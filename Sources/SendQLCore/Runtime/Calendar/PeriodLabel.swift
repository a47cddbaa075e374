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
}
