import Foundation
import SendQLCore
import SendQLIO
import Testing
@testable import SendQLREPL

/// `export`, `chart`, `report` typed in the REPL, or in a script read with `.read`, write their
/// files under the output folder and say where, as `sendql run` does.
struct REPLOutputFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-repl-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func exportAndChartTypedAtThePromptWriteTheirFiles() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = REPLRun(
            [
                .line("export (from requests | select request_id, outcome) to \"requests.csv\""),
                .line(
                    "chart bar (from requests | group outcome (aggregate n = count())) x = outcome, y = n to \"figures/outcomes.svg\""
                ),
            ], outputs: OutputSettings(folder: out.path))
        let csv = try String(contentsOf: out.appendingPathComponent("requests.csv"), encoding: .utf8)
        #expect(csv == "request_id,outcome\nR1,Y\nR2,N\nR3,Y\nR4,\n")
        let svg = try String(contentsOf: out.appendingPathComponent("figures/outcomes.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(run.output.error.contains("wrote \(out.path)/requests.csv\n"))
        #expect(run.output.error.contains("wrote \(out.path)/figures/outcomes.svg\n"))
    }

    @Test func aScriptReadWithDotReadWritesItsOutputsToo() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let script = out.appendingPathComponent("pack.sendql")
        try """
        let decided = from requests | where outcome is not null
        export decided to "decided.csv"
        report "notes.md" "Decisions"
        table decided "Requests decided"

        """.write(to: script, atomically: true, encoding: .utf8)
        let run = REPLRun([.line(".read \(script.path)")], outputs: OutputSettings(folder: out.path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("decided.csv").path))
        let report = try String(contentsOf: out.appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(report.contains("# Decisions"))
        #expect(run.output.error.contains("wrote \(out.path)/decided.csv\n"))
        #expect(run.output.error.contains("wrote \(out.path)/notes.md\n"))
    }

    @Test func anOutputThatCannotBeWrittenIsAnErrorAndTheSessionGoesOn() throws {
        // The output folder would be inside a plain file, so it cannot be made.
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("not-a-folder")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = REPLRun(
            [
                .line("export (from requests) to \"requests.csv\""),
                .line("from plans | aggregate n = count()"),
            ], outputs: OutputSettings(folder: file.path + "/out"))
        #expect(run.output.error.contains("error[E07"))
        #expect(!run.output.error.contains("wrote"))
        #expect(run.output.output.hasSuffix("n\n-\n2\n(1 row)\n"))
    }
}
