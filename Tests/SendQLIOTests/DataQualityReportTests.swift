import Testing
import SendQLCore
@testable import SendQLIO

struct DataQualityReportTests {
    static let messyArea = referenceFixture(with: [
        "people.csv": "person_id,birth_date,sex\nP1,2012-03-04,m\nP2,2010-11-30,F\nP3,2011-13-01,F\n",
        "requests.csv": "request_id,person_id,received_date,outcome,outcome_date\r\n"
            + "R1,P1,2019-01-07,y,2019-02-15\r\nR2,P2,01/03/2019,N,2019-02-01\r\nR3,P2,2019-05-20,Q,\r\n"
            + "R1,P1,2019-06-01,A,\r\nR4,P3,2019-06-01,A,\r\n",
        "reviews.csv": "",
        "appeals.csv": nil,
        "request.csv": "x\n",
    ])

    private func render(_ mode: CSVReadMode, limit: Int = 100) throws -> String {
        let (result, folder) = try inspectFolder(Self.messyArea, mode: mode)
        return DataQualityReport(result, limit: limit).render().replacingOccurrences(of: folder.path, with: "DIR")
    }

    @Test func show() throws { print(try render(.lenient)); print("====="); print(try render(.strict, limit: 1)) }

    @Test func rendersEverythingALenientLoadFound() throws {
        #expect(
            try render(.lenient) == """
                Data folder: DIR (lenient)

                table        rows in file  loaded  set aside
                people                  3       2          1
                requests                5       2          3
                assessments             1       1          0
                plans                   2       2          0
                advice                  2       2          0
                reviews            failed       0          -
                audits                  1       1          0
                feedback                2       2          0
                complaints              1       1          0
                appeals            absent       0          -

                Files that cannot be loaded (1):
                  DIR/reviews.csv:1:1: empty file: no header row naming the columns [E0701]

                Rows with bad values, set aside (2):
                  DIR/people.csv:4:4: expected date, found "2011-13-01" [E0710]
                    in column birth_date
                    there is no month 13
                    | P3,2011-13-01,F
                  DIR/requests.csv:4:18: expected one of Y, N, A, W, H, found "Q" [E0711]
                    in column outcome
                    | R3,P2,2019-05-20,Q,

                Duplicate keys, set aside (1):
                  DIR/requests.csv:5:1: duplicate request_id "R1" (first on line 2) [E0715]
                    in column request_id
                    | R1,P1,2019-06-01,A,

                Dangling references, set aside (1):
                  DIR/requests.csv:6:4: expected a person_id from people.csv, found "P3" [E0716]
                    in column person_id
                    DIR/people.csv:4 has person_id "P3", but that row was set aside
                    | R4,P3,2019-06-01,A,

                Date-order findings (1):
                  DIR/requests.csv:3:20: request_id "R2": outcome_date 2019-02-01 is before received_date 2019-03-01

                Notes:
                  request.csv is not a contract table and was not read
                    did you mean requests.csv?
                  appeals.csv is absent: the appeals table is empty

                NOT LOADABLE: 1 error

                """)
    }

    @Test func rendersAStrictLoadWithListsCutAtTheLimit() throws {
        #expect(
            try render(.strict, limit: 1) == """
                Data folder: DIR (strict)

                table        rows in file  loaded  with errors
                people                  3       2            1
                requests                5       2            3
                assessments             1       1            0
                plans                   2       2            0
                advice                  2       2            0
                reviews            failed       0            -
                audits                  1       1            0
                feedback                2       2            0
                complaints              1       1            0
                appeals            absent       0            -

                Files that cannot be loaded (1):
                  DIR/reviews.csv:1:1: empty file: no header row naming the columns [E0701]

                Rows with bad values (2):
                  DIR/people.csv:4:4: expected date, found "2011-13-01" [E0710]
                    in column birth_date
                    there is no month 13
                    | P3,2011-13-01,F
                  … and 1 more

                Duplicate keys (1):
                  DIR/requests.csv:5:1: duplicate request_id "R1" (first on line 2) [E0715]
                    in column request_id
                    | R1,P1,2019-06-01,A,

                Dangling references (1):
                  DIR/requests.csv:6:4: expected a person_id from people.csv, found "P3" [E0716]
                    in column person_id
                    DIR/people.csv:4 has person_id "P3", but that row has errors
                    | R4,P3,2019-06-01,A,

                Date-order findings (1):
                  DIR/requests.csv:3:20: request_id "R2": outcome_date 2019-02-01 is before received_date 2019-03-01

                Notes:
                  request.csv is not a contract table and was not read
                    did you mean requests.csv?
                  appeals.csv is absent: the appeals table is empty

                NOT LOADABLE: 5 errors

                """)
    }

    @Test(arguments: [
        (CSVReadMode.strict, "NOT LOADABLE: 4 errors (--lenient sets bad rows aside)"),
        (.lenient, "OK: 13 rows loaded from 8 tables, 4 rows set aside, 1 date-order finding"),
    ])
    func saysWhetherTheDataLoads(mode: CSVReadMode, verdict: String) throws {
        var files = Self.messyArea
        files["reviews.csv"] = nil
        let (result, _) = try inspectFolder(files, mode: mode)
        #expect(DataQualityReport(result).verdict == verdict)
    }

    @Test func saysOKForCleanData() throws {
        let (result, _) = try inspectFolder(ContractFixtures.reference)
        #expect(DataQualityReport(result).verdict == "OK: 17 rows loaded from 10 tables")
    }
}
