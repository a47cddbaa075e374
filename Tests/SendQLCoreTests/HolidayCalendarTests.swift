import Testing
@testable import SendQLCore

struct HolidayCalendarTests {
    let calendar = HolidayCalendar.englandAndWales

    private func day(_ iso: String) -> Int32 { CivilDate(iso: iso)!.dayNumber }
    private func iso(_ day: Int32) -> String { CivilDate(dayNumber: day).iso }

    @Test(arguments: [
        ("2019-03-15", "2019-03-18"),  // Friday + 1 = Monday
        ("2019-08-23", "2019-08-27"),  // Friday before the summer bank holiday: Tuesday
        ("2019-04-18", "2019-04-23"),  // Thursday before Easter: Good Friday and Easter Monday skipped
        ("2019-12-24", "2019-12-27"),  // Christmas Eve: 25th and 26th skipped
        ("2020-12-24", "2020-12-29"),  // Christmas Eve 2020: Friday 25th, weekend, substitute Monday 28th
        ("2021-12-24", "2021-12-29"),  // Christmas on Saturday: substitutes Monday 27th and Tuesday 28th
        ("2021-12-31", "2022-01-04"),  // across New Year: Saturday 1st substituted by Monday 3rd
        ("2022-09-16", "2022-09-20"),  // the state funeral Monday
        ("2019-03-16", "2019-03-18"),  // Saturday + 1 = Monday
        ("2019-03-17", "2019-03-18"),  // Sunday + 1 = Monday
        ("2020-05-07", "2020-05-11"),  // VE Day Friday 2020
    ])
    func addOneWorkingDay(start: String, expected: String) {
        #expect(iso(calendar.addWorkingDays(day(start), 1)) == expected)
    }

    @Test(arguments: [
        ("2019-03-18", 0, "2019-03-18"),
        ("2019-03-16", 0, "2019-03-16"),  // day 0 is the start itself, even at a weekend
        ("2019-03-18", -1, "2019-03-15"),  // Monday - 1 = Friday
        ("2019-04-23", -1, "2019-04-18"),  // Tuesday after Easter - 1 = Maundy Thursday
        ("2022-01-04", -2, "2021-12-30"),
        ("2019-01-02", 20, "2019-01-30"),
        ("2018-12-03", 20, "2019-01-03"),  // a complaint received in December: 20 working days
        ("2019-12-20", 5, "2019-12-31"),
        ("2019-12-20", 6, "2020-01-02"),  // across New Year
    ])
    func addWorkingDays(start: String, n: Int, expected: String) {
        #expect(iso(calendar.addWorkingDays(day(start), n)) == expected)
    }

    @Test func workingDayClassification() {
        #expect(calendar.isWorkingDay(day("2019-03-15")))
        #expect(!calendar.isWorkingDay(day("2019-03-16")))
        #expect(!calendar.isWorkingDay(day("2019-03-17")))
        #expect(!calendar.isWorkingDay(day("2019-04-19")))
        #expect(!calendar.isWorkingDay(day("2023-05-08")))
        #expect(calendar.isWorkingDay(day("2020-05-04")))  // the early May holiday moved to the 8th
        #expect(!calendar.isWorkingDay(day("2020-05-08")))
    }

    @Test func workingDaysBetweenCountsHalfOpenRanges() {
        #expect(calendar.workingDaysBetween(day("2019-03-15"), day("2019-03-18")) == 1)
        #expect(calendar.workingDaysBetween(day("2019-03-18"), day("2019-03-18")) == 0)
        #expect(calendar.workingDaysBetween(day("2019-03-18"), day("2019-03-15")) == -1)
        #expect(calendar.workingDaysBetween(day("2019-03-17"), day("2019-03-16")) == 0)
        // 2019 has 261 weekdays and 8 weekday bank holidays.
        #expect(calendar.workingDaysBetween(day("2018-12-31"), day("2019-12-31")) == 253)
        #expect(calendar.workingDaysBetween(day("2019-12-31"), day("2018-12-31")) == -253)
    }

    /// workingDaysBetween is the inverse of addWorkingDays from every start day, weekends and
    /// holidays included, in both directions.
    @Test func workingDaysBetweenInvertsAddWorkingDays() {
        for start in day("2019-11-01")...day("2023-02-28") {
            for n in [-45, -20, -6, -1, 0, 1, 2, 5, 20, 61] {
                let end = calendar.addWorkingDays(start, n)
                #expect(calendar.workingDaysBetween(start, end) == n, "\(iso(start)) + \(n)")
                if n != 0 { #expect(calendar.isWorkingDay(end)) }
            }
        }
    }

    /// The counting shortcut agrees with walking day by day, across a leap year and century range.
    @Test func workingDaysBetweenAgreesWithWalking() {
        let origin = day("2011-12-20")
        var walked = 0
        for end in origin...(origin + 800) {
            if end > origin && calendar.isWorkingDay(end) { walked += 1 }
            #expect(calendar.workingDaysBetween(origin, end) == walked)
        }
    }

    @Test func localClosuresAddToBankHolidays() {
        let closures = [day("2019-12-27"), day("2019-12-30"), day("2019-12-31")]
        let local = calendar.adding(closures: closures)
        #expect(!local.isWorkingDay(day("2019-12-30")))
        #expect(calendar.isWorkingDay(day("2019-12-30")))
        #expect(iso(local.addWorkingDays(day("2019-12-24"), 1)) == "2020-01-02")
        #expect(local.holidays.count == calendar.holidays.count + 3)
    }

    @Test func weekendClosuresDoNotRemoveWorkingDaysTwice() {
        let local = HolidayCalendar(holidays: [day("2019-03-16"), day("2019-03-18")])
        #expect(local.workingDaysBetween(day("2019-03-15"), day("2019-03-22")) == 4)
        #expect(iso(local.addWorkingDays(day("2019-03-15"), 1)) == "2019-03-19")
    }

    /// Holidays thousands of years apart are looked up by binary search instead of the bitmap.
    @Test func widelySpreadHolidaysAreStillFound() {
        let farFuture = CivilDate(year: 9000, month: 1, day: 3).dayNumber
        let spread = HolidayCalendar(holidays: [day("2019-03-18"), farFuture])
        #expect(!spread.isWorkingDay(day("2019-03-18")))
        #expect(spread.isWorkingDay(day("2019-03-19")))
        #expect(!spread.isWorkingDay(farFuture))
        #expect(spread.isWorkingDay(farFuture - 1))  // Thursday 9000-01-02
        #expect(spread.workingDaysBetween(day("2019-03-15"), day("2019-03-19")) == 1)
        #expect(iso(spread.addWorkingDays(day("2019-03-15"), 1)) == "2019-03-19")
    }

    @Test func emptyCalendarSkipsOnlyWeekends() {
        let weekendsOnly = HolidayCalendar(holidays: [])
        #expect(weekendsOnly.isWorkingDay(day("2019-12-25")))
        #expect(weekendsOnly.workingDaysBetween(day("2019-12-31"), day("2020-12-31")) == 262)
    }
}
