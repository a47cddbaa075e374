import Foundation
import Testing
import SendQLTestSupport

/// The generator's SEN2 formats, loaded by the real binary: an XML return and a Blade export of a
/// synthetic area give exactly the tables, deadlines and KPI pack of the same area's CSV files.
struct SEN2CommandTests {
    private static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sendql-sen2-\(UUID().uuidString)")
    }

    /// One area, written in every format.
    final class Area: @unchecked Sendable {
        let root = SEN2CommandTests.temporaryDirectory()
        func path(_ format: String) -> String { root.appendingPathComponent(format).path }

        init() throws {
            for format in ["csv", "sen2-csv", "sen2-xml", "sen2-blade"] {
                let result = try ProcessRunner.sendql(
                    ["generate", "--out", path(format), "--format", format, "--requests", "250", "--seed", "5"])
                #expect(result.status == 0, "\(format): \(result.stderr)")
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    static let area = Result { try Area() }

    private func run(_ arguments: [String], data: String) throws -> ProcessResult {
        try ProcessRunner.sendql(arguments + ["--data", data, "--as-of", "2024-12-31"])
    }

    @Test(arguments: [
        "people", "requests", "assessments", "plans", "reviews", "advice", "audits", "feedback",
        "complaints", "appeals", "deadlines",
    ])
    func everyTableAndTheDeadlinesAreTheSame(table: String) throws {
        let area = try Self.area.get()
        let expected = try run(["-c", "from \(table)", "--format", "csv"], data: area.path("sen2-csv"))
        #expect(expected.status == 0, "\(expected.stderr)")
        #expect(expected.stdout.split(separator: "\n").count > 2, "\(table) has rows")
        for format in ["sen2-xml", "sen2-blade"] {
            let loaded = try run(["-c", "from \(table)", "--format", "csv"], data: area.path(format))
            #expect(loaded.status == 0, "\(format): \(loaded.stderr)")
            #expect(loaded.stdout == expected.stdout, "\(table) from \(format)")
        }
    }

    @Test func theKPIPackIsTheSame() throws {
        let area = try Self.area.get()
        let expected = try run(["snapshot"], data: area.path("sen2-csv"))
        #expect(expected.status == 0, "\(expected.stderr)")
        #expect(expected.stdout.contains("ehcp_20wk,,2024,"))
        for format in ["sen2-xml", "sen2-blade"] {
            let loaded = try run(["snapshot"], data: area.path(format))
            #expect(loaded.status == 0, "\(format): \(loaded.stderr)")
            #expect(loaded.stdout == expected.stdout, "\(format)")
        }
    }

    /// What SEN2 cannot carry is exactly what `docs/sen2.md` lists; the rest is the full area's.
    @Test func theSEN2ViewDiffersFromTheFullAreaOnlyWhereSEN2LacksAnItem() throws {
        let area = try Self.area.get()
        let queries = [
            "from people | sort person_id",
            "from assessments | select request_id, outcome, outcome_date, week20_exception, mediation, tribunal | sort request_id",
            "from plans | sort plan_id",
            "from requests | select request_id, person_id, received_date, outcome, outcome_date, mediation, tribunal | sort request_id",
            "from reviews | group plan_id (sort -meeting_date, -review_id | take 1) | select review_id, plan_id, meeting_date, outcome, decision_date, phase_transfer_due_date, phase_transfer_final_date | sort review_id",
        ]
        for query in queries {
            let full = try run(["-c", query, "--format", "csv"], data: area.path("csv"))
            let fromXML = try run(["-c", query, "--format", "csv"], data: area.path("sen2-xml"))
            #expect(full.status == 0 && fromXML.status == 0, "\(full.stderr) \(fromXML.stderr)")
            #expect(full.stdout == fromXML.stdout, "\(query)")
        }
    }

    @Test func identifiersAreReadOnlyWhenAskedAndNeverPublished() throws {
        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            <?xml version="1.0"?>
            <Message><Persons><Person><NativeId>P1</NativeId><UPN>A123456789012</UPN><Surname>Smith</Surname>
            <PostCode>KT1 1AA</PostCode></Person></Persons></Message>

            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("return.xml"))
        let data = folder.appendingPathComponent("return.xml").path
        let plain = try run(["-c", "from people | select upn"], data: data)
        #expect(plain.status == 65)
        #expect(plain.stderr.contains("unknown column"), "\(plain.stderr)")
        let asked = try run(
            ["-c", "from people | select upn, surname, postcode", "--sen2-identifiers", "--format", "csv"], data: data)
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stdout == "upn,surname,postcode\nA123456789012,Smith,KT1 1AA\n")
        for column in ["upn", "surname", "postcode"] {
            let published = try run(
                ["-c", "from people | select \(column)", "--sen2-identifiers", "--publish"], data: data)
            #expect(published.status != 0)
            #expect(
                published.stderr.contains("cannot publish a table with the column \(column): it identifies children"),
                "\(published.stderr)")
        }
    }

    @Test func aMeasureWhoseTableIsAbsentIsLeftOutWithOneNote() throws {
        let area = try Self.area.get()
        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            atPath: area.path("sen2-xml") + "/return.xml", toPath: folder.path + "/return.xml")
        let result = try run(["snapshot"], data: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let kpis = Set(result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        for measure in [
            "advice_6wk", "ehcp_quality_good", "health_quality_good", "parent_satisfaction", "complaint_20wd",
        ] {
            #expect(!kpis.contains(measure), "\(measure) is left out")
        }
        #expect(kpis.isSuperset(of: ["ehcp_20wk", "ehcp_20wk_incl", "decision_6wk", "review_12m"]))
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") && $0.contains("is absent") }
        #expect(
            notes == [
                "note: advice.csv is absent: the advice table is empty, so advice_6wk is left out of the pack",
                "note: audits.csv is absent: the audits table is empty, so ehcp_quality_good, health_quality_good are left out of the pack",
                "note: feedback.csv is absent: the feedback table is empty, so parent_satisfaction is left out of the pack",
                "note: complaints.csv is absent: the complaints table is empty, so complaint_20wd is left out of the pack",
            ])
    }
}

/// `sendql sen2-check`: the return's figures match the KPI pack's, sit beside the LA's DfE rows, and a
/// return that would publish a surprising figure is flagged.
struct SEN2CheckCommandTests {
    @Test func theFiguresAreThePacksAndTheDfERowsAreTheLAs() throws {
        let area = try SEN2CommandTests.area.get()
        let dfe = RepositoryPaths.root.appendingPathComponent("datasets/dfe/ehcp-2025").path
        let check = try ProcessRunner.sendql(["sen2-check", area.path("sen2-xml"), "--dfe", dfe])
        #expect(check.status == 0, "\(check.stderr)")
        let snapshot = try ProcessRunner.sendql(["snapshot", "--data", area.path("sen2-xml"), "--as-of", "2025-01-16"])
        // The pack's ehcp_20wk and decision_6wk for 2024, numerator and denominator, are the check's.
        for (kpi, label) in [
            ("ehcp_20wk", "Plans within 20 weeks (excl. exceptions)"),
            ("ehcp_20wk_incl", "Plans within 20 weeks (incl. exceptions)"),
            ("decision_6wk", "Decisions to assess within 6 weeks"),
        ] {
            let pack = try #require(snapshot.stdout.split(separator: "\n").first { $0.hasPrefix("\(kpi),,2024,") })
            let parts = pack.split(separator: ",", omittingEmptySubsequences: false)
            let line = try #require(check.stdout.split(separator: "\n").first { $0.hasPrefix(label) })
            let cells = line.dropFirst(label.count).split(separator: " ")
            #expect(cells[0] == parts[3] && cells[1] == parts[4], "\(kpi): \(line) vs \(pack)")
        }
        // Each DfE row named is the LA's row for the year in that file.
        let rows = check.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").last }.filter {
            $0.contains(".csv:")
        }
        #expect(rows.count == 6)
        for row in rows {
            let parts = row.split(separator: ":")
            // The files end their lines with CRLF, which a String keeps as one character: split the bytes.
            let lines = try Data(contentsOf: URL(fileURLWithPath: String(parts[0]))).split(
                separator: UInt8(ascii: "\n"))
            let text = String(decoding: lines[Int(parts[1])! - 1], as: UTF8.self)
            #expect(
                text.contains(",314,Kingston upon Thames,") && (text.hasPrefix("2024,") || text.hasPrefix("202425,")),
                "\(row): \(text)")
        }
    }

    @Test func aSurprisingReturnIsFlagged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-sen2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func request(_ id: Int, week20: Int, received: String = "2024-01-10", issued: String = "2024-09-20") -> String {
            """
            <Requests><NativeId>R\(id)</NativeId><ReceivedDate>\(received)</ReceivedDate><RequestOutcome>Y</RequestOutcome>
            <RequestOutcomeDate>2024-02-13</RequestOutcomeDate><Assessment><AssessmentOutcome>Y</AssessmentOutcome>
            <AssessmentOutcomeDate>\(issued)</AssessmentOutcomeDate><Week20>\(week20)</Week20>
            <NamedPlan><NativeId>PL\(id)</NativeId><StartDate>\(issued)</StartDate></NamedPlan></Assessment></Requests>
            """
        }
        let people = (1...4).map { id in
            "<Person><NativeId>P\(id)</NativeId>"
                + (id == 4
                    ? request(id, week20: 0, received: "2024-06-01", issued: "2024-03-01") : request(id, week20: 1))
                + "</Person>"
        }
        let text =
            "<?xml version=\"1.0\"?>\n<Message><Header><CollectionDetails><Year>2025</Year></CollectionDetails>"
            + "<Source><LEA>314</LEA></Source></Header><Persons>\n" + people.joined(separator: "\n")
            + "\n</Persons></Message>\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("return.xml"))
        let result = try ProcessRunner.sendql(["sen2-check", folder.appendingPathComponent("return.xml").path])
        #expect(result.status == 1)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning") }
        #expect(
            warnings == [
                "warning[E0747]: 3 records have dates in an impossible order; DfE's figures would count them as they are",
                "warning[E0747]: the Week20 exception flag is set on 3 of the 4 plans issued in 2024: DfE would leave most plans out of the 20-week figure",
            ])
        #expect(result.stderr.contains("first: "), "\(result.stderr)")
    }
}
