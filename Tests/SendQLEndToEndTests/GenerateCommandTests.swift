import Foundation
import Testing
import SendQLTestSupport

struct GenerateCommandTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sendql-generate-\(UUID().uuidString)")
    }

    @Test func writesTheTenTablesAndReportsThem() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.sendql(["generate", "--out", directory.path, "--requests", "200", "--seed", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let tables = [
            "people", "requests", "assessments", "plans", "advice", "reviews", "audits", "feedback",
            "complaints", "appeals",
        ]
        for table in tables {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(table).csv").path))
            #expect(result.stderr.contains("\(table).csv"))
        }
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("complaints.csv") && $0.hasSuffix(" 20 rows") })
    }

    @Test(arguments: [
        (["--from", "2019-02-30"], "--from"),
        (["--to", "31/12/2024"], "--to"),
        (["--from", "2020-01-01", "--to", "2019-12-31"], "before it starts"),
        (["--requests=-5"], "0 or more"),
        (["--seed", "minus-one"], "--seed"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.sendql(["generate", "--out", directory.path] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test func anUnwritableDirectoryExitsWith73() throws {
        let file = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("not a directory".utf8).write(to: file)
        let result = try ProcessRunner.sendql([
            "generate", "--out", file.appendingPathComponent("area").path, "--requests", "10",
        ])
        #expect(result.status == 73)
        #expect(result.stderr.contains("sendql generate: cannot"), "\(result.stderr)")
    }
}
