import Foundation
import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// The folder of golden files for `feature`, beside this source file.
func goldenFile(_ feature: String, _ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(feature).appendingPathComponent(name)
}

/// A table from named columns of boxed values.
func table(_ columns: [(String, DataType, [Value])]) -> Table {
    Table(columns.map { ($0.0, Column(type: $0.1, values: $0.2)) })
}

/// Kingston's published 20-week rates (2017-2019, 2023, 2024) with the years between filled in
/// for illustration, shaped like the KPI pack.
let twentyWeeks = table([
    ("kpi", .string, Array(repeating: .string("ehcp_20wk"), count: 8)),
    ("period", .string, (2017...2024).map { .string(String($0)) }),
    ("numerator", .int, [.int(135), .int(111), .int(164), .int(139), .int(120), .int(132), .int(131), .int(227)]),
    ("denominator", .int, [.int(152), .int(145), .int(171), .int(155), .int(175), .int(190), .int(277), .int(242)]),
    (
        "value", .double,
        [
            .double(88.7), .double(76.6), .double(96.2), .double(89.7), .double(68.6), .double(69.5),
            .double(47.3), .double(93.8),
        ]
    ),
])

/// The area beside England and London (England's 2019, 2022 and 2024 figures are published; the rest illustrate).
let areaAndBenchmarks: Table = {
    let years = (2019...2024).map { Value.string(String($0)) }
    let kingston: [Double] = [96.2, 89.7, 68.6, 69.5, 47.3, 93.8]
    let england: [Double] = [60.4, 58.0, 59.9, 49.2, 50.3, 46.4]
    let london: [Double] = [64.1, 61.2, 60.5, 52.8, 47.9, 44.0]
    var area: [Value] = [], period: [Value] = [], value: [Value] = []
    for (name, values) in [("Kingston", kingston), ("England", england), ("London", london)] {
        area += Array(repeating: .string(name), count: 6)
        period += years
        value += values.map { .double($0) }
    }
    return table([("area", .string, area), ("period", .string, period), ("pct_20wk", .double, value)])
}()

func render(_ table: Table, _ spec: ChartSpec) throws -> String {
    try SVGChartRenderer.render(table, spec: spec)
}

@Suite struct ChartGoldenTests {
    static let cases: [(String, Table, ChartSpec)] = [
        (
            "line", twentyWeeks,
            ChartSpec(
                kind: .line, x: "period", y: "value", title: "EHC plans issued within 20 weeks (excluding exceptions)",
                xTitle: "Calendar year", yTitle: "% of plans")
        ),
        (
            "bar", twentyWeeks,
            ChartSpec(
                kind: .bar, x: "period", y: "value", title: "EHC plans issued within 20 weeks", yTitle: "% of plans")
        ),
        (
            "series-benchmark", areaAndBenchmarks,
            ChartSpec(
                kind: .line, x: "period", y: "pct_20wk", series: "area", benchmarkSeries: ["England", "London"],
                title: "20-week timeliness against England and London", yTitle: "% within 20 weeks")
        ),
        (
            "target-rag-line", twentyWeeks,
            ChartSpec(
                kind: .line, x: "period", y: "value", target: ChartTarget(90), rag: true,
                title: "EHC plans within 20 weeks against the WSoA target")
        ),
        // Three measures, each against its own target (two share one): no line stands for the wrong one.
        (
            "series-targets",
            table([
                (
                    "measure", .string,
                    (["Annual reviews within 12 months"] * 4 + ["Review decisions within 4 weeks"] * 4
                        + ["Amended plans within 12 weeks"] * 4).map(Value.string)
                ),
                (
                    "period", .string,
                    Array(repeating: ["2024-09", "2024-10", "2024-11", "2024-12"], count: 3).flatMap { $0 }.map(
                        Value.string)
                ),
                (
                    "value", .double,
                    [77.5, 80.4, 81.6, 82.7, 55.8, 56.5, 57.1, 57.6, 62.3, 67.2, 68.8, 69.3].map(Value.double)
                ),
                ("target", .int, ([90] * 4 + [80] * 8).map { Value.int($0) }),
            ]),
            ChartSpec(
                kind: .line, x: "period", y: "value", series: "measure", targetColumn: "target", rag: true,
                title: "3. Annual reviews on time", yScale: .percent)
        ),
        (
            "target-rag-bar", twentyWeeks,
            ChartSpec(
                kind: .bar, x: "period", y: "value", target: ChartTarget(80, label: "Local target 80%"), rag: true,
                title: "EHC plans within 20 weeks, RAG rated")
        ),
        (
            "overdue-lower-better",
            table([
                (
                    "month", .string,
                    ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"].map(Value.string)
                ),
                ("overdue", .int, [.int(46), .int(41), .int(33), .int(24), .int(19), .int(21)]),
            ]),
            ChartSpec(
                kind: .bar, x: "month", y: "overdue", target: ChartTarget(20), rag: true, better: .lower,
                title: "Annual reviews overdue at month end", yTitle: "Reviews overdue")
        ),
        (
            "nulls-and-suppressed",
            table([
                (
                    "period", .string,
                    ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2", "2020-Q3"].map(Value.string)
                ),
                (
                    "value", .string,
                    [
                        .string("71.4"), .string("75"), .null, .string("c"), .string("80.5"), .string("82.1"),
                        .string("c"),
                    ]
                ),
                (
                    "numerator", .string,
                    [.string("20"), .string("24"), .null, .string("c"), .string("33"), .string("32"), .string("c")]
                ),
                (
                    "denominator", .string,
                    [.string("28"), .string("32"), .null, .string("8"), .string("41"), .string("39"), .string("6")]
                ),
            ]),
            ChartSpec(kind: .line, x: "period", y: "value", title: "Health advice within 6 weeks (published)")
        ),
        (
            "single-point",
            table([
                ("period", .string, [.string("2024")]), ("value", .double, [.double(51.5)]),
                ("numerator", .int, [.int(103)]), ("denominator", .int, [.int(200)]),
            ]),
            ChartSpec(
                kind: .line, x: "period", y: "value", target: ChartTarget(60), title: "Review decisions within 4 weeks")
        ),
        (
            "empty", Table.empty(Schema([Field("period", .string), Field("value", .double)])),
            ChartSpec(kind: .bar, x: "period", y: "value", title: "Phase transfers on time")
        ),
        (
            "many-months",
            table([
                ("month", .string, (0..<36).map { .string(String(format: "%04d-%02d", 2022 + $0 / 12, $0 % 12 + 1)) }),
                (
                    "value", .double,
                    (0..<36).map { .double(55 + 30 * sin(Double($0) / 5) * (Double($0) / 36) + Double($0) / 2) }
                ),
                ("numerator", .int, Array(repeating: .int(1), count: 36)),
                ("denominator", .int, Array(repeating: .int(1), count: 36)),
            ]),
            ChartSpec(
                kind: .line, x: "month", y: "value", target: ChartTarget(75),
                title: "Annual reviews within 12 months, rolling 12 months")
        ),
        (
            "grouped-bars",
            table([
                ("year", .int, [2022, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024].map { .int($0) }),
                (
                    "advice_type", .string,
                    (0..<3).flatMap { _ in ["health", "social_care", "educational_psychology"].map(Value.string) }
                ),
                ("on_time", .double, [50.0, 84.1, 84.3, 58.2, 80.0, 77.5, 66.7, 88.9, 81.0].map(Value.double)),
                ("on_time_numerator", .int, Array(repeating: .int(10), count: 9)),
                ("on_time_denominator", .int, Array(repeating: .int(12), count: 9)),
                (
                    "england", .double,
                    [
                        .double(62.0), .double(62.0), .double(62.0), .double(60.1), .double(60.1), .double(60.1), .null,
                        .null, .null,
                    ]
                ),
            ]),
            ChartSpec(
                kind: .bar, x: "year", y: "on_time", series: "advice_type", benchmarkColumns: ["england"],
                title: "Partners' advice within 6 weeks, by partner <& England>", xTitle: "Calendar year")
        ),
    ]

    @Test(arguments: cases.map { ($0.0, $0.1, $0.2) })
    func chartMatchesItsGoldenFile(name: String, table: Table, spec: ChartSpec) throws {
        let svg = try render(table, spec)
        try Golden.check(actual: svg, expectedFile: goldenFile("charts", name + ".svg"))
        #expect(try render(table, spec) == svg, "the same chart twice gives the same bytes")
    }
}

private func * <T>(values: [T], count: Int) -> [T] { Array(repeating: values, count: count).flatMap { $0 } }
