import Foundation
import SendQLTestSupport
import Testing
@testable import SendQLCore

/// `docs/errors.md` is checked like code: every lexical and syntax error code has a section, each
/// section's example prints exactly the message the page shows, and its corrected script parses.
struct DocsErrorExamplesTests {
    /// One `### E0xxx: title` section of the page.
    struct Section: Sendable, CustomTestStringConvertible {
        var code: String
        var example: String
        var expectedOutput: String
        var corrected: String?

        var testDescription: String { code }
    }

    static let sections: [Section] = {
        let file = RepositoryPaths.root.appendingPathComponent("docs/errors.md")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return parseSections(text)
    }()

    /// The E01xx and E02xx sections; other stages document their codes in their own sections.
    static func parseSections(_ text: String) -> [Section] {
        var sections: [Section] = []
        var code: String?
        var blocks: [(language: String, body: String)] = []
        var openBlock: (language: String, lines: [String])?

        func finishSection() {
            guard let code, code.hasPrefix("E01") || code.hasPrefix("E02") else { return }
            let examples = blocks.filter { $0.language == "sendql" }.map(\.body)
            let outputs = blocks.filter { $0.language == "text" }.map(\.body)
            sections.append(
                Section(
                    code: code, example: examples.first ?? "", expectedOutput: outputs.first ?? "",
                    corrected: examples.count > 1 ? examples[1] : nil))
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var block = openBlock {
                if line == "```" {
                    blocks.append((block.language, block.lines.map { $0 + "\n" }.joined()))
                    openBlock = nil
                } else {
                    block.lines.append(line)
                    openBlock = block
                }
            } else if line.hasPrefix("```") {
                openBlock = (String(line.dropFirst(3)), [])
            } else if line.hasPrefix("### ") {
                finishSection()
                code = line.dropFirst(4).split(separator: ":").first.map(String.init)
                blocks = []
            } else if line.hasPrefix("## ") {
                finishSection()
                code = nil
                blocks = []
            }
        }
        finishSection()
        return sections
    }

    @Test func everyLexicalAndSyntaxCodeIsDocumented() {
        let documented = Set(Self.sections.map(\.code))
        for code in SyntaxErrorCode.allCases {
            #expect(documented.contains(code.code), "docs/errors.md has no section for \(code.code)")
        }
    }

    @Test(arguments: sections)
    func examplePrintsWhatThePageSays(section: Section) {
        let (_, diagnostics) = Parser.parse(Source(name: "example.sendql", text: section.example))
        #expect(diagnostics.first?.code == section.code)
        #expect(DiagnosticRenderer().render(diagnostics) == section.expectedOutput)
    }

    @Test(arguments: sections.filter { $0.corrected != nil })
    func correctedExampleParses(section: Section) {
        let (_, diagnostics) = Parser.parse(Source(name: "example.sendql", text: section.corrected ?? ""))
        #expect(diagnostics.isEmpty, "\(section.code): \(diagnostics.map(\.message))")
    }
}
