import Testing
@testable import SendQLCore

struct ParserExpressionTests {
    @Test(arguments: [
        ("not a and b", "(and (not a) b)"),
        ("not a == b", "(not (== a b))"),
        ("not not a", "(not (not a))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c and d", "(or (and a b) (and c d))"),
        ("a ?? b ?? c", "(?? a (?? b c))"),
        ("a + b ?? c", "(?? (+ a b) c)"),
        ("a ?? b == c", "(== (?? a b) c)"),
        ("x between 1 and 5 and y", "(and (between x 1 5) y)"),
        ("x between a ?? 0 and b + 1", "(between x (?? a 0) (+ b 1))"),
        ("x not between 1 and 5", "(not-between x 1 5)"),
        ("a + b * c", "(+ a (* b c))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b % c * d", "(* (% (/ a b) c) d)"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("-a * b", "(* (- a) b)"),
        ("- - a", "(- (- a))"),
        ("-6 weeks", "(- (duration 6 weeks))"),
        ("d + 20 working_days", "(+ d (duration 20 working_days))"),
        ("a < b + 1", "(< a (+ b 1))"),
        ("a != b", "(!= a b)"),
        ("a <= b or a >= c", "(or (<= a b) (>= a c))"),
        ("x in (\"Y\", \"N\")", "(in x \"Y\" \"N\")"),
        ("x not in (1)", "(not-in x 1)"),
        ("not x in (1, 2)", "(not (in x 1 2))"),
        ("x is null", "(is-null x)"),
        ("x is not null and y", "(and (is-not-null x) y)"),
    ])
    func precedenceAndAssociativity(text: String, dump: String) {
        #expect(expression(text) == dump)
    }

    @Test(arguments: [
        ("42", "42"), ("1.5", "1.5"), ("'text'", "\"text\""), ("\"a\\\"b\"", "\"a\\\"b\""),
        ("true", "true"), ("false", "false"), ("null", "null"), ("@2019-03-31", "@2019-03-31"),
        ("6 weeks", "(duration 6 weeks)"), ("days", "days"), ("`odd name`", "`odd name`"),
        ("p.plan_id", "p.plan_id"), ("`my table`.`a b`", "`my table`.`a b`"),
    ])
    func primaries(text: String, dump: String) {
        #expect(expression(text) == dump)
    }

    @Test(arguments: [
        ("count()", "(call count)"),
        ("lag(meeting_date)", "(call lag meeting_date)"),
        ("percentile(days, 0.9)", "(call percentile days 0.9)"),
        ("count(where outcome == \"Y\")", "(call count (where (== outcome \"Y\")))"),
        ("sum(days, where outcome == \"Y\")", "(call sum days (where (== outcome \"Y\")))"),
        ("pct(days <= 140)", "(call pct (<= days 140))"),
        ("f(g(x), 1 + 2)", "(call f (call g x) (+ 1 2))"),
        ("f(\n  a,\n  b\n)", "(call f a b)"),
    ])
    func calls(text: String, dump: String) {
        #expect(expression(text) == dump)
    }

    @Test(arguments: [
        ("if a then 1 else 2", "(case (when a 1) (else 2))"),
        ("case when a then 1 when b then 2 end", "(case (when a 1) (when b 2))"),
        ("case when a then 1 else 0 end", "(case (when a 1) (else 0))"),
        ("case\n  when a then 1\n  else 0\nend", "(case (when a 1) (else 0))"),
        ("if a\nthen 1\nelse 2", "(case (when a 1) (else 2))"),
    ])
    func conditionals(text: String, dump: String) {
        #expect(expression(text) == dump)
    }

    @Test(arguments: [
        ("a < b < c", "E0206"), ("a == b != c", "E0206"), ("a in (1) == true", "E0206"),
        ("x is null is null", "E0206"), ("a = b", "E0208"), ("sum(where a, b)", "E0209"),
        ("f(a b)", "E0202"), ("(a", "E0202"), ("case when a then 1", "E0202"), ("if a then 1", "E0201"),
        ("x in 1", "E0201"), ("x between 1", "E0201"), ("x is 5", "E0201"), ("a +", "E0201"),
        ("end", "E0201"), ("p.end", "E0211"), ("case end", "E0201"),
    ])
    func malformedExpressions(text: String, code: String) {
        #expect(expression(text) == "error \(code)")
    }

    @Test func spansCoverTheWrittenText() throws {
        let source = testSource("sum(a + b, where c) ?? (x)")
        let parsed = try #require(Parser.parseExpression(source).expression)
        #expect(parsed.span == Span(0, 26))
        guard case .binary(.coalesce, let call, let parenthesized) = parsed.kind,
            case .call(let function, let arguments, let filter) = call.kind
        else {
            Issue.record("unexpected shape \(ASTPrinter.render(parsed))")
            return
        }
        #expect(call.span == Span(0, 19))
        #expect(function.span == Span(0, 3))
        #expect(arguments.map(\.span) == [Span(4, 9)])
        #expect(filter?.span == Span(17, 18))
        #expect(parenthesized.span == Span(23, 26))
    }

    @Test func qualifiedNameKeepsTableAsQualifier() throws {
        let parsed = try #require(Parser.parseExpression(testSource("p.plan_id")).expression)
        guard case .name(let column, let qualifier) = parsed.kind else {
            Issue.record("not a name: \(ASTPrinter.render(parsed))")
            return
        }
        #expect(column.name == "plan_id")
        #expect(qualifier?.name == "p")
        #expect(parsed.span == Span(0, 9))
    }
}
