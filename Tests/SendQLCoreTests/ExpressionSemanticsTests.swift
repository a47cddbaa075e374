import Testing
import SendQLCore
import SendQLTestSupport

/// Each case evaluates one expression on a one-row table holding a value and a null of each type.
struct ExpressionSemanticsTests {
    static var one: Table {
        Table([
            ("i", Column(type: .int, values: [.int(7)])),
            ("n", Column(type: .int, values: [.null])),
            ("x", Column(type: .double, values: [.double(2.5)])),
            ("d", Column(type: .date, values: [Fixture.date("2020-02-29")])),
            ("nd", Column(type: .date, values: [.null])),
            ("s", Column(type: .string, values: [.string("Kingston")])),
            ("ns", Column(type: .string, values: [.null])),
            ("b", Column(type: .bool, values: [.bool(true)])),
            ("nb", Column(type: .bool, values: [.null])),
            ("big", Column(type: .int, values: [.int(Int64.max)])),
        ])
    }

    static func value(_ expression: String) -> Value {
        var harness = ScriptHarness(tables: ["one": one], asOf: "2019-03-31")
        return harness.rows("from one | select v = \(expression)")[0][0]
    }

    @Test(
        arguments: [
            // Arithmetic, and nulls propagating through it.
            ("i + 1", Value.int(8)), ("i / 2", .double(3.5)), ("i % 4", .int(3)), ("i * x", .double(17.5)),
            ("n + 1", .null), ("-n", .null), ("i / 0", .null), ("i % 0", .null), ("x / 0", .null),
            ("big + 1", .null), ("big * 2", .null), ("-i", .int(-7)),
            // Three-valued logic.
            ("nb and false", .bool(false)), ("nb and true", .null), ("nb or true", .bool(true)), ("nb or false", .null),
            ("not nb", .null), ("not b", .bool(false)),
            // Comparisons with null give null; `is null` never does.
            ("n > 1", .null), ("n is null", .bool(true)), ("i is not null", .bool(true)), ("ns == \"a\"", .null),
            ("i in (1, 7)", .bool(true)), ("i not in (1, 7)", .bool(false)), ("n in (1, 7)", .null),
            ("s in (\"Hull\", \"Kingston\")", .bool(true)), ("i between 7 and 9", .bool(true)),
            ("i not between 1 and 6", .bool(true)),
            ("n between 1 and 9", .null),
            // Null choices.
            ("n ?? 0", .int(0)), ("coalesce(n, n, 3)", .int(3)), ("coalesce(n, x)", .double(2.5)),
            ("if nb then 1 else 2", .int(2)),
            ("case when i > 5 then \"big\" when i > 1 then \"small\" end", .string("big")),
            ("case when i > 50 then \"big\" end", .null), ("greatest(i, n, 3)", .int(7)), ("least(x, i)", .double(2.5)),
            // Text.
            ("lower(s)", .string("kingston")), ("upper(s)", .string("KINGSTON")), ("contains(s, \"ton\")", .bool(true)),
            ("starts_with(s, \"King\")", .bool(true)), ("ends_with(s, \"x\")", .bool(false)), ("length(s)", .int(8)),
            ("s + \" upon Thames\"", .string("Kingston upon Thames")),
            ("concat(s, \"-\", i, ns)", .string("Kingston-7")),
            ("upper(ns)", .null), ("replace(s, \"ing\", \"ING\")", .string("KINGston")),
            ("substring(s, 2, 3)", .string("ing")),
            ("trim(\"  a b  \")", .string("a b")),
            // Numbers.
            ("round(x)", .double(3)), ("round(2.449, 1)", .double(2.4)), ("round(-2.5)", .double(-3)),
            ("abs(-i)", .int(7)),
            ("floor(x)", .int(2)), ("ceil(x)", .int(3)), ("int(\"42\")", .int(42)), ("int(\"x\")", .null),
            ("double(i)", .double(7)),
            ("string(d)", .string("2020-02-29")),
            // Dates: leap days, month ends, year ends, periods.
            ("d + 12 months", Fixture.date("2021-02-28")), ("d + 1 year", Fixture.date("2021-02-28")),
            ("@2019-01-31 + 1 month", Fixture.date("2019-02-28")),
            ("@2019-03-31 - 1 month", Fixture.date("2019-02-28")),
            ("d + 140 days", Fixture.date("2020-07-18")), ("d + 20 weeks", Fixture.date("2020-07-18")),
            ("@2019-12-31 + 1 day", Fixture.date("2020-01-01")), ("d - @2019-02-28", .duration(366)),
            ("nd - d", .null), ("nd + 6 weeks", .null), ("year(d)", .int(2020)), ("month(d)", .int(2)),
            ("day(d)", .int(29)),
            ("weekday(d)", .int(6)), ("quarter(d)", .string("2020-Q1")), ("year_month(d)", .string("2020-02")),
            ("academic_year(d)", .string("2019/20")), ("academic_year(@2019-09-01)", .string("2019/20")),
            ("academic_year(@2019-08-31)", .string("2018/19")), ("financial_year(@2019-03-31)", .string("2018-19")),
            ("financial_year(@2019-04-01)", .string("2019-20")), ("financial_year(@1999-04-01)", .string("1999-00")),
            ("month_start(d)", Fixture.date("2020-02-01")), ("month_end(@2019-02-10)", Fixture.date("2019-02-28")),
            ("quarter_start(@2019-08-15)", Fixture.date("2019-07-01")),
            ("add_months(@2019-01-31, 13)", Fixture.date("2020-02-29")),
            ("add_days(d, -60)", Fixture.date("2019-12-31")), ("as_of()", Fixture.date("2019-03-31")),
            ("date(\"2019-02-28\")", Fixture.date("2019-02-28")), ("date(\"2019-02-29\")", .null),
            ("date(2024, 2, 29)", Fixture.date("2024-02-29")),
            // Working days skip weekends and England and Wales bank holidays.
            ("@2019-12-20 + 1 working_day", Fixture.date("2019-12-23")),
            ("@2019-12-24 + 1 working_day", Fixture.date("2019-12-27")),
            ("@2019-04-18 + 1 working_day", Fixture.date("2019-04-23")),
            ("add_working_days(@2019-12-24, 20)", Fixture.date("2020-01-24")),
            ("working_days_between(@2019-12-24, @2020-01-24)", .int(20)), ("is_working_day(@2020-05-08)", .bool(false)),
            // Durations.
            ("days(d - @2020-01-01)", .int(59)), ("weeks(14 days)", .double(2)), ("6 weeks == 42 days", .bool(true)),
            ("(d - @2020-01-01) <= 20 weeks", .bool(true)), ("(d - @2020-01-01) / 7 days", .double(59.0 / 7)),
        ] as [(String, Value)])
    func evaluates(expression: String, expected: Value) {
        #expect(Self.value(expression) == expected, "\(expression)")
    }
}
