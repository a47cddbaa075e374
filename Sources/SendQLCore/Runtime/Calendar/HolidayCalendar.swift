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
    /// One bit per day from `bitmapStart`, set on weekday holidays: `isWorkingDay` is on the hot path
    /// of every working-day clock, and a bit test is several times cheaper than hashing into the set.
    private let holidayBits: [UInt64]
    private let bitmapStart: Int32

    /// A calendar whose non-working days are weekends and the given days.
    public init(holidays: Set<Int32>) {
        self.holidays = holidays
        let weekdayHolidays = holidays.filter { DateArithmetic.isoWeekday($0) <= 5 }.sorted()
        self.weekdayHolidays = weekdayHolidays
        // Holidays spread over more than about 2,700 years are left to binary search alone.
        if let first = weekdayHolidays.first, let last = weekdayHolidays.last, Int(last) - Int(first) < 1 << 20 {
            var bits = [UInt64](repeating: 0, count: Int(last - first) / 64 + 1)
            for day in weekdayHolidays {
                let offset = Int(day - first)
                bits[offset >> 6] |= 1 << UInt64(offset & 63)
            }
            holidayBits = bits
            bitmapStart = first
        } else {
            holidayBits = []
            bitmapStart = 0
        }
    }

    /// This calendar with local closure days (e.g. an office closure between Christmas and New Year) added.
    public func adding(closures: some Sequence<Int32>) -> HolidayCalendar {
        HolidayCalendar(holidays: holidays.union(closures))
    }

    /// True when the day is Monday to Friday and not a holiday.
    public func isWorkingDay(_ day: Int32) -> Bool {
        guard DateArithmetic.isoWeekday(day) <= 5 else { return false }
        guard !holidayBits.isEmpty else { return !isWeekdayHoliday(day) }
        let offset = Int(day) - Int(bitmapStart)
        guard offset >= 0, offset >> 6 < holidayBits.count else { return true }
        return holidayBits[offset >> 6] & (1 << UInt64(offset & 63)) == 0
    }

    /// Binary search for calendars whose holidays are too spread out for the bitmap.
    private func isWeekdayHoliday(_ day: Int32) -> Bool {
        let index = holidaysBefore(Int(day))
        return index < weekdayHolidays.count && weekdayHolidays[index] == day
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
