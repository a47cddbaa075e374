import Foundation
import Testing
@testable import SendQLCore
import SendQLTestSupport

/// The step table is the one list of steps: the parser, the suggestions and the docs' grammar follow it.
struct StepTableTests {
    /// One pipeline per step, in table order, that parses to that step.
    static let examples: [String: String] = [
        "where": "where x > 1", "derive": "derive y = x", "select": "select x", "aggregate": "aggregate n = count()",
        "group": "group k (take 1)", "sort": "sort -x", "take": "take 3", "join": "join u on k and j",
        "distinct": "distinct k", "append": "append u", "union": "union u", "pivot": "pivot k values x",
        "fill": "fill period by \"year\"",
    ]

    @Test func everyStepParsesThroughTheTable() throws {
        #expect(Set(Self.examples.keys) == Set(StepTable.names))
        for step in StepTable.steps {
            let source = "from t | " + (Self.examples[step.name] ?? "")
            let (script, diagnostics) = Parser.parse(Source(name: "t", text: source))
            #expect(diagnostics.isEmpty, "\(step.name): \(diagnostics.map(\.message))")
            #expect(script.statements.count == 1, "\(step.name)")
        }
    }

    @Test func synonymsAreUniqueAndNeverAStepName() {
        let synonyms = StepTable.steps.flatMap(\.synonyms)
        #expect(synonyms.count == Set(synonyms).count)
        #expect(Set(synonyms).isDisjoint(with: StepTable.names))
        for step in StepTable.steps {
            for word in step.synonyms { #expect(StepTable.suggestion(for: word) == step.name, "\(word)") }
        }
    }

    @Test func theReservedStepWordsAreTheTablesKeywords() {
        #expect(Keyword.stepKeywords.map(\.rawValue) == StepTable.names.filter { $0 != "fill" })
    }

    @Test func theDocsGrammarHasTheTablesStepRule() throws {
        let language = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        #expect(language.contains(StepTable.grammarRule), "docs/language.md should hold:\n\(StepTable.grammarRule)")
        let contents = "- [Steps](#steps): from, " + StepTable.names.joined(separator: ", ")
        #expect(language.contains(contents + "\n"), "docs/language.md's contents should list: \(contents)")
    }
}
