import Testing
import SendQLTestSupport
@testable import SendQLCore

/// Scripts nested deeper than `Parser.maximumNesting` get E0212 (or E0328 when function calls
/// expand that deep), never a stack overflow; scripts just inside the limit parse, check and run.
struct NestingLimitTests {
    static let limit = Parser.maximumNesting
    static let numbers = Table([("n", Column(.int([1, 2, 3])))])

    static func run(_ script: String) -> String {
        var harness = ScriptHarness(tables: ["t": numbers])
        return harness.run(script)
    }

    /// `open` repeated, the middle, then `close` repeated.
    static func nested(_ count: Int, _ open: String, _ middle: String, _ close: String) -> String {
        String(repeating: open, count: count) + middle + String(repeating: close, count: count)
    }

    static let message = "nested too deeply: more than 256 levels of brackets, operators or pipelines"

    /// Hostile depths: each must end in one clear E0212 and nothing worse.
    @Test(arguments: [
        ("brackets", "from t | select v = " + nested(100_000, "(", "1", ")")),
        ("negations", "from t | select v = " + String(repeating: "-", count: 100_000) + "1"),
        ("nots", "from t | where " + String(repeating: "not ", count: 100_000) + "true"),
        ("calls", "from t | select v = " + nested(100_000, "abs(", "n", ")")),
        ("chained operators", "from t | select v = 1" + String(repeating: " + 1", count: 100_000)),
        ("and chain", "from t | where true" + String(repeating: " and true", count: 100_000)),
        ("coalesce chain", "from t | select v = n" + String(repeating: " ?? n", count: 100_000)),
        (
            "if",
            "from t | select v = " + String(repeating: "if true then ", count: 100_000) + "1"
                + String(repeating: " else 2", count: 100_000)
        ),
        ("case", "from t | select v = " + nested(100_000, "case when true then ", "1", " end")),
        ("in lists", "from t | where " + nested(100_000, "n in (", "1", ")")),
        ("joined pipelines", "from t | join " + nested(100_000, "(from t | join ", "t", " on n)") + " on n"),
        ("group bodies", "from t | group n " + nested(100_000, "(group n ", "(take 1)", ")")),
        ("let function", "let f(x) = " + nested(100_000, "(", "x", ")") + "\nfrom t | select v = f(n)"),
    ])
    func deepScriptsGetOneClearError(name: String, script: String) {
        let diagnostics = Parser.parse(Source(name: "test.sendql", text: script)).diagnostics
        let deep = diagnostics.filter { $0.code == "E0212" }
        #expect(deep.count == 1, "\(name): \(diagnostics.map(\.message))")
        #expect(deep.first?.message == Self.message)
        #expect(!Parser.isIncomplete(Source(name: "test.sendql", text: script)))
    }

    @Test func bracketsOneInsideTheLimitParseCheckAndRun() {
        // The select's expression is one level; each bracket adds one.
        let script = "from t | select v = " + Self.nested(Self.limit - 1, "(", "n", ")") + " | take 1"
        #expect(Self.run(script) == "v\n1\n")
        let tooDeep = "from t | select v = " + Self.nested(Self.limit, "(", "n", ")")
        #expect(diagnostics(tooDeep).map(\.code) == ["E0212"])
        #expect(diagnostics(tooDeep).first?.locationText == "test.sendql:1:277")
    }

    @Test func aChainOfOperatorsCountsOneLevelPerOperator() {
        // n + 1 + 1 ... is a tree as deep as it has operators, plus its leaf.
        let deepest = "from t | select v = n" + String(repeating: " + 1", count: Self.limit - 1) + " | take 1"
        #expect(Self.run(deepest) == "v\n256\n")
        let tooDeep = "from t | select v = n" + String(repeating: " + 1", count: Self.limit)
        let found = diagnostics(tooDeep)
        #expect(found.map(\.code) == ["E0212"])
        // It points at the operator that went one level too far.
        #expect(found.first?.locationText == "test.sendql:1:\(21 + 1 + 4 * (Self.limit - 1) + 1)")
    }

    @Test func deepPipelinesInsideTheLimitRun() {
        let script = "from t | join " + Self.nested(Self.limit - 1, "(from t | join ", "t", " on n)") + " on n | take 1"
        #expect(Self.run(script) == "n\n1\n")
    }

    @Test func theErrorIsRenderedWithItsHelp() {
        let script = "from t | select v = n" + String(repeating: " + 1", count: Self.limit)
        let rendered = DiagnosticRenderer().render(diagnostics(script))
        #expect(rendered.hasPrefix("error[E0212]: \(Self.message)\n"))
        #expect(
            rendered.contains(
                "= note: each bracket and nested pipeline is a level, and so is each operator of a chain like a + b + c"
            ))
        #expect(rendered.contains("= help: give parts a name with 'let' and use the name"))
    }

    @Test func functionsThatExpandTooDeepAreRefused() {
        // Each call nests its argument four levels deeper: d(1) would be 4^4 * 4 = 1,024 deep.
        let script = """
            let a(x) = x + 1 + 1 + 1 + 1
            let b(x) = a(a(a(a(x))))
            let c(x) = b(b(b(b(x))))
            let d(x) = c(c(c(c(x))))
            from t | derive y = d(n)
            """
        let output = Self.run(script)
        #expect(
            output.hasPrefix(
                "error[E0328]: `d` expands to an expression nested more than 256 levels deep\n --> test.sendql:5:21\n"))
    }

    @Test func functionsThatExpandTooLargeAreRefusedQuickly() {
        // Each level doubles the size but adds one level: f20(n) would be a million copies of n.
        var lines = ["let f0(x) = x + x"]
        for level in 1...20 { lines.append("let f\(level)(x) = f\(level - 1)(x) + f\(level - 1)(x)") }
        lines.append("from t | derive y = f20(n)")
        let clock = ContinuousClock()
        var output = ""
        let elapsed = clock.measure { output = Self.run(lines.joined(separator: "\n")) }
        #expect(
            output.hasPrefix(
                "error[E0328]: `f20` expands to too large an expression: the function calls of this script come to more than 1000000 parts\n"
            ))
        #expect(elapsed < .seconds(30))
    }

    @Test func aFunctionWithinTheLimitsStillExpands() {
        let script = """
            let a(x) = x + 1 + 1 + 1 + 1
            let b(x) = a(a(a(a(x))))
            from t | select y = b(n) | take 1
            """
        #expect(Self.run(script) == "y\n17\n")
    }
}
