/// Working days in SQL: a calendar CTE of every day from 1950 to 2100 with whether it is a working
/// day and how many working days there have been up to it (`working_rank`), so that "n working days
/// later" is the working day whose rank is n more, and "working days between" a difference of ranks.
/// The bank holidays (and any closures) are the session calendar's, inlined.
extension SQLScriptWriter {
    static let calendarFirstDay = CivilDate(year: 1950, month: 1, day: 1).dayNumber
    static let calendarLastDay = CivilDate(year: 2100, month: 12, day: 31).dayNumber

    func calendarCTE() -> String {
        let q = dialect.quote
        let first = Self.calendarFirstDay, last = Self.calendarLastDay
        var holidays: [String] = []
        for day in first...last where !context.calendar.isWorkingDay(day) {
            if CivilDate(dayNumber: day).isoWeekday <= 5 { holidays.append("DATE '\(CivilDate(dayNumber: day).iso)'") }
        }
        var rows: [String] = []
        for start in stride(from: 0, to: holidays.count, by: 8) {
            rows.append(holidays[start..<min(start + 8, holidays.count)].joined(separator: ", "))
        }
        let series = SQLDialect.fill(dialect.integerSeries, ["0", String(last - first)])
        let day = SQLDialect.fill(dialect.addDays, ["DATE '\(CivilDate(dayNumber: first).iso)'", "n.\(q("value"))"])
        let weekday = SQLDialect.fill(dialect.isoWeekday, ["s.\(q("day"))"])
        let holidayTest =
            holidays.isEmpty
            ? "FALSE" : "s.\(q("day")) IN (\n\(SQLText.indent(rows.joined(separator: ",\n"), by: 10))\n        )"
        let body = """
            SELECT w.\(q("day")), w.\(q("working")),
              CAST(SUM(CASE WHEN w.\(q("working")) THEN 1 ELSE 0 END) OVER (ORDER BY w.\(q("day")) ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS \(q("working_rank"))
            FROM (
              SELECT s.\(q("day")),
                NOT (\(weekday) >= 6 OR \(holidayTest)) AS \(q("working"))
              FROM (SELECT \(day) AS \(q("day")) FROM (\(series)) AS n) AS s
            ) AS w
            """
        return "-- England and Wales working days (bank holidays inlined), 1950 to 2100\n"
            + "\(q(calendarName)) AS (\n\(SQLText.indent(body))\n)"
    }

    /// The calendar row of a day, joined into the layer once per distinct day expression.
    func calendarRow(_ day: String, _ layer: inout SQLLayer) -> String {
        usesCalendar = true
        if let known = layer.calendarRows[day] { return known }
        let name = alias("c")
        layer.joins.append(
            "LEFT JOIN \(dialect.quote(calendarName)) AS \(name) ON \(name).\(dialect.quote("day")) = \(day)")
        layer.calendarRows[day] = name
        return name
    }

    /// `add_working_days(d, n)`: n working days after d (before it when negative); d itself for 0.
    func addWorkingDays(_ day: String, _ count: String, _ layer: inout SQLLayer) -> String {
        let q = dialect.quote
        let c = calendarRow(day, &layer)
        let w = alias("w")
        let rank = "\(c).\(q("working_rank"))"
        let isWorking = "CASE WHEN \(c).\(q("working")) THEN 1 ELSE 0 END"
        // Backwards, the last working day before d has rank rank(d) - working(d).
        layer.joins.append(
            "LEFT JOIN \(q(calendarName)) AS \(w) ON \(w).\(q("working")) AND \(w).\(q("working_rank")) = "
                + "CASE WHEN \(count) >= 0 THEN \(rank) + \(count) ELSE \(rank) - \(isWorking) + \(count) + 1 END")
        return "(CASE WHEN \(count) = 0 THEN \(day) ELSE \(w).\(q("day")) END)"
    }

    /// `working_days_between(a, b)`: working days after a up to b; negative when b is before a.
    func workingDaysBetween(_ start: String, _ end: String, _ layer: inout SQLLayer) -> String {
        let q = dialect.quote
        let a = calendarRow(start, &layer), b = calendarRow(end, &layer)
        func before(_ c: String) -> String {
            "(\(c).\(q("working_rank")) - CASE WHEN \(c).\(q("working")) THEN 1 ELSE 0 END)"
        }
        return "(CASE WHEN \(end) >= \(start) THEN \(b).\(q("working_rank")) - \(a).\(q("working_rank")) "
            + "ELSE \(before(b)) - \(before(a)) END)"
    }

    func isWorkingDay(_ day: String, _ layer: inout SQLLayer) -> String {
        "\(calendarRow(day, &layer)).\(dialect.quote("working"))"
    }
}
