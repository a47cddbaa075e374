/// What one line of input does on its own, for a REPL that receives pasted lines one at a time.
public enum LineRole: Sendable, Equatable {
    /// Blank, or only a comment: it neither starts nor continues a statement.
    case blank
    /// It starts with a token that cannot start a statement (`|`, `)`, an operator, `and`, ...), so it
    /// continues the statement on the line before.
    case continuation
    /// It can start a statement of its own.
    case start
}

extension Parser {
    /// The role of one line read on its own. `from requests` followed by `| take 3` is one statement in
    /// a script; a REPL that has already read the first line asks this of the second to keep them together.
    public static func role(ofLine line: String) -> LineRole {
        let tokens = Lexer.tokenize(Source(name: "<line>", text: line)).tokens
        guard let first = tokens.first(where: { $0.kind != .newline }), first.kind != .endOfInput else { return .blank }
        return continuesBefore(first.kind) ? .continuation : .start
    }
}

extension Parser {
    /// True when a line ending with this token goes on to the next line (`|`, `,`, `(`, an operator,
    /// `and`, ...). Completion uses it to tell a new statement from the next line of the same one.
    public static func lineContinues(after kind: TokenKind) -> Bool { continuesAfter(kind) }

    /// True when a line starting with this token continues the line before (`|`, `)`, an operator, ...).
    public static func lineContinues(before kind: TokenKind) -> Bool { continuesBefore(kind) }
}
