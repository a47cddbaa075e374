extension Executor {
    /// Adds the missing periods of each series (each group inside `group`), then orders each series by period.
    func fill(_ plan: FillPlan, in frame: inout Frame) {
        let table = frame.table
        let rows = table.rowCount
        let labels = table.columns[plan.column]
        let partitions = frame.partitions ?? Array(repeating: 0, count: rows)
        let partitionCount = frame.partitions == nil ? 1 : frame.partitionCount
        // A group with no rows has no series to complete.
        if partitionCount == 0 { return }
        var ordinal = [Int?](repeating: nil, count: rows)
        var present = [Set<Int>](repeating: [], count: partitionCount)
        var low = [Int](repeating: .max, count: partitionCount), high = [Int](repeating: .min, count: partitionCount)
        var firstRow = [Int32](repeating: -1, count: partitionCount)
        for row in 0..<rows {
            let p = Int(partitions[row])
            if firstRow[p] < 0 { firstRow[p] = Int32(row) }
            guard case .string(let label) = labels[row], let n = PeriodLabel.parse(label, plan.kind) else { continue }
            ordinal[row] = n
            present[p].insert(n)
            low[p] = min(low[p], n)
            high[p] = max(high[p], n)
        }
        // With no rows at all there is no series to fill (and no group keys to copy), unless a range is given.
        if rows == 0 && plan.first == nil { return }
        var newPartition: [Int32] = [], newOrdinal: [Int] = [], source: [Int32] = []
        for p in 0..<max(partitionCount, rows == 0 ? 1 : 0) {
            let from = plan.first ?? low[p], to = plan.last ?? high[p]
            guard from <= to, to - from < 100_000 else { continue }
            for n in from...to where !present[p].contains(n) {
                newPartition.append(Int32(p))
                newOrdinal.append(n)
                source.append(rows == 0 ? -1 : firstRow[p])
            }
        }
        guard !newOrdinal.isEmpty else {
            orderByPeriod(ordinal.map { $0 ?? .max }, partitions: partitions, frame: &frame)
            return
        }
        // New rows: nulls everywhere, then the group keys, the label and the defaults.
        var added = table.gather(Array(repeating: -1, count: newOrdinal.count))
        let keySource = table.gather(source)
        for key in plan.keyColumns { added.setColumn(table.schema.fields[key].name, keySource.columns[key]) }
        added.setColumn(
            table.schema.fields[plan.column].name,
            Column(type: .string, values: newOrdinal.map { .string(PeriodLabel.label(ordinal: $0, plan.kind)) }))
        for (column, value) in plan.defaults {
            added.setColumn(
                table.schema.fields[column].name,
                Column.repeating(value, type: table.schema.fields[column].type, count: newOrdinal.count))
        }
        let columns = table.columns.enumerated().map { i, column in column.appending(added.columns[i]) }
        frame.table = Table(schema: table.schema, columns: columns, rowCount: rows + newOrdinal.count)
        let allPartitions = partitions + newPartition
        if frame.partitions != nil { frame.partitions = allPartitions }
        orderByPeriod(ordinal.map { $0 ?? .max } + newOrdinal, partitions: allPartitions, frame: &frame)
    }

    /// Sorts rows by (series, period), rows without a readable period last.
    private func orderByPeriod(_ ordinals: [Int], partitions: [Int32], frame: inout Frame) {
        let keys = [
            SortColumn(Column(.int(partitions.map(Int64.init)))),
            SortColumn(Column(.int(ordinals.map(Int64.init)))),
        ]
        keep(SortPermutation.compute(keys, rowCount: ordinals.count), in: &frame)
    }
}
