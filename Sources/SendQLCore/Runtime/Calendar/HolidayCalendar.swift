/// Which days are working days: Monday to Friday, except the calendar's holidays.
///
/// Day numbers are days since 1970-01-01. The holidays that fall on weekdays are kept sorted, so
/// counting working days over any span is a subtraction and two binary searches, not a walk.
public struct HolidayCalendar: Sendable {
    /// England and Wales bank holidays for every year 2000-2040, including substitute and one-off days.
    public static let englandAndWales = HolidayCalendar(
        holidays: Set(EnglandAndWalesBankHolidays.years.flatMap(EnglandAndWalesBankHolidays.holidays(in:)))
    )

    /// Every holiday, whether or not it falls at a weekend.
    public let holidays: Set<Int32>
    /// The holidays that fall Monday to Friday, ascending: the only ones that remove a working day.
    private let weekdayHolidays: [Int32]

    /// A calendar whose non-working days are weekends and the given days.
    public init(holidays: Set<Int32>) {
        self.holidays = holidays
        weekdayHolidays = holidays.filter { DateArithmetic.isoWeekday($0) <= 5 }.sorted()
    }

    /// This calendar with local closure days (e.g. an office closure between Christmas and New Year) added.
    public func adding(closures: some Sequence<Int32>) -> HolidayCalendar {
        HolidayCalendar(holidays: holidays.union(closures))
    }

    /// True when the day is Monday to Friday and not a holiday.
    public func isWorkingDay(_ day: Int32) -> Bool {
        DateArithmetic.isoWeekday(day) <= 5 && !holidays.contains(day)
    }

    /// The n-th working day after `day`, which itself counts as day 0 whether or not it is a working
    /// day: a Friday plus 1 is the next Monday (Tuesday when that Monday is a bank holiday); a Monday
    /// minus 1 is the Friday before. n = 0 returns `day` unchanged. Takes time proportional to |n|.
    public func addWorkingDays(_ day: Int32, _ n: Int) -> Int32 {
        var current = day
        var remaining = abs(n)
        let step: Int32 = n >= 0 ? 1 : -1
        while remaining > 0 {
            current += step
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The number of working days from `start` to `end`.
    ///
    /// When `end >= start` it counts the working days d with start < d <= end. When `end < start` it is
    /// minus the count of working days d with end <= d < start. The two half-open ranges mirror each
    /// other so that `workingDaysBetween(s, addWorkingDays(s, n)) == n` for every s and n, negative
    /// n included. (It is therefore antisymmetric only when both days are working days.)
    public func workingDaysBetween(_ start: Int32, _ end: Int32) -> Int {
        if end >= start {
            return workingDays(from: Int(start) + 1, upTo: Int(end) + 1)
        } else {
            return -workingDays(from: Int(end), upTo: Int(start))
        }
    }

    /// Working days d with lower <= d < upper.
    private func workingDays(from lower: Int, upTo upper: Int) -> Int {
        weekdaysBefore(upper) - weekdaysBefore(lower) - holidaysBefore(upper) + holidaysBefore(lower)
    }

    /// Weekdays (Monday to Friday) from the Monday 1970-01-05 (day 4) up to, not including, `day`;
    /// negative for days before it. Only differences of this function are meaningful.
    private func weekdaysBefore(_ day: Int) -> Int {
        let offset = day - 4
        let weeks = DateArithmetic.floorDivide(offset, 7)
        return weeks * 5 + min(offset - weeks * 7, 5)
    }

    /// Weekday holidays strictly before `day`.
    private func holidaysBefore(_ day: Int) -> Int {
        var low = 0, high = weekdayHolidays.count
        while low < high {
            let middle = (low + high) / 2
            if Int(weekdayHolidays[middle]) < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
