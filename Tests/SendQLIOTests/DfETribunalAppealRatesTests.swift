import SendQLCore
import Testing
@testable import SendQLIO

/// The formatted SEND Tribunal appeal rate table read into one row per authority and year.
struct DfETribunalAppealRatesTests {
    static func table() throws -> Table { try PublishedStatistics.tribunalAppealRates.get().table }

    @Test func isReadAsATidyTable() throws {
        let loaded = try PublishedStatistics.tribunalAppealRates.get()
        #expect(loaded.layout == .tribunalAppealRates)
        #expect(loaded.name == "dfe_send_tribunal_appeal_rates_2014_2024")
        #expect(
            loaded.numericColumns == [
                "appeals_registered", "total_appealable_decisions", "send_tribunal_appeal_rate",
                "in_development_total_appealable_decisions", "in_development_send_tribunal_appeal_rate",
            ])
        let table = loaded.table
        #expect(table.column(named: "appeals_registered")?.type == .int)
        #expect(table.column(named: "send_tribunal_appeal_rate")?.type == .double)
        #expect(table.column(named: "old_la_code")?.type == .string)
    }

    @Test func kingstonUponThames2019() throws {
        let rows = try Self.table().rows(where: ["time_period": .int(2019), "old_la_code": .string("314")])
        try #require(rows.count == 1)
        #expect(rows[0]["la_name"] == .string("Kingston upon Thames"))
        #expect(rows[0]["region_name"] == .string("London"))
        #expect(rows[0]["region_code"] == .string("E12000007"))
        #expect(rows[0]["appeals_registered"] == .int(35))
        #expect(rows[0]["total_appealable_decisions"] == .int(1362))
        #expect(rows[0]["send_tribunal_appeal_rate"] == .double(2.6))
        #expect(rows[0]["in_development_send_tribunal_appeal_rate"] == .null)
    }

    @Test func englandTotalIsTheNationalRow() throws {
        let rows = try Self.table().rows(where: ["time_period": .int(2024), "geographic_level": .string("National")])
        #expect(rows.map { $0["breakdown"] } == [.string("Total"), .string("Total excluding suppressed")])
        #expect(rows[0]["appeals_registered"] == .int(22_276))
        #expect(rows[0]["total_appealable_decisions"] == .int(689_739))
        #expect(rows[0]["send_tribunal_appeal_rate"] == .double(3.2))
        #expect(rows[0]["in_development_send_tribunal_appeal_rate"] == .double(6.1))
        #expect(rows[1]["appeals_registered"] == .int(22_082))
        #expect(rows[1]["total_appealable_decisions"] == .null)
        #expect(rows[1]["la_name"] == .null)
        // The row excluding suppressed authorities has figures for 2024 only; its other years are null.
        let excluding = try Self.table().rows(where: ["breakdown": .string("Total excluding suppressed")])
        #expect(excluding.count == 11)
        #expect(excluding.filter { $0["appeals_registered"] != .null }.map { $0["time_period"] } == [.int(2024)])
    }

    @Test func symbolsAreKeptAndFootnotesDropped() throws {
        let table = try Self.table()
        let hartlepool = table.rows(where: ["time_period": .int(2014), "old_la_code": .string("805")])
        #expect(hartlepool.first?["appeals_registered"] == .null)
        #expect(hartlepool.first?["appeals_registered_symbol"] == .string("-"))
        #expect(hartlepool.first?["send_tribunal_appeal_rate"] == .double(0))
        let bournemouth = table.rows(where: ["time_period": .int(2020), "la_name": .string("Bournemouth")])
        #expect(bournemouth.first?["appeals_registered_symbol"] == .string(".."))
        #expect(bournemouth.first?["old_la_code"] == .null)
        let surrey = table.rows(where: ["time_period": .int(2024), "la_name": .string("Surrey")])
        #expect(surrey.first?["in_development_send_tribunal_appeal_rate_symbol"] == .string("x"))
        // Isles of Scilly left its 2023 appeals blank: null, and no symbol.
        let scilly = table.rows(where: ["time_period": .int(2023), "la_name": .string("Isles of Scilly")])
        #expect(scilly.first?["appeals_registered"] == .null)
        #expect(scilly.first?["appeals_registered_symbol"] == .null)
        #expect(scilly.first?["total_appealable_decisions"] == .int(20))
    }

    @Test func everyYearHasEveryAuthorityOnce() throws {
        let table = try Self.table()
        let period = try #require(table.column(named: "time_period"))
        let name = try #require(table.column(named: "la_name"))
        var seen: Set<String> = []
        for row in 0..<table.rowCount where !name[row].isNull {
            #expect(seen.insert("\(period[row]) \(name[row])").inserted, "\(period[row]) \(name[row]) repeats")
        }
        let years = Set((0..<table.rowCount).map { period[$0] })
        #expect(years == Set((2014...2024).map { Value.int(Int64($0)) }))
    }

    @Test func aYearWithEveryCellBlankIsKeptAsNulls() throws {
        // Cumbria split in April 2023; the table leaves its 2024 cells blank. The row stays, all null.
        let table = try Self.table()
        let cumbria = table.rows(where: ["time_period": .int(2024), "la_name": .string("Cumbria")])
        #expect(cumbria.count == 1)
        let row = try #require(cumbria.first)
        #expect(row["appeals_registered"] == .null)
        #expect(row["appeals_registered_symbol"] == .null)
        #expect(row["old_la_code"] == .string("909"))
        #expect(
            table.rows(where: ["time_period": .int(2023), "la_name": .string("Cumbria")]).first?[
                "appeals_registered_symbol"] == .string(".."))
    }

    @Test func cellsAreNormalised() {
        #expect(DfETribunalAppealRates.normalised(" 2,533 ") == "2533")
        #expect(DfETribunalAppealRates.normalised("1.80%") == "1.80")
        #expect(DfETribunalAppealRates.normalised(" - ") == "-")
        #expect(DfETribunalAppealRates.normalised(" .. ") == "..")
        #expect(DfETribunalAppealRates.withoutFootnote("England Total4,9") == "England Total")
        #expect(
            DfETribunalAppealRates.withoutFootnote("Bournemouth, Christchurch and Poole5")
                == "Bournemouth, Christchurch and Poole")
        #expect(
            DfETribunalAppealRates.snakeCase("In development: SEND Tribunal Appeal Rate")
                == "in_development_send_tribunal_appeal_rate")
    }
}
