import Testing
import SendQLCore
@testable import SendQLIO

struct DateOrderFindingTests {
    /// The reference area with every date-order rule broken once.
    static let brokenDates = referenceFixture(with: [
        "people.csv": "person_id,birth_date\nP1,2012-03-04\nP2,2019-06-01\nP3,\n",
        "requests.csv": """
        request_id,person_id,received_date,outcome,outcome_date
        R1,P1,2019-01-07,Y,2019-01-06
        R2,P2,2019-03-01,N,2019-04-10
        R3,P3,2019-05-20,A,

        """,
        "assessments.csv": "request_id,outcome,outcome_date,draft_date\nR1,Y,2019-01-01,2019-01-02\n",
        "plans.csv": """
        plan_id,person_id,request_id,start_date,cease_date
        PL1,P1,R1,2018-12-01,2018-11-30
        PL2,P2,,2017-09-01,

        """,
        "advice.csv":
            "advice_id,request_id,advice_type,requested_date,received_date\nA1,R1,health,2019-01-01,2018-12-31\n",
        "reviews.csv": """
        review_id,plan_id,meeting_date,report_date,decision_date,amended_plan_date,phase_transfer_final_date
        V1,PL2,2017-08-01,2017-07-31,2017-07-30,2017-07-29,2017-07-28

        """,
        "audits.csv": "audit_id,plan_id,audit_date,rating\nQ1,PL1,2018-11-01,good\n",
        "complaints.csv": "complaint_id,received_date,stage,responded_date\nC1,2019-04-01,1,2019-03-31\n",
        "appeals.csv":
            "appeal_id,person_id,registered_date,decision_type,outcome_date\nT1,P2,2019-05-01,other,2019-04-30\n",
    ])

    @Test func findsEveryKindOfImpossibleDateOrder() throws {
        let (result, folder) = try inspectFolder(Self.brokenDates)
        #expect(result.isLoadable, "findings are never fatal")
        #expect(result.rejects.isEmpty)
        #expect(
            result.findingTexts(in: folder) == [
                "requests.csv:3:7: request_id \"R2\": received_date 2019-03-01 is before its person's birth_date 2019-06-01 "
                    + "(person_id \"P2\", people.csv:3)",
                "requests.csv:2:20: request_id \"R1\": outcome_date 2019-01-06 is before received_date 2019-01-07",
                "assessments.csv:2:17: request_id \"R1\": draft_date 2019-01-02 is before its request's received_date 2019-01-07 "
                    + "(request_id \"R1\", requests.csv:2)",
                "assessments.csv:2:6: request_id \"R1\": outcome_date 2019-01-01 is before its request's received_date 2019-01-07 "
                    + "(request_id \"R1\", requests.csv:2)",
                "assessments.csv:2:6: request_id \"R1\": outcome_date 2019-01-01 is before draft_date 2019-01-02",
                "plans.csv:2:11: plan_id \"PL1\": start_date 2018-12-01 is before its request's received_date 2019-01-07 "
                    + "(request_id \"R1\", requests.csv:2)",
                "plans.csv:2:22: plan_id \"PL1\": cease_date 2018-11-30 is before start_date 2018-12-01",
                "advice.csv:2:14: advice_id \"A1\": requested_date 2019-01-01 is before its request's received_date 2019-01-07 "
                    + "(request_id \"R1\", requests.csv:2)",
                "advice.csv:2:25: advice_id \"A1\": received_date 2018-12-31 is before requested_date 2019-01-01",
                "reviews.csv:2:8: review_id \"V1\": meeting_date 2017-08-01 is before its plan's start_date 2017-09-01 "
                    + "(plan_id \"PL2\", plans.csv:3)",
                "reviews.csv:2:19: review_id \"V1\": report_date 2017-07-31 is before meeting_date 2017-08-01",
                "reviews.csv:2:30: review_id \"V1\": decision_date 2017-07-30 is before meeting_date 2017-08-01",
                "reviews.csv:2:41: review_id \"V1\": amended_plan_date 2017-07-29 is before meeting_date 2017-08-01",
                "reviews.csv:2:52: review_id \"V1\": phase_transfer_final_date 2017-07-28 is before meeting_date 2017-08-01",
                "audits.csv:2:8: audit_id \"Q1\": audit_date 2018-11-01 is before its plan's start_date 2018-12-01 "
                    + "(plan_id \"PL1\", plans.csv:2)",
                "complaints.csv:2:17: complaint_id \"C1\": responded_date 2019-03-31 is before received_date 2019-04-01",
                "appeals.csv:2:24: appeal_id \"T1\": outcome_date 2019-04-30 is before registered_date 2019-05-01",
            ])
        #expect(result.findings.count == CaseContract.dateOrderRules.count)
    }

    @Test func findingsCarryTheirKeysDatesAndAWarning() throws {
        let (result, folder) = try inspectFolder(Self.brokenDates, mode: .lenient)
        let finding = try #require(result.findings.first { $0.rule.table == "plans" && $0.rule.date == "start_date" })
        #expect(finding.keyColumn == "plan_id")
        #expect(finding.key == "PL1")
        #expect(finding.date == CivilDate(iso: "2018-12-01"))
        #expect(finding.anchorDate == CivilDate(iso: "2019-01-07"))
        #expect(finding.anchorKey == "R1")
        #expect(finding.anchorLocation == DataLocation(file: folder.path + "/requests.csv", line: 2, column: 1))
        #expect(finding.diagnostic.severity == .warning)
        #expect(finding.diagnostic.code == "E0720")
        #expect(finding.diagnostic.notes == ["in column start_date", "a plan is made after its request is received"])
        #expect(finding.diagnostic.locationText == finding.location.description)
        #expect(result.caseData?.findings.count == result.findings.count)
    }

    @Test func allowsEqualDatesAndIgnoresNulls() throws {
        let files = referenceFixture(with: [
            "complaints.csv":
                "complaint_id,received_date,stage,responded_date\nC1,2019-04-01,1,2019-04-01\nC2,2019-04-01,2,\n"
        ])
        let (result, _) = try inspectFolder(files)
        #expect(result.findings.isEmpty)
    }

    @Test func checksOnlyRowsThatWereKept() throws {
        // R1 is a duplicate and set aside, so the plan's date is compared with the R1 that stayed.
        let files = referenceFixture(with: [
            "requests.csv": "request_id,person_id,received_date,outcome\nR1,P1,2019-01-07,Y\nR1,P1,2020-01-01,Y\n",
            "plans.csv": "plan_id,person_id,request_id,start_date\nPL1,P1,R1,2019-05-20\n",
            "assessments.csv": nil, "advice.csv": nil, "reviews.csv": nil, "audits.csv": nil,
        ])
        let (result, _) = try inspectFolder(files, mode: .lenient)
        #expect(result.findings.isEmpty)
        #expect(result.rejects.count == 1)
    }
}
