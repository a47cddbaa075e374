import Foundation
import SendQLTestSupport
import Testing
@testable import SendQLCore

/// The golden corpus of the parser: each `Golden/parse/<case>.sendql` sits beside `<case>.err`
/// (the rendered diagnostics, no colour) when it has errors, or `<case>.ast` (the AST dump) when it
/// has none. Re-record with `SENDQL_RECORD=1 swift test --filter GoldenParseTests`.
struct GoldenParseTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/parse")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".sendql") }.map { String($0.dropLast(".sendql".count)) }.sorted()
    }()

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 20)
        #expect(Self.cases.contains("multiple_errors"))
    }

    @Test(arguments: cases)
    func matchesGoldenOutput(name: String) throws {
        let (source, script, diagnostics) = try Self.parse(name)
        let errorFile = Self.directory.appendingPathComponent(name + ".err")
        let astFile = Self.directory.appendingPathComponent(name + ".ast")
        if diagnostics.isEmpty {
            try Golden.check(actual: ASTPrinter.render(script), expectedFile: astFile)
            #expect(
                !FileManager.default.fileExists(atPath: errorFile.path),
                "\(source.name) parses cleanly but has a .err file")
        } else {
            try Golden.check(actual: DiagnosticRenderer().render(diagnostics), expectedFile: errorFile)
            #expect(
                !FileManager.default.fileExists(atPath: astFile.path), "\(source.name) has errors but has a .ast file")
        }
    }

    /// The deliberately broken script reports all four of its mistakes in one run.
    @Test func multipleErrorsAreAllReported() throws {
        let (_, _, diagnostics) = try Self.parse("multiple_errors")
        #expect(diagnostics.map(\.code) == ["E0202", "E0203", "E0103", "E0102"])
    }

    /// The JSON form of the same script, for `--error-format json`.
    @Test func multipleErrorsAsJSON() throws {
        let (_, _, diagnostics) = try Self.parse("multiple_errors")
        try Golden.check(
            actual: DiagnosticJSON.array(diagnostics),
            expectedFile: Self.directory.appendingPathComponent("multiple_errors.json"))
    }

    static func parse(_ name: String) throws -> (Source, Script, [Diagnostic]) {
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".sendql"), encoding: .utf8)
        let source = Source(name: name + ".sendql", text: text)
        let (script, diagnostics) = Parser.parse(source)
        return (source, script, diagnostics)
    }
}
