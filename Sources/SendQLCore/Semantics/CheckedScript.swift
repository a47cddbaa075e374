/// A script parsed and checked: what `Checker.check(_:)` gives, the one way from source text to a
/// program. `run`, `dump plan`, completion, the bench and the fuzz harness all come through it.
public struct CheckedScript: Sendable {
    public var script: Script
    /// Runnable only when `hasErrors` is false.
    public var program: Program
    /// Every problem the parser and the checker found, in source order (those of included files after).
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Checker {
    /// Parses and checks `source` against the scope, which then holds the script's `let`s, even when
    /// it has errors (restore a copy of the checker to undo that). A script that does not parse has
    /// its `load`s named but not read: it will not run, so they are not worth reading.
    public mutating func check(_ source: Source) -> CheckedScript {
        let (script, parseDiagnostics) = Parser.parse(source)
        let parsed = !parseDiagnostics.contains { $0.severity == .error }
        let resolution = Resolver.resolve(script, resources: resources, readsTables: parsed)
        let (program, checkDiagnostics) = check(script, resolution: resolution)
        let ordered = (parseDiagnostics + resolution.diagnostics + checkDiagnostics).enumerated().sorted { a, b in
            let x = a.element, y = b.element
            let xMain = x.source?.name == source.name, yMain = y.source?.name == source.name
            if xMain != yMain { return xMain }
            if xMain, let xs = x.span?.start, let ys = y.span?.start, xs != ys { return xs < ys }
            return a.offset < b.offset
        }.map(\.element)
        return CheckedScript(script: script, program: program, diagnostics: ordered)
    }
}
