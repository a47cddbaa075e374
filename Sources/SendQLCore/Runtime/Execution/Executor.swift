/// A run-time failure, pointing at the step that caused it.
public struct RuntimeFailure: Error, Sendable {
    public var diagnostic: Diagnostic
}

/// The rows flowing through a pipeline, with the group of each row while inside `group`.
struct Frame {
    var table: Table
    /// Partition codes (first-appearance order) while inside a group.
    var partitions: [Int32]?
    var partitionCount = 1
}

/// Runs checked pipelines over in-memory tables.
public struct Executor: Sendable {
    public var context: SessionContext
    /// Every table a pipeline may start from, computed on first use when defined by `let`.
    let store: TableStore
    let source: Source

    /// An executor over fixed tables.
    public init(context: SessionContext, tables: [String: Table], source: Source) {
        self.init(context: context, store: TableStore(tables: tables), source: source)
    }

    init(context: SessionContext, store: TableStore, source: Source) {
        self.context = context
        self.store = store
        self.source = source
    }

    /// The same executor, reporting failures against another script.
    func reading(_ source: Source) -> Executor { Executor(context: context, store: store, source: source) }

    /// A table by name, computing a pending `let` table first.
    func table(named name: String, span: Span) throws(RuntimeFailure) -> Table {
        guard let table = try store.table(name, executor: self, span: span) else {
            throw failure(.tableNotLoaded, "table `\(name)` is not loaded", span)
        }
        return table
    }

    var evaluator: ExpressionEvaluator { ExpressionEvaluator(context: context) }

    func failure(_ code: RuntimeErrorCode, _ message: String, _ span: Span, notes: [String] = []) -> RuntimeFailure {
        RuntimeFailure(
            diagnostic: Diagnostic(
                .error, code: code.rawValue, message: message, source: source, span: span, notes: notes))
    }

    /// Stops the run when the session asks to (Ctrl-C in the REPL). Checked between steps, so a
    /// cancelled query returns within one step's time without the operators paying for a check per row.
    func checkCancellation(_ span: Span) throws(RuntimeFailure) {
        if let isCancelled = context.isCancelled, isCancelled() {
            throw failure(.interrupted, "interrupted", span, notes: ["note: the query was stopped at this step"])
        }
    }

    /// The table a pipeline produces.
    public func run(_ pipeline: CheckedPipeline) throws(RuntimeFailure) -> Table {
        let start: Table
        if let range = pipeline.range {
            start = Table([("value", Column(.int(Array(range))))])
        } else {
            start = try table(named: pipeline.table, span: pipeline.span)
        }
        var frame = Frame(table: start)
        let needed = ColumnUsage.neededAfter(pipeline.steps)
        var index = 0
        while index < pipeline.steps.count {
            let step = pipeline.steps[index]
            try checkCancellation(step.span)
            // A run of plain appends (the prelude's `deadlines` has eight) is concatenated in one go.
            let appends = pipeline.steps[index...].prefix {
                if case .append(_, _, false) = $0.kind { return true }; return false
            }
            if appends.count > 1, frame.partitions == nil {
                try appendAll(Array(appends), to: &frame)
                index += appends.count
                continue
            }
            try apply(step, to: &frame, needed: needed[index])
            index += 1
        }
        return frame.table
    }

    /// Several `append` steps at once: each right side runs, then every column is concatenated once.
    func appendAll(_ steps: [PlanStep], to frame: inout Frame) throws(RuntimeFailure) {
        var sides: [(table: Table, columnMap: [Int])] = []
        var total = frame.table.rowCount
        for step in steps {
            guard case .append(let other, let columnMap, _) = step.kind else { continue }
            try checkCancellation(step.span)
            let right = try run(other)
            total += right.rowCount
            guard total <= context.rowLimit else {
                throw failure(
                    .appendPastRowLimit,
                    "this append would make \(total) rows, more than the limit of \(context.rowLimit)",
                    step.span, notes: ["note: the limit is set with --row-limit"])
            }
            sides.append((right, columnMap))
        }
        let columns = frame.table.columns.enumerated().map { i, column in
            Column.concatenating([column] + sides.map { $0.table.columns[$0.columnMap[i]] })
        }
        frame.table = Table(schema: frame.table.schema, columns: columns, rowCount: total)
    }

    /// Runs one step; `needed` says which of its output columns later steps read (nil: all).
    func apply(_ step: PlanStep, to frame: inout Frame, needed: Set<Int>? = nil) throws(RuntimeFailure) {
        switch step.kind {
        case .filter(let condition):
            keep(evaluator.evaluate(condition, over: frame.table).selection(), in: &frame, needed: needed)
        case .derive(let items):
            derive(items, into: &frame)
        case .select(let items):
            frame.table = select(items, from: frame.table)
        case .distinct(let items):
            if let items { frame.table = select(items, from: frame.table) }
            var keys = frame.table.columns
            if let partitions = frame.partitions { keys.append(Column(.int(partitions.map(Int64.init)))) }
            if keys.isEmpty { return }
            keep(KeyEncoder.encode(keys).firstRows, in: &frame)
        case .aggregate(let plan):
            frame = aggregate(plan, frame)
        case .sort(let keys):
            var columns = keys.map {
                SortColumn(evaluator.evaluate($0.expression, over: frame.table), descending: $0.descending)
            }
            if let partitions = frame.partitions {
                columns.insert(SortColumn(Column(.int(partitions.map(Int64.init)))), at: 0)
            }
            keep(SortPermutation.compute(columns, rowCount: frame.table.rowCount), in: &frame, needed: needed)
        case .take(let start, let count):
            take(start: start, count: count, in: &frame, needed: needed)
        case .join(let plan):
            frame.table = try join(plan, frame.table, span: step.span, needed: needed)
        case .append(let other, let columnMap, let distinct):
            let right = try run(other)
            // Appending a table to itself, again and again, doubles it each time.
            let total = frame.table.rowCount + right.rowCount
            guard total <= context.rowLimit else {
                throw failure(
                    .appendPastRowLimit,
                    "this \(distinct ? "union" : "append") would make \(total) rows, more than the limit of \(context.rowLimit)",
                    step.span, notes: ["note: the limit is set with --row-limit"])
            }
            let columns = frame.table.columns.enumerated().map { i, column in
                column.appending(right.columns[columnMap[i]])
            }
            frame.table = Table(
                schema: frame.table.schema, columns: columns, rowCount: frame.table.rowCount + right.rowCount)
            if distinct, !frame.table.columns.isEmpty {
                keep(KeyEncoder.encode(frame.table.columns).firstRows, in: &frame)
            }
        case .pivot(let names, let values, let keys):
            frame.table = try pivot(frame.table, names: names, values: values, keys: keys, span: step.span)
        case .group(let keys, let keyColumns, let body):
            try group(keys: keys, keyColumns: keyColumns, body: body, frame: &frame, needed: needed)
        case .fill(let plan):
            fill(plan, in: &frame)
        }
    }

    /// Keeps the rows at `indices`, with their partition codes.
    func keep(_ indices: [Int32], in frame: inout Frame, needed: Set<Int>? = nil) {
        frame.table = frame.table.gather(indices, needed: needed)
        if let partitions = frame.partitions { frame.partitions = indices.map { partitions[Int($0)] } }
    }

    func derive(_ items: [DeriveItem], into frame: inout Frame) {
        let windows = WindowEvaluator(
            evaluator: evaluator, partitions: frame.partitions, partitionCount: frame.partitionCount)
        for item in items {
            var scratch = frame.table
            for (i, window) in item.windows.enumerated() {
                // Window results sit after the input columns, where the checker bound them.
                scratch.setColumn("\u{1}window\(i)", windows.compute(window, over: frame.table))
            }
            frame.table.setColumn(item.name, evaluator.evaluate(item.expression, over: scratch))
        }
    }

    func select(_ items: [NamedBound], from table: Table) -> Table {
        Table(items.map { ($0.name, evaluator.evaluate($0.expression, over: table)) }.withRowCount(table.rowCount))
    }

    func aggregate(_ plan: AggregatePlan, _ frame: Frame) -> Frame {
        let table = frame.table
        // Outside a group, count() alone needs no per-row group numbers.
        let onlyCounts = plan.aggregates.allSatisfy { $0.function == .count && $0.argument == nil && $0.filter == nil }
        let groups: [Int32] = frame.partitions ?? (onlyCounts ? [] : Array(repeating: 0, count: table.rowCount))
        let groupCount = frame.partitions == nil ? 1 : frame.partitionCount
        let aggregator = Aggregator(evaluator: evaluator, groups: groups, groupCount: groupCount)
        // One representative row per group gives the key values.
        var firstRows = [Int32](repeating: -1, count: groupCount)
        if frame.partitions == nil {
            if table.rowCount > 0 { firstRows[0] = 0 }
        } else {
            for (row, g) in groups.enumerated().reversed() { firstRows[Int(g)] = Int32(row) }
        }
        var post: [(String, Column)] = plan.keyColumns.map {
            (table.schema.fields[$0].name, table.columns[$0].gather(firstRows))
        }
        for (i, aggregate) in plan.aggregates.enumerated() {
            for (j, column) in aggregator.compute(aggregate, over: table).enumerated() {
                post.append(("\u{1}agg\(i).\(j)", column))
            }
        }
        let postTable = Table(post.withRowCount(groupCount))
        var output = Array(post.prefix(plan.keyColumns.count))
        for item in plan.outputs { output.append((item.name, evaluator.evaluate(item.expression, over: postTable))) }
        return Frame(table: Table(output.withRowCount(groupCount)))
    }

    func take(start: Int, count: Int?, in frame: inout Frame, needed: Set<Int>?) {
        let rows = frame.table.rowCount
        guard let partitions = frame.partitions else {
            let end = count.map { min(rows, start + $0) } ?? rows
            keep(start < end ? (start..<end).map { Int32($0) } : [], in: &frame, needed: needed)
            return
        }
        var seen = [Int](repeating: 0, count: frame.partitionCount)
        var indices: [Int32] = []
        for row in 0..<rows {
            let p = Int(partitions[row])
            let position = seen[p]
            seen[p] += 1
            if position >= start && (count.map { position < start + $0 } ?? true) { indices.append(Int32(row)) }
        }
        keep(indices, in: &frame, needed: needed)
    }

    func group(
        keys: [DeriveItem], keyColumns: [Int], body: [PlanStep], frame: inout Frame, needed: Set<Int>?
    ) throws(RuntimeFailure) {
        derive(keys, into: &frame)
        let encoding = KeyEncoder.encode(keyColumns.map { frame.table.columns[$0] })
        frame.partitions = encoding.codes
        frame.partitionCount = encoding.cardinality
        for (step, needed) in zip(body, ColumnUsage.neededAfter(body, finally: needed)) {
            try checkCancellation(step.span)
            try apply(step, to: &frame, needed: needed)
        }
        if let partitions = frame.partitions {
            // Leave the groups contiguous, in order of first appearance.
            let order = SortPermutation.compute(
                [SortColumn(Column(.int(partitions.map(Int64.init))))], rowCount: partitions.count)
            frame.table = frame.table.gather(order)
        }
        frame.partitions = nil
        frame.partitionCount = 1
    }
}

extension Array where Element == (String, Column) {
    /// A helper so empty column lists still say how many rows they have.
    func withRowCount(_ rows: Int) -> RowCounted { RowCounted(columns: self, rowCount: rows) }
}

struct RowCounted {
    var columns: [(String, Column)]
    var rowCount: Int
}

extension Table {
    init(_ counted: RowCounted) {
        self.init(
            schema: Schema(counted.columns.map { Field($0.0, $0.1.type) }), columns: counted.columns.map(\.1),
            rowCount: counted.rowCount)
    }
}
