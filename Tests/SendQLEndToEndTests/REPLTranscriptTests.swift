import Foundation
import SendQLTestSupport
import Testing

/// The session shown in docs/repl.md is a real one: its lines are typed into the REPL in a
/// pseudo-terminal and the screen must match the page (`SENDQL_RECORD=1` rewrites the page's block).
@Suite(.enabled(if: TerminalSession.tmux != nil, "needs tmux (scripts/setup installs it)"))
struct REPLTranscriptTests {
    static let page = RepositoryPaths.root.appendingPathComponent("docs/repl.md")
    static let prompts = ["sendql> ", "   ...> "]

    /// The lines of the page's ```` ```transcript ```` block and where they sit in the page.
    static func transcript() throws -> (lines: [String], range: Range<Int>, page: [String]) {
        let page = try String(contentsOf: Self.page, encoding: .utf8).components(separatedBy: "\n")
        guard let start = page.firstIndex(of: "```transcript"),
            let end = page[(start + 1)...].firstIndex(of: "```")
        else { throw TerminalSession.Failure(description: "docs/repl.md has no ```transcript block") }
        return (Array(page[(start + 1)..<end]), (start + 1)..<end, page)
    }

    /// How many prompts of either kind a screen shows (the capture drops a bare prompt's last space).
    static func promptCount(_ screen: String) -> Int {
        screen.components(separatedBy: "\n").filter { line in prompts.contains { line.hasPrefix($0.dropLast()) } }.count
    }

    @Test func theDocumentedSessionIsWhatTheTerminalShows() throws {
        let (lines, range, page) = try Self.transcript()
        let typed = lines.compactMap { line in
            Self.prompts.first { line.hasPrefix($0) }.map { String(line.dropFirst($0.count)) }
        }
        // The bundled sample area found from the repository root, as an analyst starting there sees it.
        let terminal = try TerminalSession(
            arguments: ["--as-of", "2024-12-31"], width: 90, environment: ["SENDQL_DATA": ""])
        defer { terminal.close() }
        var screen = try terminal.waitForPrompts(1)
        for line in typed {
            let before = Self.promptCount(screen)
            try terminal.type(line)
            try terminal.press("Enter")
            if line == ".quit" {
                #expect(try terminal.waitForExit() == 0)
                // tmux notes the ended program below its last line; that is not part of the session.
                var lines = try terminal.screen().components(separatedBy: "\n").filter { !$0.hasPrefix("Pane is dead") }
                while lines.last == "" { lines.removeLast() }
                screen = lines.joined(separator: "\n") + "\n"
            } else {
                screen = try terminal.waitUntil("the prompt after \(line)") { Self.promptCount($0) > before }
            }
        }
        let expected = lines.joined(separator: "\n") + "\n"
        if Golden.isRecording {
            var updated = page
            updated.replaceSubrange(range, with: screen.components(separatedBy: "\n").dropLast())
            try updated.joined(separator: "\n").write(to: Self.page, atomically: true, encoding: .utf8)
            return
        }
        #expect(screen == expected, "\(Golden.diff(expected: expected, actual: screen))")
    }
}
