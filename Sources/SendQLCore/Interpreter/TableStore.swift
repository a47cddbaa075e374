/// The tables a session can read: loaded ones, and `let` tables not computed until first read.
///
/// A `let` table is only computed when a pipeline reads it, so a prelude can define many tables and
/// a run pays only for those it uses. Redefining a name keeps the old definition under a hidden name,
/// and every definition that read the old one (including the new one: `let requests = from requests
/// | ...`) is pointed at it, so each `let` keeps meaning what it meant when it was written.
final class TableStore: @unchecked Sendable {
    // A session is used from one thread at a time; the store is its cache.
    private var tables: [String: Table]
    /// Definitions not yet computed, with the script each came from (for its error messages).
    private var pending: [String: (pipeline: CheckedPipeline, source: Source)] = [:]
    private var retired = 0

    init(tables: [String: Table]) { self.tables = tables }

    /// Records a definition to compute on first use.
    func define(_ name: String, _ pipeline: CheckedPipeline, source: Source) {
        let pipeline = retire(name).map { pipeline.renamingTable(name, to: $0) } ?? pipeline
        pending[name] = (pipeline, source)
    }

    /// Stores a computed table under a name.
    func set(_ name: String, _ table: Table) {
        _ = retire(name)
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

    /// Moves the current definition of `name` to a hidden name that pending definitions now read.
    private func retire(_ name: String) -> String? {
        guard tables[name] != nil || pending[name] != nil else { return nil }
        retired += 1
        let hidden = "\(name)\u{1}\(retired)"
        if let table = tables.removeValue(forKey: name) { tables[hidden] = table }
        if let entry = pending.removeValue(forKey: name) { pending[hidden] = entry }
        for (other, entry) in pending where entry.pipeline.tablesRead.contains(name) {
            pending[other] = (entry.pipeline.renamingTable(name, to: hidden), entry.source)
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
