import SendQLCore

/// Where the cursor is within the statement being typed, worked out from the tokens before it.
struct StatementPosition {
    /// The tokens of the current statement (from its first token to the cursor), line breaks included.
    let statementTokens: ArraySlice<Token>
    /// The last token before the cursor that is not a line break; nil at the start of a statement.
    let previous: Token?
    /// The significant token before `previous`.
    let beforePrevious: Token?
    /// The last `|` outside brackets in this statement: the current step starts after it.
    let lastPipe: Token?

    init(_ tokens: [Token]) {
        var statementStart = 0
        var depth = 0
        var lastPipe: Int?
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .pipe where depth == 0: lastPipe = index
            case .semicolon where depth == 0:
                statementStart = index + 1
                lastPipe = nil
            case .newline where depth == 0 && !StatementPosition.continues(tokens, across: index):
                statementStart = index + 1
                lastPipe = nil
            default: break
            }
        }
        statementTokens = tokens[statementStart...]
        let significant = statementTokens.filter { $0.kind != .newline }
        previous = significant.last
        beforePrevious = significant.count >= 2 ? significant[significant.count - 2] : nil
        self.lastPipe = lastPipe.map { tokens[$0] }
    }

    /// True when the line break at `index` does not end the statement: the line before ends with a
    /// token that goes on, or the next line starts with one that cannot start a statement.
    static func continues(_ tokens: [Token], across index: Int) -> Bool {
        if let before = tokens[..<index].last(where: { $0.kind != .newline }), Parser.lineContinues(after: before.kind)
        {
            return true
        }
        guard let after = tokens[(index + 1)...].first(where: { $0.kind != .newline }) else { return false }
        return Parser.lineContinues(before: after.kind)
    }

    /// The `from` that starts this statement's pipeline.
    var fromToken: Token? { statementTokens.first { $0.keyword == .from } }

    /// The table the pipeline starts from.
    var startTable: String? {
        guard let from = fromToken, let index = statementTokens.firstIndex(of: from),
            index + 1 < statementTokens.endIndex
        else { return nil }
        return statementTokens[index + 1].identifierName
    }

    /// The tokens of the current step, after the last `|` outside brackets.
    var stepTokens: ArraySlice<Token> {
        guard let lastPipe, let index = statementTokens.firstIndex(of: lastPipe) else { return statementTokens }
        return statementTokens[(index + 1)...].drop { $0.kind == .newline }
    }

    /// Tables the current step reads besides its input: `join plans`, `append (from advice ...)`.
    var tablesNamedInStep: [String] {
        var names: [String] = []
        var afterTableKeyword = false
        for token in stepTokens where token.kind != .newline {
            if afterTableKeyword, let name = token.identifierName { names.append(name) }
            switch token.keyword {
            case .from, .join, .append, .union: afterTableKeyword = true
            case .inner, .left: break  // `join left plans`: the table still comes next
            default: afterTableKeyword = false
            }
        }
        return names
    }

    /// `alias -> table` for `join plans as p` in this statement.
    var aliases: [String: String] {
        var result: [String: String] = [:]
        let significant = statementTokens.filter { $0.kind != .newline }
        for index in significant.indices.dropFirst(2) where significant[index - 1].keyword == .as {
            if let alias = significant[index].identifierName, let table = significant[index - 2].identifierName {
                result[alias] = table
            }
        }
        return result
    }
}
