/// A reserved word. Reserved words cannot be used as bare names; write `` `end` `` for a column
/// called `end`.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
    // Statements.
    case `let`, param, include, load, expect, `else`, from, `as`
    // Steps.
    case `where`, derive, select, aggregate, group, sort, take, join, inner, left, on, distinct
    case append, union, pivot, values
    // Expressions.
    case and, or, not, `in`, between, `is`, null, `true`, `false`, `if`, then, `case`, when, end
    case asc, desc

    /// The reserved words that start a pipeline step after `|` (every step of `StepTable` but
    /// `fill`, which is not reserved).
    public static let stepKeywords: [Keyword] = StepTable.names.compactMap(Keyword.init(rawValue:))

    /// The keywords that start a statement.
    public static let statementKeywords: [Keyword] = [.let, .param, .include, .load, .expect, .from]

    /// True for the keywords that may follow `|`.
    public var isStepKeyword: Bool { Keyword.stepKeywords.contains(self) }
}

/// What a token is, with the value of a literal already decoded.
public enum TokenKind: Sendable, Hashable {
    /// A name; backquotes are removed, so `` `odd name` `` has the value `odd name`.
    case identifier(String)
    case keyword(Keyword)
    case integer(Int64)
    case decimal(Double)
    /// A string literal with its escapes already applied.
    case string(String)
    /// `@2019-03-31`, as a day number (days since 1970-01-01).
    case date(Int32)
    /// A whole number directly followed by a unit: `6 weeks`, `20 working_days`.
    case duration(amount: Int64, unit: DurationUnit)

    case pipe  // |
    case comma  // ,
    case leftParen  // (
    case rightParen  // )
    case assign  // =
    case equal  // ==
    case notEqual  // !=
    case less  // <
    case lessOrEqual  // <=
    case greater  // >
    case greaterOrEqual  // >=
    case plus  // +
    case minus  // -
    case star  // *
    case slash  // /
    case percent  // %
    case coalesce  // ??
    case dot  // .
    case dotDot  // ..
    case colon  // :
    case semicolon  // ;

    /// A line break: a statement separator unless the parser decides the statement continues.
    case newline
    /// Text the lexer could not make sense of; the lexer has already reported it, so the parser
    /// recovers past it without a second message.
    case invalid
    case endOfInput

    /// The short name used by `sendql dump tokens`.
    public var dumpName: String {
        switch self {
        case .identifier: return "identifier"
        case .keyword: return "keyword"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .string: return "string"
        case .date: return "date"
        case .duration: return "duration"
        case .pipe: return "pipe"
        case .comma: return "comma"
        case .leftParen: return "left_paren"
        case .rightParen: return "right_paren"
        case .assign: return "assign"
        case .equal: return "equal"
        case .notEqual: return "not_equal"
        case .less: return "less"
        case .lessOrEqual: return "less_or_equal"
        case .greater: return "greater"
        case .greaterOrEqual: return "greater_or_equal"
        case .plus: return "plus"
        case .minus: return "minus"
        case .star: return "star"
        case .slash: return "slash"
        case .percent: return "percent"
        case .coalesce: return "coalesce"
        case .dot: return "dot"
        case .dotDot: return "dot_dot"
        case .colon: return "colon"
        case .semicolon: return "semicolon"
        case .newline: return "newline"
        case .invalid: return "invalid"
        case .endOfInput: return "end_of_input"
        }
    }
}

/// One token: what it is, the text as written, and where it is.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// The text exactly as written in the source (quotes, backquotes and escapes included).
    public var text: String
    public var span: Span

    /// A token of `kind`, written as `text`, covering `span`.
    public init(_ kind: TokenKind, text: String, span: Span) {
        self.kind = kind
        self.text = text
        self.span = span
    }

    /// The keyword this token is, if it is one.
    public var keyword: Keyword? {
        if case .keyword(let keyword) = kind { return keyword }
        return nil
    }

    /// The name this token spells, if it is an identifier.
    public var identifierName: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// How a message names this token: `')'`, `'filter'`, `end of line`, `end of input`.
    public var foundDescription: String {
        switch kind {
        case .endOfInput: return "end of input"
        case .newline: return "end of line"
        default:
            // Long strings would swamp the message; their start is enough to recognise them.
            // A multi-line string must not break the message's line.
            let limit = 24
            let oneLine = text.replacingNewlines()
            let shown = oneLine.count > limit ? String(oneLine.prefix(limit)) + "..." : oneLine
            return "'\(shown)'"
        }
    }
}

extension String {
    /// The text with line breaks and tabs written as `\n`, `\r` and `\t`.
    func replacingNewlines() -> String {
        var result = ""
        for character in unicodeScalars {
            switch character {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
