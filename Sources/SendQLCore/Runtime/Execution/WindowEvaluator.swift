/// Computes window functions over partitions in the frame's current row order.
struct WindowEvaluator {
    let evaluator: ExpressionEvaluator
    /// The partition of each row; nil when the whole frame is one partition.
    let partitions: [Int32]?
    let partitionCount: Int

    /// The rows of each partition in current order.
    private func partitionRows(_ rowCount: Int) -> [[Int32]] {
        guard let partitions else { return [(0..<Int32(rowCount)).map { $0 }] }
        var lists = [[Int32]](repeating: [], count: partitionCount)
        for row in 0..<rowCount { lists[Int(partitions[row])].append(Int32(row)) }
        return lists
    }

    func compute(_ window: BoundWindow, over table: Table) -> Column {
        let rows = table.rowCount
        let lists = partitionRows(rows)
        guard let function = window.function else { return groupAggregate(window.aggregate!, over: table) }
        let argument = window.argument.map { evaluator.evaluate($0, over: table) }
        switch function {
        case .rowNumber:
            var out = [Int64](repeating: 0, count: rows)
            for list in lists { for (i, row) in list.enumerated() { out[Int(row)] = Int64(i + 1) } }
            return Column(.int(out))
        case .rank, .denseRank:
            return ranks(argument!, lists, dense: function == .denseRank, descending: window.descending, rows: rows)
        case .lag, .lead:
            let defaults = window.defaultValue.map { evaluator.evaluate($0, over: table) }
            var source = [Int32](repeating: -1, count: rows)
            var useDefault = [Bool](repeating: false, count: rows)
            let step = function == .lag ? -window.offset : window.offset
            for list in lists {
                for (i, row) in list.enumerated() {
                    let j = i + step
                    if j >= 0 && j < list.count { source[Int(row)] = list[j] } else { useDefault[Int(row)] = true }
                }
            }
            var result = argument!.gather(source)
            if let defaults, useDefault.contains(true) {
                var builder = ColumnBuilder(type: result.type, capacity: rows)
                for row in 0..<rows { builder.append(useDefault[row] ? defaults[row] : result[row]) }
                result = builder.finish()
            }
            return result
        case .runningCount:
            var out = [Int64](repeating: 0, count: rows)
            for list in lists {
                var n: Int64 = 0
                for row in list {
                    if !argument!.isNull(Int(row)) { n += 1 }
                    out[Int(row)] = n
                }
            }
            return Column(.int(out))
        case .runningSum:
            return runningSums(argument!, lists, rows: rows)
        case .runningMin, .runningMax:
            return runningExtremes(argument!, lists, rows: rows, max: function == .runningMax)
        case .change:
            var source = [Int32](repeating: -1, count: rows)
            for list in lists { for (i, row) in list.enumerated() where i > 0 { source[Int(row)] = list[i - 1] } }
            return difference(argument!, argument!.gather(source))
        case .changeOnYear:
            let periods = window.period.map { evaluator.evaluate($0, over: table) } ?? .nulls(.string, count: rows)
            var source = [Int32](repeating: -1, count: rows)
            for list in lists {
                // Find the same period a year earlier by its label, so gaps in the series do not mislead.
                var rowOfLabel: [String: Int32] = [:]
                for row in list { if case .string(let label) = periods[Int(row)] { rowOfLabel[label] = row } }
                for row in list {
                    guard case .string(let label) = periods[Int(row)], let kind = PeriodLabel.kind(of: label),
                        let n = PeriodLabel.parse(label, kind)
                    else { continue }
                    source[Int(row)] =
                        rowOfLabel[PeriodLabel.label(ordinal: n - PeriodLabel.periodsPerYear(kind), kind)] ?? -1
                }
            }
            return difference(argument!, argument!.gather(source))
        }
    }

    /// The aggregate over each partition, given to every row of it (its first slot: a pct's value).
    private func groupAggregate(_ aggregate: BoundAggregate, over table: Table) -> Column {
        let groups = partitions ?? [Int32](repeating: 0, count: table.rowCount)
        let aggregator = Aggregator(
            evaluator: evaluator, groups: groups, groupCount: partitions == nil ? 1 : partitionCount)
        return aggregator.compute(aggregate, over: table)[0].gather(groups)
    }

    /// a - b row by row, null where either is null.
    private func difference(_ a: Column, _ b: Column) -> Column {
        evaluator.binary(.subtract, a, b, type: a.type, rows: a.count)
    }

    private func ranks(_ argument: Column, _ lists: [[Int32]], dense: Bool, descending: Bool, rows: Int) -> Column {
        let order = SortPermutation.compute([SortColumn(argument, descending: descending)], rowCount: rows)
        var position = [Int32](repeating: 0, count: rows)
        for (p, row) in order.enumerated() { position[Int(row)] = Int32(p) }
        // Equal values share one key so ties share a rank.
        let keys = KeyEncoder.encode([argument]).codes
        var out = [Int64](repeating: 0, count: rows)
        for list in lists {
            let sorted = list.sorted { position[Int($0)] < position[Int($1)] }
            var rank: Int64 = 0, denseRank: Int64 = 0
            var previous: Int32 = -1
            for (i, row) in sorted.enumerated() {
                if i == 0 || keys[Int(row)] != previous {
                    rank = Int64(i + 1)
                    denseRank += 1
                    previous = keys[Int(row)]
                }
                out[Int(row)] = dense ? denseRank : rank
            }
        }
        return Column(.int(out), validity: argument.validity)
    }

    private func runningSums(_ argument: Column, _ lists: [[Int32]], rows: Int) -> Column {
        var validity = Bitmap(count: rows, value: false)
        switch argument.storage {
        case .double(let v):
            var out = [Double](repeating: 0, count: rows)
            for list in lists {
                var total = 0.0, seen = false
                for row in list.map(Int.init) {
                    if !argument.isNull(row) { total += v[row]; seen = true }
                    out[row] = total
                    if seen { validity.set(row) }
                }
            }
            return Column(.double(out), validity: validity)
        default:
            let v = argument.int64s
            var out = [Int64](repeating: 0, count: rows)
            for list in lists {
                var total: Int64 = 0, seen = false, overflowed = false
                for row in list.map(Int.init) {
                    if !argument.isNull(row) {
                        let (r, overflow) = total.addingReportingOverflow(v[row])
                        total = r
                        overflowed = overflowed || overflow
                        seen = true
                    }
                    out[row] = total
                    if seen && !overflowed { validity.set(row) }
                }
            }
            return Column(argument.type == .duration ? .duration(out) : .int(out), validity: validity)
        }
    }

    private func runningExtremes(_ argument: Column, _ lists: [[Int32]], rows: Int, max: Bool) -> Column {
        let order = SortPermutation.compute([SortColumn(argument)], rowCount: rows)
        var rank = [Int32](repeating: 0, count: rows)
        for (p, row) in order.enumerated() { rank[Int(row)] = Int32(p) }
        var source = [Int32](repeating: -1, count: rows)
        for list in lists {
            var best: Int32 = -1
            for row in list {
                if !argument.isNull(Int(row))
                    && (best < 0 || (max ? rank[Int(row)] > rank[Int(best)] : rank[Int(row)] < rank[Int(best)]))
                {
                    best = row
                }
                source[Int(row)] = best
            }
        }
        return argument.gather(source)
    }
}
