/// A syntax error on its way up to the step or statement that recovers from it.
struct ParseFailure: Error {
    /// Nil when the culprit is an `.invalid` token: the lexer has already reported it.
    var diagnostic: Diagnostic?
    /// The error was found at the end of the input, so more input might fix it (REPL).
    var atEndOfInput: Bool
    /// Brackets open when the error was found; recovery must skip past their closers.
    var bracketDepth: Int
}

/// Building errors and recovering from them.
extension Parser {
    /// "expected `what`, found <current token>" (E0201 unless another code is given).
    func expected(
        _ what: String, code: SyntaxErrorCode = .unexpectedToken, notes: [String] = [], fixIts: [FixIt] = []
    ) -> ParseFailure {
        failure(
            code, "expected \(what), found \(current.foundDescription)", label: "expected \(what)",
            notes: notes, fixIts: fixIts, span: expectationSpan())
    }

    /// Where a missing token belongs: at the current token, unless that is on a later line than
    /// the last token read, in which case just after that token (the end of its line).
    func expectationSpan() -> Span {
        let found = significantIndex(from: index)
        // Tokens between `index` and `found` are line breaks the statement continues across.
        if found > index { return Span(previousEnd, previousEnd) }
        return errorSpan(at: tokens[found])
    }

    /// An error at the current token (or just after the previous one at a line break or the end).
    ///
    /// `aboutCurrentToken` is false when the culprit was read already (an unknown type name), so
    /// an invalid token after it does not silence the message.
    func failure(
        _ code: SyntaxErrorCode, _ message: String, label: String? = nil, notes: [String] = [],
        fixIts: [FixIt] = [], span: Span? = nil, aboutCurrentToken: Bool = true
    ) -> ParseFailure {
        let token = current
        let atEnd = isAtEndOfInput(significantIndex(from: index))
        // The lexer has reported an invalid token; after recovery stopped at a new statement, the
        // enclosing constructs are known to be broken; after E0212 the statement is given up.
        // Either way a message would be a duplicate.
        if (token.kind == .invalid && aboutCurrentToken) || atForcedStatementStart || abandonedStatement {
            return ParseFailure(diagnostic: nil, atEndOfInput: atEnd, bracketDepth: bracketDepth)
        }
        let diagnostic = Diagnostic(
            .error, code: code.code, message: message, source: source, span: span ?? errorSpan(at: token),
            notes: notes, fixIts: fixIts, label: label)
        return ParseFailure(diagnostic: diagnostic, atEndOfInput: atEnd, bracketDepth: bracketDepth)
    }

    /// Where to point for a token: the token itself, or, for a line break or the end of input, the
    /// place just after the last token read (where the missing thing belongs).
    func errorSpan(at token: Token) -> Span {
        switch token.kind {
        case .newline, .endOfInput: return Span(previousEnd, previousEnd)
        default: return token.span
        }
    }

    /// True at the end of input or at a line break with nothing but line breaks after it.
    func isAtEndOfInput(_ position: Int) -> Bool {
        var cursor = position
        while tokens[cursor].kind == .newline { cursor += 1 }
        return tokens[cursor].kind == .endOfInput
    }

    /// Keeps a failure's diagnostic, unless an error was already reported at the same place: a
    /// second one there (a missing `)` after a missing step at the end of input) is a cascade.
    mutating func record(_ failure: ParseFailure) {
        guard let diagnostic = failure.diagnostic,
            !diagnostics.contains(where: { $0.span == diagnostic.span })
        else { return }
        if failure.atEndOfInput { endOfInputErrors.insert(diagnostics.count) }
        diagnostics.append(diagnostic)
    }

    /// Goes one level deeper, or fails when that passes `Parser.maximumNesting`. The caller undoes
    /// the level (`nesting -= 1`) when it is done, and only when this did not throw.
    mutating func enterNesting() throws(ParseFailure) {
        guard nesting < Parser.maximumNesting else { throw nestingTooDeep(at: expectationSpan()) }
        nesting += 1
    }

    /// Fails when an expression is deeper than `Parser.maximumNesting`.
    mutating func checkDepth(of expression: Expression, at span: Span) throws(ParseFailure) {
        if expression.depth > Parser.maximumNesting { throw nestingTooDeep(at: span) }
    }

    /// The error for going too deep. The rest of the statement is then skipped without another
    /// message: every enclosing level would otherwise fail in turn, at its next bracket.
    mutating func nestingTooDeep(at span: Span) -> ParseFailure {
        let error = failure(
            .nestingTooDeep,
            "nested too deeply: more than \(Parser.maximumNesting) levels of brackets, operators or pipelines",
            label: "too deep",
            notes: [
                "note: each bracket and nested pipeline is a level, and so is each operator of a chain like a + b + c",
                "help: give parts a name with 'let' and use the name",
            ],
            span: span, aboutCurrentToken: false)
        abandonedStatement = true
        return error
    }

    /// Skips the rest of a broken step or statement (jlox's `synchronize`).
    ///
    /// Stops at: the end of input; `;`; a line break that ends the statement; a `|` when
    /// `stopAtPipe` (a `|` never sits inside an expression's brackets, so at any depth); a `)` that
    /// closes the enclosing pipeline when `stopAtClosingParen`; and a line starting with a statement
    /// keyword, which most likely starts a new statement after a bracket left open by mistake.
    mutating func synchronize(openBrackets: Int, stopAtPipe: Bool, stopAtClosingParen: Bool) {
        var depth = max(0, openBrackets)
        while true {
            let token = tokens[index]
            switch token.kind {
            case .endOfInput, .semicolon:
                return
            case .pipe where stopAtPipe:
                return
            case .leftParen, .keyword(.case):
                depth += 1
            case .rightParen where depth == 0:
                if stopAtClosingParen { return }
            case .rightParen, .keyword(.end):
                depth = max(0, depth - 1)
            case .newline:
                if startsStatementOnNextLine(after: index, insideBrackets: depth + bracketDepth > 0) {
                    atForcedStatementStart = depth + bracketDepth > 0 || newlineContinues[index]
                    return
                }
                if depth + bracketDepth == 0, !newlineContinues[index] { return }
            default:
                break
            }
            index += 1
            previousEnd = token.span.end
        }
    }

    /// True when the line after the line break at `position` starts with a statement keyword.
    /// Inside brackets `from` may start an (indented) sub-pipeline, so there it counts only at the
    /// very start of a line.
    func startsStatementOnNextLine(after position: Int, insideBrackets: Bool) -> Bool {
        var next = position
        while tokens[next].kind == .newline { next += 1 }
        guard let keyword = tokens[next].keyword, Keyword.statementKeywords.contains(keyword) else {
            return false
        }
        let unindented = tokens[next - 1].span.end == tokens[next].span.start
        return keyword != .from || !insideBrackets || unindented
    }
}
