import Foundation
import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// The loader reads references straight into their key column's codes, maps each distinct value once,
/// keeps row starts compactly and releases file pages as it goes: what it keeps, sets aside and
/// finds must be what the row-by-row rules say, and queries over the loaded tables must see the
/// right strings.
struct LoaderFastPathTests {
    static let files: [String: String] = [
        "people.csv": """
        person_id,birth_date,sex,ethnicity
        P1,2010-01-01,F,WBRI
        P2,2011-02-02,M,WBRI
        P2,2012-03-03,M,WBRI
        P3,notadate,F,WBRI

        """,
        "requests.csv": """
        request_id,person_id,received_date,source,outcome,outcome_date,mediation,tribunal
        R1,P1,2019-01-10,parent,Y,2019-02-01,false,false
        R2,P2,2019-03-01,school,N,2019-02-01,false,false
        R3,P9,2019-04-01,parent,Y,2019-05-01,false,false
        R4,P3,2019-04-02,parent,A,,false,false
        R5,P1,2009-01-01,parent,Y,2009-02-01,false,false

        """,
        "plans.csv": """
        plan_id,person_id,request_id,start_date,cease_date,cease_reason,primary_need,setting
        L1,P1,R1,2019-06-01,,,ASD,special
        L2,P2,R3,2019-07-01,,,SEMH,mainstream
        L3,P2,,2019-08-01,,,ASD,special

        """,
    ]

    static func folder() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    @Test func lenientLoadSetsAsideAndFindsByTheRules() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = try CaseDataLoader(mode: .lenient).load(directory: directory)
        #expect(data.tables["people"]!.rowCount == 2)
        #expect(data.tables["requests"]!.column(named: "request_id")!.strings == ["R1", "R2", "R5"])
        #expect(data.tables["plans"]!.column(named: "plan_id")!.strings == ["L1", "L3"])
        let messages = data.rejects.map { "\($0.table): \($0.issues[0].message)" }
        #expect(messages.contains { $0.hasPrefix("people: duplicate person_id \"P2\"") })
        #expect(messages.contains { $0.hasPrefix("people: expected") && $0.contains("notadate") })
        #expect(messages.contains("requests: expected a person_id from people.csv, found \"P9\""))
        #expect(messages.contains("requests: expected a person_id from people.csv, found \"P3\""))
        #expect(messages.contains("plans: expected a request_id from requests.csv, found \"R3\""))
        let p3 = data.rejects.first { $0.table == "requests" && $0.issues[0].message.hasSuffix("\"P3\"") }
        #expect(p3?.issues[0].diagnostic.notes.contains { $0.contains("but that row was set aside") } == true)
        let findings = data.findings.map(\.key).sorted()
        #expect(findings == ["R2", "R5"])
        #expect(data.rejects.count == 5)
    }

    @Test func strictLoadOfTheSameFolderIsNotLoadable() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = CaseDataLoader(mode: .strict).inspect(directory: directory)
        #expect(!result.isLoadable)
        #expect(result.rejects.count == 5)
        #expect(result.findings.count == 2)
    }

    @Test func queriesOverLoadedReferencesSeeTheirStrings() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = try CaseDataLoader(mode: .lenient).load(directory: directory)
        var harness = ScriptHarness(tables: data.tables)
        #expect(
            harness.rows("from requests | join people on person_id | select request_id, sex | sort request_id")
                == [[.string("R1"), .string("F")], [.string("R2"), .string("M")], [.string("R5"), .string("F")]])
        #expect(
            harness.rows("from plans | join left requests on request_id | sort plan_id | select plan_id, outcome")
                == [[.string("L1"), .string("Y")], [.string("L3"), .null]])
        #expect(
            harness.rows("from requests | group person_id (aggregate n = count()) | sort person_id")
                == [[.string("P1"), .int(2)], [.string("P2"), .int(1)]])
        #expect(harness.rows("from plans | where person_id == \"P2\" | select plan_id") == [[.string("L3")]])
        #expect(
            harness.rows("from requests | where person_id in (\"P1\", \"P9\") | aggregate n = count()") == [[.int(2)]])
    }
}

extension LoaderFastPathTests {
    /// Files are read in chunks side by side (here of 16 KiB, so four chunks); the result must be the
    /// one-chunk result.
    /// `padded`: identifiers PER-00001...; otherwise PER-1, PER-2, ... PER-10: both ascend (by length,
    /// then bytes) and are read without a hash table until the late duplicate.
    @Test(arguments: [false, true])
    func chunkedLoadEqualsOneChunkLoad(padded: Bool) throws {
        func id(_ prefix: String, _ i: Int) -> String {
            padded ? prefix + String(repeating: "0", count: 5 - String(i).count) + String(i) : prefix + String(i)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = "person_id,birth_date,sex,ethnicity\n"
        // The last quarter has no ethnicity: a chunk whose string column is all null.
        for i in 0..<4_000 {
            people +=
                "\(id("PER-", i)),2010-01-\(10 + i % 19),\(i % 2 == 0 ? "F" : "M"),\(i < 3_000 ? "ETH\(i % 7)" : "")\n"
        }
        people += "\(id("PER-", 5)),2010-01-01,F,X\n"  // a duplicate key late in the file, out of order
        var requests = "request_id,person_id,received_date,source,outcome,outcome_date,mediation,tribunal\n"
        for i in 0..<6_000 {
            // Grouped references, some dangling in both halves, one to the duplicate.
            let person = i % 97 == 0 ? "GONE-\(i % 3)" : id("PER-", (i / 3) % 4_000)
            requests +=
                "\(id("REQ-", i)),\(person),2019-0\(1 + i % 9)-1\(i % 10),src\(i % 4),Y,2019-1\(i % 3)-01,false,\(i % 5 == 0)\n"
        }
        try people.write(to: directory.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        try requests.write(to: directory.appendingPathComponent("requests.csv"), atomically: true, encoding: .utf8)
        var chunking = CaseDataLoader(mode: .lenient, parallelism: 4)
        chunking.minimumChunkBytes = 1 << 14
        let chunked = try chunking.load(directory: directory.path)
        let whole = try CaseDataLoader(mode: .lenient, parallelism: 1).load(directory: directory.path)
        #expect(chunked.tables["requests"]!.rowCount > 5_900)
        for name in ["people", "requests"] {
            #expect(chunked.tables[name]! == whole.tables[name]!, "\(name) differs")
        }
        #expect(chunked.rejects.map(\.text) == whole.rejects.map(\.text))
        #expect(chunked.rejects.map { $0.issues.map(\.text) } == whole.rejects.map { $0.issues.map(\.text) })
        #expect(chunked.rejects.count == 1 + (0..<6_000).filter { $0 % 97 == 0 }.count)
        var harness = ScriptHarness(tables: chunked.tables)
        #expect(
            harness.rows("from requests | join people on person_id | aggregate n = count()") == [
                [.int(Int64(chunked.tables["requests"]!.rowCount))]
            ])
    }
}

extension Column {
    /// The string values, nil for null.
    fileprivate var strings: [String?] {
        (0..<count).map { row in if case .string(let s) = self[row] { return s } else { return nil } }
    }
}
