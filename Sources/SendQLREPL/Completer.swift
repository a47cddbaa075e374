import SendQLCore
import SendQLIO

/// Context-aware tab completion: what may come next at the cursor, as the language sees it.
///
/// At the start of a statement: statement keywords. After `|`: step names. After `from`, `join`,
/// `append` and `union`: table names. Inside a step: the columns the pipeline has at that point (the
/// checker's schema after the steps before it), `let` values, functions and expression keywords.
/// After `.`: dot-commands and their arguments. Inside the string of `load` or `include`, and after
/// `.read`, `.load` and `.output`: file names.
public struct Completer: Sendable {
    /// The names in scope: tables and their columns, `let` values, functions.
    public var checker: Checker
    /// The lines already entered of a statement still being typed (multi-line input).
    public var earlierLines: [String]

    /// A completer over the session's names, for a statement whose first lines are `earlierLines`.
    public init(checker: Checker, earlierLines: [String] = []) {
        var checker = checker
        // Checking a prefix to learn its columns must never read files named by `load` or `include`.
        checker.resources = nil
        self.checker = checker
        self.earlierLines = earlierLines
    }

    static let expressionKeywords: [Keyword] = [
        .and, .or, .not, .in, .between, .is, .null, .true, .false, .if, .then, .else, .case, .when, .end,
        .asc, .desc, .on, .as,
    ]
    static let parameterTypes = ["bool", "date", "double", "duration", "int", "string"]

    /// The completion for `word` (the text from the last word break to the cursor), where
    /// `lineBeforeWord` is what comes before it on the line.
    public func complete(word: String, lineBeforeWord: String) -> Completion {
        if let paths = pathContext(lineBeforeCursor: lineBeforeWord + word) { return paths }
        if earlierLines.isEmpty, let arguments = dotCommandCandidates(lineBeforeWord) {
            return .words(Self.narrow(arguments, to: word))
        }
        return .words(
            Self.narrow(candidates(before: (earlierLines + [lineBeforeWord]).joined(separator: "\n")), to: word))
    }

    /// `.paths` when the cursor is in a file name: after `.read`, `.load` or `.output`, or inside the
    /// string of `load` or `include`. Readline then breaks words only at spaces and quotes.
    public func pathContext(lineBeforeCursor line: String) -> Completion? {
        if earlierLines.isEmpty {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for command in DotCommand.pathCommands where trimmed.hasPrefix("." + command + " ") {
                return .paths(closingQuote: nil)
            }
        }
        let text = (earlierLines + [line]).joined(separator: "\n")
        let lexed = Lexer.tokenize(Source(name: "<completion>", text: text))
        guard let stringStart = lexed.unterminatedStringStart else { return nil }
        let before = lexed.tokens.last { $0.span.end <= stringStart && $0.kind != .newline }
        guard let keyword = before?.keyword, keyword == .load || keyword == .include else { return nil }
        let quote = text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: stringStart)]
        return .paths(closingQuote: Character(Unicode.Scalar(quote)))
    }

    /// The arguments a dot-command line may take next, or nil when the line is not a dot-command.
    func dotCommandCandidates(_ line: String) -> [String]? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(".") else { return nil }
        if trimmed == "." { return DotCommand.catalog.map(\.name) }
        let words = trimmed.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 1, trimmed.last == " " else { return [] }
        switch words[0] {
        case "mode": return ResultFormat.allCases.map(\.rawValue)
        case "timer": return ["off", "on"]
        case "schema": return checker.tables.keys.sorted()
        case "help": return HelpCatalog.topicNames
        default: return []
        }
    }

    /// Every word that may come next after `text`.
    func candidates(before text: String) -> [String] {
        let tokens = Array(Lexer.tokenize(Source(name: "<completion>", text: text)).tokens.dropLast())
        let position = StatementPosition(tokens)
        guard let previous = position.previous else {
            return Keyword.statementKeywords.map(\.rawValue)
        }
        switch previous.kind {
        case .pipe:
            return StepTable.names
        case .keyword(.from), .keyword(.join), .keyword(.append), .keyword(.union):
            return checker.tables.keys.sorted()
        case .keyword(.inner), .keyword(.left):
            return position.beforePrevious?.keyword == .join ? checker.tables.keys.sorted() : []
        case .keyword(.let), .keyword(.param), .keyword(.as), .keyword(.include), .keyword(.load):
            return []  // a new name or a string comes next
        case .colon:
            return Self.parameterTypes
        case .dot:
            guard let qualifier = position.beforePrevious?.identifierName else { return [] }
            return qualifiedColumns(qualifier, position: position, text: text)
        case .leftParen where opensGroupBody(position):
            return StepTable.names
        default:
            return columns(position: position, text: text).map(Self.quotedIfNeeded)
                + checker.values.keys.sorted()
                + checker.allFunctionNames.map { $0 + "(" }
                + Self.expressionKeywords.map(\.rawValue)
        }
    }

    /// True after the `(` that opens the body of `group keys (...)`, where a step comes next.
    func opensGroupBody(_ position: StatementPosition) -> Bool {
        guard position.stepTokens.first?.keyword == .group, let before = position.beforePrevious else { return false }
        if case .rightParen = before.kind { return true }
        guard let name = before.identifierName else { return false }
        return !checker.allFunctionNames.contains(name)
    }

    /// The columns in scope inside the current step: the schema after the steps before it, and the
    /// columns of any table the step itself names (`join plans on ...`).
    func columns(position: StatementPosition, text: String) -> [String] {
        var names = inputFrame(position: position, text: text)?.names ?? []
        for table in position.tablesNamedInStep {
            for name in checker.tables[table]?.names ?? [] where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Columns after `qualifier.`: a table's, or the columns of the frame that came from it.
    func qualifiedColumns(_ qualifier: String, position: StatementPosition, text: String) -> [String] {
        let table = position.aliases[qualifier] ?? qualifier
        if let schema = checker.tables[table] { return schema.names.map(Self.quotedIfNeeded) }
        guard let frame = inputFrame(position: position, text: text) else { return [] }
        return zip(frame.names, frame.qualifiers).filter { $0.1 == qualifier }.map { Self.quotedIfNeeded($0.0) }
    }

    /// The schema flowing into the current step, from checking the text before its `|`; when that does
    /// not check, the schema of the table the pipeline starts from.
    func inputFrame(position: StatementPosition, text: String) -> FrameSchema? {
        guard let from = position.fromToken else { return nil }
        let fallback = position.startTable.flatMap { self.checker.tables[$0] }
        guard let pipe = position.lastPipe else { return fallback }
        let prefix = String(decoding: text.utf8.prefix(pipe.span.start), as: UTF8.self)
        var checker = self.checker
        for statement in checker.check(Source(name: "<completion>", text: prefix)).program.statements.reversed() {
            switch statement {
            case .query(let pipeline), .letTable(_, let pipeline):
                if pipeline.span.start == from.span.start { return pipeline.schema }
            case .export(let pipeline, _, _), .table(let pipeline, _):
                if pipeline.span.start == from.span.start { return pipeline.schema }
            case .chart(let plan, _):
                if plan.pipeline.span.start == from.span.start { return plan.pipeline.schema }
            default:
                continue
            }
        }
        return fallback
    }

    /// A column name as it must be typed: backquoted unless it is a plain name.
    static func quotedIfNeeded(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart,
            name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isXIDContinue }),
            Keyword(rawValue: name) == nil
        else { return "`" + name + "`" }
        return name
    }

    /// The candidates starting with `word`, sorted, each once.
    static func narrow(_ candidates: [String], to word: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
    }
}
