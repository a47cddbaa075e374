import Testing
@testable import SendQLCore

struct ParserStatementTests {
    @Test(arguments: [
        ("let threshold = 20 weeks", "(let threshold (duration 20 weeks))"),
        (
            "let decisions = from requests | where decided",
            "(let-table decisions\n  (from requests)\n  (where decided))"
        ),
        ("let late(d, due) = d > due", "(function late (d due) (> d due))"),
        ("let today() = @2024-01-01", "(function today () @2024-01-01)"),
        ("param since: date = @2019-04-01", "(param since date @2019-04-01)"),
        ("param la: string", "(param la string)"),
        ("param weeks: int = 20", "(param weeks int 20)"),
        ("include \"prelude.sendql\"", "(include \"prelude.sendql\")"),
        ("load 'plans.csv' as plans", "(load \"plans.csv\" as plans)"),
        ("expect on_time >= 0.6", "(expect (>= on_time 0.6))"),
        ("expect on_time >= 0.6 else \"below target\"", "(expect (>= on_time 0.6) \"below target\")"),
        ("from requests", "(query\n  (from requests))"),
        ("from `odd table`", "(query\n  (from `odd table`))"),
    ])
    func parsesEachStatement(text: String, dump: String) {
        let result = parse(text)
        #expect(result.codes.isEmpty)
        #expect(result.ast == dump + "\n")
    }

    @Test func statementsAreSeparatedByLineBreaksOrSemicolons() {
        let result = parse("\n\nlet a = 1; let b = 2\n\n\nfrom t;;\n")
        #expect(result.codes.isEmpty)
        #expect(result.ast == "(let a 1)\n(let b 2)\n(query\n  (from t))\n")
    }

    @Test func emptyScriptsHaveNoStatements() {
        #expect(parse("").ast == "")
        #expect(parse("# nothing here\n\n").ast == "")
        #expect(parse("").codes.isEmpty)
    }

    @Test func statementSpansAndNames() throws {
        let (script, diagnostics) = Parser.parse(testSource("param since: date = @2019-04-01\nload \"p.csv\" as plans"))
        #expect(diagnostics.isEmpty)
        #expect(script.statements.map(\.span) == [Span(0, 31), Span(32, 53)])
        guard case .parameter(let name, let type, nil, let value) = script.statements[0].kind,
            case .load(let path, let table) = script.statements[1].kind
        else {
            Issue.record("unexpected statements")
            return
        }
        #expect(name == Identifier("since", span: Span(6, 11)))
        #expect(type.name == "date")
        #expect(value.map(ASTPrinter.render) == "@2019-04-01")
        #expect(path == StringLiteral("p.csv", span: Span(37, 44)))
        #expect(table.name == "plans")
        #expect(script.source.name == "test.sendql")
    }

    @Test func parsingTwiceGivesTheSameResult() {
        // The REPL parses again and again; nothing may leak from one parse to the next.
        let text = "from t | whre x\nlet y = (1"
        let first = Parser.parse(testSource(text))
        let second = Parser.parse(testSource(text))
        #expect(first.script == second.script)
        #expect(first.diagnostics == second.diagnostics)
    }
}
