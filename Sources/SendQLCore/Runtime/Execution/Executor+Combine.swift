extension Executor {
    func join(_ plan: JoinPlan, _ left: Table, span: Span, needed: Set<Int>? = nil) throws(RuntimeFailure) -> Table {
        let right = try run(plan.right)
        let leftKeys = plan.leftKeys.map { evaluator.evaluate($0, over: left) }
        let rightKeys = plan.rightKeys.map { evaluator.evaluate($0, over: right) }
        let pairs: JoinIndices
        do {
            pairs = try HashJoin.compute(
                leftKeys: leftKeys, rightKeys: rightKeys, keepUnmatchedLeft: plan.kind == .left,
                rowLimit: context.rowLimit)
        } catch {
            throw failure(
                .joinPastRowLimit, "this join would produce \(error.rows) rows, more than the limit of \(error.limit)",
                span,
                notes: [
                    "help: check that the join keys are unique on one side, or filter first",
                    "note: the limit is set with --row-limit",
                ])
        }
        // Only the columns read later (and by the residual condition) are copied; the rest are pruned.
        let copied = needed.map { $0.union(plan.residual.map(ColumnUsage.columns) ?? []) }
        func wanted(_ index: Int) -> Bool { copied?.contains(index) ?? true }
        // Every left row once, in order (a many-to-one join that finds each row its match): the left
        // columns are kept as they are.
        let leftInOrder =
            pairs.left.count == left.rowCount
            && pairs.left.withUnsafeBufferPointer { rows in
                var ordered = true
                for i in 0..<rows.count where rows[i] != Int32(truncatingIfNeeded: i) { ordered = false; break }
                return ordered
            }
        var columns = left.columns.enumerated().map { index, column in
            guard wanted(index) && !left.isPruned(index) else { return Column.nulls(column.type, count: 0) }
            return leftInOrder ? column : column.gather(pairs.left)
        }
        var fields = left.schema.fields
        var names = Set(fields.map(\.name))
        for (index, checkedName) in zip(plan.rightColumns, plan.rightNames) {
            columns.append(
                wanted(columns.count)
                    ? right.columns[index].gather(pairs.right)
                    : Column.nulls(right.columns[index].type, count: 0))
            // The checker chose the names; a left side whose columns were only known at run time may still clash.
            var name = checkedName
            var suffix = 2
            while names.contains(name) { name = "\(checkedName)\(suffix)"; suffix += 1 }
            fields.append(Field(name, right.columns[index].type))
            names.insert(name)
        }
        var table = Table(pruned: Schema(fields), columns: columns, rowCount: pairs.left.count)
        if let residual = plan.residual {
            table = table.gather(evaluator.evaluate(residual, over: table).selection(), needed: needed)
        }
        return table
    }

    func pivot(_ table: Table, names: Int, values: Int, keys: [Int], span: Span) throws(RuntimeFailure) -> Table {
        let nameColumn = table.columns[names], valueColumn = table.columns[values]
        let rows = table.rowCount
        // Column names: the distinct name values in sorted order (so periods come out in time order).
        let order = SortPermutation.compute([SortColumn(nameColumn)], rowCount: rows)
        var labels: [String] = []
        var labelIndex: [String: Int] = [:]
        var rowLabel = [Int](repeating: -1, count: rows)
        for row in order.map(Int.init) where !nameColumn.isNull(row) {
            let label = evaluator.displayText(nameColumn[row])
            if labelIndex[label] == nil { labelIndex[label] = labels.count; labels.append(label) }
            rowLabel[row] = labelIndex[label]!
        }
        guard labels.count * max(1, rows) <= context.rowLimit, labels.count <= 10_000 else {
            throw failure(.pivotTooManyColumns, "pivot would make \(labels.count) columns", span)
        }
        let keyColumns = keys.map { table.columns[$0] }
        let encoding =
            keyColumns.isEmpty
            ? KeyEncoding(
                codes: Array(repeating: 0, count: rows), cardinality: rows > 0 ? 1 : 0, firstRows: rows > 0 ? [0] : [],
                nullRows: nil)
            : KeyEncoder.encode(keyColumns)
        var cells = [[Int32]](repeating: [Int32](repeating: -1, count: encoding.cardinality), count: labels.count)
        for row in 0..<rows where rowLabel[row] >= 0 {
            let k = Int(encoding.codes[row])
            if cells[rowLabel[row]][k] >= 0 {
                let keyText = keys.map { "\(table.schema.fields[$0].name) \(table.columns[$0][row])" }.joined(
                    separator: ", ")
                throw failure(
                    .pivotTwoValuesForOneCell, "pivot found two values for `\(labels[rowLabel[row]])` where \(keyText)",
                    span,
                    notes: ["help: aggregate first so each key has one value per column"])
            }
            cells[rowLabel[row]][k] = Int32(row)
        }
        var output: [(String, Column)] = keys.map {
            (table.schema.fields[$0].name, table.columns[$0].gather(encoding.firstRows))
        }
        let taken = Set(output.map(\.0))
        for (i, label) in labels.enumerated() {
            let name = taken.contains(label) ? "\(label)_\(table.schema.fields[values].name)" : label
            output.append((name, valueColumn.gather(cells[i])))
        }
        return Table(output.withRowCount(encoding.cardinality))
    }
}
