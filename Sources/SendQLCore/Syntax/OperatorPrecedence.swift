/// How tightly an operator binds, weakest first. The one precedence table (Lua's `priority[]`):
/// every binary and postfix-comparison operator is looked up in `OperatorPrecedence.infix`.
enum Precedence: Int, Comparable {
    case or = 1
    case and
    /// Prefix `not`: `not a and b` is `(not a) and b`, `not a == b` is `not (a == b)`.
    case not
    /// `== != < <= > >=`, `[not] in (...)`, `[not] between a and b`, `is [not] null`; non-associative.
    case comparison
    /// `??`, right-associative; also the level of `between`'s bounds.
    case coalesce
    case additive
    case multiplicative
    /// Prefix `-`.
    case unary

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The next tighter level (the right operand's minimum for a left-associative operator).
    var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .unary }
}

enum Associativity {
    case left, right
    /// `a < b < c` is an error rather than a surprise.
    case none
}

/// What an infix operator builds.
enum InfixForm: Equatable {
    case binary(BinaryOperator)
    /// `x in (a, b)`; the list follows.
    case inList
    /// `x between low and high`.
    case between
    /// `x is null`, `x is not null`.
    case isNull
}

/// One row of the precedence table.
struct InfixOperator {
    var form: InfixForm
    var precedence: Precedence
    var associativity: Associativity
}

enum OperatorPrecedence {
    /// Every infix operator, by the token that introduces it.
    static let infix: [TokenKind: InfixOperator] = [
        .keyword(.or): InfixOperator(form: .binary(.or), precedence: .or, associativity: .left),
        .keyword(.and): InfixOperator(form: .binary(.and), precedence: .and, associativity: .left),
        .equal: InfixOperator(form: .binary(.equal), precedence: .comparison, associativity: .none),
        .notEqual: InfixOperator(form: .binary(.notEqual), precedence: .comparison, associativity: .none),
        .less: InfixOperator(form: .binary(.less), precedence: .comparison, associativity: .none),
        .lessOrEqual: InfixOperator(form: .binary(.lessOrEqual), precedence: .comparison, associativity: .none),
        .greater: InfixOperator(form: .binary(.greater), precedence: .comparison, associativity: .none),
        .greaterOrEqual: InfixOperator(form: .binary(.greaterOrEqual), precedence: .comparison, associativity: .none),
        .keyword(.in): InfixOperator(form: .inList, precedence: .comparison, associativity: .none),
        .keyword(.between): InfixOperator(form: .between, precedence: .comparison, associativity: .none),
        .keyword(.is): InfixOperator(form: .isNull, precedence: .comparison, associativity: .none),
        .coalesce: InfixOperator(form: .binary(.coalesce), precedence: .coalesce, associativity: .right),
        .plus: InfixOperator(form: .binary(.add), precedence: .additive, associativity: .left),
        .minus: InfixOperator(form: .binary(.subtract), precedence: .additive, associativity: .left),
        .star: InfixOperator(form: .binary(.multiply), precedence: .multiplicative, associativity: .left),
        .slash: InfixOperator(form: .binary(.divide), precedence: .multiplicative, associativity: .left),
        .percent: InfixOperator(form: .binary(.modulo), precedence: .multiplicative, associativity: .left),
    ]
}
