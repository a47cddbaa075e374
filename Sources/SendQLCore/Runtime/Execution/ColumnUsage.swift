/// Which columns of each step's output the rest of a pipeline reads, so a step that copies rows
/// (`where`, `sort`, `take`, `join`) copies only those.
///
/// A column no later step reads is left *pruned*: an empty column of the right type in a table whose
/// other columns have `rowCount` rows. Pruned columns never reach a result: the last step's output
/// is always wholly needed, and every step that reads whole rows (`distinct` without columns,
/// `append`, `union`, `pivot`) needs all its input. The analysis is conservative: when unsure, a
/// column is needed.
enum ColumnUsage {
    /// For each step, the output columns later steps read (nil: all of them).
    static func neededAfter(_ steps: [PlanStep], finally needed: Set<Int>? = nil) -> [Set<Int>?] {
        var result = [Set<Int>?](repeating: nil, count: steps.count)
        var current = needed
        for index in steps.indices.reversed() {
            result[index] = current
            current = neededBefore(steps[index], inputWidth: inputWidth(steps, index), after: current)
        }
        return result
    }

    /// The input width of step `index` (the previous step's output width), or nil when unknown.
    private static func inputWidth(_ steps: [PlanStep], _ index: Int) -> Int? {
        index > 0 && !steps[index - 1].schema.isOpen ? steps[index - 1].schema.fields.count : nil
    }

    /// The input columns a step reads, given the output columns needed after it.
    static func neededBefore(_ step: PlanStep, inputWidth: Int?, after: Set<Int>?) -> Set<Int>? {
        switch step.kind {
        case .filter(let condition):
            guard let after else { return nil }
            return after.union(columns(condition))
        case .sort(let keys):
            guard let after else { return nil }
            return keys.reduce(after) { $0.union(columns($1.expression)) }
        case .take:
            return after
        case .derive(let items):
            guard let after, let inputWidth else { return nil }
            return after.filter { $0 < inputWidth }.union(derived(items, inputWidth: inputWidth))
        case .select(let items):
            return items.reduce(into: Set<Int>()) { $0.formUnion(columns($1.expression)) }
        case .aggregate(let plan):
            return plan.aggregates.reduce(into: Set(plan.keyColumns)) { $0.formUnion(columns($1)) }
        case .join(let plan):
            guard let after, let inputWidth else { return nil }
            var used = after.filter { $0 < inputWidth }
            plan.leftKeys.forEach { used.formUnion(columns($0)) }
            if let residual = plan.residual { used.formUnion(columns(residual).filter { $0 < inputWidth }) }
            return used
        case .group(let keys, let keyColumns, let body):
            guard let inputWidth else { return nil }
            let bodyNeeds = neededAfter(body, finally: after)
            var inside = body.isEmpty ? after : neededBefore(body[0], inputWidth: nil, after: bodyNeeds[0])
            // The body's first step sees the frame after the keys are derived: its width is unknown
            // here, so a derive or join first in a body keeps everything.
            guard inside != nil else { return nil }
            inside!.formUnion(keyColumns)
            return inside!.filter { $0 < inputWidth }.union(derived(keys, inputWidth: inputWidth))
        case .distinct(let items):
            guard let items else { return nil }
            return items.reduce(into: Set<Int>()) { $0.formUnion(columns($1.expression)) }
        case .append, .pivot, .fill:
            // Whole rows: appended rows, or new rows that copy keys and defaults.
            return nil
        }
    }

    /// The input columns (below `inputWidth`) a derive's expressions and window calls read.
    private static func derived(_ items: [DeriveItem], inputWidth: Int) -> Set<Int> {
        var used = Set<Int>()
        for item in items {
            used.formUnion(columns(item.expression))
            for window in item.windows {
                window.argument.map { used.formUnion(columns($0)) }
                window.defaultValue.map { used.formUnion(columns($0)) }
                window.period.map { used.formUnion(columns($0)) }
                window.aggregate.map { used.formUnion(columns($0)) }
            }
        }
        return used.filter { $0 < inputWidth }
    }

    /// The column positions an aggregate call reads: its argument, filter and periods.
    private static func columns(_ aggregate: BoundAggregate) -> Set<Int> {
        [aggregate.argument, aggregate.filter, aggregate.period].reduce(into: Set<Int>()) { used, expression in
            expression.map { used.formUnion(columns($0)) }
        }
    }

    /// The column positions an expression reads.
    static func columns(_ expression: BoundExpression) -> Set<Int> {
        var found = Set<Int>()
        func visit(_ e: BoundExpression) {
            switch e.node {
            case .column(let index): found.insert(index)
            case .literal: break
            case .unary(_, let a), .isNull(let a, _), .toDouble(let a): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .scalar(_, let args): args.forEach(visit)
            case .inList(let a, let list, _): visit(a); list.forEach(visit)
            case .between(let a, let l, let h, _): visit(a); visit(l); visit(h)
            case .conditional(let branches, let otherwise):
                branches.forEach {
                    visit($0.condition); visit($0.value)
                }
                otherwise.map(visit)
            }
        }
        visit(expression)
        return found
    }
}

extension Table {
    /// True when column `index` was left out by column pruning (see `ColumnUsage`).
    func isPruned(_ index: Int) -> Bool { columns[index].count != rowCount }

    /// The rows at `indices`, copying only the `needed` columns (nil: all); the others are pruned.
    func gather(_ indices: [Int32], needed: Set<Int>?) -> Table {
        let columns = columns.enumerated().map { index, column in
            needed.map { $0.contains(index) } ?? true ? column.gather(indices) : Column.nulls(column.type, count: 0)
        }
        return Table(pruned: schema, columns: columns, rowCount: indices.count)
    }
}
