/// Where the REPL gets its lines: GNU readline in production, a scripted list in tests.
public protocol LineReader {
    /// The next line typed at `prompt`, without its line break; nil at end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    /// Records a complete entry in the history.
    mutating func addHistory(_ entry: String)
}

/// A reader that replays fixed lines; for tests.
public struct ScriptedLineReader: LineReader {
    public private(set) var lines: [String]
    public private(set) var prompts: [String] = []
    public private(set) var history: [String] = []

    public init(_ lines: [String]) { self.lines = lines }

    public mutating func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    public mutating func addHistory(_ entry: String) { history.append(entry) }
}
