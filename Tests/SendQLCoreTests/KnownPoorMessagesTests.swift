import Foundation
import SendQLTestSupport
import Testing
@testable import SendQLCore

/// `docs/known-poor-messages.md` says what sendql prints today for each input it lists. When a message
/// improves, this test fails: move the input into the golden corpus and delete its entry.
struct KnownPoorMessagesTests {
    static let page = RepositoryPaths.root.appendingPathComponent("docs/known-poor-messages.md")
    static let examples: [DocExample] = (try? DocExamples.examples(in: page)) ?? []

    @Test func everyEntryHasItsMessage() {
        #expect(Self.examples.count >= 8, "the examples of \(Self.page.path) were not found")
        for example in Self.examples { #expect(example.expected != nil, "\(example): no text block after the input") }
    }

    @Test(arguments: examples)
    func theMessageIsStillWhatThePageSays(_ example: DocExample) {
        let (_, diagnostics) = Parser.parse(Source(name: "example.sendql", text: example.body + "\n"))
        let printed = DiagnosticRenderer(colour: false).render(diagnostics)
        #expect(
            printed.trimmingCharacters(in: .newlines) == (example.expected ?? "").trimmingCharacters(in: .newlines),
            "\(example): the message changed; if it is better, move the input to Golden/parse and delete the entry")
    }
}
