import SendQLCore
import Testing
@testable import SendQLIO

/// The 2022 edition's `sen2_mi.csv` (old aggregate SEN2, its own column names) read the same generic way.
struct DfEOlderEditionTests {
    @Test func englandAndKingstonMatchThePublishedFigures() throws {
        let loaded = try PublishedStatistics.oldTimeliness.get()
        #expect(loaded.name == "dfe_sen2_mi")
        let table = loaded.table
        #expect(table.column(named: "TotNoExcEHC")?.type == .int)
        #expect(table.column(named: "NoExc20weekRate")?.type == .double)
        let england = table.rows(where: ["time_period": .int(2019), "geographic_level": .string("National")])
        #expect(england.first?["TotNoExcEHC"] == .int(49_519))
        #expect(england.first?["NoExc20weekEHC"] == .int(29_895))
        #expect(england.first?["NoExc20weekRate"] == .double(60.4))
        for (year, rate) in [(Int64(2017), 88.7), (2018, 76.6), (2019, 96.2)] {
            let kingston = table.rows(where: ["time_period": .int(year), "old_la_code": .string("314")])
            #expect(kingston.first?["NoExc20weekRate"] == .double(rate), "\(year)")
        }
    }

    /// 2014's Kingston row has no plans, so its rate is `z` (not applicable), not 0.
    @Test func notApplicableIsNotZero() throws {
        let table = try PublishedStatistics.oldTimeliness.get().table
        let kingston = table.rows(where: ["time_period": .int(2014), "old_la_code": .string("314")])
        #expect(kingston.first?["TotNoExcEHC"] == .int(0))
        #expect(kingston.first?["NoExc20weekRate"] == .null)
        #expect(kingston.first?["NoExc20weekRate_symbol"] == .string("z"))
        // Quoted empty codes ("") on the National rows are blank, not symbols.
        let england = table.rows(where: ["time_period": .int(2014), "geographic_level": .string("National")])
        #expect(england.first?["region_code"] == .null)
    }

    /// The 2021 figures of both editions agree.
    @Test func editionsAgreeOn2021() throws {
        let old = try PublishedStatistics.oldTimeliness.get().table
            .rows(where: ["time_period": .int(2021), "geographic_level": .string("National")])
        let new = try PublishedStatistics.timeliness.get().table.rows(where: [
            "time_period": .int(2021), "geographic_level": .string("National"),
            "breakdown": .string("All EHC plans issued"),
        ])
        #expect(old.first?["TotNoExcEHC"] == new.first?["plans_issued_den_ex"])
        #expect(old.first?["NoExc20weekEHC"] == new.first?["plans_issued_20_weeks_ex"])
    }
}
