/// The built-in functions of `aggregate`: many rows in, one value out per group.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, countDistinct = "count_distinct", sum, avg, min, max, median, percentile, stddev
    case first, last, pct, trendSlope = "trend_slope"

    public var signature: String {
        switch self {
        case .count: return "count() rows, count(x) non-null values, count(where cond)"
        case .countDistinct: return "count_distinct(x) -> int"
        case .sum: return "sum(number|duration)"
        case .avg: return "avg(number|duration) -> double"
        case .min, .max: return "\(rawValue)(x) -> same type"
        case .median: return "median(number|duration|date)"
        case .percentile: return "percentile(x, p) with p in 0..1 (linear interpolation)"
        case .stddev: return "stddev(number) -> double (sample standard deviation)"
        case .first, .last: return "\(rawValue)(x) -> the value on the first / last row of the group"
        case .pct:
            return
                "pct(cond) -> 100 × rows where cond / rows where cond is not null; also name_numerator, name_denominator"
        case .trendSlope:
            return "trend_slope(value, period) -> least-squares change of value per year over the period labels"
        }
    }
}

/// The built-in window functions of `derive`: a value per row computed over its group in the current order.
public enum WindowFunction: String, Sendable, Hashable, CaseIterable {
    case rowNumber = "row_number", rank, denseRank = "dense_rank", lag, lead
    case runningSum = "running_sum", runningCount = "running_count"
    case runningMin = "running_min", runningMax = "running_max"
    case change, changeOnYear = "change_on_year"

    public var signature: String {
        switch self {
        case .rowNumber: return "row_number() -> 1, 2, 3... within the group"
        case .rank: return "rank(x) -> rank by x ascending (rank(-x): descending), ties share a rank, gaps after ties"
        case .denseRank: return "dense_rank(x) -> rank by x ascending (dense_rank(-x): descending), no gaps"
        case .lag: return "lag(x[, n[, default]]) -> x from n rows earlier in the group"
        case .lead: return "lead(x[, n[, default]]) -> x from n rows later in the group"
        case .runningSum: return "running_sum(x) -> sum of x up to this row"
        case .runningCount: return "running_count(x) -> non-null x up to this row"
        case .runningMin, .runningMax: return "\(rawValue)(x) -> smallest / largest x up to this row"
        case .change: return "change(x) -> x minus x on the row before (the previous period of a sorted series)"
        case .changeOnYear: return "change_on_year(x, period) -> x minus x of the same period a year earlier (by label)"
        }
    }
}
