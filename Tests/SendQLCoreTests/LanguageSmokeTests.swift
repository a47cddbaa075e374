import Testing
import SendQLCore
import SendQLTestSupport

/// Small tables every language test can reason about by hand.
enum Fixture {
    static func date(_ iso: String) -> Value { .date(CivilDate(iso: iso)!.dayNumber) }

    static var requests: Table {
        Table([
            ("request_id", Column(type: .string, values: ["R1", "R2", "R3", "R4", "R5"].map(Value.string))),
            ("person_id", Column(type: .string, values: ["P1", "P2", "P3", "P1", "P4"].map(Value.string))),
            (
                "received_date",
                Column(
                    type: .date,
                    values: ["2019-01-07", "2019-01-31", "2019-02-28", "2019-04-01", "2020-02-29"].map(date))
            ),
            ("outcome", Column(type: .string, values: ["Y", "N", "Y", "A", "W"].map(Value.string))),
            (
                "outcome_date",
                Column(type: .date, values: [date("2019-02-11"), date("2019-03-20"), date("2019-04-08"), .null, .null])
            ),
        ])
    }

    static var plans: Table {
        Table([
            ("plan_id", Column(type: .string, values: ["PL1", "PL3"].map(Value.string))),
            ("request_id", Column(type: .string, values: ["R1", "R3"].map(Value.string))),
            ("start_date", Column(type: .date, values: ["2019-05-20", "2019-07-15"].map(date))),
        ])
    }

    static var harness: ScriptHarness { ScriptHarness(tables: ["requests": requests, "plans": plans]) }
}

struct LanguageSmokeTests {
    @Test func filterDeriveSelect() {
        var h = Fixture.harness
        let rows = h.rows(
            """
            from requests
            | where outcome in ("Y", "N")
            | derive days = outcome_date - received_date
            | select request_id, days, quick = days <= 6 weeks
            """)
        #expect(
            rows == [
                [.string("R1"), .duration(35), .bool(true)],
                [.string("R2"), .duration(48), .bool(false)],
                [.string("R3"), .duration(39), .bool(true)],
            ])
    }

    @Test func groupAggregateWithPctAndMedian() {
        var h = Fixture.harness
        let rows = h.rows(
            """
            let decisions = from requests
              | where outcome in ("Y", "N")
              | derive days = outcome_date - received_date

            from decisions
            | group quarter(outcome_date) (
                aggregate decided = count(), within_6_weeks = pct(days <= 6 weeks), median_days = median(days)
              )
            | sort quarter
            """)
        #expect(
            rows == [
                [.string("2019-Q1"), .int(2), .double(50), .int(1), .int(2), .double(41.5)],
                [.string("2019-Q2"), .int(1), .double(100), .int(1), .int(1), .double(39)],
            ])
    }

    @Test func leftJoinKeepsUnmatchedRows() {
        var h = Fixture.harness
        let rows = h.rows(
            "from requests | join left plans on request_id | select request_id, plan_id | sort request_id")
        #expect(rows.map { $0[1] } == [.string("PL1"), .null, .string("PL3"), .null, .null])
    }

    @Test func reportsSeveralErrorsInOneRun() {
        var h = Fixture.harness
        let text = h.run(
            """
            from requests | where recieved_date > @2019-01-01
            from requets
            from requests | derive x = lenght(outcome)
            """)
        #expect(text.contains("unknown column `recieved_date`"))
        #expect(text.contains("did you mean `received_date`?"))
        #expect(text.contains("unknown table `requets`"))
        #expect(text.contains("unknown function `lenght`"))
    }
}
