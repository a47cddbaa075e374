import Foundation

/// A runnable example in a Markdown document, with the output the document says it prints.
public struct DocExample: Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case script, console }

    public var file: URL
    /// 1-based line of the opening fence.
    public var line: Int
    public var kind: Kind
    /// The script text, or the console block's `$ ` command lines.
    public var body: String
    /// Words after the fence's language, such as `as-of=2019-03-31`.
    public var settings: [String: String]
    /// The expected output, nil when the example has no output block.
    public var expected: String?
    /// Line range (0-based, half-open) of the expected block's contents, for re-recording.
    var expectedLines: Range<Int>?

    public var description: String { "\(file.lastPathComponent):\(line)" }
}

/// Finds the examples of a Markdown file and re-records their outputs.
///
/// A ```` ```sendql ```` block followed by a ```` ```text ```` block is a script and what it prints.
/// A ```` ```console ```` block holds `$ sendql ...` commands, each followed by what it prints.
public enum DocExamples {
    public static func examples(in file: URL) throws -> [DocExample] {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var examples: [DocExample] = []
        var i = 0
        while i < lines.count {
            let fence = lines[i].trimmingCharacters(in: .whitespaces)
            guard fence.hasPrefix("```sendql") || fence.hasPrefix("```console") else { i += 1; continue }
            let words = fence.dropFirst(3).split(separator: " ").map(String.init)
            var settings: [String: String] = [:]
            for word in words.dropFirst() {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                settings[parts[0]] = parts.count == 2 ? parts[1] : ""
            }
            let start = i
            var body: [String] = []
            i += 1
            while i < lines.count && lines[i].trimmingCharacters(in: .whitespaces) != "```" {
                body.append(lines[i]); i += 1
            }
            i += 1
            var example = DocExample(
                file: file, line: start + 1, kind: words[0] == "sendql" ? .script : .console,
                body: body.joined(separator: "\n"), settings: settings, expected: nil)
            if example.kind == .script {
                var j = i
                while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
                if j < lines.count && lines[j].trimmingCharacters(in: .whitespaces) == "```text" {
                    var k = j + 1
                    while k < lines.count && lines[k].trimmingCharacters(in: .whitespaces) != "```" { k += 1 }
                    example.expected = lines[(j + 1)..<k].map { $0 + "\n" }.joined()
                    example.expectedLines = (j + 1)..<k
                    i = k + 1
                }
            }
            examples.append(example)
        }
        return examples
    }

    /// Rewrites the expected output blocks of one file (scripts) or whole console blocks.
    public static func record(_ outputs: [(DocExample, String)], in file: URL) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        // From the bottom up, so earlier line numbers stay right.
        for (example, output) in outputs.sorted(by: { $0.0.line > $1.0.line }) {
            var newLines = output.components(separatedBy: "\n")
            if newLines.last == "" { newLines.removeLast() }
            switch example.kind {
            case .script:
                if let range = example.expectedLines {
                    lines.replaceSubrange(range, with: newLines)
                } else {
                    // Add an output block after the script's closing fence.
                    var end = example.line
                    while end < lines.count && lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
                    lines.insert(contentsOf: [""] + ["```text"] + newLines + ["```"], at: end + 1)
                }
            case .console:
                var end = example.line
                while end < lines.count && lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
                lines.replaceSubrange(example.line..<end, with: newLines)
            }
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
