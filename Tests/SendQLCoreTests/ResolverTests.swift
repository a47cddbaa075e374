import Synchronization
import Testing
@testable import SendQLCore

/// The resolve stage reads what `include` and `load` name; the checker then reads nothing.
struct ResolverTests {
    /// Scripts and one table in memory, counting every read.
    final class CountingResources: ResourceLoader {
        let scripts: [String: String]
        let reads = Mutex<[String]>([])

        init(scripts: [String: String]) { self.scripts = scripts }

        func readScript(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Source {
            reads.withLock { $0.append("script " + path) }
            guard let text = scripts[path] else {
                throw Diagnostic(.error, code: "E0320", message: "no such file: \(path)")
            }
            return Source(name: path, text: text)
        }

        func loadTable(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Table {
            reads.withLock { $0.append("table " + path) }
            return Table([("n", Column(.int([1, 2, 3])))])
        }
    }

    static func script(_ text: String) -> Script { Parser.parse(Source(name: "main.sendql", text: text)).script }

    @Test func includesAndLoadsAreReadOnceBeforeChecking() {
        let resources = CountingResources(scripts: [
            "a.sendql": "include \"b.sendql\"\nload \"b.csv\" as b", "b.sendql": "let x = 1",
        ])
        let resolution = Resolver.resolve(
            Self.script("include \"a.sendql\"\nload \"t.csv\" as t"), resources: resources, readsTables: true)
        #expect(
            resources.reads.withLock { $0 } == ["script a.sendql", "script b.sendql", "table b.csv", "table t.csv"])
        #expect(resolution.includes.count == 2)
        #expect(resolution.loads.count == 2)
        #expect(resolution.diagnostics.isEmpty)

        var checker = Checker(
            tables: [:], context: SessionContext(asOf: 0, today: 0, calendar: HolidayCalendar.englandAndWales))
        let (program, diagnostics) = checker.check(
            Self.script("include \"a.sendql\"\nload \"t.csv\" as t\nfrom t"), resolution: resolution)
        #expect(diagnostics.isEmpty)
        #expect(program.statements.count == 1)
        #expect(checker.tables["b"] != nil && checker.tables["t"] != nil && checker.values["x"] != nil)
        // The checker had no loader: everything it needed came from the resolution.
        #expect(resources.reads.withLock { $0.count } == 4)
    }

    @Test func aScriptThatDoesNotParseHasItsTablesNamedButNotRead() {
        let resources = CountingResources(scripts: [:])
        let resolution = Resolver.resolve(Self.script("load \"t.csv\" as t"), resources: resources, readsTables: false)
        #expect(resources.reads.withLock { $0 }.isEmpty)
        guard case .notRead? = resolution.loads.values.first else {
            Issue.record("the load should be named but not read")
            return
        }
    }

    @Test func aCycleIsRefusedWithItsChain() {
        let resources = CountingResources(scripts: [
            "a.sendql": "include \"b.sendql\"", "b.sendql": "include \"a.sendql\"",
        ])
        let resolution = Resolver.resolve(Self.script("include \"a.sendql\""), resources: resources, readsTables: true)
        let failures = resolution.includes.values.compactMap { include -> String? in
            if case .failed(_, let message, let notes) = include { return message + " / " + notes.joined() }
            return nil
        }
        #expect(
            failures == [
                "\"a.sendql\" includes itself / note: the chain is main.sendql -> a.sendql -> b.sendql -> a.sendql"
            ])
    }
}
