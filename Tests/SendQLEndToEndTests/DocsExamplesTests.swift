import Foundation
import Testing
import SendQLCore
import SendQLTestSupport

/// Every example in docs/ runs, and prints what the document says (`SENDQL_RECORD=1` rewrites them).
struct DocsExamplesTests {
    static let defaultAsOf = "2024-12-31"

    /// Pages whose examples have a test of their own (each error example is checked against its code).
    static let checkedElsewhere: Set<String> = ["errors.md", "known-poor-messages.md"]

    static var documents: [URL] {
        let docs = RepositoryPaths.root.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !checkedElsewhere.contains($0) }.sorted()
            .map { docs.appendingPathComponent($0) }
    }

    /// What the example prints: a script through `sendql run -`, console commands through the binary.
    static func output(of example: DocExample) throws -> String {
        switch example.kind {
        case .script:
            let asOf = example.settings["as-of"] ?? defaultAsOf
            var arguments = ["run", "-", "--data", RepositoryPaths.sampleArea.path, "--as-of", asOf]
            // `dfe=ehcp-2025` after the fence: the example also reads datasets/dfe/ehcp-2025 (never skipped).
            if let edition = example.settings["dfe"] {
                let folder = RepositoryPaths.dfeData.appendingPathComponent(edition).path
                guard FileManager.default.fileExists(atPath: folder) else {
                    throw DocExampleError(description: "\(example) needs the published DfE statistics at \(folder)")
                }
                arguments += ["--dfe", folder]
            }
            // Files an example writes go to a folder of its own, shown in the page as `out/`.
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-doc-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            arguments += ["--out", out.path]
            let result = try ProcessRunner.sendql(
                arguments, stdin: example.body + "\n", directory: RepositoryPaths.root)
            return (result.stdout + result.stderr).replacingOccurrences(of: out.path, with: "out")
        case .console:
            var transcript = ""
            for line in example.body.components(separatedBy: "\n") where line.hasPrefix("$ sendql") {
                var arguments = ShellWords.split(String(line.dropFirst("$ sendql".count)))
                // `$DATABASE` is the test cluster (docs/database.md), shown as `$DATABASE` in the output too.
                var database: String?
                if line.contains("$DATABASE") {
                    guard let url = TestDatabase.url else {
                        throw DocExampleError(description: "\(example) needs SENDQL_TEST_POSTGRES: run scripts/test")
                    }
                    database = url
                    arguments = arguments.map { $0.replacingOccurrences(of: "$DATABASE", with: url) }
                }
                let result = try ProcessRunner.sendql(arguments, directory: RepositoryPaths.root)
                var printed = result.stdout + result.stderr
                if let database { printed = printed.replacingOccurrences(of: database, with: "$DATABASE") }
                transcript += line + "\n" + printed
                if result.status != 0 { transcript += "[exit \(result.status)]\n" }
            }
            return transcript
        }
    }

    @Test(arguments: documents)
    func examplesPrintWhatTheDocumentSays(document: URL) throws {
        let examples = try DocExamples.examples(in: document)
        var recorded: [(DocExample, String)] = []
        for example in examples {
            let actual = try Self.output(of: example)
            if Golden.isRecording {
                recorded.append((example, actual))
                continue
            }
            if example.kind == .console {
                #expect(
                    actual.trimmingCharacters(in: .newlines) == example.body.trimmingCharacters(in: .newlines),
                    "\(example)\n\(Golden.diff(expected: example.body + "\n", actual: actual))")
            } else if actual.contains("error[") && example.settings["fails"] == nil {
                Issue.record("\(example) fails; mark its fence `sendql fails` if it should:\n\(actual)")
            } else if let expected = example.expected {
                #expect(actual == expected, "\(example)\n\(Golden.diff(expected: expected, actual: actual))")
            } else {
                Issue.record("\(example) has no ```text block with its output; record it with SENDQL_RECORD=1")
            }
        }
        if Golden.isRecording { try DocExamples.record(recorded, in: document) }
    }
}

/// docs/errors.md: each example, saved as `example.sendql` and run against the sample area, prints the
/// message shown under it; and every code the checker and executor can report has a section.
struct DocsErrorPageTests {
    static let page = RepositoryPaths.root.appendingPathComponent("docs/errors.md")

    @Test func everyExamplePrintsItsMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var recorded: [(DocExample, String)] = []
        for example in try DocExamples.examples(in: Self.page) where example.kind == .script && example.expected != nil
        {
            try (example.body + "\n").write(
                to: folder.appendingPathComponent("example.sendql"), atomically: true, encoding: .utf8)
            // `row-limit=N` on the fence: the default limit depends on the machine's memory.
            let limit = example.settings["row-limit"].map { ["--row-limit", $0] } ?? []
            let result = try ProcessRunner.sendql(
                ["run", "example.sendql", "--data", RepositoryPaths.sampleArea.path, "--as-of", "2024-12-31"] + limit,
                directory: folder)
            #expect(result.status != 0, "\(example) should fail")
            if Golden.isRecording {
                recorded.append((example, result.stderr))
            } else {
                #expect(
                    result.stderr == example.expected,
                    "\(example)\n\(Golden.diff(expected: example.expected ?? "", actual: result.stderr))")
            }
        }
        if Golden.isRecording { try DocExamples.record(recorded, in: Self.page) }
    }

    @Test func everyCheckerAndRuntimeCodeHasASection() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let codes = CheckErrorCode.allCases.map(\.rawValue) + RuntimeErrorCode.allCases.map(\.rawValue)
        for code in codes {
            #expect(text.contains("### \(code):"), "docs/errors.md has no section for \(code)")
        }
        // And the other way: a section for a code the tool no longer has is stale.
        let sections = text.matches(of: /### (E0[34]\d\d):/).map { String($0.output.1) }
        #expect(Set(sections) == Set(codes))
        // The compile errors are a table: a row for each code, and none for a code gone.
        let compileCodes = CompileErrorCode.allCases.map(\.rawValue)
        let rows = text.matches(of: /\n\| (E08\d\d) \|/).map { String($0.output.1) }
        #expect(rows == compileCodes, "docs/errors.md lists the E08xx codes in order, one row each")
        // So are the database errors, each with its exit status.
        let databaseRows = text.matches(of: /\n\| (E09\d\d) \| (\d+) \|/).map {
            "\($0.output.1) \($0.output.2)"
        }
        #expect(
            databaseRows == DatabaseErrorCode.allCases.map { "\($0.rawValue) \($0.exitStatus.rawValue)" },
            "docs/errors.md lists the E09xx codes in order, one row each with its exit status")
    }
}

/// An example that cannot run as written.
struct DocExampleError: Error, CustomStringConvertible {
    var description: String
}

/// Splits a command line as a POSIX shell would for simple quoting ('...' and "...").
enum ShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character? = nil
        var inWord = false
        for character in line {
            if let q = quote {
                if character == q { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
