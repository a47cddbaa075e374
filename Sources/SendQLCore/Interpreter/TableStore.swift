/// The tables a session can read: loaded ones, and `let` tables not computed until first read.
///
/// A `let` table is only computed when a pipeline reads it, so a prelude can define many tables and
/// a run pays only for those it uses. Redefining a name first computes every pending table that
/// reads the old definition, so each `let` keeps meaning what it meant when it was written.
final class TableStore: @unchecked Sendable {
    // A session is used from one thread at a time; the store is its cache.
    private(set) var tables: [String: Table]
    /// Definitions not yet computed, with the script each came from (for its error messages).
    private var pending: [String: (pipeline: CheckedPipeline, source: Source)] = [:]

    init(tables: [String: Table]) { self.tables = tables }

    func copy() -> TableStore {
        let store = TableStore(tables: tables)
        store.pending = pending
        return store
    }

    var names: [String] { Array(Set(tables.keys).union(pending.keys)) }

    /// Records a definition to compute on first use.
    func define(_ name: String, _ pipeline: CheckedPipeline, executor: Executor) throws(RuntimeFailure) {
        try settleDependents(of: name, executor: executor)
        tables[name] = nil
        pending[name] = (pipeline, executor.source)
    }

    /// Stores a computed table under a name.
    func set(_ name: String, _ table: Table, executor: Executor) throws(RuntimeFailure) {
        try settleDependents(of: name, executor: executor)
        pending[name] = nil
        tables[name] = table
    }

    /// The table called `name`, computing it now if it is pending.
    func table(_ name: String, executor: Executor) throws(RuntimeFailure) -> Table? {
        if let table = tables[name] { return table }
        guard let (pipeline, source) = pending[name] else { return nil }
        let table = try executor.reading(source).run(pipeline)
        pending[name] = nil
        tables[name] = table
        return table
    }

    /// Computes the pending tables that read `name`, directly or through other pending tables.
    private func settleDependents(of name: String, executor: Executor) throws(RuntimeFailure) {
        var changed = true
        var affected: Set<String> = [name]
        while changed {
            changed = false
            for (other, entry) in pending where !affected.contains(other) && !entry.pipeline.tablesRead.isDisjoint(with: affected) {
                affected.insert(other)
                changed = true
            }
        }
        for other in affected where other != name && pending[other] != nil {
            _ = try table(other, executor: executor)
        }
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
}
