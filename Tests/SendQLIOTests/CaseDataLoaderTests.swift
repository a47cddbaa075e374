import Testing
import SendQLCore
@testable import SendQLIO

struct CaseDataLoaderTests {
    @Test func loadsEveryTableOfTheReferenceFixture() throws {
        let (result, _) = try inspectFolder(ContractFixtures.reference)
        #expect(result.isLoadable)
        #expect(result.fatalIssues.isEmpty)
        #expect(result.rejects.isEmpty)
        #expect(result.findings.isEmpty)
        #expect(result.notes.isEmpty)
        #expect(result.summaries.map(\.table) == CaseContract.tables.map(\.name))
        #expect(result.summaries.map(\.loaded) == [3, 3, 1, 2, 2, 1, 1, 2, 1, 1])
        let data = try #require(result.caseData)
        let requests = try #require(data.tables["requests"])
        #expect(
            requests.rows == [
                [
                    .string("R1"), .string("P1"), day("2019-01-07"), .string("parent"), .string("Y"), day("2019-02-15"),
                    .bool(false), .bool(false), .string("north"),
                ],
                [
                    .string("R2"), .string("P2"), day("2019-03-01"), .string("school, via SENCO"), .string("N"),
                    day("2019-04-10"), .bool(true), .bool(false), .string("south"),
                ],
                [
                    .string("R3"), .string("P3"), day("2019-05-20"), .null, .string("A"), .null, .null, .null,
                    .string("north"),
                ],
            ])
        #expect(
            data.tables["complaints"]?.column(named: "topic")?[0] == .string("Delay in assessment\n(second letter)"))
        #expect(data.tables["plans"]?.column(named: "cease_reason")?[1] == .int(5))
    }

    @Test func loadsAnotherToolsExportWithTheSameValues() throws {
        let (reference, _) = try inspectFolder(ContractFixtures.reference)
        let (other, _) = try inspectFolder(ContractFixtures.otherTool)
        #expect(other.isLoadable)
        #expect(other.rejects.isEmpty)
        let expected = try #require(reference.caseData)
        let actual = try #require(other.caseData)
        for contract in CaseContract.tables {
            #expect(actual.tables[contract.name] == expected.tables[contract.name], "table \(contract.name)")
        }
    }

    @Test func givesTablesTheContractsColumnsThenTheExtraOnes() throws {
        let (result, _) = try inspectFolder(ContractFixtures.otherTool)
        let requests = try #require(result.caseData?.tables["requests"])
        #expect(
            requests.schema.description == "request_id: string, person_id: string, received_date: date, "
                + "source: string, outcome: string, outcome_date: date, mediation: bool, tribunal: bool, team: string")
    }

    @Test func storesCodesInTheContractsSpelling() throws {
        let (result, _) = try inspectFolder(ContractFixtures.otherTool)
        let data = try #require(result.caseData)
        #expect(data.tables["people"]?.rows.map { $0[2] } == [.string("M"), .string("F"), .string("U")])
        #expect(data.tables["plans"]?.rows.map { $0[6] } == [.string("ASD"), .string("SEMH")])
        #expect(data.tables["advice"]?.rows.map { $0[2] } == [.string("educational_psychology"), .string("health")])
        #expect(data.tables["audits"]?.rows.first?[3...4] == [.string("good"), .string("requires_improvement")])
        #expect(data.tables["appeals"]?.rows.first?[3...4] == [.string("refusal_to_issue"), .string("conceded")])
    }

    @Test func typesExtraColumnsByInference() throws {
        let files = referenceFixture(with: [
            "people.csv": """
            person_id,shoe_size,keyworker,on_roll
            P1,3,Ann,yes
            P2,4.5,Bob,no
            P3,,,

            """
        ])
        let (result, _) = try inspectFolder(files)
        let people = try #require(result.caseData?.tables["people"])
        #expect(
            people.schema.description == "person_id: string, birth_date: date, sex: string, ethnicity: string, "
                + "shoe_size: double, keyworker: string, on_roll: bool")
    }

    @Test func givesOptionalColumnsMissingFromTheFileAsNullColumns() throws {
        let files = referenceFixture(with: ["people.csv": "person_id\nP1\nP2\nP3\n"])
        let (result, _) = try inspectFolder(files)
        let people = try #require(result.caseData?.tables["people"])
        #expect(people.schema == CaseContract.people.schema)
        #expect(people.column(named: "birth_date")?.nullCount == 3)
        #expect(people.column(named: "sex")?.type == .string)
    }

    @Test func readsAnAbsentFileAsAnEmptyTableWithANote() throws {
        let (result, _) = try inspectFolder(referenceFixture(with: ["appeals.csv": nil]))
        let data = try #require(result.caseData)
        #expect(data.tables["appeals"] == Table.empty(CaseContract.appeals.schema))
        #expect(data.absentTables == ["appeals"])
        #expect(data.absenceNote(for: "appeals")?.message == "appeals.csv is absent: the appeals table is empty")
        #expect(data.absenceNote(for: "appeals")?.code == "E0721")
        #expect(data.absenceNote(for: "people") == nil)
        #expect(result.summary("appeals")?.status == .absent)
    }

    @Test func leavesReferencesIntoAnAbsentTableUnchecked() throws {
        let (result, _) = try inspectFolder(referenceFixture(with: ["people.csv": nil]))
        #expect(result.isLoadable)
        #expect(
            result.notes.map(\.message) == [
                "people.csv is absent: the people table is empty",
                "requests.person_id was not checked: people.csv is absent",
                "plans.person_id was not checked: people.csv is absent",
                "feedback.person_id was not checked: people.csv is absent",
                "appeals.person_id was not checked: people.csv is absent",
            ])
    }

    @Test func namesTheFileTheMissingColumnAndTheColumnsFound() throws {
        let files = referenceFixture(with: [
            "requests.csv": "request_id,person_id,recieved_date,outcome\nR1,P1,2019-01-07,Y\n"
        ])
        let (result, folder) = try inspectFolder(files, mode: .lenient)
        #expect(!result.isLoadable)
        #expect(
            result.fatalTexts(in: folder) == [
                "requests.csv:1:1: missing required column \"received_date\" (the header has request_id, person_id, "
                    + "recieved_date, outcome)"
            ])
        #expect(result.fatalIssues.first?.diagnostic.notes == ["is \"recieved_date\" meant to be \"received_date\"?"])
        #expect(result.fatalIssues.first?.code == "E0714")
        #expect(result.summary("requests")?.status == .failed)
    }

    @Test func reportsEveryMissingRequiredColumn() throws {
        let files = referenceFixture(with: ["feedback.csv": "response_id,comment\nF1,fine\n"])
        let (result, folder) = try inspectFolder(files)
        #expect(
            result.fatalTexts(in: folder) == [
                "feedback.csv:1:1: missing required column \"received_date\" (the header has response_id, comment)",
                "feedback.csv:1:1: missing required column \"survey\" (the header has response_id, comment)",
                "feedback.csv:1:1: missing required column \"score\" (the header has response_id, comment)",
            ])
    }

    @Test func requiresAValueInEveryRequiredColumn() throws {
        let files = referenceFixture(with: [
            "complaints.csv": "complaint_id,received_date,stage\nC1,,1\n,2019-01-01,\"\"\n"
        ])
        let (result, folder) = try inspectFolder(files, mode: .lenient)
        #expect(
            result.issueTexts(in: folder) == [
                "complaints.csv:2:4: expected date, found an empty field",
                "complaints.csv:3:1: expected text, found an empty field",
                "complaints.csv:3:13: expected int from 1 to 3, found an empty field",
            ])
        #expect(result.rejects.allSatisfy { $0.issues.allSatisfy { $0.code == "E0713" } })
    }

    @Test func checksCodeListsAndRanges() throws {
        let files = referenceFixture(with: [
            "feedback.csv":
                "response_id,received_date,survey,score\nF1,2019-06-01,assessment,6\nF2,2019-06-01,assessment,0\n",
            "reviews.csv": "review_id,plan_id,meeting_date,outcome\nV1,PL1,2020-01-01,X\n",
            "plans.csv": """
            plan_id,person_id,start_date,cease_reason,primary_need
            PL1,P1,2019-05-20,10,AUT
            PL2,P2,2017-09-01,,

            """,
        ])
        let (result, folder) = try inspectFolder(files, mode: .lenient)
        #expect(
            result.issueTexts(in: folder) == [
                "plans.csv:2:19: expected int from 1 to 9, found \"10\"",
                "plans.csv:2:22: expected one of SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH, found \"AUT\"",
                "reviews.csv:2:19: expected one of M, A, C, found \"X\"",
                "audits.csv:2:4: expected a plan_id from plans.csv, found \"PL1\"",
                "feedback.csv:2:26: expected int from 1 to 5, found \"6\"",
                "feedback.csv:3:26: expected int from 1 to 5, found \"0\"",
            ])
        #expect(
            result.rejects.first { $0.table == "audits" }?.issues.first?.diagnostic.notes == [
                "in column plan_id", "\(folder.path)/plans.csv:2 has plan_id \"PL1\", but that row was set aside",
            ])
    }

    @Test func reportsDuplicateKeysWithBothLines() throws {
        let files = referenceFixture(with: [
            "requests.csv": """
            request_id,person_id,received_date,outcome
            R1,P1,2019-01-07,Y
            R2,P2,2019-03-01,N
            R1,P3,2019-05-20,A
            R3,P3,2019-05-20,A
            R1,P3,2019-05-21,A

            """
        ])
        let (strict, folder) = try inspectFolder(files)
        #expect(!strict.isLoadable)
        #expect(
            strict.issueTexts(in: folder) == [
                "requests.csv:4:1: duplicate request_id \"R1\" (first on line 2)",
                "requests.csv:6:1: duplicate request_id \"R1\" (first on line 2)",
            ])
        let (lenient, _) = try inspectFolder(files, mode: .lenient)
        #expect(lenient.isLoadable)
        let requests = try #require(lenient.caseData?.tables["requests"])
        #expect(requests.rows.map { $0[0] } == [.string("R1"), .string("R2"), .string("R3")])
        #expect(
            lenient.summary("requests")
                == TableLoadSummary(
                    table: "requests", file: lenient.directory + "/requests.csv", status: .loaded, rowsInFile: 5,
                    loaded: 3,
                    rejected: 2))
    }

    @Test func assessmentsAreKeyedByTheirRequest() throws {
        let files = referenceFixture(with: [
            "assessments.csv": """
            request_id,outcome
            R1,Y
            R1,N

            """
        ])
        let (result, folder) = try inspectFolder(files)
        #expect(result.issueTexts(in: folder) == ["assessments.csv:3:1: duplicate request_id \"R1\" (first on line 2)"])
    }

    @Test func reportsDanglingReferencesLikeBadValues() throws {
        let files = referenceFixture(with: [
            "plans.csv": """
            plan_id,person_id,request_id,start_date
            PL1,P1,R1,2019-05-20
            PL2,P9,,2017-09-01
            PL3,P2,R7,2019-09-01

            """,
            "audits.csv": "audit_id,plan_id,audit_date,rating\nQ1,PL2,2019-07-01,good\n",
            "reviews.csv": "review_id,plan_id,meeting_date\nV1,PL1,2020-05-01\n",
        ])
        let (result, folder) = try inspectFolder(files, mode: .lenient)
        #expect(
            result.issueTexts(in: folder) == [
                "plans.csv:3:5: expected a person_id from people.csv, found \"P9\"",
                "plans.csv:4:8: expected a request_id from requests.csv, found \"R7\"",
                "audits.csv:2:4: expected a plan_id from plans.csv, found \"PL2\"",
            ])
        #expect(result.rejects.map { $0.issues[0].code } == ["E0716", "E0716", "E0716"])
        // PL2 was set aside, so the audit of PL2 dangles too, and says why.
        #expect(
            result.rejects.last?.issues[0].diagnostic.notes.last
                == "\(folder.path)/plans.csv:3 has plan_id \"PL2\", but that row was set aside")
        #expect(result.caseData?.tables["plans"]?.rowCount == 1)
        #expect(result.caseData?.tables["reviews"]?.rowCount == 1)
    }

    @Test func leavesNullReferencesAlone() throws {
        // plans.request_id is null for a plan transferred in; feedback.person_id is optional.
        let (result, _) = try inspectFolder(ContractFixtures.reference)
        #expect(result.caseData?.tables["plans"]?.column(named: "request_id")?.nullCount == 1)
        #expect(result.caseData?.tables["feedback"]?.column(named: "person_id")?.nullCount == 1)
        #expect(result.rejects.isEmpty)
    }

    @Test func keepsLoadedPlusRejectedEqualToRowsInEveryTable() throws {
        var files = ContractFixtures.otherTool
        files["requests.csv"]! +=
            "q,0,R4,north,32/01/2019,no,P1,,\r\nY,0,R1,north,01/01/2019,no,P1,,\r\nY,0,R5,x,01/01/2019,no,P8,,\r\n"
        files["people.csv"]! += "X,P4,,01/01/2001\r\n"
        let (result, _) = try inspectFolder(files, mode: .lenient)
        #expect(result.isLoadable)
        #expect(result.rejects.count == 4)
        for summary in result.summaries {
            #expect(summary.loaded + summary.rejected == summary.rowsInFile, "\(summary.table)")
            #expect(result.caseData?.tables[summary.table]?.rowCount == summary.loaded)
        }
    }

    @Test func strictModeGathersEveryErrorAcrossTables() throws {
        let files = referenceFixture(with: [
            "people.csv": "person_id,sex\nP1,M\nP2,Q\nP3,F\n",
            "feedback.csv": "response_id,received_date,survey,score\nF1,2019-02-30,x,3\nF1,2019-01-01,x,3\n",
        ])
        let (result, folder) = try inspectFolder(files)
        #expect(!result.isLoadable)
        #expect(result.caseData == nil)
        #expect(
            result.errors.map { $0.text.replacingOccurrences(of: folder.path + "/", with: "") } == [
                "people.csv:3:4: expected one of M, F, U, found \"Q\"",
                "requests.csv:3:4: expected a person_id from people.csv, found \"P2\"",
                "plans.csv:3:5: expected a person_id from people.csv, found \"P2\"",
                "reviews.csv:2:4: expected a plan_id from plans.csv, found \"PL2\"",
                "feedback.csv:2:4: expected date, found \"2019-02-30\"",
                "appeals.csv:2:4: expected a person_id from people.csv, found \"P2\"",
            ])
        #expect(throws: DiagnosticList.self) {
            try CaseDataLoader(parallelism: 1).load(directory: folder.path)
        }
    }

    @Test func capsTheThrownErrorsAtTheLimit() throws {
        let rows = (0..<150).map { "R\($0),P1,someday,Y" }.joined(separator: "\n")
        let files = referenceFixture(with: [
            "requests.csv": "request_id,person_id,received_date,outcome\n\(rows)\n",
            "assessments.csv": nil, "plans.csv": nil, "advice.csv": nil, "reviews.csv": nil, "audits.csv": nil,
        ])
        let folder = try TemporaryFolder()
        try folder.write(files)
        do {
            _ = try CaseDataLoader(parallelism: 1).load(directory: folder.path)
            Issue.record("expected the load to fail")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.count == 101)
            #expect(list.diagnostics.last?.message == "… and 50 more errors")
            #expect(list.diagnostics.first?.locationText == folder.path + "/requests.csv:2:7")
        }
    }

    @Test func saysWhenTheFolderIsMissing() throws {
        let result = CaseDataLoader().inspect(directory: "/nonexistent/sendql-area")
        #expect(!result.isLoadable)
        #expect(
            result.fatalIssues.map(\.text) == [
                "/nonexistent/sendql-area: data folder not found: /nonexistent/sendql-area"
            ])
        #expect(result.fatalIssues.first?.code == "E0700")
        #expect(throws: DiagnosticList.self) { try CaseDataLoader().load(directory: "/nonexistent/sendql-area") }
    }

    @Test func notesCSVFilesThatAreNotContractTables() throws {
        let files = referenceFixture(with: ["request.csv": "a\n1\n", "readme.txt": "not csv"])
        let (result, _) = try inspectFolder(files)
        #expect(result.isLoadable)
        #expect(result.notes.map(\.message) == ["request.csv is not a contract table and was not read"])
        #expect(result.notes.first?.notes == ["did you mean requests.csv?"])
    }

    @Test func reportsUnusableFilesAsFatalInBothModes() throws {
        for mode in [CSVReadMode.strict, .lenient] {
            let files = referenceFixture(with: ["audits.csv": "", "advice.csv": "advice_id,advice_id\n"])
            let (result, folder) = try inspectFolder(files, mode: mode)
            #expect(!result.isLoadable)
            #expect(
                result.fatalTexts(in: folder) == [
                    "advice.csv:1:11: duplicate column name \"advice_id\" (also header field 1)",
                    "audits.csv:1:1: empty file: no header row naming the columns",
                ])
            #expect(result.summary("advice")?.status == .failed)
            #expect(result.summary("audits")?.status == .failed)
        }
    }
}
