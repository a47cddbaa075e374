import Testing
@testable import SendQLCore
import SendQLTestSupport

/// The engine's fast paths must give exactly what the general paths give: a literal compared without
/// broadcasting it, `in (literals)`, three-valued logic over bitmaps, columns pruned before rows are
/// copied, joins on string keys paired by code, and dictionaries without a lookup index.
struct FastPathTests {
    /// Five rows with a null in every column but `k`, plus columns holding the literals the tests
    /// compare with, so the same comparison can run once against a literal (fast path) and once
    /// against a column (general path).
    static var table: Table {
        Table([
            ("k", Column(type: .int, values: [.int(1), .int(2), .int(3), .int(4), .int(5)])),
            ("i", Column(type: .int, values: [.int(3), .null, .int(0), .int(7), .int(3)])),
            ("x", Column(type: .double, values: [.double(2.5), .double(-1), .null, .double(0), .double(3)])),
            (
                "d",
                Column(
                    type: .date,
                    values: [
                        Fixture.date("2020-02-29"), .null, Fixture.date("2019-01-01"),
                        Fixture.date("2021-06-30"), Fixture.date("2020-02-29"),
                    ])
            ),
            ("s", Column(type: .string, values: [.string("Y"), .string("N"), .null, .string("A"), .string("Y")])),
            ("b", Column(type: .bool, values: [.bool(true), .null, .bool(false), .bool(true), .null])),
            ("c", Column(type: .bool, values: [.null, .bool(false), .bool(true), .bool(true), .null])),
            ("three", Column(type: .int, values: Array(repeating: .int(3), count: 5))),
            ("half", Column(type: .double, values: Array(repeating: .double(0.5), count: 5))),
            ("day", Column(type: .date, values: Array(repeating: Fixture.date("2020-02-29"), count: 5))),
            ("why", Column(type: .string, values: Array(repeating: .string("Y"), count: 5))),
            ("nulls", Column(type: .int, values: Array(repeating: .null, count: 5))),
        ])
    }

    static func rows(_ script: String, tables: [String: Table] = ["t": table]) -> [[Value]] {
        var harness = ScriptHarness(tables: tables)
        return harness.rows(script)
    }

    static let comparisons: [(String, String)] = [
        ("i < 3", "i < three"), ("3 < i", "three < i"), ("i == 3", "i == three"), ("i != 3", "i != three"),
        ("i >= 3", "i >= three"), ("3 >= i", "three >= i"), ("x > 0.5", "x > half"), ("0.5 <= x", "half <= x"),
        ("x == 3", "x == double(three)"), ("d <= @2020-02-29", "d <= day"), ("@2020-02-29 > d", "day > d"),
        ("s == \"Y\"", "s == why"), ("\"Y\" != s", "why != s"), ("s < \"Y\"", "s < why"), ("\"Y\" <= s", "why <= s"),
        ("nulls > 3", "nulls > three"),
        ("d - @2020-01-01 <= 60 days", "d - @2020-01-01 <= (day + 1 day) - @2020-01-01"),
    ]

    @Test(arguments: comparisons)
    func literalComparisonsMatchColumnComparisons(_ fast: String, _ general: String) {
        #expect(Self.rows("from t | select k, v = \(fast)") == Self.rows("from t | select k, v = \(general)"))
    }

    @Test func literalComparisonsKeepNullsAndWorkOnEmptyTables() {
        #expect(
            Self.rows("from t | select v = i > 2").map { $0[0] } == [
                .bool(true), .null, .bool(false), .bool(true), .bool(true),
            ])
        #expect(
            Self.rows("from t | select v = s == \"Y\"").map { $0[0] } == [
                .bool(true), .bool(false), .null, .bool(false), .bool(true),
            ])
        #expect(Self.rows("from t | where k > 99 | select v = i > 2, w = s == \"Y\"").isEmpty)
        #expect(Self.rows("from t | select v = nulls <= 3").map { $0[0] } == Array(repeating: .null, count: 5))
    }

    @Test func inListOfLiteralsMatchesTheGeneralPath() {
        #expect(
            Self.rows("from t | select v = i in (3, 7)").map { $0[0] } == [
                .bool(true), .null, .bool(false), .bool(true), .bool(true),
            ])
        #expect(
            Self.rows("from t | select v = i not in (0)").map { $0[0] } == [
                .bool(true), .null, .bool(false), .bool(true), .bool(true),
            ])
        #expect(
            Self.rows("from t | select v = s in (\"Y\", \"A\", \"missing\")").map { $0[0] }
                == [.bool(true), .bool(false), .null, .bool(true), .bool(true)])
        #expect(
            Self.rows("from t | select v = s in (\"Y\", why)") == Self.rows("from t | select v = s in (why, \"Y\")"))
        #expect(
            Self.rows("from t | select v = x in (0, 2.5)").map { $0[0] } == [
                .bool(true), .bool(false), .null, .bool(true), .bool(false),
            ])
        #expect(Self.rows("from t | select v = nulls in (0)").map { $0[0] } == Array(repeating: .null, count: 5))
    }

    @Test func threeValuedLogicWithNullsOnBothSides() {
        // b: true null false true null; c: null false true true null.
        #expect(
            Self.rows("from t | select v = b and c").map { $0[0] } == [
                .null, .bool(false), .bool(false), .bool(true), .null,
            ])
        #expect(
            Self.rows("from t | select v = b or c").map { $0[0] } == [
                .bool(true), .null, .bool(true), .bool(true), .null,
            ])
        #expect(
            Self.rows("from t | select v = b and i > 0").map { $0[0] } == [
                .bool(true), .null, .bool(false), .bool(true), .null,
            ])
        #expect(
            Self.rows("from t | select v = i is null, w = k is not null").map { $0 }
                == [
                    [.bool(false), .bool(true)], [.bool(true), .bool(true)], [.bool(false), .bool(true)],
                    [.bool(false), .bool(true)], [.bool(false), .bool(true)],
                ])
    }

    @Test func prunedColumnsNeverReachAResult() {
        #expect(Self.rows("from t | where i > 0 | aggregate n = count(), total = sum(i)") == [[.int(3), .int(13)]])
        #expect(
            Self.rows("from t | where i > 0 | sort -k | take 2") == Self.rows("from t | sort -k | where i > 0 | take 2")
        )
        #expect(
            Self.rows("from t | where s == \"Y\" | derive j = i + 1 | select k, j") == [
                [.int(1), .int(4)], [.int(5), .int(4)],
            ])
        #expect(
            Self.rows("from t | where k > 1 | group s (aggregate n = count()) | sort s")
                == [[.string("A"), .int(1)], [.string("N"), .int(1)], [.string("Y"), .int(1)], [.null, .int(1)]])
        #expect(Self.rows("from t | where k > 9 | aggregate n = count()") == [[.int(0)]])
        #expect(Self.rows("from t | where k < 3 | distinct") == Self.rows("from t | take 2"))
        #expect(Self.rows("let u = from t | where k < 3\nfrom u") == Self.rows("from t | take 2"))
    }

    static var joinTables: [String: Table] {
        let people = Table([
            ("id", Column(type: .string, values: [.string("p1"), .string("p2"), .string("p3"), .null])),
            ("name", Column(type: .string, values: [.string("Ann"), .string("Bo"), .string("Cy"), .string("Nobody")])),
        ])
        let visits = Table([
            ("visit", Column(type: .int, values: [.int(1), .int(2), .int(3), .int(4), .int(5)])),
            ("id", Column(type: .string, values: [.string("p2"), .null, .string("p9"), .string("p1"), .string("p2")])),
        ])
        // A reference sharing its key column's dictionary, as the loader leaves them.
        guard case .string(let codes, let dictionary) = people.columns[0].storage else { fatalError() }
        let shared = Table([
            ("visit", Column(type: .int, values: [.int(1), .int(2), .int(3)])),
            (
                "id",
                Column(
                    .string(codes: [codes[2], 0, codes[0]], dictionary: dictionary),
                    validity: Bitmap([true, false, true]))
            ),
        ])
        return ["people": people, "visits": visits, "shared": shared]
    }

    @Test func joinsOnStringKeysPairByCode() {
        let inner = Self.rows("from visits | join people on id | select visit, name", tables: Self.joinTables)
        #expect(inner == [[.int(1), .string("Bo")], [.int(4), .string("Ann")], [.int(5), .string("Bo")]])
        let left = Self.rows("from visits | join left people on id | select visit, name", tables: Self.joinTables)
        #expect(
            left == [
                [.int(1), .string("Bo")], [.int(2), .null], [.int(3), .null], [.int(4), .string("Ann")],
                [.int(5), .string("Bo")],
            ])
        let shared = Self.rows("from shared | join left people on id | select visit, name", tables: Self.joinTables)
        #expect(shared == [[.int(1), .string("Cy")], [.int(2), .null], [.int(3), .string("Ann")]])
        let both = Self.rows("from people | join shared on id | select name, visit", tables: Self.joinTables)
        #expect(both == [[.string("Ann"), .int(3)], [.string("Cy"), .int(1)]])
        let appended = Self.rows("from shared | select id | append (from people | select id)", tables: Self.joinTables)
        #expect(
            appended.map { $0[0] } == [
                .string("p3"), .null, .string("p1"), .string("p1"), .string("p2"), .string("p3"), .null,
            ])
    }

    @Test(arguments: [0, 1, 7, 8, 9, 64, 65, 1000])
    func selectionEightRowsAtATimeMatchesRowByRow(_ count: Int) {
        var seed: UInt64 = 42
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        let values = (0..<count).map { _ in next() % 3 != 0 }
        let valid = (0..<count).map { _ in next() % 5 != 0 }
        for validity in [nil, Bitmap(valid)] {
            let column = Column(.bool(values), validity: validity)
            let expected = (0..<count).filter { values[$0] && (validity?[$0] ?? true) }.map { Int32($0) }
            #expect(column.selection() == expected)
        }
    }

    @Test func calendarFunctionsByDayMatchAConversionPerRow() {
        let days = (0..<500).map { Value.date(Int32(17_000 + ($0 * 37) % 900)) } + [.null]
        let table = Table([
            ("d", Column(type: .date, values: days)), ("e", Column(type: .date, values: days.reversed())),
        ])
        let rows = Self.rows(
            "from t | select y = year(d), q = quarter(d), m = month_start(d), gap = d - e", tables: ["t": table])
        for (row, value) in zip(rows, days) {
            guard case .date(let day) = value else { #expect(row[0] == .null); continue }
            let date = CivilDate(dayNumber: day)
            #expect(row[0] == .int(Int64(date.year)))
            #expect(row[1] == .string("\(date.year)-Q\((date.month - 1) / 3 + 1)"))
            #expect(row[2] == .date(CivilDate(year: date.year, month: date.month, day: 1).dayNumber))
        }
        let gaps = rows.map { $0[3] }
        #expect(
            gaps
                == zip(days, days.reversed()).map { a, b in
                    if case .date(let x) = a, case .date(let y) = b { return .duration(Int64(x) - Int64(y)) }
                    return .null
                })
    }

    @Test func dictionariesWithoutAnIndexLookUpAndIntern() {
        var dictionary = StringDictionary(["b", "a", "c"])
        #expect(dictionary.code(of: "c") == 2)
        #expect(dictionary.code(of: "z") == nil)
        #expect(dictionary.intern("a") == 1)
        #expect(dictionary.intern("z") == 3)
        #expect(dictionary.code(of: "z") == 3)
        let many = StringDictionary((0..<1000).map { "v\($0)" })
        #expect(StringDictionary(["v999", "x", "v0"]).codes(in: many) == [999, -1, 0])
        #expect(StringDictionary([]).codes(in: many).isEmpty)
        #expect(many.codes(in: StringDictionary([])) == Array(repeating: -1, count: 1000))
    }
}
