/// Calendar arithmetic on day numbers (days since 1970-01-01) that the statutory clocks rely on.
public enum DateArithmetic {
    /// Same day-of-month n months later, clamped to the month's last day
    /// (2019-01-31 + 1 = 2019-02-28; 2020-02-29 + 12 = 2021-02-28). n may be negative.
    public static func addMonths(_ day: Int32, _ months: Int) -> Int32 {
        let date = CivilDate(dayNumber: day)
        // Count months from year 0 so that negative offsets use floor division, not truncation.
        let monthIndex = date.year * 12 + (date.month - 1) + months
        let year = floorDivide(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        let dayOfMonth = min(date.day, CivilDate.daysInMonth(year: year, month: month))
        return CivilDate(year: year, month: month, day: dayOfMonth).dayNumber
    }

    /// ISO weekday of a day number: 1 = Monday ... 7 = Sunday.
    public static func isoWeekday(_ day: Int32) -> Int {
        // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
        let fromMonday = (Int(day) + 3) % 7
        return (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1
    }

    /// Division rounding towards negative infinity.
    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
