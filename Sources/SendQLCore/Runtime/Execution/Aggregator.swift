/// Computes aggregate calls per group, a column at a time.
struct Aggregator {
    let evaluator: ExpressionEvaluator
    /// The group of each input row, in `0..<groupCount`.
    let groups: [Int32]
    let groupCount: Int

    /// The slot columns of one aggregate (three for pct: value, numerator, denominator).
    func compute(_ aggregate: BoundAggregate, over table: Table) -> [Column] {
        let rows = table.rowCount
        if aggregate.function == .count, aggregate.argument == nil, aggregate.filter == nil {
            // count(): rows per group, with no per-row test.
            if groupCount == 1 { return [Column(.int([Int64(rows)]))] }
            var out = [Int64](repeating: 0, count: groupCount)
            for g in groups { out[Int(g)] += 1 }
            return [Column(.int(out))]
        }
        // The rows it looks at: the filter is true there.
        var eligible: [Bool]
        if let filter = aggregate.filter {
            let f = evaluator.evaluate(filter, over: table)
            let values = f.type == .bool ? f.bools : Array(repeating: false, count: rows)
            eligible = f.validity.map { validity in (0..<rows).map { values[$0] && validity[$0] } } ?? values
        } else {
            eligible = Array(repeating: true, count: rows)
        }
        guard let argumentExpression = aggregate.argument else {
            return [counts(eligible)]
        }
        let argument = evaluator.evaluate(argumentExpression, over: table)
        if let validity = argument.validity, aggregate.function != .first, aggregate.function != .last {
            // Nulls are skipped: a word of the validity bitmap at a time.
            eligible.withUnsafeMutableBufferPointer { out in
                validity.words.withUnsafeBufferPointer { words in
                    for row in 0..<rows where words[row >> 6] >> UInt64(row & 63) & 1 == 0 { out[row] = false }
                }
            }
        }
        switch aggregate.function {
        case .count: return [counts(eligible)]
        case .countDistinct: return [distinctCounts(argument, eligible)]
        case .sum: return [sums(argument, eligible)]
        case .avg: return [averages(argument, eligible)]
        case .min, .max: return [extremes(argument, eligible, max: aggregate.function == .max)]
        case .median: return [quantiles(argument, eligible, fraction: 0.5)]
        case .percentile: return [quantiles(argument, eligible, fraction: aggregate.fraction ?? 0.5)]
        case .stddev: return [deviations(argument, eligible)]
        case .first, .last: return [pickEnds(argument, eligible, last: aggregate.function == .last)]
        case .pct: return percentages(argument, eligible)
        case .trendSlope:
            let periods = aggregate.period.map { evaluator.evaluate($0, over: table) } ?? .nulls(.string, count: rows)
            return [slopes(argument, periods: periods, eligible)]
        }
    }

    /// Least-squares slope of the values against time in years (period ordinals over periods a year).
    private func slopes(_ argument: Column, periods: Column, _ eligible: [Bool]) -> Column {
        let v = numbers(argument)
        var n = [Double](repeating: 0, count: groupCount), sx = n, sy = n, sxx = n, sxy = n
        for row in eligible.indices where eligible[row] {
            guard case .string(let label) = periods[row], let kind = PeriodLabel.kind(of: label),
                let ordinal = PeriodLabel.parse(label, kind)
            else { continue }
            let x = Double(ordinal) / Double(PeriodLabel.periodsPerYear(kind)), y = v[row]
            let g = Int(groups[row])
            n[g] += 1; sx[g] += x; sy[g] += y; sxx[g] += x * x; sxy[g] += x * y
        }
        var validity = Bitmap(count: groupCount, value: false)
        var out = [Double](repeating: 0, count: groupCount)
        for g in 0..<groupCount {
            let denominator = n[g] * sxx[g] - sx[g] * sx[g]
            guard n[g] >= 2, denominator > 1e-12 else { continue }
            out[g] = (n[g] * sxy[g] - sx[g] * sy[g]) / denominator
            validity.set(g)
        }
        return Column(.double(out), validity: validity)
    }

    private func counts(_ eligible: [Bool]) -> Column {
        var out = [Int64](repeating: 0, count: groupCount)
        for row in eligible.indices where eligible[row] { out[Int(groups[row])] += 1 }
        return Column(.int(out))
    }

    private func distinctCounts(_ argument: Column, _ eligible: [Bool]) -> Column {
        let codes = KeyEncoder.encode([argument]).codes
        var seen = IntHashMap(capacity: 1024)
        var out = [Int64](repeating: 0, count: groupCount)
        for row in eligible.indices where eligible[row] {
            let before = seen.count
            _ = seen.id(for: Int64(groups[row]) << 32 | Int64(codes[row]))
            if seen.count > before { out[Int(groups[row])] += 1 }
        }
        return Column(.int(out))
    }

    private func sums(_ argument: Column, _ eligible: [Bool]) -> Column {
        var any = Bitmap(count: groupCount, value: false)
        switch argument.storage {
        case .double(let v):
            var out = [Double](repeating: 0, count: groupCount)
            for row in eligible.indices where eligible[row] {
                out[Int(groups[row])] += v[row]
                any.set(Int(groups[row]))
            }
            return Column(.double(out), validity: any)
        case .int(let v), .duration(let v):
            var out = [Int64](repeating: 0, count: groupCount)
            var overflowed = Bitmap(count: groupCount, value: false)
            for row in eligible.indices where eligible[row] {
                let g = Int(groups[row])
                let (r, overflow) = out[g].addingReportingOverflow(v[row])
                if overflow { overflowed.set(g) }
                out[g] = r
                any.set(g)
            }
            for g in 0..<groupCount where overflowed[g] { any.clear(g) }
            return Column(argument.type == .duration ? .duration(out) : .int(out), validity: any)
        default:
            return .nulls(argument.type, count: groupCount)
        }
    }

    private func numbers(_ argument: Column) -> [Double] {
        switch argument.storage {
        case .double(let v): return v
        case .int(let v), .duration(let v): return v.map(Double.init)
        case .date(let v): return v.map(Double.init)
        default: return Array(repeating: 0, count: argument.count)
        }
    }

    private func averages(_ argument: Column, _ eligible: [Bool]) -> Column {
        let v = numbers(argument)
        var total = [Double](repeating: 0, count: groupCount)
        var n = [Int](repeating: 0, count: groupCount)
        for row in eligible.indices where eligible[row] {
            total[Int(groups[row])] += v[row]
            n[Int(groups[row])] += 1
        }
        let validity = Bitmap(n.map { $0 > 0 })
        return Column(.double((0..<groupCount).map { n[$0] > 0 ? total[$0] / Double(n[$0]) : 0 }), validity: validity)
    }

    private func deviations(_ argument: Column, _ eligible: [Bool]) -> Column {
        let v = numbers(argument)
        var n = [Int](repeating: 0, count: groupCount)
        var mean = [Double](repeating: 0, count: groupCount)
        var m2 = [Double](repeating: 0, count: groupCount)
        // Welford's method: stable for large counts.
        for row in eligible.indices where eligible[row] {
            let g = Int(groups[row])
            n[g] += 1
            let delta = v[row] - mean[g]
            mean[g] += delta / Double(n[g])
            m2[g] += delta * (v[row] - mean[g])
        }
        let validity = Bitmap(n.map { $0 > 1 })
        return Column(
            .double((0..<groupCount).map { n[$0] > 1 ? (m2[$0] / Double(n[$0] - 1)).squareRoot() : 0 }),
            validity: validity)
    }

    /// The rows of each group, in input order (counting sort).
    private func rowsByGroup(_ eligible: [Bool]) -> (starts: [Int], rows: [Int32]) {
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for row in eligible.indices where eligible[row] { starts[Int(groups[row]) + 1] += 1 }
        for g in 0..<groupCount { starts[g + 1] += starts[g] }
        var fill = starts
        var rows = [Int32](repeating: 0, count: starts[groupCount])
        for row in eligible.indices where eligible[row] {
            let g = Int(groups[row])
            rows[fill[g]] = Int32(row)
            fill[g] += 1
        }
        return (starts, rows)
    }

    private func extremes(_ argument: Column, _ eligible: [Bool], max: Bool) -> Column {
        // Rank once so every type compares as integers (strings by text, not by code).
        let order = SortPermutation.compute([SortColumn(argument)], rowCount: argument.count)
        var rank = [Int32](repeating: 0, count: argument.count)
        for (position, row) in order.enumerated() { rank[Int(row)] = Int32(position) }
        var best = [Int32](repeating: -1, count: groupCount)
        for row in eligible.indices where eligible[row] {
            let g = Int(groups[row])
            if best[g] < 0 || (max ? rank[row] > rank[Int(best[g])] : rank[row] < rank[Int(best[g])]) {
                best[g] = Int32(row)
            }
        }
        return argument.gather(best)
    }

    private func pickEnds(_ argument: Column, _ eligible: [Bool], last: Bool) -> Column {
        var pick = [Int32](repeating: -1, count: groupCount)
        for row in eligible.indices where eligible[row] {
            let g = Int(groups[row])
            if last || pick[g] < 0 { pick[g] = Int32(row) }
        }
        return argument.gather(pick)
    }

    /// Linear interpolation between the closest ranks (DuckDB's quantile_cont); dates take the lower value.
    private func quantiles(_ argument: Column, _ eligible: [Bool], fraction: Double) -> Column {
        let (starts, rows) = rowsByGroup(eligible)
        let v = numbers(argument)
        var out = [Double](repeating: 0, count: groupCount)
        var dates = [Int32](repeating: 0, count: groupCount)
        var validity = Bitmap(count: groupCount, value: false)
        for g in 0..<groupCount where starts[g + 1] > starts[g] {
            var values = rows[starts[g]..<starts[g + 1]].map { v[Int($0)] }
            values.sort()
            let position = fraction * Double(values.count - 1)
            let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
            out[g] = values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
            dates[g] = Int32(values[lower])
            validity.set(g)
        }
        if argument.type == .date { return Column(.date(dates), validity: validity) }
        return Column(.double(out), validity: validity)
    }

    private func percentages(_ argument: Column, _ eligible: [Bool]) -> [Column] {
        let v = argument.type == .bool ? argument.bools : Array(repeating: false, count: argument.count)
        var numerator = [Int64](repeating: 0, count: groupCount)
        var denominator = [Int64](repeating: 0, count: groupCount)
        for row in eligible.indices where eligible[row] {
            let g = Int(groups[row])
            denominator[g] += 1
            if v[row] { numerator[g] += 1 }
        }
        let value = (0..<groupCount).map {
            denominator[$0] > 0 ? 100 * Double(numerator[$0]) / Double(denominator[$0]) : 0
        }
        return [
            Column(.double(value), validity: Bitmap(denominator.map { $0 > 0 })),
            Column(.int(numerator)),
            Column(.int(denominator)),
        ]
    }
}
