import SendQLCore

/// One thing the user entered at the prompt.
public enum Entry: Sendable, Equatable {
    /// Script text: one statement, or several pasted together; may span lines.
    case script(String)
    /// A dot-command line.
    case command(String)
    /// Ctrl-C: whatever was being typed is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case end
}

/// Turns lines into entries: keeps reading while the parser says the statement is incomplete, and
/// keeps lines that arrived together (a paste) together the way a script file would.
///
/// Typed by hand, Enter on a complete statement runs it. Pasted, `from requests` followed by
/// `| take 3` is one statement: when the next line has already arrived and starts with `|` (or any
/// token that cannot start a statement), it joins the statement before it. A bracketed paste arrives
/// as one line with line breaks inside; it is split and handled the same way.
public struct EntryReader<Reader: LineReader> {
    /// The prompt for a new entry.
    public static var prompt: String { "sendql> " }
    /// The prompt for the next line of an entry the parser says is incomplete.
    public static var continuationPrompt: String { "   ...> " }

    /// The line reader underneath.
    public var reader: Reader
    /// Lines read but not used yet (the rest of a paste).
    var queued: [LineInput] = []

    /// Entries read from `reader`.
    public init(reader: Reader) {
        self.reader = reader
    }

    /// The next entry; `completer` makes the completer for a statement whose first lines are given.
    public mutating func next(completer: ([String]) -> Completer) -> Entry {
        var lines: [String] = []
        while true {
            let input = nextInput(
                prompt: lines.isEmpty ? Self.prompt : Self.continuationPrompt, completer: completer(lines))
            guard case .line(let line) = input else {
                if input == .interrupt {
                    queued.removeAll()
                    return .interrupted
                }
                // End of input in the middle of a statement: run it, so its error is shown.
                return lines.isEmpty ? .end : .script(lines.joined(separator: "\n"))
            }
            if lines.isEmpty {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if Self.isCommand(trimmed) { return .command(trimmed) }
            }
            lines.append(line)
            if isIncomplete(lines) { continue }
            absorbContinuations(into: &lines)
            if isIncomplete(lines) { continue }
            return .script(lines.joined(separator: "\n"))
        }
    }

    func isIncomplete(_ lines: [String]) -> Bool {
        Parser.isIncomplete(Source(name: "<repl>", text: lines.joined(separator: "\n")))
    }

    /// Adds the lines that have already arrived and continue the statement (blank lines between
    /// them included), stopping at a line that starts a new statement or when no more have arrived.
    mutating func absorbContinuations(into lines: inout [String]) {
        var index = 0
        while true {
            if index == queued.count {
                guard reader.hasPendingInput else { return }
                enqueue(reader.readLine(prompt: Self.continuationPrompt))
                continue
            }
            guard case .line(let text) = queued[index], !Self.isCommand(text) else { return }
            switch Parser.role(ofLine: text) {
            case .blank:
                index += 1
            case .start:
                return
            case .continuation:
                for input in queued[...index] {
                    if case .line(let absorbed) = input { lines.append(absorbed) }
                }
                queued.removeFirst(index + 1)
                if isIncomplete(lines) { return }
                index = 0
            }
        }
    }

    /// True for a dot-command line (`.tables`), which never continues a statement.
    static func isCommand(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.first == "." && trimmed.dropFirst().first?.isLetter == true
    }

    /// The next line: a queued one, else one read at `prompt`.
    mutating func nextInput(prompt: String, completer: Completer) -> LineInput {
        if queued.isEmpty {
            reader.setCompleter(completer)
            enqueue(reader.readLine(prompt: prompt))
        }
        return queued.removeFirst()
    }

    /// Queues an input, splitting a paste that holds several lines.
    mutating func enqueue(_ input: LineInput) {
        guard case .line(let text) = input, text.contains(where: \.isNewline) else {
            queued.append(input)
            return
        }
        var parts = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        // A paste ending with a line break leaves an empty last part, not an extra blank line.
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        queued += parts.map(LineInput.line)
    }
}
