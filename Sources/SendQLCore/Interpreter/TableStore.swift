/// The tables a session can read: loaded ones, and `let` tables not computed until first read.
///
/// A `let` table is only computed when a pipeline reads it, so a prelude can define many tables and
/// a run pays only for those it uses. Redefining a name keeps the old definition under a hidden name,
/// and every definition that read the old one (including the new one: `let requests = from requests
/// | ...`) is pointed at it, so each `let` keeps meaning what it meant when it was written.
final class TableStore: @unchecked Sendable {
    // A session is used from one thread at a time; the store is its cache.
    private var tables: [String: Table]
    /// Definitions not yet computed, with the script each came from (for its error messages) and,
    /// with a database, the definition's index in `catalog`.
    private var pending: [String: (pipeline: CheckedPipeline, source: Source, definition: Int?)] = [:]
    /// With a database: names still meaning one of its tables, not fetched yet (name to table name).
    private var remote: [String: String] = [:]
    private var retired = 0
    /// The database pipelines run in, if any.
    let database: (any Database)?
    /// The `let`s as the SQL compiler sees them (kept only with a database).
    private(set) var catalog = SQLCatalog()
    /// Pipelines that ran in sendql because they could not be compiled (reported as notes).
    var ranInMemory: [Diagnostic] = []

    init(tables: [String: Table], database: (any Database)? = nil) {
        self.tables = tables
        self.database = database
        for name in (database?.tables ?? [:]).keys where tables[name] == nil { remote[name] = name }
    }

    /// Records a definition to compute on first use.
    func define(_ name: String, _ pipeline: CheckedPipeline, source: Source) {
        // The catalog resolves names by scope, so it keeps the pipeline as written.
        let definition = database == nil ? nil : catalog.define(name, pipeline, source: source)
        let pipeline = retire(name).map { pipeline.renamingTable(name, to: $0) } ?? pipeline
        pending[name] = (pipeline, source, definition)
    }

    /// Stores a table computed from `pipeline` under a name (a database session can compile it again).
    func set(_ name: String, _ table: Table, computedBy pipeline: CheckedPipeline, source: Source) {
        _ = retire(name)
        if database != nil { catalog.define(name, pipeline, source: source) }
        tables[name] = table
    }

    /// Stores a table held only in memory under a name.
    func set(_ name: String, _ table: Table) {
        _ = retire(name)
        if database != nil { catalog.hide(name) }
        tables[name] = table
    }

    /// The table called `name`, computing (or fetching) it now if it is pending.
    /// `span` is where the table is read, for an error fetching it.
    func table(_ name: String, executor: Executor, span: Span? = nil) throws(RuntimeFailure) -> Table? {
        if let table = tables[name] { return table }
        if let tableName = remote[name], let database {
            let table = try executor.fetch(tableName, from: database, span: span)
            remote[name] = nil
            tables[name] = table
            return table
        }
        guard let (pipeline, source, definition) = pending[name] else { return nil }
        let reader = executor.reading(source)
        let table: Table
        if let definition, let fetched = try reader.runInDatabase(definition: definition) {
            table = fetched
        } else {
            table = try reader.run(pipeline)
        }
        pending[name] = nil
        tables[name] = table
        return table
    }

    /// Moves the current definition of `name` to a hidden name that pending definitions now read.
    private func retire(_ name: String) -> String? {
        guard tables[name] != nil || pending[name] != nil || remote[name] != nil else { return nil }
        retired += 1
        let hidden = "\(name)\u{1}\(retired)"
        if let table = tables.removeValue(forKey: name) { tables[hidden] = table }
        if let entry = pending.removeValue(forKey: name) { pending[hidden] = entry }
        if let tableName = remote.removeValue(forKey: name) { remote[hidden] = tableName }
        for (other, entry) in pending where entry.pipeline.tablesRead.contains(name) {
            pending[other] = (entry.pipeline.renamingTable(name, to: hidden), entry.source, entry.definition)
        }
        return hidden
    }
}

extension CheckedPipeline {
    /// Every table name the pipeline reads, including those of joins and appends.
    var tablesRead: Set<String> {
        var names: Set<String> = range == nil ? [table] : []
        func visit(_ steps: [PlanStep]) {
            for step in steps {
                switch step.kind {
                case .join(let plan): names.formUnion(plan.right.tablesRead)
                case .append(let other, _, _): names.formUnion(other.tablesRead)
                case .group(_, _, let body): visit(body)
                default: break
                }
            }
        }
        visit(steps)
        return names
    }

    /// The same pipeline reading `new` wherever it read `old`.
    func renamingTable(_ old: String, to new: String) -> CheckedPipeline {
        var copy = self
        if range == nil && table == old { copy.table = new }
        copy.steps = steps.map { $0.renamingTable(old, to: new) }
        return copy
    }
}

extension PlanStep {
    func renamingTable(_ old: String, to new: String) -> PlanStep {
        var copy = self
        switch kind {
        case .join(var plan):
            plan.right = plan.right.renamingTable(old, to: new)
            copy.kind = .join(plan)
        case .append(let other, let columnMap, let distinct):
            copy.kind = .append(other: other.renamingTable(old, to: new), columnMap: columnMap, distinct: distinct)
        case .group(let keys, let keyColumns, let body):
            copy.kind = .group(keys: keys, keyColumns: keyColumns, body: body.map { $0.renamingTable(old, to: new) })
        default: break
        }
        return copy
    }
}
