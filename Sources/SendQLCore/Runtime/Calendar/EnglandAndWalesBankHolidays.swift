/// The England and Wales bank holidays, computed from the rules that set them rather than typed in,
/// so that every year in range is covered and a wrong year cannot hide in a long literal list.
public enum EnglandAndWalesBankHolidays {
    /// The years the computation is valid for: the rules below (and the one-off days) are known to
    /// hold for these years; later years may gain one-off days that nobody can know yet.
    public static let years: ClosedRange<Int> = 2000...2040

    /// The bank holidays of one year, in date order, as day numbers.
    public static func holidays(in year: Int) -> [Int32] {
        var days: [Int32] = []
        days.append(newYearsDay(year))

        let easter = easterSunday(year)
        days.append(easter - 2)  // Good Friday
        days.append(easter + 1)  // Easter Monday

        // Early May: first Monday of May, moved to Friday 8 May in 2020 for the 75th VE Day.
        days.append(year == 2020 ? date(2020, 5, 8) : firstMonday(year, month: 5))

        // Spring: last Monday of May, moved in jubilee years next to the jubilee day.
        switch year {
        case 2002: days.append(date(2002, 6, 4))
        case 2012: days.append(date(2012, 6, 4))
        case 2022: days.append(date(2022, 6, 2))
        default: days.append(lastMonday(year, month: 5))
        }

        days.append(lastMonday(year, month: 8))  // Summer
        days.append(contentsOf: christmasAndBoxingDay(year))
        days.append(contentsOf: oneOffDays(year))
        return days.sorted()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> Int32 {
        let a = year % 19
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return date(year, month, day)
    }

    /// 1 January, or the Monday after when it falls at a weekend.
    static func newYearsDay(_ year: Int) -> Int32 {
        let first = date(year, 1, 1)
        switch DateArithmetic.isoWeekday(first) {
        case 6: return first + 2
        case 7: return first + 1
        default: return first
        }
    }

    /// Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a weekend.
    static func christmasAndBoxingDay(_ year: Int) -> [Int32] {
        let christmas = date(year, 12, 25)
        switch DateArithmetic.isoWeekday(christmas) {
        case 5: return [christmas, christmas + 3]  // Boxing Day Saturday: substitute Monday 28th
        case 6: return [christmas + 2, christmas + 3]  // substitutes Monday 27th and Tuesday 28th
        case 7: return [christmas + 1, christmas + 2]  // Boxing Day Monday, Christmas substitute Tuesday
        default: return [christmas, christmas + 1]
        }
    }

    /// Days granted once by royal proclamation.
    static func oneOffDays(_ year: Int) -> [Int32] {
        switch year {
        case 2002: return [date(2002, 6, 3)]  // Golden Jubilee
        case 2011: return [date(2011, 4, 29)]  // Royal wedding
        case 2012: return [date(2012, 6, 5)]  // Diamond Jubilee
        case 2022: return [date(2022, 6, 3), date(2022, 9, 19)]  // Platinum Jubilee; state funeral
        case 2023: return [date(2023, 5, 8)]  // Coronation
        default: return []
        }
    }

    static func firstMonday(_ year: Int, month: Int) -> Int32 {
        let first = date(year, month, 1)
        return first + Int32((8 - DateArithmetic.isoWeekday(first)) % 7)
    }

    static func lastMonday(_ year: Int, month: Int) -> Int32 {
        let last = date(year, month, CivilDate.daysInMonth(year: year, month: month))
        return last - Int32(DateArithmetic.isoWeekday(last) - 1)
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        CivilDate(year: year, month: month, day: day).dayNumber
    }
}
