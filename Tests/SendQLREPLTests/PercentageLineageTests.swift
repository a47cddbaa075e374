import SendQLCore
import Testing
@testable import SendQLREPL

struct PercentageLineageTests {
    /// The percentage columns of the last result of `script`, run in a fresh test session.
    static func percentages(_ script: String) -> Set<String> {
        var session = TestSession.make()
        let schemas = session.checker.tables.mapValues(\.names)
        let outcome = session.run(Source(name: "<test>", text: script))
        guard let last = outcome.results.last else { return ["<no result: \(outcome.diagnostics.map(\.message))>"] }
        var lineage = PercentageLineage(tables: [:], schemas: schemas)
        for definition in outcome.definitions {
            lineage.tables[definition.name] = lineage.columns(of: definition.pipeline)
            lineage.schemas[definition.name] = definition.pipeline.schema.names
        }
        return lineage.columns(of: last.pipeline)
    }

    static let onTime = "from requests | aggregate p = pct(weeks_taken <= 6)"
    static let byOutcome = "from requests | group outcome (aggregate p = pct(weeks_taken <= 6))"

    static let cases: [(script: String, expected: Set<String>)] = [
        (onTime, ["p"]),
        (onTime + " | select p, p_numerator", ["p"]),
        (onTime + " | select share = p", ["share"]),
        (onTime + " | derive q = p, r = p / 100, s = round(p, 1)", ["p", "q"]),
        (onTime + " | derive p = p / 100", []),
        (byOutcome + " | where p > 50 | sort -p | take 1", ["p"]),
        (byOutcome + " | aggregate best = max(p), mean = avg(p), spread = stddev(p), n = count()", ["best", "mean"]),
        (
            "from plans | join (from requests | group request_id (aggregate p = pct(weeks_taken <= 6))) on request_id",
            ["p"]
        ),
        ("let t = " + byOutcome + "\nfrom t | select outcome, p", ["p"]),
        ("from requests | derive x = 1.5 | select x", []),
    ]

    @Test(arguments: cases)
    func followsPctValuesThroughTheSteps(script: String, expected: Set<String>) {
        #expect(Self.percentages(script) == expected)
    }

    @Test func theREPLShowsThemWithOneDecimalAcrossEntries() {
        let run = REPLRun([
            "let t = from requests | aggregate share = pct(weeks_taken <= 6)",
            "from t | select share",
            "from _ | derive copy = share, tenth = share / 10",
        ])
        #expect(run.output.output.contains("share\n-----\n 66.7\n(1 row)\n"))
        #expect(run.output.output.hasSuffix("share  copy  tenth\n-----  ----  -----\n 66.7  66.7  6.667\n(1 row)\n"))
    }
}
