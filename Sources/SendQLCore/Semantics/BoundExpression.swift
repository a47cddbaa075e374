/// An expression whose names are resolved to column positions and whose type is known.
public struct BoundExpression: Sendable, Hashable {
    public indirect enum Node: Sendable, Hashable {
        /// A column of the input frame, by position.
        case column(Int)
        case literal(Value)
        case unary(UnaryOperator, BoundExpression)
        case binary(BinaryOperator, BoundExpression, BoundExpression)
        case scalar(ScalarFunction, [BoundExpression])
        case inList(BoundExpression, [BoundExpression], negated: Bool)
        case between(BoundExpression, BoundExpression, BoundExpression, negated: Bool)
        case isNull(BoundExpression, negated: Bool)
        case conditional([BoundBranch], otherwise: BoundExpression?)
        /// int widened to double.
        case toDouble(BoundExpression)
    }

    public var node: Node
    public var type: ExprType
    public var span: Span

    public init(_ node: Node, type: ExprType, span: Span) {
        self.node = node
        self.type = type
        self.span = span
    }

    /// The storage type the executor produces (the untyped null is materialised as string).
    public var resultType: DataType { type.dataType ?? .string }

    /// True when the expression reads no column (a constant the checker may evaluate).
    public var isConstant: Bool {
        switch node {
        case .column: return false
        case .literal: return true
        case .unary(_, let e), .isNull(let e, _), .toDouble(let e): return e.isConstant
        case .binary(_, let a, let b): return a.isConstant && b.isConstant
        case .scalar(let f, let args): return f.isDeterministic && args.allSatisfy(\.isConstant)
        case .inList(let e, let list, _): return e.isConstant && list.allSatisfy(\.isConstant)
        case .between(let e, let a, let b, _): return e.isConstant && a.isConstant && b.isConstant
        case .conditional(let branches, let otherwise):
            return branches.allSatisfy { $0.condition.isConstant && $0.value.isConstant }
                && (otherwise?.isConstant ?? true)
        }
    }
}

/// One resolved `when ... then ...` arm.
public struct BoundBranch: Sendable, Hashable {
    public var condition: BoundExpression
    public var value: BoundExpression
}
