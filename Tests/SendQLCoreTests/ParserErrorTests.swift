import Testing
@testable import SendQLCore

/// Which error each mistake gets, what it says, and that recovery finds every error once.
struct ParserErrorTests {
    @Test(arguments: [
        ("from t | where days < )", ["E0201"]),
        ("from t | where (days > 5", ["E0202"]),
        ("from t | filter x", ["E0203"]),
        ("where x > 1", ["E0204"]),
        ("requests | take 5", ["E0204"]),
        ("from t | join (where x) on a", ["E0204"]),
        ("lett x = 1", ["E0205"]),
        ("x = 1", ["E0205"]),
        ("from t | where a < b < c", ["E0206"]),
        ("param p: integer", ["E0207"]),
        ("from t | where outcome = \"Y\"", ["E0208"]),
        ("from t | aggregate s = sum(where x, y)", ["E0209"]),
        ("from t | sort -x desc", ["E0210"]),
        ("from t | derive end = 1", ["E0211"]),
        ("let values = 1", ["E0211"]),
        ("from left", ["E0211"]),
        ("from t | group (take 1)", ["E0201"]),
        ("from t | group k", ["E0201"]),
        ("from t | group k (", ["E0202"]),
        ("from t | join right p on x", ["E0201"]),
        ("from t | join p", ["E0201"]),
        ("from t | from u", ["E0201"]),
        ("from t | take", ["E0201"]),
        ("from t | take ..10", ["E0201"]),
        ("from t | pivot a b", ["E0201"]),
        ("from t | select a b", ["E0201"]),
        ("from t )", ["E0201"]),
        ("let x = 5 6", ["E0201"]),
        ("include plans", ["E0201"]),
        ("load \"a.csv\" plans", ["E0201"]),
        ("expect x > 1 \"message\"", ["E0201"]),
        ("param p date", ["E0201"]),
        ("5 + 5", ["E0201"]),
        ("|", ["E0201"]),
    ])
    func codes(text: String, codes: [String]) {
        #expect(parse(text).codes == codes)
    }

    @Test(arguments: [
        ("from t | where days < )", "expected an expression, found ')'"),
        ("from t | where (days > 5", "expected ')' to close '(' at 1:16, found end of input"),
        ("from t | derive x = f(a b)", "expected ',' or ')' to close '(' at 1:22, found 'b'"),
        (
            "from t\n| derive x = case when a then 1\n| take 1",
            "expected 'when', 'else' or 'end' to close 'case' at 2:14, found '|'"
        ),
        ("from t | filter x", "unknown step 'filter'"),
        ("from t |", "expected a step after '|', found end of input"),
        ("from t | where a < b < c", "comparisons cannot be chained: found '<' after '<'"),
        ("from t | where outcome = \"Y\"", "'=' names a value; to compare values use '=='"),
        ("from left", "expected a table name after 'from', found reserved word 'left'"),
        ("from t | take 5 6", "expected '|' or end of line, found '6'"),
        ("from t | join (from u | take 1 x) on a", "expected '|' or ')', found 'x'"),
        ("let x = if a then 1\nlet y = 2", "expected 'else' for the 'if' at 1:9, found end of line"),
        ("from t | join p on a, b", "expected '|' or end of line after the join condition, found ','"),
    ])
    func messages(text: String, message: String) {
        #expect(diagnostics(text).map(\.message) == [message])
    }

    @Test(arguments: [
        ("filter", "where"), ("mutate", "derive"), ("extend", "derive"), ("summarize", "aggregate"),
        ("summarise", "aggregate"), ("order", "sort"), ("orderby", "sort"), ("limit", "take"),
        ("head", "take"), ("wher", "where"), ("dervie", "derive"), ("Select", "select"), ("groupby", "group"),
    ])
    func unknownStepSuggestsTheStep(word: String, step: String) throws {
        let diagnostic = try #require(diagnostics("from t | \(word) x").first)
        #expect(diagnostic.code == "E0203")
        #expect(diagnostic.notes == ["help: did you mean '\(step)'?"])
        #expect(diagnostic.fixIts == [FixIt(span: Span(9, 9 + word.utf8.count), replacement: step)])
    }

    @Test func unknownStepWithNoNeighbourListsTheSteps() throws {
        let diagnostic = try #require(diagnostics("from t | frobnicate x").first)
        #expect(
            diagnostic.notes == [
                "help: the steps are where, derive, select, aggregate, group, sort, take, join, distinct, append, union, pivot, fill"
            ])
    }

    @Test func errorsPointAtTheCulprit() throws {
        let unclosed = try #require(diagnostics("from t\n| where (days > 5\n| take 1").first)
        // The missing ')' belongs after the last token of line 2, not on line 3.
        #expect(unclosed.span == Span(24, 24))
        #expect(unclosed.message == "expected ')' to close '(' at 2:9, found '|'")

        let atEnd = try #require(diagnostics("from t | where").first)
        #expect(atEnd.span == Span(14, 14))
        #expect(atEnd.label == "expected an expression")

        let assign = try #require(diagnostics("from t | where a = 1").first)
        #expect(assign.span == Span(17, 18))
        #expect(assign.fixIts == [FixIt(span: Span(17, 18), replacement: "==")])
    }

    @Test func oneRunReportsEveryErrorOncePerStep() {
        let text = """
            from requests
            | where (days > 5
            | filter outcome == "Y"
            | derive d = @2019-02-30, e = )
            | take 10 20
            let x = 1 +
            from plans | select a b | sort -x desc | whre y
            """
        #expect(parse(text).codes == ["E0202", "E0203", "E0103", "E0201", "E0201", "E0201", "E0210", "E0203"])
    }

    @Test func lexerErrorsAreNotReportedAgainByTheParser() {
        #expect(parse("from t | where a && b | take 1").codes == ["E0101"])
        #expect(parse("from t | where d > @2019-02-30").codes == ["E0103"])
        #expect(parse("let s = \"abc").codes == ["E0102"])
    }

    @Test func recoveryResumesAtTheNextStepAndStatement() {
        let result = parse("from t | whre x | take 5\nlet y = )\nfrom u")
        #expect(result.codes == ["E0203", "E0201"])
        #expect(result.ast == "(query\n  (from t)\n  (take 5))\n(query\n  (from u))\n")
    }

    @Test func recoveryInsideNestedPipelinesStopsAtTheirClosingParenthesis() {
        let result = parse("from t | group k (whre x | take 1) | take 2")
        #expect(result.codes == ["E0203"])
        #expect(result.ast == "(query\n  (from t)\n  (group (keys k)\n    (take 1))\n  (take 2))\n")
    }

    @Test func trailingPipeBeforeANewPipelineKeepsTheNewPipeline() {
        let result = parse("from t | take 1 |\n\nfrom u | take 2")
        #expect(result.codes == ["E0201"])
        #expect(result.ast == "(query\n  (from t)\n  (take 1))\n(query\n  (from u)\n  (take 2))\n")
    }

    @Test func unclosedBracketDoesNotSwallowLaterStatements() {
        let result = parse("let x = f(1,\nlet y = 2\nfrom t | whre z")
        #expect(result.codes == ["E0201", "E0203"])
        #expect(result.ast.contains("(let y 2)"))
    }

    @Test func missingPipeBetweenStepsSuggestsOne() throws {
        let diagnostic = try #require(diagnostics("from t where x").first)
        #expect(diagnostic.message == "expected '|' or end of line, found 'where'")
        #expect(diagnostic.notes == ["help: put '|' before 'where' to start another step"])
        #expect(diagnostic.fixIts == [FixIt(span: Span(7, 7), replacement: "| ")])
    }

    @Test func unindentedFromEndsAnUnclosedBracket() {
        let result = parse("from t | where f(a\nfrom u | take 1")
        #expect(result.codes == ["E0202"])
        #expect(result.ast == "(query\n  (from t))\n(query\n  (from u)\n  (take 1))\n")
    }

    @Test func unclosedCallAtTheEndReportsTheBracket() {
        #expect(
            diagnostics("from t | aggregate n = count(").map(\.message) == [
                "expected ')' to close '(' at 1:29, found end of input"
            ])
    }

    @Test func diagnosticsComeInSourceOrderWithTheirSource() {
        let found = diagnostics("from t | whre x\nlet y = @2019-13-01")
        #expect(found.map(\.code) == ["E0203", "E0103"])
        #expect(found.allSatisfy { $0.source?.name == "test.sendql" && $0.severity == .error })
    }
}
