/// A reader that replays fixed input; for tests.
public struct ScriptedLineReader: LineReader {
    /// What is still to be read.
    public private(set) var inputs: [LineInput]
    /// When true, the scripted lines count as already typed ahead (a paste without bracketed-paste
    /// mode); when false each one is typed after the previous was handled.
    public var typedAhead: Bool
    /// Every prompt shown, in order.
    public private(set) var prompts: [String] = []
    /// Every entry added to the history, in order.
    public private(set) var history: [String] = []
    /// The completer the REPL set for the last read.
    public private(set) var completer: Completer?

    /// A reader that gives `inputs` in order, then `.end`.
    public init(_ inputs: [LineInput], typedAhead: Bool = false) {
        self.inputs = inputs
        self.typedAhead = typedAhead
    }

    /// A reader that gives each string as a typed line, then `.end`.
    public init(_ lines: [String], typedAhead: Bool = false) {
        self.init(lines.map(LineInput.line), typedAhead: typedAhead)
    }

    public mutating func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .end : inputs.removeFirst()
    }

    public mutating func addHistory(_ entry: String) { history.append(entry) }

    public var hasPendingInput: Bool { typedAhead && !inputs.isEmpty }

    public mutating func setCompleter(_ completer: Completer) { self.completer = completer }
}
