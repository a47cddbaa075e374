/// One result a script shows: the table of a query statement.
public struct QueryResult: Sendable {
    public var table: Table
    /// The statement that produced it.
    public var span: Span
    /// The checked pipeline that produced it (what each column was computed from).
    public var pipeline: CheckedPipeline
}

/// What running a script gave: results in order, and every problem found.
public struct RunOutcome: Sendable {
    public var results: [QueryResult] = []
    /// The `let` tables the script defined, in order, with the pipelines that made them.
    public var definitions: [(name: String, pipeline: CheckedPipeline)] = []
    public var diagnostics: [Diagnostic] = []
    /// An E0407 error for each `expect` that was not met: the run went on, and exits 1.
    public var failedExpectations: [Diagnostic] = []
    /// The files the script asked for, in order.
    public var outputs: [OutputRequest] = []
    /// Set by `publish`: outputs suppress counts from 1 to this.
    public var publishThreshold: Int?
    /// The script that ran, for messages about its outputs.
    public var source: Source?
    /// The as-of date it ran at.
    public var asOf: Int32?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// True when the script did not get past checking (syntax or type errors).
    public var failedBeforeRunning = false
}

/// A sequence of scripts run against one set of tables: a `sendql run`, or a whole REPL session.
///
/// Each script is parsed, then checked completely, and only runs when it has no error; a script
/// that fails to check leaves the session as it was. The prelude scripts (the as-of views, the
/// statutory clocks and the KPI pack) run first; their `let` tables are computed on first use.
public struct Session: Sendable {
    /// The tables as loaded, before the prelude's as-of views.
    public private(set) var dataTables: [String: Table]
    public private(set) var checker: Checker
    let prelude: [Source]
    private var store: TableStore
    /// Problems in the prelude itself (empty unless a prelude script has a mistake).
    public private(set) var preludeDiagnostics: [Diagnostic] = []

    public var context: SessionContext { checker.context }

    /// With `database`, pipelines run there (see `Database`); `tables` are those held in memory
    /// beside it, which a pipeline reading them runs in memory.
    public init(
        tables: [String: Table], context: SessionContext, resources: (any ResourceLoader)? = nil,
        prelude: [Source] = [],
        database: (any Database)? = nil
    ) {
        dataTables = tables
        let schemas = (database?.tables ?? [:]).merging(tables.mapValues(\.schema)) { _, memory in memory }
        checker = Checker(tables: schemas, context: context, resources: resources)
        self.prelude = prelude
        store = TableStore(tables: tables, database: database)
        for script in prelude {
            let outcome = run(script, lazily: true)
            preludeDiagnostics += outcome.diagnostics
        }
    }

    /// The names of every table in scope.
    public var tableNames: [String] { checker.tables.keys.sorted() }

    /// A table by name (computing a `let` table if it has not been read yet).
    public func table(named name: String) -> Table? {
        try? store.table(
            name, executor: Executor(context: context, store: store, source: Source(name: "<session>", text: "")))
    }

    /// Adds or replaces a table (the previous result as `_`, say).
    public mutating func setTable(_ name: String, _ table: Table) {
        store.set(name, table)
        checker.define(table: name, schema: table.schema)
    }

    /// The database pipelines run in, if any.
    public var database: (any Database)? { store.database }

    /// Starts afresh over other data tables (replacing those of the same name), keeping the date and the
    /// prelude; the `let`s of earlier scripts are dropped, since they were computed from the old data.
    /// A session in a database leaves it: the tables given are the data from now on.
    public mutating func replaceData(_ tables: [String: Table]) {
        let data = dataTables.merging(tables) { _, new in new }
        self = Session(tables: data, context: checker.context, resources: checker.resources, prelude: prelude)
    }

    /// Starts afresh as at another date: the data and prelude again, without the `let`s of earlier scripts.
    public mutating func setAsOf(_ day: Int32) {
        var context = checker.context
        context.asOf = day
        self = Session(
            tables: dataTables, context: context, resources: checker.resources, prelude: prelude, database: database)
    }

    /// Sets the check that stops a running script between steps (the REPL wires Ctrl-C to it).
    public mutating func setCancellation(_ isCancelled: (@Sendable () -> Bool)?) {
        checker.context.isCancelled = isCancelled
    }

    /// Parses, checks and runs one script.
    public mutating func run(_ source: Source) -> RunOutcome {
        run(source, lazily: false)
    }

    private mutating func run(_ source: Source, lazily: Bool) -> RunOutcome {
        var outcome = RunOutcome()
        outcome.source = source
        outcome.asOf = checker.context.asOf
        let saved = checker
        let checked = checker.check(source)
        outcome.diagnostics = checked.diagnostics
        if !lazily, checker.context.refusesUnknownParameters {
            outcome.diagnostics += checker.unknownParameters()
        }
        if outcome.hasErrors {
            checker = saved
            outcome.failedBeforeRunning = true
            return outcome
        }
        for (name, table) in checker.takeLoadedTables() { store.set(name, table) }
        let executor = Executor(context: checker.context, store: store, source: source)
        executor.run(checked.program.statements, lazily: lazily, into: &outcome)
        return outcome
    }
}

extension Checker {
    /// Makes a table known by name (the session adds data tables and results this way).
    public mutating func define(table name: String, schema: Schema) {
        tables[name] = FrameSchema(fields: schema.fields)
    }

    /// The tables `load` read while checking, handed over once.
    mutating func takeLoadedTables() -> [String: Table] {
        defer { loadedTables = [:] }
        return loadedTables
    }
}

extension Checker {
    /// E0341 for each `--param` that neither the prelude nor the script declares.
    public func unknownParameters() -> [Diagnostic] {
        let declared = declaredParameters.sorted()
        return context.parameters.keys.sorted().filter { !declaredParameters.contains($0) }.map {
            name in
            var notes =
                Suggestions.closest(to: name, among: declared).map { ["help: did you mean --param \($0)=...?"] } ?? []
            notes.append(
                declared.isEmpty
                    ? "note: no script here declares a parameter"
                    : "note: the parameters are " + declared.joined(separator: ", "))
            return Diagnostic(
                .error, code: CheckErrorCode.unknownParameter.rawValue,
                message: "--param \(name): no script declares a parameter `\(name)`", notes: notes)
        }
    }
}
