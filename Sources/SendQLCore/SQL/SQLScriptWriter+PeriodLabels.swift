/// Period labels in SQL, read and written as `PeriodLabel` reads and writes them: for `fill`,
/// `previous_period`, `same_period_last_year`, `change_on_year`, `trend_slope` and `period()`.
extension SQLScriptWriter {
    /// The label of the period of `kind` holding a date, spelled as `PeriodLabel` spells it.
    func periodLabel(_ date: String, _ kind: PeriodKind) -> String {
        let text = dialect.typeName(.string)
        let year = "CAST(EXTRACT(YEAR FROM \(date)) AS BIGINT)"
        let month = "EXTRACT(MONTH FROM \(date))"
        func yearStarting(_ firstMonth: Int, separator: String) -> String {
            let start = "(\(year) - CASE WHEN \(month) < \(firstMonth) THEN 1 ELSE 0 END)"
            return
                "(CAST(\(start) AS \(text)) || '\(separator)' || lpad(CAST((\(start) + 1) % 100 AS \(text)), 2, '0'))"
        }
        switch kind {
        case .year: return "CAST(\(year) AS \(text))"
        case .academicYear: return yearStarting(9, separator: "/")
        case .financialYear: return yearStarting(4, separator: "-")
        case .quarter: return "(CAST(\(year) AS \(text)) || '-Q' || CAST(EXTRACT(QUARTER FROM \(date)) AS \(text)))"
        case .month: return SQLDialect.fill(dialect.yearMonth, [date])
        }
    }

    /// The ordinal of a period label of `kind`, or null when it is not one (as `PeriodLabel.parse`).
    func labelOrdinal(_ label: String, _ kind: PeriodKind) -> String {
        let int = dialect.typeName(.int)
        func digits(_ from: Int, _ count: Int) -> String { "CAST(substr(\(label), \(from), \(count)) AS \(int))" }
        func when(_ pattern: String, _ condition: String?, _ value: String) -> String {
            let shape =
                "length(\(label)) = \(kind == .year ? 4 : 7) AND \(SQLDialect.fill(dialect.matchesPattern, [label, dialect.literal(pattern)]))"
            // Nested, so the casts are only read for labels of the right shape.
            let inner = condition.map { "CASE WHEN \($0) THEN \(value) END" } ?? value
            return "(CASE WHEN \(shape) THEN \(inner) END)"
        }
        let year = digits(1, 4)
        switch kind {
        case .year: return when("^[0-9]{4}$", nil, year)
        case .academicYear: return when("^[0-9]{4}/[0-9]{2}$", "\(digits(6, 2)) = (\(year) + 1) % 100", year)
        case .financialYear: return when("^[0-9]{4}-[0-9]{2}$", "\(digits(6, 2)) = (\(year) + 1) % 100", year)
        case .quarter: return when("^[0-9]{4}-Q[1-4]$", nil, "\(year) * 4 + \(digits(7, 1)) - 1")
        case .month:
            return when("^[0-9]{4}-[0-9]{2}$", "\(digits(6, 2)) BETWEEN 1 AND 12", "\(year) * 12 + \(digits(6, 2)) - 1")
        }
    }

    /// The ordinal of a label read as each kind, in the order `PeriodLabel.kind` tries them: the first
    /// that is not null gives the label's kind.
    func labelReadings(_ label: String) -> [(PeriodKind, String)] {
        PeriodLabel.kindsInReadingOrder.map { ($0, labelOrdinal(label, $0)) }
    }

    /// The label of a period ordinal: its first day, counted in months from a period of 2000, labelled.
    func ordinalLabel(_ ordinal: String, _ kind: PeriodKind) -> String {
        let start = PeriodLabel.start(
            ordinal: PeriodLabel.ordinal(of: CivilDate(year: 2000, month: 1, day: 1), kind), kind)
        let base = PeriodLabel.ordinal(of: start, kind)
        let months = 12 / PeriodLabel.periodsPerYear(kind)
        let date = SQLDialect.fill(dialect.addMonths, ["DATE '\(start.iso)'", "(\(ordinal) - \(base)) * \(months)"])
        return periodLabel(date, kind)
    }
}
