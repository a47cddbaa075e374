import SendQLCore

/// Reads Explore Education Statistics `time_period` values: `2019` (a calendar or financial year
/// written as one year) and `201819` (an academic or financial year written as its two years).
enum DfETimePeriod {
    /// `2019` for 2019, `2018/19` for 201819; the number itself for any other shape.
    static func label(_ period: Int64) -> String {
        guard let (start, end) = yearPair(period) else { return String(period) }
        let twoDigits = end % 100
        return "\(start)/\(twoDigits < 10 ? "0" : "")\(twoDigits)"
    }

    /// The calendar year of a one-year period, the start year of a two-year one; nil otherwise.
    static func year(_ period: Int64) -> Int64? {
        if (1000...9999).contains(period) { return period }
        return yearPair(period)?.start
    }

    /// `(2018, 2019)` for 201819: six digits whose last two are the year after the first four.
    private static func yearPair(_ period: Int64) -> (start: Int64, end: Int64)? {
        guard (100_000...999_999).contains(period) else { return nil }
        let start = period / 100
        guard period % 100 == (start + 1) % 100 else { return nil }
        return (start, start + 1)
    }

    /// `period_label` and `year` columns for an int `time_period` column (null where it is null).
    static func derivedColumns(_ periods: Column) -> (label: Column, year: Column) {
        var labels = ColumnBuilder(type: .string, capacity: periods.count)
        var years = ColumnBuilder(type: .int, capacity: periods.count)
        for row in 0..<periods.count {
            guard case .int(let period) = periods[row] else {
                labels.appendNull()
                years.appendNull()
                continue
            }
            labels.append(string: label(period))
            if let year = year(period) { years.append(int: year) } else { years.appendNull() }
        }
        return (labels.finish(), years.finish())
    }
}
