import Testing
import SendQLCore
import SendQLTestSupport

/// Every clock worked by hand at its edges, on a small area written for the purpose.
struct StatutoryClockTests {
    static func fixture() throws -> AreaFixture {
        try AreaFixture([
            "people": "person_id\nP1\nP2\nP3\nP4\nP5\nP6\nP7\nP8\nP9\n",
            "requests": """
            request_id,person_id,received_date,outcome,outcome_date,mediation,tribunal
            R1,P1,2019-01-01,Y,2019-02-12,,
            R2,P2,2019-01-01,N,2019-02-13,,
            R3,P3,2019-03-01,N,2019-04-20,,
            R4,P4,2019-01-10,Y,2019-02-01,,
            R5,P5,2019-01-10,Y,2019-02-01,,
            R6,P6,2019-01-10,Y,2019-02-01,,
            R7,P7,2019-01-10,Y,2019-02-01,yes,
            R8,P8,2019-01-10,Y,2019-02-01,,

            """,
            "assessments": """
            request_id,outcome,outcome_date,week20_exception
            R1,A,,
            R4,Y,2019-05-30,
            R5,Y,2019-05-31,
            R6,Y,2019-06-30,true
            R7,Y,2019-05-01,
            R8,N,2019-04-20,

            """,
            "plans": """
            plan_id,person_id,request_id,start_date,cease_date,cease_reason
            PL1,P4,R4,2019-01-31,,
            PL2,P5,R5,2020-02-29,,
            PL3,P6,R6,2019-06-01,2020-03-01,2

            """,
            "reviews": """
            review_id,plan_id,meeting_date,decision_date,outcome,amended_plan_date,phase_transfer,phase_transfer_due_date,phase_transfer_final_date
            V1,PL1,2020-01-30,2020-02-27,A,2020-04-23,,,
            V2,PL2,2021-02-28,2021-03-29,M,,true,2022-02-15,2022-02-15

            """,
            "complaints": """
            complaint_id,received_date,stage,responded_date
            C1,2019-12-24,1,2020-01-24
            C2,2019-04-18,1,2019-05-22
            C3,2019-04-18,2,

            """,
        ])
    }

    /// clock, subject, due, done, status, exempt, disputed for the deadlines of one clock.
    static func deadlines(_ clock: String, asOf: String) throws -> [[String]] {
        let area = try fixture()
        defer { area.remove() }
        return try area.rows(
            """
            from deadlines | where clock == "\(clock)"
            | select subject_id, due_date, done_date, status, exempt, disputed, days_taken, days_overdue
            | sort subject_id, due_date
            """, asOf: asOf
        ).map { $0.map(\.description) }
    }

    @Test func decisionsWithinSixWeeksOnDay42AndLateOnDay43() throws {
        #expect(
            try Self.deadlines("decision_6wk", asOf: "2021-12-31").prefix(3) == [
                ["R1", "2019-02-12", "2019-02-12", "met", "false", "false", "42 days", "null"],
                ["R2", "2019-02-12", "2019-02-13", "late", "false", "false", "43 days", "null"],
                ["R3", "2019-04-12", "2019-04-20", "late", "false", "false", "50 days", "null"],
            ])
    }

    @Test func aDecisionAfterTheAsOfDateIsNotYetKnown() throws {
        // R3 was decided on 2019-04-20: as at 2019-03-31 it is undecided and its clock is still running.
        let rows = try Self.deadlines("decision_6wk", asOf: "2019-03-31")
        #expect(
            rows.first { $0[0] == "R3" } == ["R3", "2019-04-12", "null", "pending", "false", "false", "null", "null"])
        let area = try Self.fixture()
        defer { area.remove() }
        #expect(
            try area.rows(
                "from requests | where request_id == \"R3\" | select outcome, outcome_date", asOf: "2019-03-31")
                == [[.string("A"), .null]])
        // As at 2019-04-19 it is overdue by a week.
        #expect(
            try Self.deadlines("decision_6wk", asOf: "2019-04-19").first { $0[0] == "R3" }
                == ["R3", "2019-04-12", "null", "overdue", "false", "false", "null", "7 days"])
    }

    @Test func plansIssuedOnDay140AreOnTimeAndOnDay141Late() throws {
        #expect(
            try Self.deadlines("final_20wk", asOf: "2021-12-31") == [
                ["R1", "2019-05-21", "null", "overdue", "false", "false", "null", "955 days"],
                ["R4", "2019-05-30", "2019-05-30", "met", "false", "false", "140 days", "null"],
                ["R5", "2019-05-30", "2019-05-31", "late", "false", "false", "141 days", "null"],
                ["R6", "2019-05-30", "2019-06-30", "late", "true", "false", "171 days", "null"],
                ["R7", "2019-05-30", "2019-05-01", "met", "false", "true", "111 days", "null"],
            ])
        #expect(
            try Self.deadlines("not_issue_16wk", asOf: "2021-12-31") == [
                ["R8", "2019-05-02", "2019-04-20", "met", "false", "false", "100 days", "null"]
            ])
    }

    @Test func exceptionsAndDisputesInAndOutOfTheHeadline() throws {
        let area = try Self.fixture()
        defer { area.remove() }
        let rows = try area.rows(
            """
            from kpi_pack | where kpi in ("ehcp_20wk", "ehcp_20wk_incl") and breakdown == ""
            | select kpi, period, numerator, denominator
            """, asOf: "2021-12-31")
        // R4 met, R5 late, R6 late but excepted, R7 disputed (mediation): out of both.
        #expect(
            rows == [
                [.string("ehcp_20wk"), .string("2019"), .int(1), .int(2)],
                [.string("ehcp_20wk_incl"), .string("2019"), .int(1), .int(3)],
            ])
    }

    @Test func reviewPeriodsFromMonthEndsAndLeapDays() throws {
        #expect(
            try Self.deadlines("review_12m", asOf: "2021-12-31") == [
                // Within 12 months starting with 31 January 2019: by 30 January 2020.
                ["PL1", "2020-01-30", "2020-01-30", "met", "false", "false", "364 days", "null"],
                ["PL1", "2021-01-29", "null", "overdue", "false", "false", "null", "336 days"],
                // Starting with 29 February 2020: 12 months end on 27 February 2021.
                ["PL2", "2021-02-27", "2021-02-28", "late", "false", "false", "365 days", "null"],
                ["PL2", "2022-02-27", "null", "pending", "false", "false", "null", "null"],
                // PL3 ceased on 2020-03-01, before its first review was due: no review was owed.
            ])
    }

    @Test func reviewDecisionsAmendmentsAndPhaseTransfers() throws {
        #expect(
            try Self.deadlines("review_decision_4wk", asOf: "2021-12-31") == [
                ["V1", "2020-02-27", "2020-02-27", "met", "false", "false", "28 days", "null"],
                ["V2", "2021-03-28", "2021-03-29", "late", "false", "false", "29 days", "null"],
            ])
        #expect(
            try Self.deadlines("amendment_12wk", asOf: "2021-12-31") == [
                ["V1", "2020-04-23", "2020-04-23", "met", "false", "false", "84 days", "null"]
            ])
        #expect(
            try Self.deadlines("phase_transfer", asOf: "2022-12-31") == [
                ["V2", "2022-02-15", "2022-02-15", "met", "false", "false", "352 days", "null"]
            ])
    }

    @Test func complaintsAnsweredInTwentyWorkingDaysAcrossChristmasAndEaster() throws {
        #expect(
            try Self.deadlines("complaint_20wd", asOf: "2021-12-31") == [
                // Christmas Day, Boxing Day and New Year's Day are not working days.
                ["C1", "2020-01-24", "2020-01-24", "met", "false", "false", "31 days", "null"],
                // Good Friday, Easter Monday and the early May bank holiday are not either.
                ["C2", "2019-05-21", "2019-05-22", "late", "false", "false", "34 days", "null"],
            ])
    }

    @Test func aPlanThatCeasedAfterTheAsOfDateIsStillLive() throws {
        let area = try Self.fixture()
        defer { area.remove() }
        #expect(
            try area.rows("from plans | where plan_id == \"PL3\" | select cease_date, cease_reason", asOf: "2020-01-31")
                == [[.null, .null]])
        #expect(
            try area.rows("from plans | where plan_id == \"PL3\" | select cease_date, cease_reason", asOf: "2020-03-01")
                == [[Fixture.date("2020-03-01"), .int(2)]])
        // As at 2019-12-31, PL2 does not exist yet.
        #expect(try area.rows("from plans | aggregate n = count()", asOf: "2019-12-31") == [[.int(2)]])
    }

    @Test func anAreaAddsItsOwnClockAndKPIInAFewLines() throws {
        let area = try Self.fixture()
        defer { area.remove() }
        // A local target: review meetings held within 10 months of the plan or the last review.
        let rows = try area.rows(
            """
            let review_10m = from review_12m
              | derive clock = "review_10m", due_date = add_months(start_date, 10)
              | derive status = case when done_date <= due_date then "met" when done_date > due_date then "late"
                                     when due_date < as_of() then "overdue" else "pending" end
            from review_10m | where status != "pending"
            | group year = year(due_date) (aggregate met = count(where status == "met"), due = count())
            """, asOf: "2021-12-31")
        #expect(
            rows == [[.int(2019), .int(0), .int(1)], [.int(2020), .int(0), .int(2)], [.int(2021), .int(0), .int(1)]])
    }
}

extension StatutoryClockTests {
    /// A request with two plans (a re-issue keyed to the same request) counts once in the 20-week
    /// KPI, under the need of its first plan.
    @Test func aRequestWithTwoPlansCountsOnceInTheTwentyWeekKPI() throws {
        let area = try AreaFixture([
            "people": "person_id\nP1\n",
            "requests": "request_id,person_id,received_date,outcome,outcome_date\nR1,P1,2019-01-10,Y,2019-02-01\n",
            "assessments": "request_id,outcome,outcome_date\nR1,Y,2019-05-01\n",
            "plans": """
            plan_id,person_id,request_id,start_date,primary_need
            PL2,P1,R1,2020-09-01,SEMH
            PL1,P1,R1,2019-05-01,ASD

            """,
        ])
        defer { area.remove() }
        let rows = try area.rows(
            """
            from kpi_pack | where kpi in ("ehcp_20wk", "ehcp_20wk_incl") and period == "2019"
            | select kpi, breakdown, numerator, denominator
            """, asOf: "2020-12-31")
        #expect(
            rows.map { $0.map(\.description) } == [
                ["ehcp_20wk", "", "1", "1"], ["ehcp_20wk", "primary_need=ASD", "1", "1"],
                ["ehcp_20wk_incl", "", "1", "1"],
            ])
    }
}

private enum Fixture {
    static func date(_ iso: String) -> Value { .date(CivilDate(iso: iso)!.dayNumber) }
}
