/// Expressions, by precedence climbing over the one table in `OperatorPrecedence.swift`.
extension Parser {
    /// `expr = binary(or)`. An `=` straight after a whole expression is a comparison written with
    /// the naming sign (`where outcome = "Y"`), so it gets its own message and fix.
    mutating func parseExpression() throws(ParseFailure) -> Expression {
        let expression = try parseBinary(minimum: .or)
        if isAt(.assign) {
            throw failure(
                .assignmentInExpression, "'=' names a value; to compare values use '=='",
                label: "use '==' to compare",
                notes: ["help: replace '=' with '=='"],
                fixIts: [FixIt(span: current.span, replacement: "==")])
        }
        return expression
    }

    /// `binary(min) = prefix { infix-operator operand }` for every operator in the table binding
    /// at least as tightly as `min`. Left-associative operators read their right operand one level
    /// tighter, right-associative ones (`??`) at the same level, and comparisons do not chain.
    mutating func parseBinary(minimum: Precedence) throws(ParseFailure) -> Expression {
        try enterNesting()
        defer { nesting -= 1 }
        var left = try parsePrefix()
        try checkDepth(of: left, at: left.span)
        var firstComparison: Token?
        while let (infix, negated) = currentInfixOperator(), infix.precedence >= minimum {
            let operatorToken = current
            if infix.associativity == .none {
                if let firstComparison { throw chainedComparison(first: firstComparison) }
                firstComparison = operatorToken
            } else if infix.precedence < .comparison {
                firstComparison = nil
            }
            if negated { advance() }  // the `not` of `not in` / `not between`
            advance()
            switch infix.form {
            case .binary(let binary):
                let rightMinimum = infix.associativity == .right ? infix.precedence : infix.precedence.tighter
                let right = try parseBinary(minimum: rightMinimum)
                left = Expression(.binary(binary, left, right), span: left.span.merged(with: right.span))
            case .inList:
                left = try parseInList(left, negated: negated)
            case .between:
                // The bounds sit above `and`, so `x between 1 and 5 and y` ends the range at 5.
                let low = try parseBinary(minimum: .coalesce)
                try consume(.keyword(.and), "'and' between the bounds of 'between'")
                let high = try parseBinary(minimum: .coalesce)
                left = Expression(
                    .between(left, low: low, high: high, negated: negated), span: left.span.merged(with: high.span))
            case .isNull:
                var isNegated = false
                if isAt(.not) {
                    advance()
                    isNegated = true
                }
                try consume(
                    .keyword(.null), "'null' after 'is'",
                    notes: ["help: 'is' only tests for null: x is null, x is not null"])
                left = Expression(.isNull(left, negated: isNegated), span: Span(left.span.start, previousEnd))
            }
            // A chain (`a + b + c`) nests each operator inside the next without the parser recursing.
            try checkDepth(of: left, at: operatorToken.span)
        }
        return left
    }

    /// The table entry for the operator at the current token; `not in` and `not between` are
    /// two tokens and come back with `negated` set.
    func currentInfixOperator() -> (InfixOperator, negated: Bool)? {
        if isAt(.not), let next = peek(1).keyword, next == .in || next == .between,
            let infix = OperatorPrecedence.infix[.keyword(next)]
        {
            return (infix, true)
        }
        guard let infix = OperatorPrecedence.infix[current.kind] else { return nil }
        return (infix, false)
    }

    /// `a < b < c`: comparisons are non-associative, so the second one is an error.
    func chainedComparison(first: Token) -> ParseFailure {
        let (line, column) = source.location(of: first.span.start)
        return failure(
            .chainedComparison, "comparisons cannot be chained: found '\(current.text)' after '\(first.text)'",
            label: "second comparison",
            notes: [
                "note: the first comparison is '\(first.text)' at \(line):\(column)",
                "help: join two comparisons with 'and': a < b and b < c",
            ])
    }

    /// `prefix = "not" binary(not) | "-" binary(unary) | primary`
    mutating func parsePrefix() throws(ParseFailure) -> Expression {
        switch current.kind {
        case .keyword(.not):
            let notToken = advance()
            let operand = try parseBinary(minimum: .not)
            return Expression(.unary(.not, operand), span: notToken.span.merged(with: operand.span))
        case .minus:
            let minusToken = advance()
            let operand = try parseBinary(minimum: .unary)
            return Expression(.unary(.negate, operand), span: minusToken.span.merged(with: operand.span))
        default:
            return try parsePrimary()
        }
    }

    /// ```
    /// primary = INT | DECIMAL | STRING | DATE | INT unit | "true" | "false" | "null"
    ///         | IDENT [ "." IDENT ] | call | "(" expr ")"
    ///         | "if" expr "then" expr "else" expr
    ///         | "case" { "when" expr "then" expr } [ "else" expr ] "end" ;
    /// ```
    mutating func parsePrimary() throws(ParseFailure) -> Expression {
        let token = current
        let literal: Expression.Kind
        switch token.kind {
        case .integer(let value): literal = .integer(value)
        case .decimal(let value): literal = .double(value)
        case .string(let value): literal = .string(value)
        case .date(let day): literal = .date(day)
        case .duration(let amount, let unit): literal = .duration(amount: amount, unit: unit)
        case .keyword(.true): literal = .bool(true)
        case .keyword(.false): literal = .bool(false)
        case .keyword(.null): literal = .null
        case .identifier(let name): return try parseNameOrCall(name)
        case .leftParen: return try parseParenthesized()
        case .keyword(.if): return try parseIf()
        case .keyword(.case): return try parseCase()
        case .keyword(let keyword) where Parser.keywordsThatReadLikeNames.contains(keyword):
            throw expected(
                "an expression",
                notes: [
                    "help: '\(keyword.rawValue)' is a reserved word; write `\(keyword.rawValue)` in backquotes to use it as a name"
                ],
                fixIts: [FixIt(span: token.span, replacement: "`\(keyword.rawValue)`")])
        default:
            throw expected("an expression")
        }
        advance()
        return Expression(literal, span: token.span)
    }

    /// Reserved words a column might well be called, for the "write it in backquotes" help.
    static let keywordsThatReadLikeNames: Set<Keyword> = [
        .values, .left, .inner, .end, .group, .sort, .union, .append, .take, .join, .distinct, .pivot,
        .asc, .desc, .param, .load, .select, .derive, .aggregate, .on, .include, .expect,
    ]

    /// `IDENT [ "." IDENT ] | IDENT "(" ... ")"`. A qualified name `p.plan_id` keeps `p` as the
    /// qualifier. Among group keys, `name (` followed by a step keyword is the group body.
    mutating func parseNameOrCall(_ name: String) throws(ParseFailure) -> Expression {
        let nameToken = advance()
        let identifier = Identifier(name, span: nameToken.span)
        if isAt(.dot) {
            advance()
            let column = try parseName("a column name after '.'")
            return Expression(.name(column, qualifier: identifier), span: nameToken.span.merged(with: column.span))
        }
        if isAt(.leftParen), !(readingGroupKeys && opensGroupBody(afterName: nameToken)) {
            return try parseCall(identifier)
        }
        return Expression(.name(identifier, qualifier: nil), span: nameToken.span)
    }

    /// Among group keys, whether the `(` after a name opens the group body rather than a call. It
    /// does when a step keyword follows it; also when it stands apart from the name and a
    /// misspelled step follows (`group k (fitler x | ...)`), so the typo gets "unknown step".
    func opensGroupBody(afterName nameToken: Token) -> Bool {
        let next = peek(1)
        if next.keyword?.isStepKeyword == true { return true }
        // `fill` is a step word but not reserved: `(fill period by ...` opens a body, `(fill)` is a call.
        if next.identifierName == "fill", peek(2).identifierName != nil { return true }
        guard current.span.start > nameToken.span.end, let word = next.identifierName else { return false }
        return StepTable.suggestion(for: word) != nil
    }

    /// `call = IDENT "(" [ "where" expr | expr { "," expr } [ "," "where" expr ] ] ")"`; the
    /// `where` condition becomes the call's filter: `count(where outcome == "Y")`.
    mutating func parseCall(_ function: Identifier) throws(ParseFailure) -> Expression {
        let open = advance()
        bracketDepth += 1
        let saved = readingGroupKeys
        readingGroupKeys = false
        defer {
            bracketDepth -= 1
            readingGroupKeys = saved
        }
        var arguments: [Expression] = []
        var filter: Expression?
        // At the end of the input or the statement, the missing ')' is the news, not a missing argument.
        if !isAt(.rightParen), !isAtBracketDeadEnd {
            while true {
                if isAt(.where) {
                    advance()
                    filter = try parseExpression()
                    if isAt(.comma) {
                        throw failure(
                            .misplacedCallFilter, "the 'where' filter must be the last argument of '\(function.name)'",
                            label: "argument after the filter",
                            notes: ["help: move the filter to the end: sum(days, where outcome == \"Y\")"])
                    }
                    break
                }
                arguments.append(try parseExpression())
                guard isAt(.comma) else { break }
                advance()
            }
        }
        let moreAllowed = filter == nil && !arguments.isEmpty
        let close = try consumeClosing(.rightParen, "')'", opener: open, alternatives: moreAllowed ? "','" : nil)
        return Expression(
            .call(function, arguments: arguments, filter: filter), span: function.span.merged(with: close.span))
    }

    /// True at a token no bracket can continue past: the end of input, `;` or `|`.
    var isAtBracketDeadEnd: Bool {
        switch current.kind {
        case .endOfInput, .semicolon, .pipe: return true
        default: return false
        }
    }

    /// `"(" expr ")"`; the node's span takes in the parentheses.
    mutating func parseParenthesized() throws(ParseFailure) -> Expression {
        let open = advance()
        bracketDepth += 1
        let saved = readingGroupKeys
        readingGroupKeys = false
        defer {
            bracketDepth -= 1
            readingGroupKeys = saved
        }
        if isAtBracketDeadEnd { try consumeClosing(.rightParen, "')'", opener: open) }
        let inner = try parseExpression()
        let close = try consumeClosing(.rightParen, "')'", opener: open)
        return Expression(inner.kind, span: open.span.merged(with: close.span))
    }

    /// `"(" expr { "," expr } ")"` after `in` or `not in`.
    mutating func parseInList(_ subject: Expression, negated: Bool) throws(ParseFailure) -> Expression {
        let open = try consume(
            .leftParen, "'(' and a list of values after 'in'",
            notes: ["help: write the values in parentheses: x in (\"Y\", \"N\")"])
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        var values = [try parseExpression()]
        while isAt(.comma) {
            advance()
            values.append(try parseExpression())
        }
        let close = try consumeClosing(.rightParen, "')'", opener: open, alternatives: "','")
        return Expression(.inList(subject, values, negated: negated), span: subject.span.merged(with: close.span))
    }

    /// `"if" expr "then" expr "else" expr`
    mutating func parseIf() throws(ParseFailure) -> Expression {
        let ifToken = advance()
        let (line, column) = source.location(of: ifToken.span.start)
        let condition = try parseExpression()
        try consume(.keyword(.then), "'then' for the 'if' at \(line):\(column)")
        let value = try parseExpression()
        try consume(
            .keyword(.else), "'else' for the 'if' at \(line):\(column)",
            notes: ["note: an 'if' needs both branches: if c then a else b"])
        let otherwise = try parseExpression()
        return Expression(
            .conditional(branches: [ConditionalBranch(condition: condition, value: value)], otherwise: otherwise),
            span: ifToken.span.merged(with: otherwise.span))
    }

    /// `"case" { "when" expr "then" expr } [ "else" expr ] "end"`. Line breaks inside mean
    /// nothing, as inside brackets.
    mutating func parseCase() throws(ParseFailure) -> Expression {
        let caseToken = advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        var branches: [ConditionalBranch] = []
        while isAt(.when) {
            advance()
            let condition = try parseExpression()
            try consume(.keyword(.then), "'then' after the condition")
            let value = try parseExpression()
            branches.append(ConditionalBranch(condition: condition, value: value))
        }
        if branches.isEmpty {
            throw expected("'when' after 'case'", notes: ["help: write case when c then v else d end"])
        }
        var otherwise: Expression?
        if isAt(.else) {
            advance()
            otherwise = try parseExpression()
        }
        let close = try consumeClosing(
            .keyword(.end), "'end'", opener: caseToken, alternatives: otherwise == nil ? "'when', 'else'" : nil)
        return Expression(
            .conditional(branches: branches, otherwise: otherwise), span: caseToken.span.merged(with: close.span))
    }
}
