/// The syntax tree of a script. Every node carries the span of the text it came from.

/// A whole script: statements in order.
public struct Script: Sendable, Hashable {
    public var statements: [Statement]
    public var source: Source

    public init(statements: [Statement], source: Source) {
        self.statements = statements
        self.source = source
    }
}

/// A name as written, with its span.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var span: Span

    public init(_ name: String, span: Span) {
        self.name = name
        self.span = span
    }

    public var description: String { name }
}

/// One top-level statement.
public struct Statement: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// `let name = from ... | ...`: a named table.
        case letTable(name: Identifier, pipeline: Pipeline)
        /// `let name = expr`: a named value.
        case letValue(name: Identifier, value: Expression)
        /// `let name(a, b) = expr`: a user-defined scalar function.
        case function(name: Identifier, parameters: [Identifier], body: Expression)
        /// `param name: type = default`: a script parameter the command line may set.
        /// `allowed`: the values the parameter may take (`in (...)`), nil when any value of the type will do.
        case parameter(name: Identifier, type: Identifier, allowed: [Expression]?, defaultValue: Expression?)
        /// `include "file.sendql"`.
        case include(path: StringLiteral)
        /// `load "file.csv" as name`.
        case load(path: StringLiteral, name: Identifier)
        /// `expect condition else "message"`: a scheduled check.
        case expect(condition: Expression, message: StringLiteral?)
        /// `expect no (pipeline) else "message"`: a check that fails when the pipeline has any row.
        case expectNone(relation: Relation, message: StringLiteral?)
        /// A pipeline whose result is shown.
        case query(Pipeline)
        /// `export kpis to "kpis.csv"`: a table written to a file under the output folder.
        case export(relation: Relation, path: StringLiteral)
        /// `chart line kpis x = period, y = value, target = 90 to "kpis.svg"`.
        case chart(kind: Identifier, relation: Relation, options: [NamedExpression], path: StringLiteral)
        /// `report "progress.html" "Title"`: the headings, text, tables and figures after it go into it;
        /// `report "progress.md", "progress.html" "Title"` writes the same report in both formats.
        case report(paths: [StringLiteral], title: Expression?)
        /// `heading "Area 1"`, in the open report.
        case heading(Expression)
        /// `text "..."`, a paragraph in the open report.
        case text(Expression)
        /// `table kpis "caption"`, a table in the open report.
        case table(relation: Relation, caption: Expression?)
        /// `figure "kpis.svg" "caption"`, a figure in the open report.
        case figure(path: StringLiteral, caption: Expression?)
        /// `snapshot "monthly"`: the KPI pack appended to the snapshot history.
        case snapshot(name: StringLiteral)
        /// `publish` or `publish 10`: every output suppresses small numbers (1 to the threshold).
        case publish(threshold: Expression?)
    }

    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// A string literal with its span (paths, messages).
public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var span: Span

    public init(_ value: String, span: Span) {
        self.value = value
        self.span = span
    }
}

/// `from source | step | step ...`.
public struct Pipeline: Sendable, Hashable {
    public var steps: [Step]
    public var span: Span

    public init(steps: [Step], span: Span) {
        self.steps = steps
        self.span = span
    }
}

/// An expression with an optional name: `name = expr` or just `expr`.
public struct NamedExpression: Sendable, Hashable {
    public var name: Identifier?
    public var expression: Expression

    public init(name: Identifier?, expression: Expression) {
        self.name = name
        self.expression = expression
    }

    public var span: Span { name.map { $0.span.merged(with: expression.span) } ?? expression.span }
}

/// One sort key.
public struct SortKey: Sendable, Hashable {
    public var expression: Expression
    public var descending: Bool
    public var span: Span

    public init(expression: Expression, descending: Bool, span: Span) {
        self.expression = expression
        self.descending = descending
        self.span = span
    }
}

/// Which rows a join keeps.
public enum JoinKind: String, Sendable, Hashable {
    case inner, left
}

/// One pipeline step; the span covers the keyword and its arguments.
public struct Step: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// `from name`
        case from(Identifier)
        /// `from range(1, 12)`: a table made by a built-in table function.
        case fromFunction(Identifier, arguments: [Expression])
        /// `where condition`
        case filter(Expression)
        /// `derive a = expr, b = expr`: new or replaced columns.
        case derive([NamedExpression])
        /// `select a, b = expr`: exactly these columns, in this order.
        case select([NamedExpression])
        /// `aggregate n = count(), ...` over the whole input (or the group when nested).
        case aggregate([NamedExpression])
        /// `group key, key (steps)`: the body runs once per group.
        case group(keys: [NamedExpression], body: Pipeline)
        /// `sort a, -b, c desc`: nulls always last.
        case sort([SortKey])
        /// `take 10` or `take 5..10` (1-based, inclusive).
        case take(start: Expression?, end: Expression)
        /// `join [inner|left] other [as alias] on cond and cond`; `on key` means `key == key`.
        case join(kind: JoinKind, table: Relation, alias: Identifier?, on: [Expression])
        /// `distinct` or `distinct a, b`.
        case distinct([NamedExpression])
        /// `append other`: the rows of another relation with the same columns.
        case append(Relation)
        /// `union other`: append, then distinct.
        case union(Relation)
        /// `pivot names_column values values_column`: one column per distinct name.
        case pivot(names: Expression, values: Expression)
        /// `fill period by "year" [from "2015" to "2024"] [with n = 0]`: every period in range gets a row.
        case fill(
            column: Identifier, kind: Expression, first: Expression?, last: Expression?, defaults: [NamedExpression])
    }

    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The other side of a join, append or union.
public indirect enum Relation: Sendable, Hashable {
    case name(Identifier)
    case pipeline(Pipeline)

    public var span: Span {
        switch self {
        case .name(let identifier): return identifier.span
        case .pipeline(let pipeline): return pipeline.span
        }
    }
}

/// Units of a duration literal.
public enum DurationUnit: String, Sendable, Hashable {
    case days, weeks, months, years, workingDays = "working_days"
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-", not
}

public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or
    /// `a ?? b`: a unless it is null.
    case coalesce = "??"
}

/// An expression tree node.
public struct Expression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case integer(Int64)
        case double(Double)
        case string(String)
        case bool(Bool)
        case null
        /// `@2019-03-31`, as a day number.
        case date(Int32)
        /// `6 weeks`, `12 months`, `20 working_days`.
        case duration(amount: Int64, unit: DurationUnit)
        /// A column, a `let` value or a parameter; `table.column` after a join.
        case name(Identifier, qualifier: Identifier?)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `f(a, b)`, including aggregates and window functions; `count(where cond)` puts the
        /// condition in `filter`.
        case call(Identifier, arguments: [Expression], filter: Expression?)
        /// `x in (a, b, c)`; `x not in (...)` sets negated.
        case inList(Expression, [Expression], negated: Bool)
        /// `x between a and b` (inclusive).
        case between(Expression, low: Expression, high: Expression, negated: Bool)
        /// `x is null` / `x is not null`.
        case isNull(Expression, negated: Bool)
        /// `case when c then v ... else d end` and `if c then v else d`.
        case conditional(branches: [ConditionalBranch], otherwise: Expression?)
    }

    public var kind: Kind {
        didSet { depth = Expression.depth(of: kind) }
    }
    public var span: Span
    /// The number of nodes on the longest path from this node down to a leaf (1 for a leaf). Kept
    /// with the node, so that the parser and the checker can refuse trees too deep to walk safely
    /// without walking them.
    public private(set) var depth: Int

    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
        self.depth = Expression.depth(of: kind)
    }

    /// The depth of a node of this kind, from its children's depths.
    static func depth(of kind: Kind) -> Int {
        func deepest(_ expressions: [Expression]) -> Int { expressions.reduce(0) { max($0, $1.depth) } }
        switch kind {
        case .integer, .double, .string, .bool, .null, .date, .duration, .name:
            return 1
        case .unary(_, let operand), .isNull(let operand, _):
            return 1 + operand.depth
        case .binary(_, let left, let right):
            return 1 + max(left.depth, right.depth)
        case .call(_, let arguments, let filter):
            return 1 + max(deepest(arguments), filter?.depth ?? 0)
        case .inList(let subject, let values, _):
            return 1 + max(subject.depth, deepest(values))
        case .between(let subject, let low, let high, _):
            return 1 + max(subject.depth, low.depth, high.depth)
        case .conditional(let branches, let otherwise):
            return 1 + max(deepest(branches.flatMap { [$0.condition, $0.value] }), otherwise?.depth ?? 0)
        }
    }
}

/// One `when condition then value` arm.
public struct ConditionalBranch: Sendable, Hashable {
    public var condition: Expression
    public var value: Expression

    public init(condition: Expression, value: Expression) {
        self.condition = condition
        self.value = value
    }
}
