import Testing
import SendQLCore
import SendQLTestSupport

/// Trends, targets and gap-filled series over a small KPI series worked by hand.
struct TrendSemanticsTests {
    static var series: Table {
        let kpis: [Value] = ["a", "a", "a", "a", "b", "b"].map(Value.string)
        let periods: [Value] = ["2019-Q1", "2019-Q2", "2019-Q4", "2020-Q1", "2019", "2021"].map(Value.string)
        let values: [Value] = [.double(50), .double(60), .double(70), .double(80), .double(10), .double(30)]
        return Table([
            ("kpi", Column(type: .string, values: kpis)),
            ("period", Column(type: .string, values: periods)),
            ("value", Column(type: .double, values: values)),
        ])
    }

    static func rows(_ script: String) -> [[Value]] {
        var harness = ScriptHarness(tables: ["series": series])
        return harness.rows(script)
    }

    @Test func fillAddsTheMissingPeriodsOfEachSeriesInOrder() {
        let rows = Self.rows(
            "from series | where kpi == \"a\" | fill period by \"quarter\" with value = 0 | select period, value")
        #expect(
            rows == [
                [.string("2019-Q1"), .double(50)], [.string("2019-Q2"), .double(60)], [.string("2019-Q3"), .double(0)],
                [.string("2019-Q4"), .double(70)], [.string("2020-Q1"), .double(80)],
            ])
        let ranged = Self.rows("from series | where kpi == \"b\" | fill period by \"year\" from \"2018\" to \"2021\"")
        #expect(
            ranged.map { [$0[0], $0[1], $0[2]] } == [
                [.null, .string("2018"), .null], [.string("b"), .string("2019"), .double(10)],
                [.null, .string("2020"), .null], [.string("b"), .string("2021"), .double(30)],
            ])
        // Inside a group, the keys are copied into the new rows.
        let grouped = Self.rows(
            "from series | where kpi == \"b\" | group kpi (fill period by \"year\") | select kpi, period")
        #expect(
            grouped == [
                [.string("b"), .string("2019")], [.string("b"), .string("2020")], [.string("b"), .string("2021")],
            ])
    }

    @Test func changesAgainstThePreviousPeriodAndTheSamePeriodLastYear() {
        let rows = Self.rows(
            """
            from series | where kpi == "a"
            | fill period by "quarter"
            | derive previous = change(value), on_year = change_on_year(value, period)
            | select period, previous, on_year
            """)
        #expect(
            rows == [
                [.string("2019-Q1"), .null, .null], [.string("2019-Q2"), .double(10), .null],
                [.string("2019-Q3"), .null, .null],
                [.string("2019-Q4"), .null, .null], [.string("2020-Q1"), .double(10), .double(30)],
            ])
    }

    @Test func slopePerYearAndItsDirection() {
        let rows = Self.rows(
            """
            from series
            | group kpi (aggregate slope = trend_slope(value, period))
            | derive rising = direction(slope, "higher"), falling = direction(slope, "lower"), still = direction(0.2, "higher")
            """)
        // a: 50, 60, 70, 80 at 2019.00, 2019.25, 2019.75, 2020.00 -> 17.5 / 0.625 = 28 a year; b: 10 to 30 over two years -> 10.
        #expect(rows.count == 2)
        if case .double(let a) = rows[0][1] { #expect(abs(a - 28) < 1e-9) } else { Issue.record("no slope for a") }
        #expect(rows[1][1] == .double(10))
        #expect(rows[0][2...] == [.string("improving"), .string("worsening"), .string("flat")])
    }

    @Test(arguments: [
        ("rag(90, 90)", "green"), ("rag(81, 90)", "amber"), ("rag(80.9, 90)", "red"), ("rag(95, 90)", "green"),
        ("rag(11, 10, \"lower\")", "amber"), ("rag(9, 10, \"lower\")", "green"), ("rag(12, 10, \"lower\")", "red"),
        ("rag(12, 10, \"lower\", 0.2)", "amber"),
        ("rag(70, 90, \"higher\", 0.25)", "amber"), ("previous_period(\"2019-Q1\")", "2018-Q4"),
        ("previous_period(\"2019/20\")", "2018/19"), ("same_period_last_year(\"2019-03\")", "2018-03"),
        ("same_period_last_year(\"2019-20\")", "2018-19"), ("previous_period(\"2000\")", "1999"),
    ])
    func targetsAndLabels(expression: String, expected: String) {
        #expect(Self.rows("from series | take 1 | select v = \(expression)") == [[.string(expected)]])
    }

    @Test func nullsAndNonLabelsGiveNull() {
        #expect(
            Self.rows(
                "from series | take 1 | select v = previous_period(\"soon\"), r = rag(null, 90), d = direction(1.0, \"up\")"
            )
                == [[.null, .null, .null]])
    }
}
