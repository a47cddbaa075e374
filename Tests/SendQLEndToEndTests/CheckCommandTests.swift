import Foundation
import Testing
import SendQLTestSupport

struct CheckCommandTests {
    /// A folder with the given files, under a fresh temporary directory.
    private func folder(_ files: [String: String], at relativePath: String = "area") throws -> (root: URL, area: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-check-\(UUID().uuidString)")
        let area = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: area, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: area.appendingPathComponent(name))
        }
        return (root, area)
    }

    private let good = [
        "people.csv": "person_id,birth_date\nP1,2012-03-04\nP2,2010-11-30\n",
        "requests.csv": "request_id,person_id,received_date,outcome\nR1,P1,2019-01-07,Y\nR2,P2,01/03/2019,n\n",
    ]

    private var bad: [String: String] {
        var files = good
        files["requests.csv"]! += "R3,P1,2019-02-30,A\n"
        return files
    }

    @Test func exitsZeroAndPrintsTheReportForGoodData() throws {
        let (root, area) = try folder(good)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.sendql(["check", "--data", area.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Data folder: \(area.path) (strict)\n"))
        #expect(result.stdout.contains("requests                2       2            0\n"))
        #expect(result.stdout.hasSuffix("OK: 4 rows loaded from 2 tables\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func exitsSixtySixAndSaysWhereTheBadValueIs() throws {
        let (root, area) = try folder(bad)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.sendql(["check", "--data", area.path])
        #expect(result.status == 66)
        #expect(
            result.stdout.contains("  \(area.path)/requests.csv:4:7: expected date, found \"2019-02-30\" [E0710]\n"))
        #expect(result.stdout.hasSuffix("NOT LOADABLE: 1 error (--lenient sets bad rows aside)\n"))
        #expect(result.stderr == "error: the data in \(area.path) is not loadable: 1 error (see the report above)\n")
    }

    @Test func lenientSetsTheBadRowAsideAndExitsZero() throws {
        let (root, area) = try folder(bad)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.sendql(["check", "--data", area.path, "--lenient"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Rows with bad values, set aside (1):\n"))
        #expect(result.stdout.hasSuffix("OK: 4 rows loaded from 2 tables, 1 row set aside\n"))
    }

    @Test func exitsSixtySixWhenTheFolderIsMissing() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-missing-\(UUID().uuidString)"
        ).path
        let result = try ProcessRunner.sendql(["check", "--data", missing])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: data folder not found: \(missing)\n")
    }

    @Test func readsTheFolderFromSENDQL_DATA() throws {
        let (root, area) = try folder(bad)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.sendql(["check"], environment: ["SENDQL_DATA": area.path])
        #expect(result.status == 66)
        #expect(result.stdout.hasPrefix("Data folder: \(area.path) (strict)\n"))
    }

    @Test func defaultsToTheSampleAreaBesideTheCurrentDirectory() throws {
        let (root, _) = try folder(good, at: "datasets/sample-area")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.sendql(["check"], environment: ["SENDQL_DATA": ""], directory: root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Data folder: datasets/sample-area (strict)\n"))
    }
}
