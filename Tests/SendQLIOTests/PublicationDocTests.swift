import Foundation
import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// docs/publication.md: every `csv before` table, suppressed with the default settings, is the
/// `csv after` table under it; the identifier error is printed as shown.
struct PublicationDocTests {
    static let page = RepositoryPaths.root.appendingPathComponent("docs/publication.md")

    /// The fenced blocks of the page: the fence's words and the lines inside.
    static func blocks() throws -> [(info: String, body: String)] {
        let lines = try String(contentsOf: page, encoding: .utf8).components(separatedBy: "\n")
        var out: [(String, String)] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```"), lines[index].count > 3 else { index += 1; continue }
            let info = String(lines[index].dropFirst(3))
            var body: [String] = []
            index += 1
            while index < lines.count && lines[index] != "```" { body.append(lines[index]); index += 1 }
            out.append((info, body.map { $0 + "\n" }.joined()))
            index += 1
        }
        return out
    }

    @Test func everyExampleSuppressesAsShown() throws {
        let blocks = try Self.blocks()
        var pairs = 0
        for (position, block) in blocks.enumerated() where block.info == "csv before" {
            guard position + 1 < blocks.count else {
                Issue.record("a `csv before` block at the end of the page")
                continue
            }
            let after = blocks[position + 1]
            #expect(after.info == "csv after")
            let input = try CSVReader().read(bytes: Array(block.body.utf8), name: "before.csv").table
            let output = try PublicationSuppressor().apply(input).table
            #expect(
                ResultRenderer.csv(output) == after.body,
                "\(Golden.diff(expected: after.body, actual: ResultRenderer.csv(output)))")
            pairs += 1
        }
        #expect(pairs == 4)
    }

    @Test func theIdentifierErrorIsPrintedAsShown() throws {
        let shown = try Self.blocks().filter { $0.info == "text" && $0.body.contains("E0735") }.map(\.body)
        let people = table([("person_id", .string, [.string("P1")]), ("n", .int, [.int(9)])])
        var rendered: [String] = []
        do {
            _ = try PublicationSuppressor().apply(people)
        } catch {
            rendered.append(DiagnosticRenderer().render(error))
        }
        #expect(rendered == shown)
    }
}
