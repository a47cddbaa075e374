import Testing
@testable import SendQLCore

/// Line breaks end statements, except where the statement plainly goes on.
struct ParserNewlineTests {
    @Test(arguments: [
        // Leading pipes.
        "from requests\n| where outcome == \"Y\"\n| take 5",
        // Trailing pipes.
        "from requests |\n  where outcome == \"Y\" |\n  take 5",
        // Blank lines and comments between the lines of a pipeline.
        "from requests\n\n# keep the decided ones\n| where outcome == \"Y\"\n\n| take 5",
        // Inside brackets.
        "from requests | where (\n  outcome ==\n  \"Y\"\n) | take 5",
        // A trailing binary operator and a leading one.
        "from requests | where outcome ==\n  \"Y\" | take 5",
        "from requests | where outcome\n  == \"Y\" | take 5",
    ])
    func oneStatementOverSeveralLines(text: String) {
        let result = parse(text)
        #expect(result.codes.isEmpty)
        #expect(result.ast == "(query\n  (from requests)\n  (where (== outcome \"Y\"))\n  (take 5))\n")
    }

    @Test func letWithTrailingPipeContinues() {
        let result = parse("let decisions = from requests |\n  where outcome in (\"Y\", \"N\")")
        #expect(result.codes.isEmpty)
        #expect(result.ast == "(let-table decisions\n  (from requests)\n  (where (in outcome \"Y\" \"N\")))\n")
    }

    @Test(arguments: [
        ("let x =\n  5", "(let x 5)\n"),
        ("let x = a and\n  b", "(let x (and a b))\n"),
        ("let x = a\n  and b", "(let x (and a b))\n"),
        ("let x = if a\n  then 1\n  else 2", "(let x (case (when a 1) (else 2)))\n"),
        ("let x = case\nwhen a then 1\nend", "(let x (case (when a 1)))\n"),
        ("from t | select a,\n  b", "(query\n  (from t)\n  (select a b))\n"),
        ("from t | select a\n  , b", "(query\n  (from t)\n  (select a b))\n"),
        ("from t | join p\n  on x", "(query\n  (from t)\n  (join inner p (on x)))\n"),
        ("from t | group k\n  (take 1)", "(query\n  (from t)\n  (group (keys k)\n    (take 1)))\n"),
        ("from t | pivot a\n  values b", "(query\n  (from t)\n  (pivot a (values b)))\n"),
        ("load \"a.csv\"\n  as a", "(load \"a.csv\" as a)\n"),
    ])
    func continuationTokens(text: String, dump: String) {
        let result = parse(text)
        #expect(result.codes.isEmpty)
        #expect(result.ast == dump)
    }

    @Test func lineBreaksOtherwiseEndStatements() {
        let result = parse("from a\nfrom b | take 1\nlet x = 1\nlet y = x")
        #expect(result.codes.isEmpty)
        #expect(result.ast == "(query\n  (from a))\n(query\n  (from b)\n  (take 1))\n(let x 1)\n(let y x)\n")
    }

    @Test func distinctWithoutKeysEndsAtTheLineBreak() {
        let result = parse("from a | distinct\nlet x = 1")
        #expect(result.codes.isEmpty)
        #expect(result.ast == "(query\n  (from a)\n  (distinct))\n(let x 1)\n")
    }

    @Test func stepWithoutPipeOnNextLineIsAnError() {
        let found = diagnostics("from a\nwhere x")
        #expect(found.map(\.code) == ["E0204"])
        #expect(found.first?.notes == ["help: to continue the pipeline above, start this line with '|'"])
        #expect(found.first?.fixIts == [FixIt(span: Span(7, 7), replacement: "| ")])
    }
}
