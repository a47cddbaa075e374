import Testing
import SendQLCore
@testable import SendQLIO

/// A column's cells as text, `null` for null.
func texts(_ table: Table, _ column: String) -> [String] {
    let values = table.column(named: column)!
    return (0..<values.count).map { values[$0].isNull ? "null" : ResultRenderer.plainText(values[$0]) }
}

struct PublicationSuppressorTests {
    @Test func countsFromOneToTheThresholdAreSuppressedAndZeroIsNot() throws {
        let counts = table([
            ("quarter", .int, [1, 2, 3, 4, 1, 2].map { .int($0) }),
            ("requests", .int, [.int(0), .int(1), .int(5), .int(6), .null, .int(-2)]),
            ("median_days", .double, [.double(3), .double(4.5), .double(5), .double(1), .double(2), .double(3)]),
        ])
        let result = try PublicationSuppressor().apply(counts)
        #expect(texts(result.table, "requests") == ["0", "c", "c", "6", "null", "-2"])
        #expect(result.table.column(named: "requests")!.type == .string)
        // Labels and measures that are not counts are left as they were.
        #expect(result.table.column(named: "quarter") == counts.column(named: "quarter"))
        #expect(result.table.column(named: "median_days") == counts.column(named: "median_days"))
        #expect(
            result.cells == [
                SuppressedCell(row: 1, column: "requests", reason: .primary),
                SuppressedCell(row: 2, column: "requests", reason: .primary),
            ])
        let ten = try PublicationSuppressor(threshold: 10).apply(counts)
        #expect(texts(ten.table, "requests") == ["0", "c", "c", "c", "null", "-2"])
    }

    @Test func aColumnWithNothingSuppressedKeepsItsType() throws {
        let counts = table([("setting", .string, [.string("a"), .string("b")]), ("n", .int, [.int(10), .int(20)])])
        let result = try PublicationSuppressor().apply(counts)
        #expect(result.table == counts)
        #expect(result.cells.isEmpty)
    }

    @Test func aRateOnASuppressedCountIsSuppressed() throws {
        let rates = table([
            ("setting", .string, [.string("mainstream"), .string("special"), .string("independent")]),
            ("on_time", .double, [.double(87.5), .double(60), .double(100)]),
            ("on_time_numerator", .int, [.int(35), .int(3), .int(12)]),
            ("on_time_denominator", .int, [.int(40), .int(5), .int(12)]),
        ])
        let result = try PublicationSuppressor().apply(rates)
        #expect(texts(result.table, "on_time") == ["87.5", "c", "100"])
        #expect(texts(result.table, "on_time_numerator") == ["35", "c", "12"])
        #expect(texts(result.table, "on_time_denominator") == ["40", "c", "12"])
        #expect(
            result.cells.filter { $0.reason == .rate } == [SuppressedCell(row: 1, column: "on_time", reason: .rate)])
    }

    @Test func theKPIPackShape() throws {
        let pack = table([
            (
                "kpi", .string,
                ["ehcp_20wk", "ehcp_20wk", "ehcp_20wk", "ehcp_20wk", "overdue_now", "overdue_now"].map(Value.string)
            ),
            (
                "breakdown", .string,
                ["", "primary_need=ASD", "primary_need=SLCN", "primary_need=SEMH", "final_20wk", "review_12m"].map(
                    Value.string)
            ),
            ("period", .string, ["2024", "2024", "2024", "2024", "2024-12-31", "2024-12-31"].map(Value.string)),
            ("numerator", .int, [.int(228), .int(120), .int(3), .int(105), .int(4), .int(31)]),
            ("denominator", .int, [.int(242), .int(130), .int(7), .int(105), .null, .null]),
            ("value", .double, [.double(94.2), .double(92.3), .double(42.9), .double(100), .null, .null]),
        ])
        let result = try PublicationSuppressor().apply(pack)
        // SLCN's 3 is primary; the total 228 would give it away from ASD and SEMH, so the next
        // smallest (SEMH's 105) goes too; both rates follow. The overdue count of 4 is primary.
        #expect(texts(result.table, "numerator") == ["228", "120", "c", "c", "c", "31"])
        #expect(texts(result.table, "denominator") == ["242", "130", "7", "105", "null", "null"])
        #expect(texts(result.table, "value") == ["94.2", "92.3", "c", "c", "null", "null"])
        #expect(
            result.cells == [
                SuppressedCell(row: 2, column: "numerator", reason: .primary),
                SuppressedCell(row: 2, column: "value", reason: .rate),
                SuppressedCell(row: 3, column: "numerator", reason: .secondary),
                SuppressedCell(row: 3, column: "value", reason: .rate),
                SuppressedCell(row: 4, column: "numerator", reason: .primary),
            ])
    }

    static let settings = table([
        ("setting", .string, ["Total", "mainstream", "special", "independent"].map(Value.string)),
        ("plans", .int, [.int(50), .int(30), .int(17), .int(3)]),
    ])

    @Test func aTotalRowRevealingOneSuppressedCellSuppressesTheNextSmallest() throws {
        let result = try PublicationSuppressor().apply(Self.settings)
        #expect(texts(result.table, "plans") == ["50", "30", "c", "c"])
        #expect(result.cells.map(\.reason) == [.secondary, .primary])
    }

    @Test func withoutATotalThereIsNoSecondarySuppressionUnlessTotalsArePublishedElsewhere() throws {
        let parts = table([
            ("setting", .string, ["mainstream", "special", "independent"].map(Value.string)),
            ("plans", .int, [.int(30), .int(17), .int(3)]),
        ])
        #expect(texts(try PublicationSuppressor().apply(parts).table, "plans") == ["30", "17", "c"])
        #expect(
            texts(try PublicationSuppressor(totalsPublishedElsewhere: true).apply(parts).table, "plans") == [
                "30", "c", "c",
            ])
    }

    @Test func twoSuppressedCellsNeedNoMore() throws {
        let two = table([
            ("setting", .string, ["All", "mainstream", "special", "independent"].map(Value.string)),
            ("plans", .int, [.int(37), .int(30), .int(4), .int(3)]),
        ])
        #expect(texts(try PublicationSuppressor().apply(two).table, "plans") == ["37", "30", "c", "c"])
    }

    @Test func anOnlyChildTakesItsTotalWithIt() throws {
        let only = table([
            ("setting", .string, [.string(""), .string("special")]), ("plans", .int, [.int(2), .int(2)]),
        ])
        #expect(texts(try PublicationSuppressor().apply(only).table, "plans") == ["c", "c"])
        let zeros = table([
            ("setting", .string, [.string("total"), .string("special"), .string("mainstream")]),
            ("plans", .int, [.int(2), .int(2), .int(0)]),
        ])
        // The total is itself suppressed, so it reveals nothing; the zero stays.
        #expect(texts(try PublicationSuppressor().apply(zeros).table, "plans") == ["c", "c", "0"])
        let bigTotal = table([
            ("setting", .string, [.string("Total"), .string("special"), .string("mainstream")]),
            ("plans", .int, [.int(12), .int(2), .int(0)]),
        ])
        // Only a zero beside it: the total goes rather than a zero, which would protect nothing.
        #expect(texts(try PublicationSuppressor().apply(bigTotal).table, "plans") == ["c", "c", "0"])
    }

    @Test func secondarySuppressionRepeatsAcrossBothDimensions() throws {
        // A two-way table with totals both ways; one small cell must not be recoverable either way.
        let rows: [(String, String, Int64)] = [
            ("Total", "Total", 40), ("Total", "2023", 22), ("Total", "2024", 18),
            ("A", "Total", 10), ("A", "2023", 2), ("A", "2024", 8),
            ("B", "Total", 30), ("B", "2023", 20), ("B", "2024", 10),
        ]
        let grid = table([
            ("setting", .string, rows.map { .string($0.0) }),
            ("year_label", .string, rows.map { .string($0.1) }),
            ("plans", .int, rows.map { .int($0.2) }),
        ])
        let result = try PublicationSuppressor().apply(grid)
        #expect(texts(result.table, "plans") == ["40", "22", "18", "10", "c", "c", "30", "c", "c"])
        #expect(result.cells.filter { $0.reason == .primary }.map(\.row) == [4])
    }

    @Test func identifiersAreRefusedByName() {
        let people = table([
            ("p.person_id", .string, [.string("P1")]), ("UPN", .string, [.string("A123")]),
            ("setting", .string, [.string("x")]), ("n", .int, [.int(9)]),
        ])
        #expect(
            errorMessage { _ = try PublicationSuppressor().apply(people) }
                == "cannot publish a table with the columns p.person_id, UPN: they identify children")
        #expect(errorCode { _ = try PublicationSuppressor().apply(people) } == "E0735")
        for name in [
            "request_id", "plan_id", "review_id", "advice_id", "complaint_id", "appeal_id", "audit_id",
            "response_id", "name", "subject_id",
        ] {
            let one = table([(name, .string, [.string("x")])])
            #expect(
                errorMessage { _ = try PublicationSuppressor().apply(one) }
                    == "cannot publish a table with the column \(name): it identifies children")
        }
        let fine = table([("setting_id", .string, [.string("x")]), ("named", .int, [.int(10)])])
        #expect(errorCode { _ = try PublicationSuppressor().apply(fine) } == nil)
    }

    @Test func aChartInPublishModeShowsSuppressedPointsAsGaps() throws {
        let series = table([
            ("period", .string, ["2022", "2023", "2024"].map(Value.string)),
            ("numerator", .int, [.int(40), .int(4), .int(45)]),
            ("denominator", .int, [.int(50), .int(9), .int(52)]),
            ("value", .double, [.double(80), .double(44.4), .double(86.5)]),
        ])
        let suppressor = PublicationSuppressor(marker: "[c]")
        let (published, spec) = try suppressor.prepareChart(
            series, spec: ChartSpec(kind: .bar, x: "period", y: "value"))
        #expect(spec.suppressionMarker == "[c]")
        let svg = try SVGChartRenderer.render(published, spec: spec)
        #expect(svg.contains(">[c]</text>"))
        #expect(!svg.contains("44.4"))
        #expect(svg.contains("1 value is suppressed ([c]) to protect children&#39;s identities."))
    }
}
