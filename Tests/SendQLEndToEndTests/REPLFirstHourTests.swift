import Foundation
import SendQLTestSupport
import Testing

/// What a new user meets in the REPL's first minutes: a date past the data is noted, a line starting
/// with `|` continues the pipeline, and a chart typed at the prompt is written and named.
@Suite(.serialized, .enabled(if: TerminalSession.tmux != nil, "needs tmux (scripts/setup installs it)"))
struct REPLFirstHourTests {
    @Test func aDatePastTheDataIsNotedUnderTheBanner() throws {
        let terminal = try TerminalSession(
            arguments: ["--data", RepositoryPaths.sampleArea.path, "--as-of", "2026-12-03"], width: 200)
        defer { terminal.close() }
        let screen = try terminal.waitForPrompts(1)
        #expect(
            screen.contains(
                "as of 2026-12-03. Type .help for help.\nnote: the as-of date 2026-12-03 is after the latest date in the data (2024-12-31)"
            ))
        let after = try terminal.enter(".asof 2024-12-31")
        #expect(after.hasSuffix("as of 2024-12-31\nsendql>\n"))
    }

    @Test func docsStyleLinesContinueThePipelineAndOutputsAreWritten() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-repl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let terminal = try TerminalSession(
            arguments: ["--data", RepositoryPaths.sampleArea.path, "--as-of", "2024-12-31", "--out", out.path],
            width: 200)
        defer { terminal.close() }
        try terminal.waitForPrompts(1)
        try terminal.enter("from requests")
        try terminal.enter("| where outcome == \"W\"")
        var screen = try terminal.enter("| aggregate withdrawn = count()")
        #expect(screen.contains("withdrawn\n---------\n       62\n(1 row)\nsendql>"))
        screen = try terminal.enter(
            "chart bar (from plans | group primary_need (aggregate n = count())) x = primary_need, y = n to \"needs.svg\""
        )
        #expect(screen.contains("wrote \(out.path)/needs.svg"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("needs.svg").path))
    }
}
