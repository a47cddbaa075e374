/// The output statements and the `fill` step. Their words (`export`, `chart`, `report`, `to`, `by`,
/// `with` ...) are not reserved: they are only read as keywords where a statement or step starts,
/// so columns may still be called `text` or `table`.
extension Parser {
    /// Words that start an output statement.
    static let outputStatementWords: Set<String> = [
        "export", "chart", "report", "heading", "text", "table", "figure", "snapshot", "publish",
    ]

    /// True when an identifier starts an output statement here (not `text = 1` or `table | ...`).
    func startsOutputStatement(_ name: String) -> Bool {
        guard Self.outputStatementWords.contains(name) else { return false }
        switch peek(1).kind {
        case .assign, .pipe, .dot: return false
        default: return true
        }
    }

    /// ```
    /// output = "export" relation "to" STRING
    ///        | "chart" IDENT relation [ named { "," named } ] "to" STRING
    ///        | "report" STRING [ expr ] | "heading" expr | "text" expr
    ///        | "table" relation [ expr ] | "figure" STRING [ expr ]
    ///        | "snapshot" STRING | "publish" [ expr ] ;
    /// ```
    mutating func parseOutputStatement(_ word: String) throws(ParseFailure) -> Statement {
        let start = advance()
        let kind: Statement.Kind
        switch word {
        case "export":
            let relation = try parseRelation()
            kind = .export(relation: relation, path: try parseTarget())
        case "chart":
            let chartKind = try parseName("the kind of chart: line or bar")
            let relation = try parseRelation()
            var options: [NamedExpression] = []
            if !isAtWord("to") { options = try parseNamedList() }
            kind = .chart(kind: chartKind, relation: relation, options: options, path: try parseTarget())
        case "report":
            var paths = [try parseStringLiteral("the report's file name in quotes, e.g. \"progress.html\"")]
            while isAt(.comma) {
                advance()
                paths.append(try parseStringLiteral("another file name for the same report, e.g. \"progress.md\""))
            }
            kind = .report(paths: paths, title: isAtStatementEnd ? nil : try parseExpression())
        case "heading": kind = .heading(try parseExpression())
        case "text": kind = .text(try parseExpression())
        case "table":
            let relation = try parseRelation()
            kind = .table(relation: relation, caption: isAtStatementEnd ? nil : try parseExpression())
        case "figure":
            let path = try parseStringLiteral("the figure's file name in quotes, e.g. \"kpis.svg\"")
            kind = .figure(path: path, caption: isAtStatementEnd ? nil : try parseExpression())
        case "snapshot": kind = .snapshot(name: try parseStringLiteral("the snapshot's name in quotes"))
        default: kind = .publish(threshold: isAtStatementEnd ? nil : try parseExpression())
        }
        try expectStatementEnd()
        return Statement(kind, span: Span(start.span.start, previousEnd))
    }

    /// `"to" STRING`
    mutating func parseTarget() throws(ParseFailure) -> StringLiteral {
        guard isAtWord("to") else {
            throw expected("'to' and a file name", notes: ["help: e.g. to \"kpis.csv\""])
        }
        advance()
        return try parseStringLiteral("a file name in quotes after 'to'")
    }

    /// True at an identifier spelled `word`.
    func isAtWord(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    /// `"fill" IDENT "by" expr [ "from" expr "to" expr ] [ "with" named { "," named } ]`
    mutating func parseFill() throws(ParseFailure) -> Step {
        let fillToken = advance()
        let column = try parseName("the period column to fill")
        guard isAtWord("by") else {
            throw expected("'by' and the kind of period", notes: ["help: e.g. fill period by \"year\""])
        }
        advance()
        let kind = try parseExpression()
        var first: Expression?, last: Expression?
        if isAt(.from) {
            advance()
            first = try parseExpression()
            guard isAtWord("to") else { throw expected("'to' and the last period") }
            advance()
            last = try parseExpression()
        }
        var defaults: [NamedExpression] = []
        if isAtWord("with") {
            advance()
            defaults = try parseNamedList()
        }
        return Step(
            .fill(column: column, kind: kind, first: first, last: last, defaults: defaults),
            span: Span(fillToken.span.start, previousEnd))
    }
}
