import Testing
import SendQLCore
import SendQLTestSupport

/// Steps, aggregates and window functions over small tables worked by hand.
struct StepSemanticsTests {
    static var scores: Table {
        let groups: [Value] = ["a", "a", "a", "b", "b", "c"].map(Value.string)
        let values: [Value] = [.int(3), .null, .int(1), .int(10), .int(10), .null]
        let days: [Value] = [.duration(10), .duration(20), .duration(30), .duration(5), .null, .null]
        return Table([
            ("g", Column(type: .string, values: groups)),
            ("v", Column(type: .int, values: values)),
            ("days", Column(type: .duration, values: days)),
            ("row", Column(type: .int, values: (1...6).map { .int(Int64($0)) })),
        ])
    }

    static func rows(_ script: String) -> [[Value]] {
        var harness = ScriptHarness(tables: ["scores": scores, "requests": Fixture.requests, "plans": Fixture.plans])
        return harness.rows(script)
    }

    @Test func aggregatesSkipNullsAndEmptyGroupsGiveNull() {
        let rows = Self.rows(
            """
            from scores
            | group g (aggregate n = count(), nonnull = count(v), total = sum(v), mean = avg(v), low = min(v), high = max(v),
                       mid = median(v), spread = stddev(v), firsts = first(v), lasts = last(v), kinds = count_distinct(v),
                       big = count(where v > 2), share = pct(v > 2), p90 = percentile(days, 0.9))
            """)
        #expect(
            rows == [
                [
                    .string("a"), .int(3), .int(2), .int(4), .double(2), .int(1), .int(3), .double(2),
                    .double(2.0.squareRoot()),
                    .int(3), .int(1), .int(2), .int(1), .double(50), .int(1), .int(2), .double(28),
                ],
                [
                    .string("b"), .int(2), .int(2), .int(20), .double(10), .int(10), .int(10), .double(10), .double(0),
                    .int(10), .int(10), .int(1), .int(2), .double(100), .int(2), .int(2), .double(5),
                ],
                [
                    .string("c"), .int(1), .int(0), .null, .null, .null, .null, .null, .null,
                    .null, .null, .int(0), .int(0), .null, .int(0), .int(0), .null,
                ],
            ])
    }

    @Test func aggregateOverNoRowsGivesOneRow() {
        #expect(
            Self.rows("from scores | where row > 100 | aggregate n = count(), total = sum(v), share = pct(v > 1)")
                == [[.int(0), .null, .null, .int(0), .int(0)]])
    }

    @Test func expressionsOverAggregates() {
        #expect(
            Self.rows("from scores | group g (aggregate rate = round(100 * count(v) / count(), 1)) | sort g")
                == [[.string("a"), .double(66.7)], [.string("b"), .double(100)], [.string("c"), .double(0)]])
    }

    @Test func windowsWithinGroupsFollowTheSortOrder() {
        let rows = Self.rows(
            """
            from scores
            | group g (sort -row | derive n = row_number(), previous = lag(row), next = lead(row, 1, 0), total = running_sum(v),
                       seen = running_count(v), r = rank(v), dr = dense_rank(v), top = running_max(v))
            | select g, row, n, previous, next, total, seen, r, dr, top
            """)
        #expect(
            rows == [
                [.string("a"), .int(3), .int(1), .null, .int(2), .int(1), .int(1), .int(1), .int(1), .int(1)],
                [.string("a"), .int(2), .int(2), .int(3), .int(1), .int(1), .int(1), .null, .null, .int(1)],
                [.string("a"), .int(1), .int(3), .int(2), .int(0), .int(4), .int(2), .int(2), .int(2), .int(3)],
                [.string("b"), .int(5), .int(1), .null, .int(4), .int(10), .int(1), .int(1), .int(1), .int(10)],
                [.string("b"), .int(4), .int(2), .int(5), .int(0), .int(20), .int(2), .int(1), .int(1), .int(10)],
                [.string("c"), .int(6), .int(1), .null, .int(0), .null, .int(0), .null, .null, .null],
            ])
    }

    @Test func rankOfANegatedValueRanksFromTheLargestWithNullsUnranked() {
        let rows = Self.rows(
            """
            from scores
            | derive r = rank(-v), dr = dense_rank(-v), by_group = rank(-g), by_days = rank(-days)
            | select row, r, dr, by_group, by_days
            """)
        #expect(
            rows == [
                [.int(1), .int(3), .int(2), .int(4), .int(3)],
                [.int(2), .null, .null, .int(4), .int(2)],
                [.int(3), .int(4), .int(3), .int(4), .int(1)],
                [.int(4), .int(1), .int(1), .int(2), .int(4)],
                [.int(5), .int(1), .int(1), .int(2), .null],
                [.int(6), .null, .null, .int(1), .null],
            ])
    }

    @Test func anAggregateInDeriveGivesEachRowItsGroupsValue() {
        let rows = Self.rows(
            """
            from scores
            | group g (derive n = count(), total = sum(v), share = pct(v > 2), big = count(where v > 2))
            | derive everyone = count(), all_v = sum(v)
            | select g, row, n, total, share, big, everyone, all_v
            """)
        #expect(
            rows == [
                [.string("a"), .int(1), .int(3), .int(4), .double(50), .int(1), .int(6), .int(24)],
                [.string("a"), .int(2), .int(3), .int(4), .double(50), .int(1), .int(6), .int(24)],
                [.string("a"), .int(3), .int(3), .int(4), .double(50), .int(1), .int(6), .int(24)],
                [.string("b"), .int(4), .int(2), .int(20), .double(100), .int(2), .int(6), .int(24)],
                [.string("b"), .int(5), .int(2), .int(20), .double(100), .int(2), .int(6), .int(24)],
                [.string("c"), .int(6), .int(1), .null, .null, .int(0), .int(6), .int(24)],
            ])
    }

    @Test func anAggregateInDeriveCombinesWithTheRowsOwnValues() {
        let rows = Self.rows(
            """
            from scores
            | where v is not null
            | group g (derive share_of_group = round(100.0 * v / sum(v), 1))
            | select row, share_of_group
            """)
        #expect(
            rows == [
                [.int(1), .double(75)], [.int(3), .double(25)], [.int(4), .double(50)], [.int(5), .double(50)],
            ])
    }

    @Test func sortsByManyKeysWithNullsLast() {
        #expect(
            Self.rows("from scores | sort g desc, v | select row").map { $0[0] }
                == [.int(6), .int(4), .int(5), .int(3), .int(1), .int(2)])
        #expect(
            Self.rows("from scores | sort -v, row | select row").map { $0[0] }
                == [.int(4), .int(5), .int(1), .int(3), .int(2), .int(6)])
    }

    @Test func takeCountsAndRanges() {
        #expect(Self.rows("from scores | take 2 | select row") == [[.int(1)], [.int(2)]])
        #expect(Self.rows("from scores | take 3..4 | select row") == [[.int(3)], [.int(4)]])
        #expect(Self.rows("from scores | take 100 | aggregate n = count()") == [[.int(6)]])
        #expect(Self.rows("from scores | group g (take 1) | select row") == [[.int(1)], [.int(4)], [.int(6)]])
    }

    @Test func distinctAppendUnion() {
        #expect(Self.rows("from scores | distinct g") == [[.string("a")], [.string("b")], [.string("c")]])
        #expect(Self.rows("from scores | select g, v | distinct | aggregate n = count()") == [[.int(5)]])
        #expect(
            Self.rows("from scores | select g | append (from scores | select g) | aggregate n = count()") == [
                [.int(12)]
            ])
        #expect(
            Self.rows("from scores | select g | union (from scores | select g)") == [
                [.string("a")], [.string("b")], [.string("c")],
            ])
    }

    @Test func derivedColumnsSeeEarlierOnesAndReplaceInPlace() {
        #expect(
            Self.rows("from scores | take 1 | derive v = v * 10, w = v + 1 | select g, v, w")
                == [[.string("a"), .int(30), .int(31)]])
    }

    @Test func pivotTurnsPeriodsIntoColumnsInOrder() {
        let rows = Self.rows(
            """
            from requests
            | derive year = string(year(received_date))
            | group outcome, year (aggregate n = count())
            | pivot year values n
            | sort outcome
            """)
        #expect(
            rows == [
                [.string("A"), .int(1), .null],
                [.string("N"), .int(1), .null],
                [.string("W"), .null, .int(1)],
                [.string("Y"), .int(2), .null],
            ])
    }

    @Test func joinsRenameClashesAndResolveQualifiedNames() {
        let rows = Self.rows(
            """
            from requests
            | derive start_date = received_date
            | join plans as p on p.request_id == request_id
            | select request_id, start_date, start_date_p, plan = p.plan_id
            """)
        #expect(
            rows == [
                [.string("R1"), Fixture.date("2019-01-07"), Fixture.date("2019-05-20"), .string("PL1")],
                [.string("R3"), Fixture.date("2019-02-28"), Fixture.date("2019-07-15"), .string("PL3")],
            ])
    }

    @Test func innerJoinWithAResidualCondition() {
        #expect(
            Self.rows("from requests | join plans on request_id and start_date > @2019-06-01 | select plan_id")
                == [[.string("PL3")]])
    }

    @Test func userFunctionsParametersAndValues() {
        var harness = ScriptHarness(tables: ["scores": Self.scores])
        #expect(
            harness.rows(
                """
                let threshold = 2
                let doubled(x) = x * 2
                from scores | where v > threshold | select w = doubled(v)
                """) == [[.int(6)], [.int(20)], [.int(20)]])
        // Earlier lets stay in scope for later scripts, as in the REPL.
        #expect(harness.rows("from scores | where v > threshold | aggregate n = count()") == [[.int(3)]])
    }
}
