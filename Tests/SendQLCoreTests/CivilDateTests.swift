import Testing
@testable import SendQLCore

struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", Int32(0)), ("1969-12-31", -1), ("2000-02-29", 11016),
        ("2019-01-31", 17927), ("2020-02-29", 18321), ("2024-12-31", 20088),
    ])
    func roundTrips(iso: String, day: Int32) throws {
        let date = try #require(CivilDate(iso: iso))
        #expect(date.dayNumber == day)
        #expect(CivilDate(dayNumber: day).iso == iso)
    }

    @Test(arguments: ["2019-02-29", "2019-02-30", "2019-13-01", "2019-00-10", "2019-1-1", "19-01-01", ""])
    func rejectsImpossibleDates(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func weekdays() {
        #expect(CivilDate(iso: "1970-01-01")!.isoWeekday == 4)
        #expect(CivilDate(iso: "2024-12-25")!.isoWeekday == 3)
        #expect(CivilDate(iso: "1969-12-28")!.isoWeekday == 7)
    }

    @Test func everyDayRoundTripsAcrossFourCenturies() {
        for day in Int32(-150_000)...Int32(150_000) {
            let civil = CivilDate(dayNumber: day)
            #expect(civil.dayNumber == day)
        }
    }
}
