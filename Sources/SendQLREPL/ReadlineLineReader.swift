import CReadline

/// Reads lines through GNU readline (Emacs keys, Ctrl-R, history).
public struct ReadlineLineReader: LineReader {
    public init() {}

    public mutating func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    public mutating func addHistory(_ entry: String) {
        add_history(entry)
    }
}
