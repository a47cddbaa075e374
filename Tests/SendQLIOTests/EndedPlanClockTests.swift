import Testing
import SendQLCore
import SendQLTestSupport

/// Clocks on plans that have ended (deadlines-and-kpis.md): dropped when nothing was owed any more,
/// `missed` when they fell due first, and never overdue; and no KPI row for a period not yet begun.
struct EndedPlanClockTests {
    static func fixture() throws -> AreaFixture {
        try AreaFixture([
            "people": "person_id\nP1\nP2\nP3\nP4\n",
            "plans": """
            plan_id,person_id,start_date,cease_date,cease_reason
            PL1,P1,2018-01-10,2019-06-30,2
            PL2,P2,2018-01-10,2019-01-09,2
            PL3,P3,2018-01-10,,
            PL4,P4,2021-03-01,,

            """,
            "reviews": """
            review_id,plan_id,meeting_date,decision_date,outcome,amended_plan_date
            V1,PL1,2018-12-01,,,
            V2,PL3,2018-12-01,,,
            V3,PL4,2021-11-01,2021-11-20,M,

            """,
        ])
    }

    static func deadlines(asOf: String) throws -> [[String]] {
        let area = try fixture()
        defer { area.remove() }
        return try area.rows(
            """
            from deadlines | where clock in ("review_12m", "review_decision_4wk")
            | select clock, subject_id, due_date, done_date, status, days_overdue
            | sort clock, subject_id, due_date
            """, asOf: asOf
        ).map { $0.map(\.description) }
    }

    @Test func aClockOfAnEndedPlanIsMissedOrDroppedNeverOverdue() throws {
        #expect(
            try Self.deadlines(asOf: "2021-12-31") == [
                // PL1 ended on 2019-06-30, before its second period fell due (2019-11-30): nothing was owed.
                ["review_12m", "PL1", "2019-01-09", "2018-12-01", "met", "null"],
                // PL2 ended on its first due date: no review was owed. PL3 is still running: overdue.
                ["review_12m", "PL3", "2019-01-09", "2018-12-01", "met", "null"],
                ["review_12m", "PL3", "2019-11-30", "null", "overdue", "762 days"],
                ["review_12m", "PL4", "2022-02-28", "2021-11-01", "met", "null"],
                ["review_12m", "PL4", "2022-10-31", "null", "pending", "null"],
                // V1's decision fell due on 2018-12-29 and PL1 ended in 2019 without one: missed.
                ["review_decision_4wk", "V1", "2018-12-29", "null", "missed", "null"],
                ["review_decision_4wk", "V2", "2018-12-29", "null", "overdue", "1098 days"],
                ["review_decision_4wk", "V3", "2021-11-29", "2021-11-20", "met", "null"],
            ])
    }

    @Test func aReviewPeriodOfAnEndedPlanThatFellDueIsMissed() throws {
        let area = try AreaFixture([
            "people": "person_id\nP1\n",
            "plans": "plan_id,person_id,start_date,cease_date,cease_reason\nPL1,P1,2011-08-31,2015-07-31,5\n",
        ])
        defer { area.remove() }
        let rows = try area.rows(
            """
            from deadlines | select subject_id, due_date, done_date, status, days_overdue
            """, asOf: "2024-12-31"
        ).map { $0.map(\.description) }
        #expect(
            rows == [
                ["PL1", "2012-08-30", "null", "missed", "null"]
            ])
        // As at a day before the plan ended, the same clock was overdue.
        let before = try area.rows("from deadlines | select status, days_overdue", asOf: "2015-07-30")
        #expect(before.map { $0.map(\.description) } == [["overdue", "1064 days"]])
    }

    @Test func missedClocksAreNotMetInTheirKPIAndNotInTheBacklog() throws {
        let area = try Self.fixture()
        defer { area.remove() }
        let rates = try area.rows(
            """
            from kpi_pack | where kpi == "review_decision_4wk" and breakdown == ""
            | select period, numerator, denominator
            """, asOf: "2021-12-31")
        #expect(rates.map { $0.map(\.description) } == [["2018", "0", "2"], ["2021", "1", "1"]])
        let backlog = try area.rows(
            """
            from kpi_pack | where kpi == "overdue_now" and breakdown in ("review_12m", "review_decision_4wk")
            | select breakdown, numerator
            """, asOf: "2021-12-31")
        #expect(backlog.map { $0.map(\.description) } == [["review_12m", "1"], ["review_decision_4wk", "1"]])
    }

    @Test(arguments: ["year", "academic_year", "financial_year", "quarter", "month", "rolling12"])
    func noKPIRowForAPeriodThatHasNotBegun(kind: String) throws {
        let area = try Self.fixture()
        defer { area.remove() }
        // PL4's first review was held early (2021-11-01), so its period falls due in 2022.
        let session = try area.session(asOf: "2021-12-31", parameters: ["kpi_period": kind])
        var running = session
        let outcome = running.run(
            Source(
                name: "test.sendql",
                text: """
                    from kpi_pack | where kpi != "overdue_now" and period > period(as_of(), kpi_period_kind)
                    """))
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.results.last?.table.rowCount == 0)
    }
}
