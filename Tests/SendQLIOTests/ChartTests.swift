import Testing
import SendQLCore
@testable import SendQLIO

struct RAGStatusTests {
    static let cases: [(Double, Double, BetterDirection, RAGStatus)] = [
        (90, 90, .higher, .green), (95, 90, .higher, .green), (81, 90, .higher, .amber), (80.99, 90, .higher, .red),
        (81.0, 90, .higher, .amber), (0, 90, .higher, .red),
        (20, 20, .lower, .green), (19, 20, .lower, .green), (22, 20, .lower, .amber), (22.01, 20, .lower, .red),
        (0, 0, .lower, .green), (1, 0, .lower, .red),
    ]

    @Test(arguments: cases)
    func ratesAgainstTheTarget(value: Double, target: Double, better: BetterDirection, expected: RAGStatus) {
        #expect(RAGStatus.rate(value, target: target, better: better) == expected)
    }

    @Test func toleranceCanBeSet() {
        #expect(RAGStatus.rate(85, target: 90, tolerance: 0.05) == .red)
        #expect(RAGStatus.rate(86, target: 90, tolerance: 0.05) == .amber)
    }
}

struct NiceScaleTests {
    static let cases: [([Double], Double, Double, Double)] = [
        ([46, 41, 33, 24, 19, 21], 0, 50, 10),
        ([1234, 1587], 0, 2000, 500),
        ([0.3, 0.7], 0, 0.8, 0.2),
        ([-3, 12], -5, 15, 5),
        ([0, 0], 0, 1, 0.2),
        ([50], 0, 60, 10),
        ([7], 0, 8, 2),
    ]

    @Test(arguments: cases)
    func roundTicksSpanningZero(values: [Double], lower: Double, upper: Double, step: Double) {
        let scale = NiceScale.covering(values)
        #expect((scale.lower, scale.upper, scale.step) == (lower, upper, step))
        #expect(scale.ticks.first == lower && abs(scale.ticks.last! - upper) < 1e-9)
    }

    @Test func decimalsFollowTheStep() {
        #expect(NiceScale(lower: 0, upper: 10, step: 2.5).decimals == 1)
        #expect(NiceScale(lower: 0, upper: 1, step: 0.2).decimals == 1)
        #expect(NiceScale(lower: 0, upper: 100, step: 20).decimals == 0)
    }
}

struct SVGTextTests {
    @Test func numbersHaveOneDecimalAtMostAndNoLocale() {
        #expect(SVGText.number(12) == "12")
        #expect(SVGText.number(12.04) == "12")
        #expect(SVGText.number(12.05) == "12.1")
        #expect(SVGText.number(-0.04) == "0")
        #expect(SVGText.number(-3.14) == "-3.1")
        #expect(SVGText.fixed(94.2148, decimals: 1) == "94.2")
        #expect(SVGText.fixed(90, decimals: 1) == "90.0")
        #expect(SVGText.grouped(1234567, decimals: 0) == "1,234,567")
        #expect(SVGText.grouped(-1234.5, decimals: 1) == "-1,234.5")
    }

    @Test func textIsEscaped() {
        #expect(SVGText.escape("a < b & \"c\" 'd' >\u{1}") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; ")
    }
}

struct ChartErrorTests {
    static let pack = twentyWeeks

    static let cases: [(String, ChartSpec, String)] = [
        (
            "missing x", ChartSpec(kind: .line, x: "year", y: "value"),
            "chart x: no column named year (the table has kpi, period, numerator, denominator, value)"
        ),
        (
            "text y", ChartSpec(kind: .line, x: "period", y: "kpi"),
            "chart y: column kpi holds \"ehcp_20wk\" on row 1; a chart needs numbers"
        ),
        (
            "rag without target", ChartSpec(kind: .bar, x: "period", y: "value", rag: true),
            "chart: RAG colours need a target to rate against"
        ),
        (
            "duplicate points", ChartSpec(kind: .line, x: "kpi", y: "value"),
            "chart: two rows for kpi ehcp_20wk (rows 1 and 2); a point needs one value"
        ),
        (
            "unknown benchmark",
            ChartSpec(kind: .line, x: "period", y: "value", series: "kpi", benchmarkSeries: ["England"]),
            "chart: no benchmark England: the series column kpi has ehcp_20wk"
        ),
        (
            "benchmark without series", ChartSpec(kind: .line, x: "period", y: "value", benchmarkSeries: ["England"]),
            "chart: benchmark England needs a series column whose values name it"
        ),
        (
            "date benchmark column", ChartSpec(kind: .line, x: "period", y: "value", benchmarkColumns: ["kpi"]),
            "chart benchmark column kpi is string; a benchmark needs numbers"
        ),
    ]

    @Test(arguments: cases)
    func specsThatDoNotFitTheTableAreErrors(name: String, spec: ChartSpec, message: String) {
        #expect(errorMessage { _ = try SVGChartRenderer.render(Self.pack, spec: spec) } == message, "\(name)")
        #expect(errorCode { _ = try SVGChartRenderer.render(Self.pack, spec: spec) } == "E0736")
    }

    @Test func tooManySeriesAndRAGBarsOfSeveralSeries() {
        let many = table([
            ("period", .string, (0..<9).map { _ in .string("2024") }),
            ("la", .string, (0..<9).map { .string("LA \($0)") }),
            ("value", .double, (0..<9).map { .double(Double($0)) }),
        ])
        #expect(
            errorMessage {
                _ = try SVGChartRenderer.render(
                    many, spec: ChartSpec(kind: .line, x: "period", y: "value", series: "la"))
            }
                == "chart: 9 series are too many to tell apart (at most 8)")
        #expect(
            errorCode {
                _ = try SVGChartRenderer.render(
                    areaAndBenchmarks,
                    spec: ChartSpec(
                        kind: .bar, x: "period", y: "pct_20wk", series: "area", target: ChartTarget(90), rag: true))
            } == "E0736")
    }

    @Test func theDescriptionSummarisesTheData() throws {
        let svg = try SVGChartRenderer.render(
            twentyWeeks,
            spec: ChartSpec(
                kind: .line, x: "period", y: "value", target: ChartTarget(90), rag: true, idPrefix: "fig1"))
        #expect(
            svg.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"400\" viewBox=\"0 0 720 400\" role=\"img\" aria-labelledby=\"fig1-title fig1-desc\" font-family=\"sans-serif\">\n<title id=\"fig1-title\">value by period</title>\n"
            ))
        #expect(
            svg.contains(
                "<desc id=\"fig1-desc\">Line chart of value by period, 8 values of period from 2017 to 2024. value: 88.7% in 2017, 93.8% in 2024; lowest 47.3% (2023), highest 96.2% (2019). Target 90% (higher is better): 2 of 8 values met it, 2 within 10%, 4 missed it.</desc>"
            ))
    }

    @Test func percentagesOutsideTheRangeGetALinearAxis() throws {
        let changes = table([
            ("period", .string, [.string("2023"), .string("2024")]), ("value", .double, [.double(-12.5), .double(30)]),
            ("numerator", .int, [.int(1), .int(2)]), ("denominator", .int, [.int(3), .int(4)]),
        ])
        let svg = try SVGChartRenderer.render(changes, spec: ChartSpec(kind: .bar, x: "period", y: "value"))
        #expect(!svg.contains("%</text>"))
        #expect(svg.contains(">-20</text>"))
    }
}
