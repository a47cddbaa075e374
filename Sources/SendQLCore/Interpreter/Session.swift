/// One result a script shows: the table of a query statement.
public struct QueryResult: Sendable {
    public var table: Table
    /// The statement that produced it.
    public var span: Span
    /// The checked pipeline that produced it (what each column was computed from).
    public var pipeline: CheckedPipeline
}

/// An `expect` whose condition was not true.
public struct FailedExpectation: Sendable, Hashable {
    public var message: String
    public var span: Span
    public var source: Source
}

/// What running a script gave: results in order, and every problem found.
public struct RunOutcome: Sendable {
    public var results: [QueryResult] = []
    /// The `let` tables the script defined, in order, with the pipelines that made them.
    public var definitions: [(name: String, pipeline: CheckedPipeline)] = []
    public var diagnostics: [Diagnostic] = []
    public var failedExpectations: [FailedExpectation] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// True when the script did not get past checking (syntax or type errors).
    public var failedBeforeRunning = false
}

/// A sequence of scripts run against one set of tables: a `sendql run`, or a whole REPL session.
///
/// Each script is parsed, then checked completely, and only runs when it has no error; a script
/// that fails to check leaves the session as it was.
public struct Session: Sendable {
    public private(set) var tables: [String: Table]
    public private(set) var checker: Checker
    public var context: SessionContext { checker.context }

    public init(tables: [String: Table], context: SessionContext, resources: (any ResourceLoader)? = nil) {
        self.tables = tables
        self.checker = Checker(tables: tables.mapValues(\.schema), context: context, resources: resources)
    }

    /// Adds or replaces a table (a data folder loaded later, the previous result as `_`).
    public mutating func setTable(_ name: String, _ table: Table) {
        tables[name] = table
        checker.define(table: name, schema: table.schema)
    }

    /// Changes the as-of date for the scripts that follow.
    public mutating func setAsOf(_ day: Int32) {
        checker.context.asOf = day
    }

    /// Sets the check that stops a running script between steps (the REPL wires Ctrl-C to it).
    public mutating func setCancellation(_ isCancelled: (@Sendable () -> Bool)?) {
        checker.context.isCancelled = isCancelled
    }

    /// Parses, checks and runs one script.
    public mutating func run(_ source: Source) -> RunOutcome {
        var outcome = RunOutcome()
        let (script, parseDiagnostics) = Parser.parse(source)
        let saved = checker
        let (program, checkDiagnostics) = checker.check(script)
        outcome.diagnostics = parseDiagnostics + checkDiagnostics
        if outcome.hasErrors {
            checker = saved
            outcome.failedBeforeRunning = true
            return outcome
        }
        for (name, table) in checker.loadedTables { tables[name] = table }
        var executor = Executor(context: checker.context, tables: tables, source: source)
        for statement in program.statements {
            do {
                switch statement {
                case .letTable(let name, let pipeline):
                    let table = try executor.run(pipeline)
                    executor.tables[name] = table
                    tables[name] = table
                    outcome.definitions.append((name, pipeline))
                case .query(let pipeline):
                    outcome.results.append(QueryResult(table: try executor.run(pipeline), span: pipeline.span, pipeline: pipeline))
                case .expect(let condition, let message, let span):
                    let value = executor.evaluator.evaluateConstant(condition)
                    if value != .bool(true) {
                        let text = message ?? "expectation failed: " + sourceText(source, span)
                        outcome.failedExpectations.append(FailedExpectation(message: text, span: span, source: source))
                    }
                }
            } catch {
                outcome.diagnostics.append(error.diagnostic)
                break
            }
        }
        return outcome
    }

    private func sourceText(_ source: Source, _ span: Span) -> String {
        let bytes = Array(source.text.utf8)
        return String(decoding: bytes[max(0, span.start)..<min(bytes.count, span.end)], as: UTF8.self)
    }
}

extension Checker {
    /// Makes a table known by name (the session adds data tables and results this way).
    public mutating func define(table name: String, schema: Schema) {
        tables[name] = FrameSchema(fields: schema.fields)
    }
}
