/// What a read at the prompt gave.
public enum LineInput: Sendable, Equatable {
    /// A line without its final line break. A bracketed paste may hold several lines.
    case line(String)
    /// Ctrl-C: the line being typed is abandoned.
    case interrupt
    /// Ctrl-D on an empty line, or the end of the input.
    case end
}

/// Where the REPL gets its lines: GNU readline in production, a scripted list in tests.
public protocol LineReader {
    /// The next line typed at `prompt`.
    mutating func readLine(prompt: String) -> LineInput
    /// Records a complete entry in the history (and the history file, if there is one).
    mutating func addHistory(_ entry: String)
    /// True when more input has already arrived (lines pasted at once), so the REPL can read on
    /// before deciding that a statement is finished.
    var hasPendingInput: Bool { get }
    /// The completer to use for the next reads; the REPL sets a fresh one before each read.
    mutating func setCompleter(_ completer: Completer)
}
