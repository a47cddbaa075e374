/// Where a step stands in its pipeline, which decides what may come first.
enum StepPosition {
    /// The first step of a pipeline: it must be `from`.
    case pipelineStart
    /// The first step inside `group keys ( ... )`: any step but `from`.
    case groupBodyStart
    /// After a `|`.
    case afterPipe
}

/// Pipelines and their steps.
extension Parser {
    /// `pipeline = "from" IDENT { "|" step }`. Errors are recorded per step, not thrown.
    mutating func parsePipeline(nestedIn opener: Token?) -> Pipeline {
        let start = current.span.start
        let steps = parseSteps(first: .pipelineStart, nestedIn: opener)
        return Pipeline(steps: steps, span: Parser.span(of: steps, orEmptyAt: start))
    }

    /// `step { "|" step }`, recovering at each step boundary so that one broken step does not
    /// hide errors in the steps after it. `opener` is the `(` around a nested pipeline.
    mutating func parseSteps(first: StepPosition, nestedIn opener: Token?) -> [Step] {
        var steps: [Step] = []
        var position = first
        while true {
            let depthAtStart = bracketDepth
            do {
                steps.append(try parseStep(position))
                try checkStepEnd(after: steps.last, nestedIn: opener)
            } catch {
                record(error)
                // After E0212 no step or bracket of the statement is worth reading on from.
                synchronize(
                    openBrackets: error.bracketDepth - depthAtStart, stopAtPipe: !abandonedStatement,
                    stopAtClosingParen: opener != nil && !abandonedStatement)
            }
            guard !atForcedStatementStart, isAt(.pipe) else { return steps }
            advance()
            position = .afterPipe
        }
    }

    /// The span from the first step to the last, or an empty span where the steps would be.
    static func span(of steps: [Step], orEmptyAt offset: Int) -> Span {
        guard let first = steps.first, let last = steps.last else { return Span(offset, offset) }
        return first.span.merged(with: last.span)
    }

    /// After a step: `|`, the end of the statement, or the `)` closing a nested pipeline.
    func checkStepEnd(after step: Step?, nestedIn opener: Token?) throws(ParseFailure) {
        switch current.kind {
        case .pipe, .newline, .semicolon, .endOfInput: return
        case .rightParen where opener != nil: return
        default: break
        }
        var notes: [String] = []
        var fixIts: [FixIt] = []
        if let keyword = current.keyword, keyword.isStepKeyword {
            notes.append("help: put '|' before '\(keyword.rawValue)' to start another step")
            fixIts.append(FixIt(span: Span(current.span.start, current.span.start), replacement: "| "))
        }
        switch (step?.kind, current.kind) {
        case (.derive, .identifier), (.select, .identifier), (.aggregate, .identifier), (.sort, .identifier),
            (.distinct, .identifier), (.group, .identifier):
            notes.append("help: separate the items with ','")
        default:
            break
        }
        throw expected(opener == nil ? "'|' or end of line" : "'|' or ')'", notes: notes, fixIts: fixIts)
    }

    /// One step, dispatched through `StepTable` (which holds each step's grammar).
    mutating func parseStep(_ position: StepPosition) throws(ParseFailure) -> Step {
        let token = current
        if position == .pipelineStart {
            if isAt(.from) { return try parseFrom() }
            if let keyword = token.keyword, keyword.isStepKeyword {
                throw failure(
                    .pipelineWithoutFrom, "a pipeline must start with 'from', found '\(token.text)'",
                    label: "this step has no table to work on",
                    notes: ["help: start with the table to read: (from plans | \(token.text) ...)"])
            }
            throw expected("'from' and a table name")
        }
        if case .keyword(.from) = token.kind { throw misplacedFrom(position) }
        // A reserved step word, or `fill` (not reserved); a backquoted `where` is a name, not a step.
        let word = token.keyword?.rawValue ?? token.identifierName.flatMap { Keyword(rawValue: $0) == nil ? $0 : nil }
        if let word, let step = StepTable.step(named: word) {
            return try step.parse(&self)
        }
        if case .identifier(let name) = token.kind { throw unknownStep(name, token: token) }
        throw expected(position == .afterPipe ? "a step after '|'" : "a step")
    }

    /// `from` after a `|`: usually a trailing `|` on the line before a new pipeline.
    func misplacedFrom(_ position: StepPosition) -> ParseFailure {
        let startsLine = tokens[significantIndex(from: index) - 1].kind == .newline
        if position == .afterPipe, startsLine {
            return failure(
                .unexpectedToken, "expected a step after '|', found 'from'",
                label: "a new pipeline starts here",
                notes: ["help: remove the '|' at the end of the line before to end that pipeline"])
        }
        return expected(
            position == .afterPipe ? "a step after '|'" : "a step",
            notes: [
                "help: a pipeline reads one table, named after its 'from'; combine tables with 'join', 'append' or 'union'"
            ])
    }

    /// A name where a step should be: `filter`, `mutate`, `limit`, `wher`.
    func unknownStep(_ name: String, token: Token) -> ParseFailure {
        if peek(1).kind == .assign {
            return failure(
                .unknownStep, "unknown step '\(token.text)'", label: "not a step",
                notes: ["help: to add a column, write 'derive \(token.text) = ...'"],
                fixIts: [FixIt(span: Span(token.span.start, token.span.start), replacement: "derive ")])
        }
        if let suggestion = StepTable.suggestion(for: name) {
            return failure(
                .unknownStep, "unknown step '\(token.text)'", label: "not a step",
                notes: ["help: did you mean '\(suggestion)'?"],
                fixIts: [FixIt(span: token.span, replacement: suggestion)])
        }
        let steps = StepTable.names.joined(separator: ", ")
        return failure(
            .unknownStep, "unknown step '\(token.text)'", label: "not a step",
            notes: ["help: the steps are \(steps)"])
    }

    /// `"from" IDENT [ "(" expr { "," expr } ")" ]`: a table, or a built-in table function.
    mutating func parseFrom() throws(ParseFailure) -> Step {
        let fromToken = advance()
        let table = try parseName("a table name after 'from'")
        if isAt(.leftParen), case .call(_, let arguments, _) = try parseCall(table).kind {
            return Step(.fromFunction(table, arguments: arguments), span: Span(fromToken.span.start, previousEnd))
        }
        return Step(.from(table), span: Span(fromToken.span.start, previousEnd))
    }

    /// `"where" expr`
    mutating func parseWhere() throws(ParseFailure) -> Step {
        let whereToken = advance()
        let condition = try parseExpression()
        return Step(.filter(condition), span: Span(whereToken.span.start, previousEnd))
    }

    /// `("derive" | "select" | "aggregate") named { "," named }`
    mutating func parseNamedListStep() throws(ParseFailure) -> Step {
        let keywordToken = advance()
        let items = try parseNamedList()
        let span = Span(keywordToken.span.start, previousEnd)
        switch keywordToken.kind {
        case .keyword(.derive): return Step(.derive(items), span: span)
        case .keyword(.select): return Step(.select(items), span: span)
        default: return Step(.aggregate(items), span: span)
        }
    }

    /// `"group" named { "," named } "(" step { "|" step } ")"`. The key list ends at a `(` that
    /// is followed by a step keyword: `group quarter(outcome_date) (aggregate n = count())`.
    mutating func parseGroup() throws(ParseFailure) -> Step {
        let groupToken = advance()
        if isAt(.leftParen), peek(1).keyword?.isStepKeyword == true {
            throw expected(
                "a key to group by",
                notes: ["help: write the keys before the steps: group region (aggregate n = count())"])
        }
        let keys = try parseGroupKeys()
        let open = try consume(
            .leftParen, "'(' and the steps to run for each group",
            notes: ["help: write the steps in parentheses: group ... (aggregate n = count())"])
        let body = try parseGroupBody(open: open)
        return Step(.group(keys: keys, body: body), span: Span(groupToken.span.start, previousEnd))
    }

    /// The keys of a group, read with the group-key lookahead switched on.
    mutating func parseGroupKeys() throws(ParseFailure) -> [NamedExpression] {
        let saved = readingGroupKeys
        readingGroupKeys = true
        defer { readingGroupKeys = saved }
        return try parseNamedList()
    }

    /// `inner = step { "|" step }` up to the `)` closing the group body.
    mutating func parseGroupBody(open: Token) throws(ParseFailure) -> Pipeline {
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        try enterNesting()
        defer { nesting -= 1 }
        let steps = parseSteps(first: .groupBodyStart, nestedIn: open)
        try consumeClosing(.rightParen, "')'", opener: open)
        return Pipeline(steps: steps, span: Parser.span(of: steps, orEmptyAt: open.span.end))
    }

    /// `"sort" sortkey { "," sortkey }`
    mutating func parseSort() throws(ParseFailure) -> Step {
        let sortToken = advance()
        var keys = [try parseSortKey()]
        while isAt(.comma) {
            advance()
            keys.append(try parseSortKey())
        }
        return Step(.sort(keys), span: Span(sortToken.span.start, previousEnd))
    }

    /// `sortkey = [ "-" ] expr [ "asc" | "desc" ]`; a leading `-` means descending.
    mutating func parseSortKey() throws(ParseFailure) -> SortKey {
        let start = current.span.start
        var minus: Token?
        if isAt(.minus) { minus = advance() }
        let expression = try parseExpression()
        var descending = minus != nil
        if let direction = current.keyword, direction == .asc || direction == .desc {
            if minus != nil {
                throw failure(
                    .conflictingSortDirection, "conflicting sort directions: '-' and '\(direction.rawValue)'",
                    label: "second direction",
                    notes: ["help: use either '-' before the key or 'asc'/'desc' after it, not both"])
            }
            advance()
            descending = direction == .desc
        }
        return SortKey(expression: expression, descending: descending, span: Span(start, previousEnd))
    }

    /// `"take" expr [ ".." expr ]`: `take 10` is rows 1 to 10, `take 5..10` rows 5 to 10.
    mutating func parseTake() throws(ParseFailure) -> Step {
        let takeToken = advance()
        if isAt(.dotDot) {
            throw expected("the first row before '..'", notes: ["help: a range names both ends: take 1..10"])
        }
        let first = try parseExpression()
        if isAt(.dotDot) {
            advance()
            let last = try parseExpression()
            return Step(.take(start: first, end: last), span: Span(takeToken.span.start, previousEnd))
        }
        return Step(.take(start: nil, end: first), span: Span(takeToken.span.start, previousEnd))
    }

    /// `"join" [ "inner" | "left" ] relation [ "as" IDENT ] "on" expr`; the condition is split at
    /// its top-level `and`s.
    mutating func parseJoin() throws(ParseFailure) -> Step {
        let joinToken = advance()
        var kind = JoinKind.inner
        if isAt(.inner) {
            advance()
        } else if isAt(.left) {
            advance()
            kind = .left
        } else if let word = current.identifierName, ["right", "full", "outer", "cross"].contains(word.lowercased()),
            peek(1).identifierName != nil || peek(1).kind == .leftParen
        {
            throw failure(
                .unexpectedToken, "expected 'inner', 'left' or a table name, found '\(current.text)'",
                label: "sendql has no \(word) join",
                notes: [
                    "help: joins are 'join' (inner) and 'join left'; for a right join, swap the tables and use 'join left'"
                ])
        }
        let relation = try parseRelation()
        var alias: Identifier?
        if isAt(.as) {
            advance()
            alias = try parseName("an alias after 'as'")
        }
        try consume(
            .keyword(.on), "'on' and the join condition",
            notes: ["help: write the condition after 'on': join plans on plans.person_id == person_id"])
        let condition = try parseExpression()
        if current.kind == .comma {
            throw failure(
                .unexpectedToken, "expected '|' or end of line after the join condition, found ','",
                label: "several keys are joined with 'and'",
                notes: ["help: join on several keys with 'and': join plans on plan_id and person_id"])
        }
        return Step(
            .join(kind: kind, table: relation, alias: alias, on: Parser.splitConjunction(condition)),
            span: Span(joinToken.span.start, previousEnd))
    }

    /// `a and b and c` as `[a, b, c]`.
    static func splitConjunction(_ expression: Expression) -> [Expression] {
        if case .binary(.and, let left, let right) = expression.kind {
            return splitConjunction(left) + splitConjunction(right)
        }
        return [expression]
    }

    /// `relation = IDENT | "(" pipeline ")"`
    mutating func parseRelation() throws(ParseFailure) -> Relation {
        switch current.kind {
        case .identifier(let name):
            let token = advance()
            return .name(Identifier(name, span: token.span))
        case .leftParen:
            let open = advance()
            return .pipeline(try parseNestedPipeline(open: open))
        case .keyword(let keyword) where !keyword.isStepKeyword && keyword != .from:
            return .name(try parseName("a table name"))
        default:
            throw expected(
                "a table name or a pipeline in parentheses",
                notes: isAt(.from) ? ["help: put the pipeline in parentheses: (from plans | where ...)"] : [])
        }
    }

    /// `"(" pipeline ")"` after the `(` has been read.
    mutating func parseNestedPipeline(open: Token) throws(ParseFailure) -> Pipeline {
        bracketDepth += 1
        let saved = readingGroupKeys
        readingGroupKeys = false
        defer {
            bracketDepth -= 1
            readingGroupKeys = saved
        }
        try enterNesting()
        defer { nesting -= 1 }
        let pipeline = parsePipeline(nestedIn: open)
        try consumeClosing(.rightParen, "')'", opener: open)
        return pipeline
    }

    /// `"distinct" [ named { "," named } ]`
    mutating func parseDistinct() throws(ParseFailure) -> Step {
        let distinctToken = advance()
        var items: [NamedExpression] = []
        switch current.kind {
        case .pipe, .newline, .semicolon, .endOfInput, .rightParen: break
        default: items = try parseNamedList()
        }
        return Step(.distinct(items), span: Span(distinctToken.span.start, previousEnd))
    }

    /// `"append" relation | "union" relation`
    mutating func parseAppendOrUnion() throws(ParseFailure) -> Step {
        let keywordToken = advance()
        let relation = try parseRelation()
        let span = Span(keywordToken.span.start, previousEnd)
        return keywordToken.kind == .keyword(.append)
            ? Step(.append(relation), span: span) : Step(.union(relation), span: span)
    }

    /// `"pivot" expr "values" expr`
    mutating func parsePivot() throws(ParseFailure) -> Step {
        let pivotToken = advance()
        let names = try parseExpression()
        try consume(
            .keyword(.values), "'values' and the column holding the values",
            notes: ["help: write 'pivot names_column values values_column'"])
        let values = try parseExpression()
        return Step(.pivot(names: names, values: values), span: Span(pivotToken.span.start, previousEnd))
    }

    /// `named { "," named }`
    mutating func parseNamedList() throws(ParseFailure) -> [NamedExpression] {
        var items = [try parseNamed()]
        while isAt(.comma) {
            advance()
            items.append(try parseNamed())
        }
        return items
    }

    /// `named = IDENT "=" expr | expr`: an identifier followed by `=` (not `==`) names the value.
    mutating func parseNamed() throws(ParseFailure) -> NamedExpression {
        if peek(1).kind == .assign {
            if case .identifier(let name) = current.kind {
                let nameToken = advance()
                advance()
                return NamedExpression(name: Identifier(name, span: nameToken.span), expression: try parseExpression())
            }
            if case .keyword = current.kind {
                _ = try parseName("a column name")
            }
        }
        return NamedExpression(name: nil, expression: try parseExpression())
    }
}
