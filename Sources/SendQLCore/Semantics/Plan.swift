/// The checked form of a script: every name resolved, every type known, the schema after every step.

/// A name bound to a typed expression.
public struct NamedBound: Sendable, Hashable {
    public var name: String
    public var expression: BoundExpression
}

/// An aggregate call inside `aggregate`.
public struct BoundAggregate: Sendable, Hashable {
    public var function: AggregateFunction
    /// nil for `count()`.
    public var argument: BoundExpression?
    /// The fraction of `percentile(x, p)`.
    public var fraction: Double?
    /// The rows it looks at: `count(where cond)`, `sum(x, where cond)`.
    public var filter: BoundExpression?
    /// The period labels of `trend_slope(value, period)`.
    public var period: BoundExpression? = nil
    public var type: ExprType
    public var span: Span

    /// How many columns it fills after aggregation (pct: value, numerator, denominator).
    public var width: Int { function == .pct ? 3 : 1 }
}

/// A window call inside `derive`.
public struct BoundWindow: Sendable, Hashable {
    /// The window function; nil for a group-wise aggregate.
    public var function: WindowFunction?
    public var argument: BoundExpression?
    /// lag/lead distance.
    public var offset: Int
    /// lag/lead value past the group's edge.
    public var defaultValue: BoundExpression?
    /// The period labels of `change_on_year(x, period)`.
    public var period: BoundExpression? = nil
    /// `rank(-x)`, `dense_rank(-x)`: rank by x from the largest, as `sort -x` orders.
    public var descending = false
    public var type: ExprType
    public var span: Span
    /// `derive n = count()`: the aggregate over each row's group (the whole table outside `group`),
    /// given to every row of the group.
    public var aggregate: BoundAggregate? = nil
}

/// One `name = expr` of a derive; `expression` reads the input columns and then the window results.
public struct DeriveItem: Sendable, Hashable {
    public var name: String
    public var windows: [BoundWindow]
    public var expression: BoundExpression
}

/// How `aggregate` turns rows into one row per group.
public struct AggregatePlan: Sendable, Hashable {
    /// The group key columns of the input, kept first in the output.
    public var keyColumns: [Int]
    public var aggregates: [BoundAggregate]
    /// Output columns after the keys, over the frame `[keys..., aggregate slots...]`.
    public var outputs: [NamedBound]
}

/// How a join pairs rows and which columns it keeps.
public struct JoinPlan: Sendable, Hashable {
    public var kind: JoinKind
    public var right: CheckedPipeline
    public var leftKeys: [BoundExpression]
    public var rightKeys: [BoundExpression]
    /// Conditions that are not key equalities (inner joins only), over the joined frame.
    public var residual: BoundExpression?
    /// The right columns kept, in order, and their names in the output (clashes renamed).
    public var rightColumns: [Int]
    public var rightNames: [String]
}

/// One checked pipeline step with the schema it produces.
public struct PlanStep: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case filter(BoundExpression)
        case derive([DeriveItem])
        case select([NamedBound])
        case aggregate(AggregatePlan)
        case sort([BoundSortKey])
        /// Zero-based first row and how many (nil: to the end).
        case take(start: Int, count: Int?)
        case join(JoinPlan)
        /// nil: whole rows.
        case distinct([NamedBound]?)
        /// For each output column, the position of the same-named column in `other`.
        case append(other: CheckedPipeline, columnMap: [Int], distinct: Bool)
        case pivot(names: Int, values: Int, keys: [Int])
        /// Adds a row for each missing period between the first and last (per group inside `group`).
        case fill(FillPlan)
        /// Keys are derived into the frame first (`keyColumns` are their positions after that).
        case group(keys: [DeriveItem], keyColumns: [Int], body: [PlanStep])
    }

    public var kind: Kind
    public var span: Span
    public var schema: FrameSchema
}

/// How `fill` completes a series of periods.
public struct FillPlan: Sendable, Hashable {
    /// The column of period labels.
    public var column: Int
    public var kind: PeriodKind
    /// Ordinals of the first and last periods wanted; nil takes the series' own first and last.
    public var first: Int?
    public var last: Int?
    /// Values for the new rows' other columns (null for the rest).
    public var defaults: [Int: Value]
    /// The group keys copied into new rows.
    public var keyColumns: [Int]
}

/// A resolved sort key.
public struct BoundSortKey: Sendable, Hashable {
    public var expression: BoundExpression
    public var descending: Bool
}

/// A checked pipeline: where it reads from, its steps, and what it produces.
public struct CheckedPipeline: Sendable, Hashable {
    /// The table it starts from (a data table, a `let` table or a loaded file).
    public var table: String
    /// Set when it starts from `range(first, last)`: one int column `value`, first to last.
    public var range: ClosedRange<Int64>? = nil
    public var steps: [PlanStep]
    public var schema: FrameSchema
    public var span: Span
}

/// The columns of a frame as the checker knows them, with the table each came from.
public struct FrameSchema: Sendable, Hashable {
    public var fields: [Field]
    /// The table or alias each column can be qualified by (`p.plan_id`).
    public var qualifiers: [String?]
    /// Each column's name in its table, before a join renamed a clash (`plan_id_p` was `plan_id`).
    public var originalNames: [String]
    /// True after `pivot`, or after a step that failed: the column names are not known until run time.
    public var isOpen: Bool
    /// Columns whose definition had an error: using them adds no second error.
    public var poisoned: Set<String> = []

    public init(fields: [Field], qualifiers: [String?]? = nil, isOpen: Bool = false) {
        self.fields = fields
        self.qualifiers = qualifiers ?? Array(repeating: nil, count: fields.count)
        self.originalNames = fields.map(\.name)
        self.isOpen = isOpen
    }

    public var schema: Schema { Schema(fields) }
    public var names: [String] { fields.map(\.name) }

    /// Adds a column or replaces the same-named one in place; returns its position.
    @discardableResult
    public mutating func set(_ name: String, _ type: DataType, qualifier: String? = nil) -> Int {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].type = type
            return index
        }
        fields.append(Field(name, type))
        qualifiers.append(qualifier)
        originalNames.append(name)
        return fields.count - 1
    }

    /// A frame of fresh columns with no qualifiers.
    public static func plain(_ fields: [Field]) -> FrameSchema { FrameSchema(fields: fields) }
}

/// A checked statement, ready to run.
public enum CheckedStatement: Sendable, Hashable {
    case letTable(name: String, pipeline: CheckedPipeline)
    case query(CheckedPipeline)
    case expect(condition: BoundExpression, message: String?, span: Span)
    case expectNone(CheckedPipeline, message: String?, span: Span)
    case export(CheckedPipeline, path: String, span: Span)
    case chart(ChartPlan, span: Span)
    case report(paths: [String], title: String?, span: Span)
    case heading(String)
    case text(String)
    case table(CheckedPipeline, caption: String?)
    case figure(path: String, caption: String?)
    case snapshot(name: String, span: Span)
    case publish(threshold: Int)
}

/// The kinds of chart.
public enum ChartKind: String, Sendable, Hashable, CaseIterable {
    case line, bar
}

/// A checked `chart` statement: which columns make the axes and series, and how to draw it.
public struct ChartPlan: Sendable, Hashable {
    public var kind: ChartKind
    public var pipeline: CheckedPipeline
    /// The column of period labels along the x axis, in table order.
    public var x: String
    /// The numeric column drawn.
    public var y: String
    /// The column whose values split the rows into lines or bar groups.
    public var series: String?
    /// Series values drawn as benchmarks (England, the region) rather than the area's own.
    public var benchmarks: [String]
    public var target: Double?
    /// A column holding each series' own target (`target = target` after a join with the targets),
    /// so measures with different targets share a chart without one line misrepresenting them.
    public var targetColumn: String?
    /// Colour points red, amber or green against the target.
    public var rag: Bool
    /// True for counts such as overdue cases, where lower is better.
    public var lowerIsBetter: Bool
    public var title: String?
    public var xTitle: String?
    public var yTitle: String?
    public var path: String
}

/// A checked script.
public struct Program: Sendable, Hashable {
    public var statements: [CheckedStatement]
    public var source: Source
}
