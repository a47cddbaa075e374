import SendQLCore
import Testing
@testable import SendQLREPL

struct ResultDisplayTests {
    static func table(_ columns: [(String, DataType, [Value])]) -> Table {
        Table(columns.map { ($0.0, Column(type: $0.1, values: $0.2)) })
    }

    @Test func numbersRightDatesAsDatesNullsMarked() {
        let table = Self.table([
            ("name", .string, [.string("a"), .null]),
            ("n", .int, [.int(5), .int(120)]),
            ("on", .date, [.date(CivilDate(year: 2019, month: 3, day: 31).dayNumber), .null]),
        ])
        #expect(
            ResultDisplay(width: nil, colour: false).render(table) == """
                name    n  on
                ----  ---  ----------
                a       5  2019-03-31
                ∅     120  ∅
                (2 rows)

                """)
        let coloured = ResultDisplay(width: nil, colour: true).render(table)
        #expect(coloured.contains("\u{1B}[2mnull\u{1B}[0m"))
        #expect(coloured.hasPrefix("\u{1B}[1mname"))
    }

    @Test func percentagesHaveOneDecimalPlace() {
        let table = Self.table([
            ("on_time", .double, [.double(93.93939)]), ("on_time_numerator", .int, [.int(62)]),
            ("on_time_denominator", .int, [.int(66)]), ("conversion_rate", .double, [.double(12.26)]),
            ("pct_late", .double, [.double(6.06)]), ("mean_days", .double, [.double(41.23456)]),
        ])
        let lines = ResultDisplay(width: nil, colour: false).render(table).split(separator: "\n")
        #expect(lines[2].split(separator: " ") == ["93.9", "62", "66", "12.3", "6.1", "41.235"])
    }

    @Test(arguments: [
        ("on_time", true), ("response_rate", true), ("pct", true), ("percent_done", true), ("pctile", false),
        ("rated", false), ("mean", false),
    ])
    func whichDoublesArePercentages(name: String, isPercentage: Bool) {
        let schema = Schema([
            Field(name, .double), Field("on_time_numerator", .int), Field("on_time_denominator", .int),
        ])
        #expect(ResultDisplay.isPercentage(Field(name, .double), in: schema) == isPercentage)
        #expect(!ResultDisplay.isPercentage(Field("rate", .int), in: schema))
    }

    @Test func longResultsShowTheirHeadAndTail() {
        let table = Self.table([("n", .int, (1...45).map { .int(Int64($0)) })])
        let lines = ResultDisplay(width: nil, colour: false, headRows: 3, tailRows: 2).render(table).split(
            separator: "\n")
        #expect(lines == [" n", "--", " 1", " 2", " 3", " …", "44", "45", "(45 rows; the first 3 and last 2 shown)"])
        // Exactly head + tail rows are shown in full.
        let five = Self.table([("n", .int, (1...5).map { .int(Int64($0)) })])
        #expect(
            ResultDisplay(width: nil, colour: false, headRows: 3, tailRows: 2).render(five).hasSuffix("5\n(5 rows)\n"))
    }

    @Test func wideResultsAreCutToTheWidthWithTheHiddenColumnsNamed() {
        let table = Self.table([
            ("first", .string, [.string("aaaaaaaaaa")]), ("second", .string, [.string("bbbbbbbbbb")]),
            ("third", .string, [.string("cccccccccc")]), ("fourth", .string, [.string("dd")]),
        ])
        let text = ResultDisplay(width: 25, colour: false).render(table)
        #expect(
            text == """
                first       second
                ----------  ----------
                aaaaaaaaaa  bbbbbbbbbb
                (1 row)
                (2 more columns not shown: third, fourth)

                """)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3).allSatisfy { $0.count <= 25 })
    }

    @Test func aSingleColumnWiderThanTheScreenIsClipped() {
        let table = Self.table([("text", .string, [.string(String(repeating: "x", count: 30))])])
        let lines = ResultDisplay(width: 10, colour: false).render(table).split(separator: "\n")
        #expect(lines[2] == "xxxxxxxxx…")
    }

    @Test func lineBreaksInsideTextDoNotBreakTheTable() {
        let table = Self.table([("note", .string, [.string("one\ntwo\tthree")])])
        #expect(ResultDisplay(width: nil, colour: false).render(table).contains("one\\ntwo\\tthree"))
    }

    @Test func countsHaveThousandsSeparators() {
        #expect(ResultDisplay.grouped(43290) == "43,290")
        #expect(ResultDisplay.grouped(999) == "999")
        #expect(ResultDisplay.grouped(1_000_000) == "1,000,000")
    }
}
