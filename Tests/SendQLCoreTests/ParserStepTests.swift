import Testing
@testable import SendQLCore

/// Every step form, parsed after `from t |` and compared through the AST dump.
struct ParserStepTests {
    @Test(arguments: [
        ("where outcome == \"Y\"", "(where (== outcome \"Y\"))"),
        ("derive weeks = days / 7, late = days > 140", "(derive (= weeks (/ days 7)) (= late (> days 140)))"),
        ("derive days + 1", "(derive (+ days 1))"),
        ("select person_id, d = outcome_date", "(select person_id (= d outcome_date))"),
        (
            "aggregate n = count(), on_time = pct(days <= 140)",
            "(aggregate (= n (call count)) (= on_time (call pct (<= days 140))))"
        ),
        ("sort -days, name desc, k asc, j", "(sort (desc days) (desc name) (asc k) (asc j))"),
        ("sort -(a + b)", "(sort (desc (+ a b)))"),
        ("take 10", "(take 10)"),
        ("take 5..10", "(take 5 .. 10)"),
        ("take n + 1 .. n + 10", "(take (+ n 1) .. (+ n 10))"),
        ("join plans on person_id", "(join inner plans (on person_id))"),
        ("join inner plans on plans.id == id", "(join inner plans (on (== plans.id id)))"),
        (
            "join left plans as p on p.plan_id == plan_id and x > 1",
            "(join left plans (as p) (on (== p.plan_id plan_id) (> x 1)))"
        ),
        ("join left plans as p on a == b and c == d and e", "(join left plans (as p) (on (== a b) (== c d) e))"),
        ("distinct", "(distinct)"),
        ("distinct person_id, year = year(d)", "(distinct person_id (= year (call year d)))"),
        ("append others", "(append others)"),
        ("union others", "(union others)"),
        ("pivot region values n", "(pivot region (values n))"),
        ("pivot `la name` values pct * 100", "(pivot `la name` (values (* pct 100)))"),
    ])
    func parsesEachStep(step: String, dump: String) {
        let result = parse("from t | \(step)")
        #expect(result.codes.isEmpty)
        #expect(result.ast == "(query\n  (from t)\n  \(dump))\n")
    }

    @Test func groupKeysEndWhereTheBodyStarts() {
        let callKey = parse("from t | group quarter(outcome_date) (aggregate n = count())")
        #expect(callKey.codes.isEmpty)
        #expect(
            callKey.ast == """
                (query
                  (from t)
                  (group (keys (call quarter outcome_date))
                    (aggregate (= n (call count)))))

                """)

        let nameKey = parse("from t | group person_id (sort meeting_date | derive prev = lag(meeting_date))")
        #expect(nameKey.codes.isEmpty)
        #expect(
            nameKey.ast == """
                (query
                  (from t)
                  (group (keys person_id)
                    (sort (asc meeting_date))
                    (derive (= prev (call lag meeting_date)))))

                """)

        let severalKeys = parse("from t | group la, y = year(d) (where n > 0 | take 1)")
        #expect(severalKeys.codes.isEmpty)
        #expect(severalKeys.ast.contains("(group (keys la (= y (call year d)))\n    (where (> n 0))\n    (take 1))"))
    }

    @Test func groupKeyMayCallWithAFilterOutsideTheKeys() {
        // Inside a call's own brackets the group-key lookahead is off again.
        let result = parse("from t | group f(g(where x)) (take 1)")
        #expect(result.codes.isEmpty)
        #expect(result.ast.contains("(keys (call f (call g (where x))))"))
    }

    @Test func nestedGroupAndPipelineRelations() {
        let result = parse(
            """
            from requests
            | join left (
                from plans
                | where issued
              ) as p on p.person_id == person_id
            | group la (group year (aggregate n = count()) | sort -n)
            """)
        #expect(result.codes.isEmpty)
        #expect(
            result.ast == """
                (query
                  (from requests)
                  (join left
                    (pipeline
                      (from plans)
                      (where issued)) (as p) (on (== p.person_id person_id)))
                  (group (keys la)
                    (group (keys year)
                      (aggregate (= n (call count))))
                    (sort (desc n))))

                """)
    }

    @Test func joinConditionIsSplitAtTopLevelAnd() throws {
        let (script, diagnostics) = Parser.parse(testSource("from a | join left b as p on x == y and (u or v) and w"))
        #expect(diagnostics.isEmpty)
        let statement = try #require(script.statements.first)
        guard case .query(let pipeline) = statement.kind,
            case .join(let kind, let table, let alias, let on) = pipeline.steps[1].kind
        else {
            Issue.record("expected a join")
            return
        }
        #expect(kind == .left)
        #expect(table == .name(Identifier("b", span: Span(19, 20))))
        #expect(alias?.name == "p")
        #expect(on.map(ASTPrinter.render) == ["(== x y)", "(or u v)", "w"])
    }

    @Test func takeRangesKeepStartAndEnd() throws {
        let (script, _) = Parser.parse(testSource("from a | take 5..10 | take 3"))
        guard case .query(let pipeline) = try #require(script.statements.first).kind else {
            Issue.record("expected a query")
            return
        }
        guard case .take(let start, let end) = pipeline.steps[1].kind,
            case .take(let noStart, let limit) = pipeline.steps[2].kind
        else {
            Issue.record("expected two takes")
            return
        }
        #expect(start.map(ASTPrinter.render) == "5")
        #expect(ASTPrinter.render(end) == "10")
        #expect(noStart == nil)
        #expect(ASTPrinter.render(limit) == "3")
    }

    @Test func stepSpansRunFromKeywordToLastToken() throws {
        let text = "from requests | where days > 5 | sort -days"
        let (script, _) = Parser.parse(testSource(text))
        let statement = try #require(script.statements.first)
        guard case .query(let pipeline) = statement.kind else {
            Issue.record("expected a query")
            return
        }
        #expect(pipeline.steps.map(\.span) == [Span(0, 13), Span(16, 30), Span(33, 43)])
        #expect(pipeline.span == Span(0, 43))
        #expect(statement.span == Span(0, 43))
    }
}
