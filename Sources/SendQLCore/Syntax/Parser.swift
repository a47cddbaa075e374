/// A hand-written recursive-descent parser from tokens to a `Script`.
///
/// Each parsing function is headed by the grammar production it reads. Binary operators go through
/// the one table in `OperatorPrecedence.swift`. After an error the parser skips to the next step or
/// statement boundary and carries on, so one run reports every error, at most one per step.
///
/// There is no global state: the REPL calls `parse` and `isIncomplete` again and again.
///
/// Line breaks: inside brackets (`( )`, `case ... end`) they are ignored. Elsewhere a line break ends
/// the statement, unless the line ends with a token that cannot end a statement (`|`, `,`, `=`, an
/// operator, `(`, `and`, `then`, ...) or the next line starts with a token that cannot start one
/// (`|`, `)`, an operator, `and`, `then`, `else`, `end`, ...).
public struct Parser {
    let source: Source
    let tokens: [Token]
    /// For each newline token: true when the statement continues across it (see the type comment).
    let newlineContinues: [Bool]
    /// Index of the next raw token (which may be a line break the parser will skip).
    var index = 0
    /// How many brackets are open; inside brackets line breaks mean nothing.
    var bracketDepth = 0
    /// How many expressions and nested pipelines the parser is inside (see `maximumNesting`).
    var nesting = 0
    /// Set by a nesting error (E0212): the rest of the statement is skipped, reporting nothing more.
    var abandonedStatement = false
    /// True while reading the keys of `group`, where `(` followed by a step keyword starts the body
    /// rather than a call: `group person_id (sort meeting_date | ...)`.
    var readingGroupKeys = false
    /// Set when recovery stopped at a statement keyword opening a line (`let`, `from`, ...): that
    /// line starts a new statement even though brackets left open by the error say otherwise.
    var atForcedStatementStart = false
    /// End offset of the last consumed token, where "found end of line" errors point.
    var previousEnd = 0
    var diagnostics: [Diagnostic] = []
    /// Indices into `diagnostics` of errors found at the very end of the input.
    var endOfInputErrors: Set<Int> = []

    /// The deepest an expression or pipeline may nest (E0212): brackets and nested pipelines the
    /// parser enters, and the depth of every expression tree it builds (a chain like `a + b + c`
    /// nests each operator inside the next). The parser, the checker and the executor recurse once
    /// or more per level, so the limit keeps their stacks safe whatever the script.
    public static let maximumNesting = 256

    init(source: Source, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
        self.newlineContinues = Parser.continuations(of: tokens)
    }

    // MARK: Entry points

    /// Parses a whole script. The script holds every statement that parsed; the diagnostics hold
    /// every lexical and syntax error, in source order. Run the script only when there are none.
    public static func parse(_ source: Source) -> (script: Script, diagnostics: [Diagnostic]) {
        let outcome = run(source)
        return (outcome.script, outcome.diagnostics)
    }

    /// True when the input cannot be complete yet: every error is at the end of the input (an open
    /// bracket, a trailing `|` or operator, `let x =`, a string still open). The REPL then reads
    /// another line instead of reporting the errors.
    public static func isIncomplete(_ source: Source) -> Bool {
        let outcome = run(source)
        return !outcome.diagnostics.isEmpty && outcome.endOfInputErrorCount == outcome.diagnostics.count
    }

    /// Parses a single expression, such as a `--param name=value` given on the command line.
    public static func parseExpression(_ source: Source) -> (expression: Expression?, diagnostics: [Diagnostic]) {
        let lexed = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: lexed.tokens)
        var expression: Expression?
        do throws(ParseFailure) {
            parser.skipSeparators()
            expression = try parser.parseExpression()
            parser.skipSeparators()
            if parser.current.kind != .endOfInput { throw parser.expected("end of input") }
        } catch {
            parser.record(error)
            expression = nil
        }
        return (expression, sortedBySpan(lexed.diagnostics + parser.diagnostics))
    }

    struct Outcome {
        var script: Script
        var diagnostics: [Diagnostic]
        var endOfInputErrorCount: Int
    }

    static func run(_ source: Source) -> Outcome {
        let lexed = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: lexed.tokens)
        let statements = parser.parseScript()

        // An error counts as "at the end" when the parser met it at the end of the input, or when
        // it lies inside a string still open at the end (that text may be string content).
        let openStringStart = lexed.unterminatedStringStart ?? Int.max
        var atEnd = lexed.diagnostics.filter { ($0.span?.start ?? 0) >= openStringStart }.count
        for (position, diagnostic) in parser.diagnostics.enumerated()
        where parser.endOfInputErrors.contains(position) || (diagnostic.span?.start ?? 0) >= openStringStart {
            atEnd += 1
        }
        return Outcome(
            script: Script(statements: statements, source: source),
            diagnostics: sortedBySpan(lexed.diagnostics + parser.diagnostics),
            endOfInputErrorCount: atEnd)
    }

    /// Diagnostics in source order; a stable sort, so two at one place keep the order found.
    static func sortedBySpan(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.span?.start ?? 0, $0.offset) < ($1.element.span?.start ?? 0, $1.offset) }
            .map(\.element)
    }

    // MARK: Token access

    /// The next significant token: line breaks the statement continues across are skipped.
    var current: Token { tokens[significantIndex(from: index)] }

    /// The significant token `offset` places after `current`.
    func peek(_ offset: Int) -> Token {
        var position = significantIndex(from: index)
        for _ in 0..<offset where tokens[position].kind != .endOfInput {
            position = significantIndex(from: position + 1)
        }
        return tokens[position]
    }

    func significantIndex(from start: Int) -> Int {
        var position = start
        while tokens[position].kind == .newline, bracketDepth > 0 || newlineContinues[position] {
            position += 1
        }
        return position
    }

    /// Consumes and returns `current`.
    @discardableResult
    mutating func advance() -> Token {
        let position = significantIndex(from: index)
        let token = tokens[position]
        if token.kind != .endOfInput { index = position + 1 }
        previousEnd = token.span.end
        return token
    }

    func isAt(_ kind: TokenKind) -> Bool { current.kind == kind }

    func isAt(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    /// True at `;`, a line break that ends the statement, or the end of input.
    var isAtStatementEnd: Bool {
        switch current.kind {
        case .newline, .semicolon, .endOfInput: return true
        default: return false
        }
    }

    /// Skips statement separators (`;` and line breaks).
    mutating func skipSeparators() {
        while index < tokens.count, tokens[index].kind == .newline || tokens[index].kind == .semicolon {
            index += 1
        }
    }

    /// Consumes a token of one kind, or fails with "expected `what`, found ...".
    @discardableResult
    mutating func consume(_ kind: TokenKind, _ what: String, notes: [String] = []) throws(ParseFailure) -> Token {
        guard isAt(kind) else { throw expected(what, notes: notes) }
        return advance()
    }

    /// Consumes the token closing a bracket, or fails pointing back at the opener:
    /// "expected ')' to close '(' at 3:7, found end of input" (Lua's `check_match`).
    @discardableResult
    mutating func consumeClosing(
        _ kind: TokenKind, _ closer: String, opener: Token, alternatives: String? = nil
    ) throws(ParseFailure) -> Token {
        guard isAt(kind) else {
            let (line, column) = source.location(of: opener.span.start)
            let wanted = alternatives.map { "\($0) or \(closer)" } ?? closer
            throw failure(
                .unclosedDelimiter,
                "expected \(wanted) to close '\(opener.text)' at \(line):\(column), found \(current.foundDescription)",
                label: "expected \(wanted)", span: expectationSpan())
        }
        return advance()
    }

    // MARK: Line breaks

    /// Tokens that cannot end a statement: a line ending with one continues on the next line.
    static func continuesAfter(_ kind: TokenKind) -> Bool {
        switch kind {
        case .pipe, .comma, .leftParen, .assign, .equal, .notEqual, .less, .lessOrEqual, .greater,
            .greaterOrEqual, .plus, .minus, .star, .slash, .percent, .coalesce, .dot, .dotDot, .colon:
            return true
        case .keyword(let keyword):
            return [.and, .or, .not, .then, .else, .when, .as, .on, .in, .between, .is, .if, .case]
                .contains(keyword)
        default:
            return false
        }
    }

    /// Tokens that cannot start a statement: a line starting with one continues the line before.
    static func continuesBefore(_ kind: TokenKind) -> Bool {
        switch kind {
        case .pipe, .comma, .leftParen, .rightParen, .assign, .equal, .notEqual, .less, .lessOrEqual,
            .greater, .greaterOrEqual, .plus, .minus, .star, .slash, .percent, .coalesce, .dot, .dotDot,
            .colon:
            return true
        case .keyword(let keyword):
            return [.and, .or, .not, .then, .else, .when, .end, .as, .on, .in, .between, .is, .values, .asc, .desc]
                .contains(keyword)
        default:
            return false
        }
    }

    /// For each token: whether it is a line break the statement continues across.
    static func continuations(of tokens: [Token]) -> [Bool] {
        var result = [Bool](repeating: false, count: tokens.count)
        var previous: TokenKind?
        for (position, token) in tokens.enumerated() {
            guard token.kind == .newline else {
                previous = token.kind
                continue
            }
            var next = position + 1
            while tokens[next].kind == .newline { next += 1 }
            let before = previous.map(continuesAfter) ?? false
            result[position] = before || continuesBefore(tokens[next].kind)
        }
        return result
    }
}
