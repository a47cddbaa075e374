import SendQLCore

/// Which columns of a result hold `pct()` values, followed through the checked pipeline.
///
/// A column is a percentage when it is a `pct()` aggregate, or when a step passes one on unchanged:
/// `select p`, `derive q = p`, a group key, `min`/`max`/`avg`/`median`/`first`/`last` of one, a column
/// a join brings from the other side, or a column of a `let` table or `_` that was one. Anything
/// computed from it (`p / 100`, `round(p)`) is an ordinary number again.
struct PercentageLineage {
    /// The percentage columns of each table a pipeline may start from.
    var tables: [String: Set<String>]
    /// The columns of each table a pipeline may start from, to resolve column positions in the first step.
    var schemas: [String: [String]]

    /// The names of the output columns of `pipeline` that hold percentages.
    func columns(of pipeline: CheckedPipeline) -> Set<String> {
        var names = schemas[pipeline.table] ?? []
        var percentages = tables[pipeline.table] ?? []
        for step in pipeline.steps { apply(step, names: &names, percentages: &percentages) }
        return percentages
    }

    /// Moves the knowledge across one step: `names` are its input columns, then its output columns.
    func apply(_ step: PlanStep, names: inout [String], percentages: inout Set<String>) {
        let input = names
        func isPercentage(_ expression: BoundExpression) -> Bool {
            guard let column = Self.slot(expression), column < input.count else { return false }
            return percentages.contains(input[column])
        }
        switch step.kind {
        case .filter, .sort, .take, .append, .distinct(nil), .pivot, .fill:
            break
        case .derive(let items):
            derive(items, names: &names, percentages: &percentages)
        case .select(let items), .distinct(let items?):
            percentages = Set(items.filter { isPercentage($0.expression) }.map(\.name))
        case .aggregate(let plan):
            var result = Set(plan.keyColumns.map { names[$0] }.filter(percentages.contains))
            let keyCount = plan.keyColumns.count
            for output in plan.outputs {
                guard let slot = Self.slot(output.expression), slot >= keyCount else { continue }
                if keepsPercentage(plan, slot: slot - keyCount, input: names, percentages: percentages) {
                    result.insert(output.name)
                }
            }
            percentages = result
        case .join(let plan):
            let right = columns(of: plan.right)
            let rightNames = plan.right.schema.names
            for (index, name) in zip(plan.rightColumns, plan.rightNames) where index < rightNames.count {
                if right.contains(rightNames[index]) { percentages.insert(name) } else { percentages.remove(name) }
            }
        case .group(let keys, _, let body):
            derive(keys, names: &names, percentages: &percentages)
            for inner in body { apply(inner, names: &names, percentages: &percentages) }
        }
        names = step.schema.isOpen ? [] : step.schema.names
        percentages.formIntersection(names)
    }

    /// Derived columns, each seeing those before it: a plain copy of a percentage is one.
    func derive(_ items: [DeriveItem], names: inout [String], percentages: inout Set<String>) {
        for item in items {
            let copied =
                item.windows.isEmpty ? Self.slot(item.expression).flatMap { $0 < names.count ? names[$0] : nil } : nil
            if let copied, percentages.contains(copied) {
                percentages.insert(item.name)
            } else {
                percentages.remove(item.name)
            }
            if !names.contains(item.name) { names.append(item.name) }
        }
    }

    /// True when aggregate slot `offset` (counted after the keys) is a pct value, or an aggregate that
    /// keeps its argument's meaning (min, max, avg, median, first, last) applied to a percentage.
    func keepsPercentage(_ plan: AggregatePlan, slot offset: Int, input: [String], percentages: Set<String>) -> Bool {
        var position = 0
        for aggregate in plan.aggregates {
            if position == offset {
                if aggregate.function == .pct { return true }
                let keeping: Set<AggregateFunction> = [.min, .max, .avg, .median, .first, .last]
                guard keeping.contains(aggregate.function), let argument = aggregate.argument,
                    let column = Self.slot(argument), column < input.count
                else { return false }
                return percentages.contains(input[column])
            }
            position += aggregate.width
        }
        return false
    }

    /// The column position an expression merely reads, if that is all it does.
    static func slot(_ expression: BoundExpression) -> Int? {
        switch expression.node {
        case .column(let index): return index
        case .toDouble(let inner): return slot(inner)
        default: return nil
        }
    }
}
