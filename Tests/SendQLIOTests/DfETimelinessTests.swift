import SendQLCore
import Testing
@testable import SendQLIO

/// The published 20-week timeliness (`timeliness_20_week.csv`, reporting year 2025) read back: the
/// headline figures, and England's totals rebuilt from the local authorities' rows.
struct DfETimelinessTests {
    static let allPlans = "All EHC plans issued"
    static let numerator = "plans_issued_20_weeks_ex"
    static let denominator = "plans_issued_den_ex"

    /// England's headline row for a year.
    static func england(_ year: Int64) throws -> [String: Value] {
        let table = try PublishedStatistics.timeliness.get().table
        let rows = table.rows(where: [
            "time_period": .int(year), "geographic_level": .string("National"), "breakdown": .string(allPlans),
        ])
        try #require(rows.count == 1, "one National row for \(year)")
        return rows[0]
    }

    @Test func englandsHeadlineFor2019() throws {
        let row = try Self.england(2019)
        #expect(row[Self.numerator] == .int(29_895))
        #expect(row[Self.denominator] == .int(49_519))
        #expect(row["PC_plans_issued_20_weeks_ex"] == .double(60.4))
        #expect(row["period_label"] == .string("2019"))
        #expect(row["year"] == .int(2019))
        #expect(try Self.england(2024)["PC_plans_issued_20_weeks_ex"] == .double(46.4))
    }

    /// What the local authorities' rows of one year add up to, and which of them are suppressed.
    struct YearSum: CustomStringConvertible {
        var year: Int64
        var authorities = 0
        var numerator: Int64 = 0
        var denominator: Int64 = 0
        /// `la_name (symbol)` for every authority whose numerator or denominator is a symbol.
        var suppressed: [String] = []
        /// Authorities with a blank cell (null, and no symbol): none are expected.
        var blank: [String] = []
        var england: (numerator: Int64, denominator: Int64) = (0, 0)

        var reproduces: Bool { numerator == england.numerator && denominator == england.denominator }

        var description: String {
            let status =
                suppressed.isEmpty
                ? (reproduces ? "reproduced" : "NOT reproduced although nothing is suppressed")
                : "cannot be reproduced: suppressed \(suppressed.joined(separator: ", "))"
            return "\(year): \(authorities) LAs sum to \(numerator) of \(denominator); England \(england.numerator) "
                + "of \(england.denominator); \(status)"
        }
    }

    static func yearSums() throws -> [YearSum] {
        let table = try PublishedStatistics.timeliness.get().table
        let column = { (name: String) throws -> Column in try #require(table.column(named: name), "\(name)") }
        let period = try column("time_period"), level = try column("geographic_level")
        let breakdown = try column("breakdown"), name = try column("la_name")
        let onTime = try column(Self.numerator), onTimeSymbol = try column(Self.numerator + "_symbol")
        let plans = try column(Self.denominator), plansSymbol = try column(Self.denominator + "_symbol")
        var sums: [Int64: YearSum] = [:]
        for row in 0..<table.rowCount where breakdown[row] == .string(allPlans) {
            guard case .int(let year) = period[row] else { continue }
            var sum = sums[year] ?? YearSum(year: year)
            if level[row] == .string("National") {
                guard case .int(let n) = onTime[row], case .int(let d) = plans[row] else {
                    Issue.record("England's \(year) row has no numerator or denominator")
                    continue
                }
                sum.england = (n, d)
            } else if level[row] == .string("Local authority") {
                sum.authorities += 1
                let symbols = [onTimeSymbol[row], plansSymbol[row]].filter { !$0.isNull }
                if !symbols.isEmpty {
                    sum.suppressed.append("\(name[row]) (\(symbols.map(\.description).joined(separator: "/")))")
                }
                if case .int(let n) = onTime[row] {
                    sum.numerator += n
                } else if onTimeSymbol[row].isNull {
                    sum.blank.append("\(name[row])")
                }
                if case .int(let d) = plans[row] {
                    sum.denominator += d
                } else if plansSymbol[row].isNull {
                    sum.blank.append("\(name[row])")
                }
            }
            sums[year] = sum
        }
        return sums.values.sorted { $0.year < $1.year }
    }

    /// Summing the authorities gives England's figures in every year where no authority's value is
    /// suppressed; the years with a suppressed value are worked out, listed and checked to fall short.
    @Test func englandIsTheSumOfItsAuthoritiesWhereNothingIsSuppressed() throws {
        let sums = try Self.yearSums()
        let report = sums.map(\.description).joined(separator: "\n")
        print("20-week timeliness, England rebuilt from its local authorities:\n" + report)
        #expect(sums.map(\.year) == [2019, 2020, 2021, 2022, 2023, 2024])
        #expect(sums.allSatisfy { $0.blank.isEmpty }, "blank cells: \(report)")
        for sum in sums where sum.suppressed.isEmpty {
            #expect(sum.reproduces, "\(sum)")
        }
        let notReproducible = sums.filter { !$0.suppressed.isEmpty }
        #expect(notReproducible.map(\.year) == [2022, 2023], "years with a suppressed LA value:\n\(report)")
        for sum in notReproducible {
            // A suppressed authority is left out of the sum, so the denominator falls short of England's.
            #expect(sum.denominator < sum.england.denominator, "\(sum)")
        }
        let y2019 = try #require(sums.first)
        #expect(y2019.numerator == 29_895 && y2019.denominator == 49_519)
        #expect((Double(y2019.numerator) / Double(y2019.denominator) * 1000).rounded() / 10 == 60.4)
    }

    @Test(arguments: [
        (Int64(2019), Value.int(178), Value.int(185), Value.double(96.2)),
        (2023, .int(106), .int(224), .double(47.3)),
        (2024, .int(259), .int(276), .double(93.8)),
    ])
    func kingstonUponThames(year: Int64, onTime: Value, plans: Value, percent: Value) throws {
        let table = try PublishedStatistics.timeliness.get().table
        let rows = table.rows(where: [
            "time_period": .int(year), "new_la_code": .string("E09000021"), "breakdown": .string(Self.allPlans),
        ])
        try #require(rows.count == 1)
        #expect(rows[0]["old_la_code"] == .string("314"))
        #expect(rows[0]["la_name"] == .string("Kingston upon Thames"))
        #expect(rows[0][Self.numerator] == onTime)
        #expect(rows[0][Self.denominator] == plans)
        #expect(rows[0]["PC_plans_issued_20_weeks_ex"] == percent)
    }

    /// A quoted name with a comma in the real file is one value, beside its codes.
    @Test func quotedNamesKeepTheirCommas() throws {
        let table = try PublishedStatistics.timeliness.get().table
        let hull = table.rows(where: [
            "time_period": .int(2024), "la_name": .string("Kingston upon Hull, City of"),
            "breakdown": .string(Self.allPlans),
        ])
        #expect(hull.count == 1)
        #expect(hull.first?["old_la_code"] == .string("810"))
        #expect(hull.first?["new_la_code"] == .string("E06000010"))
    }

    /// Every `x` of the file is kept as a symbol: a null with a symbol, never a zero or a blank.
    @Test func suppressedCellsAreNullWithTheirSymbol() throws {
        let loaded = try PublishedStatistics.timeliness.get()
        let table = loaded.table
        #expect(loaded.numericColumns.count == 14)
        let percent = try #require(table.column(named: "PC_plans_issued_20_weeks_ex"))
        let symbols = try #require(table.column(named: "PC_plans_issued_20_weeks_ex_symbol"))
        // 178 cells of this column are `x` in the file, and none is blank.
        #expect(percent.nullCount == 178)
        #expect((0..<table.rowCount).filter { symbols[$0] == .string("x") }.count == 178)
        #expect((0..<table.rowCount).allSatisfy { percent[$0].isNull == !symbols[$0].isNull })
        let norfolk2022 = table.rows(where: [
            "time_period": .int(2022), "la_name": .string("Norfolk"), "breakdown": .string(Self.allPlans),
        ])
        #expect(norfolk2022.first?[Self.numerator] == .null)
        #expect(norfolk2022.first?[Self.numerator + "_symbol"] == .string("x"))
    }
}
