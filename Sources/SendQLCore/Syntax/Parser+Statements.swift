/// Scripts and statements.
extension Parser {
    /// `script = { sep } [ statement { sep { sep } statement } ] { sep } EOF ;  sep = NEWLINE | ";"`
    mutating func parseScript() -> [Statement] {
        var statements: [Statement] = []
        var previousWasQuery = false
        skipSeparators()
        while current.kind != .endOfInput {
            let start = index
            abandonedStatement = false
            do {
                let statement = try parseStatement(previousWasQuery: previousWasQuery)
                statements.append(statement)
                if case .query = statement.kind { previousWasQuery = true } else { previousWasQuery = false }
            } catch {
                record(error)
                synchronize(openBrackets: error.bracketDepth, stopAtPipe: false, stopAtClosingParen: false)
                previousWasQuery = false
            }
            if atForcedStatementStart {
                atForcedStatementStart = false
            } else if !isAtStatementEnd {
                // Pipelines and statements check their own ends; this guards against a construct
                // that returns early and would otherwise loop here forever.
                record(expected("end of line"))
                synchronize(openBrackets: 0, stopAtPipe: false, stopAtClosingParen: false)
            }
            skipSeparators()
            if index == start, current.kind != .endOfInput { advance() }
        }
        return statements
    }

    /// ```
    /// statement = "let" IDENT "(" [ IDENT { "," IDENT } ] ")" "=" expr
    ///           | "let" IDENT "=" pipeline | "let" IDENT "=" expr
    ///           | "param" IDENT ":" IDENT [ "=" expr ]
    ///           | "include" STRING | "load" STRING "as" IDENT
    ///           | "expect" expr [ "else" STRING ]
    ///           | pipeline ;
    /// ```
    mutating func parseStatement(previousWasQuery: Bool) throws(ParseFailure) -> Statement {
        let first = current
        switch first.kind {
        case .keyword(.let): return try parseLet()
        case .keyword(.param): return try parseParam()
        case .keyword(.include): return try parseInclude()
        case .keyword(.load): return try parseLoad()
        case .keyword(.expect): return try parseExpect()
        case .keyword(.from):
            let pipeline = parsePipeline(nestedIn: nil)
            return Statement(.query(pipeline), span: pipeline.span)
        case .keyword(let keyword) where keyword.isStepKeyword:
            throw missingFrom(before: first, previousWasQuery: previousWasQuery)
        case .identifier(let name) where startsOutputStatement(name):
            return try parseOutputStatement(name)
        case .identifier(let name):
            throw unknownStatement(name, token: first)
        default:
            throw expected(
                "a statement",
                notes: ["help: a statement starts with let, param, include, load, expect or from"])
        }
    }

    /// A step keyword where a statement should start: `where x > 1` with no pipeline before it.
    func missingFrom(before token: Token, previousWasQuery: Bool) -> ParseFailure {
        let startsLine = tokens[..<index].last?.kind == .newline
        if previousWasQuery, startsLine {
            return failure(
                .pipelineWithoutFrom, "a pipeline must start with 'from', found '\(token.text)'",
                label: "this step is not part of any pipeline",
                notes: ["help: to continue the pipeline above, start this line with '|'"],
                fixIts: [FixIt(span: Span(token.span.start, token.span.start), replacement: "| ")])
        }
        return failure(
            .pipelineWithoutFrom, "a pipeline must start with 'from', found '\(token.text)'",
            label: "this step has no table to work on",
            notes: ["help: start with the table to read: from requests | \(token.text) ..."])
    }

    /// A name where a statement should start: a misspelled keyword, a table without `from`, or
    /// `x = 1` without `let`.
    func unknownStatement(_ name: String, token: Token) -> ParseFailure {
        let next = peek(1).kind
        if next == .pipe {
            return failure(
                .pipelineWithoutFrom, "a pipeline must start with 'from', found '\(token.text)'",
                label: "expected 'from' before the table name",
                notes: ["help: write 'from \(token.text)'"],
                fixIts: [FixIt(span: Span(token.span.start, token.span.start), replacement: "from ")])
        }
        let keywords = Keyword.statementKeywords.map(\.rawValue)
        if let suggestion = Suggestions.closest(to: name, among: keywords) {
            return failure(
                .unknownStatement, "unknown statement '\(token.text)'", label: "not a statement keyword",
                notes: ["help: did you mean '\(suggestion)'?"],
                fixIts: [FixIt(span: token.span, replacement: suggestion)])
        }
        if next == .assign {
            return failure(
                .unknownStatement, "unknown statement '\(token.text)'", label: "expected 'let' before the name",
                notes: ["help: to name a value, write 'let \(token.text) = ...'"],
                fixIts: [FixIt(span: Span(token.span.start, token.span.start), replacement: "let ")])
        }
        return expected(
            "a statement",
            notes: ["help: a statement starts with let, param, include, load, expect or from"])
    }

    /// `"let" IDENT [ "(" [ IDENT { "," IDENT } ] ")" ] "=" ( pipeline | expr )`
    mutating func parseLet() throws(ParseFailure) -> Statement {
        let letToken = advance()
        let name = try parseName("a name after 'let'")
        if isAt(.leftParen) {
            let parameters = try parseParameterList()
            try consume(.assign, "'=' after the parameter list")
            let body = try parseExpression()
            try expectStatementEnd()
            return Statement(
                .function(name: name, parameters: parameters, body: body),
                span: Span(letToken.span.start, previousEnd))
        }
        try consume(.assign, "'=' after 'let \(name.name)'")
        if isAt(.from) {
            let pipeline = parsePipeline(nestedIn: nil)
            return Statement(.letTable(name: name, pipeline: pipeline), span: Span(letToken.span.start, previousEnd))
        }
        let value = try parseExpression()
        try expectStatementEnd()
        return Statement(.letValue(name: name, value: value), span: Span(letToken.span.start, previousEnd))
    }

    /// `"(" [ IDENT { "," IDENT } ] ")"`: a function's parameters.
    mutating func parseParameterList() throws(ParseFailure) -> [Identifier] {
        let open = advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        var parameters: [Identifier] = []
        if !isAt(.rightParen) {
            parameters.append(try parseName("a parameter name"))
            while isAt(.comma) {
                advance()
                parameters.append(try parseName("a parameter name"))
            }
        }
        try consumeClosing(.rightParen, "')'", opener: open, alternatives: "','")
        return parameters
    }

    /// `"param" IDENT ":" IDENT [ "in" "(" expr { "," expr } ")" ] [ "=" expr ]`; the type is one of
    /// int, double, bool, date, string, duration; `in` lists every value the parameter may take.
    mutating func parseParam() throws(ParseFailure) -> Statement {
        let paramToken = advance()
        let name = try parseName("a parameter name after 'param'")
        try consume(
            .colon, "':' and a type after the parameter name",
            notes: ["help: write 'param \(name.name): date = @2019-04-01'"])
        let type = try parseName("a type name")
        let typeNames = DataType.allCases.map(\.rawValue)
        guard typeNames.contains(type.name) else {
            var notes: [String] = []
            var fixIts: [FixIt] = []
            let suggestion =
                Parser.typeSynonyms[type.name.lowercased()] ?? Suggestions.closest(to: type.name, among: typeNames)
            if let suggestion {
                notes.append("help: did you mean '\(suggestion)'?")
                fixIts.append(FixIt(span: type.span, replacement: suggestion))
            }
            notes.append("note: the types are \(typeNames.joined(separator: ", "))")
            throw failure(
                .unknownParameterType, "unknown type '\(type.name)'", label: "not a type", notes: notes,
                fixIts: fixIts, span: type.span, aboutCurrentToken: false)
        }
        var allowed: [Expression]?
        if isAt(.in) {
            let inToken = advance()
            guard
                case .inList(_, let values, _) = try parseInList(Expression(.null, span: inToken.span), negated: false)
                    .kind
            else { preconditionFailure("parseInList makes an in-list") }
            allowed = values
        }
        var defaultValue: Expression?
        if isAt(.assign) {
            advance()
            defaultValue = try parseExpression()
        }
        try expectStatementEnd()
        return Statement(
            .parameter(name: name, type: type, allowed: allowed, defaultValue: defaultValue),
            span: Span(paramToken.span.start, previousEnd))
    }

    /// Type names other languages use, and the sendql type each means.
    static let typeSynonyms = [
        "integer": "int", "boolean": "bool", "text": "string", "number": "double", "decimal": "double",
        "float": "double", "real": "double", "varchar": "string", "interval": "duration",
        "datetime": "date", "timestamp": "date",
    ]

    /// `"include" STRING`
    mutating func parseInclude() throws(ParseFailure) -> Statement {
        let includeToken = advance()
        let path = try parseStringLiteral("a file name in quotes after 'include'")
        try expectStatementEnd()
        return Statement(.include(path: path), span: Span(includeToken.span.start, previousEnd))
    }

    /// `"load" STRING "as" IDENT`
    mutating func parseLoad() throws(ParseFailure) -> Statement {
        let loadToken = advance()
        let path = try parseStringLiteral("a file name in quotes after 'load'")
        try consume(
            .keyword(.as), "'as' and a table name after the file name",
            notes: ["help: write 'load \"\(path.value)\" as name'"])
        let name = try parseName("a table name after 'as'")
        try expectStatementEnd()
        return Statement(.load(path: path, name: name), span: Span(loadToken.span.start, previousEnd))
    }

    /// `"expect" expr [ "else" STRING ]`
    mutating func parseExpect() throws(ParseFailure) -> Statement {
        let expectToken = advance()
        // `expect no (from ... | where breach)`: `no` is only a word here.
        if isAtWord("no"), case .leftParen = peek(1).kind {
            advance()
            let relation = try parseRelation()
            var message: StringLiteral?
            if isAt(.else) {
                advance()
                message = try parseStringLiteral("a message in quotes after 'else'")
            }
            try expectStatementEnd()
            return Statement(
                .expectNone(relation: relation, message: message), span: Span(expectToken.span.start, previousEnd))
        }
        let condition = try parseExpression()
        var message: StringLiteral?
        if isAt(.else) {
            advance()
            message = try parseStringLiteral("a message in quotes after 'else'")
        } else if case .string = current.kind {
            throw expected(
                "'else' before the message",
                notes: ["help: write expect condition else \"message\""],
                fixIts: [FixIt(span: Span(current.span.start, current.span.start), replacement: "else ")])
        }
        try expectStatementEnd()
        return Statement(
            .expect(condition: condition, message: message), span: Span(expectToken.span.start, previousEnd))
    }

    /// Fails unless the statement ends here (line break, `;` or end of input).
    mutating func expectStatementEnd() throws(ParseFailure) {
        guard isAtStatementEnd else { throw expected("end of line") }
    }

    /// `IDENT`, with a targeted message when a reserved word is used as a name.
    mutating func parseName(_ what: String) throws(ParseFailure) -> Identifier {
        switch current.kind {
        case .identifier(let name):
            let token = advance()
            return Identifier(name, span: token.span)
        case .keyword(let keyword):
            throw failure(
                .keywordAsName, "expected \(what), found reserved word '\(keyword.rawValue)'",
                label: "reserved word",
                notes: ["help: write `\(keyword.rawValue)` in backquotes to use it as a name"],
                fixIts: [FixIt(span: current.span, replacement: "`\(keyword.rawValue)`")])
        default:
            throw expected(what)
        }
    }

    /// `STRING`
    mutating func parseStringLiteral(_ what: String) throws(ParseFailure) -> StringLiteral {
        guard case .string(let value) = current.kind else {
            if case .identifier = current.kind {
                throw expected(what, notes: ["help: put the text in quotes: \"\(current.text)\""])
            }
            throw expected(what)
        }
        let token = advance()
        return StringLiteral(value, span: token.span)
    }
}
