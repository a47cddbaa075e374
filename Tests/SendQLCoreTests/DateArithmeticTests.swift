import Testing
@testable import SendQLCore

struct DateArithmeticTests {
    private func day(_ iso: String) -> Int32 { CivilDate(iso: iso)!.dayNumber }
    private func iso(_ day: Int32) -> String { CivilDate(dayNumber: day).iso }

    @Test(arguments: [
        ("2019-01-31", 1, "2019-02-28"),
        ("2020-01-31", 1, "2020-02-29"),
        ("2020-02-29", 12, "2021-02-28"),
        ("2020-02-29", 48, "2024-02-29"),
        ("2019-03-31", -1, "2019-02-28"),
        ("2019-03-31", 1, "2019-04-30"),
        ("2019-12-15", 1, "2020-01-15"),
        ("2020-01-15", -1, "2019-12-15"),
        ("2019-05-31", -12, "2018-05-31"),
        ("2019-08-31", 0, "2019-08-31"),
        ("2019-01-01", -25, "2016-12-01"),
        ("2019-10-31", 4, "2020-02-29"),
        ("1969-12-31", 2, "1970-02-28"),
        ("1970-01-31", -13, "1968-12-31"),
    ])
    func addMonthsClampsToMonthEnd(start: String, months: Int, expected: String) {
        #expect(iso(DateArithmetic.addMonths(day(start), months)) == expected)
    }

    /// The review clock's "within 12 months starting with" the meeting: add 12 months, less a day.
    @Test func twelveMonthsStartingWithEndsTheDayBeforeTheAnniversary() {
        #expect(iso(DateArithmetic.addMonths(day("2019-03-15"), 12) - 1) == "2020-03-14")
        #expect(iso(DateArithmetic.addMonths(day("2020-02-29"), 12) - 1) == "2021-02-27")
    }

    @Test func addMonthsThereAndBackIsIdentityUpToDay28() {
        for start in day("2015-01-01")...day("2016-12-31") where CivilDate(dayNumber: start).day <= 28 {
            for months in [-30, -1, 1, 7, 12, 25] {
                #expect(DateArithmetic.addMonths(DateArithmetic.addMonths(start, months), -months) == start)
            }
        }
    }

    @Test(arguments: [
        ("1970-01-01", 4), ("1969-12-28", 7), ("1969-12-29", 1), ("2024-02-29", 4), ("2020-02-29", 6),
        ("2022-09-19", 1),
    ])
    func isoWeekdayMatchesCivilDate(date: String, weekday: Int) {
        #expect(DateArithmetic.isoWeekday(day(date)) == weekday)
        #expect(CivilDate(iso: date)!.isoWeekday == weekday)
    }

    @Test func floorDivisionRoundsDown() {
        #expect(DateArithmetic.floorDivide(7, 7) == 1)
        #expect(DateArithmetic.floorDivide(-1, 7) == -1)
        #expect(DateArithmetic.floorDivide(-7, 7) == -1)
        #expect(DateArithmetic.floorDivide(-8, 7) == -2)
        #expect(DateArithmetic.floorDivide(6, 7) == 0)
    }
}
