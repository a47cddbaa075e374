/// The `sendql dump ast` format: an indented S-expression per statement.
///
/// Statements and steps go one per line; expressions are written inline in prefix form:
/// `(== outcome "Y")`, `(call count (where (> days 140)))`, `(between x 1 5)`. Spans are left out
/// so that the dump stays stable when only spacing changes.
public enum ASTPrinter {
    /// The whole script, one statement after another.
    public static func render(_ script: Script) -> String {
        script.statements.map { render($0) + "\n" }.joined()
    }

    /// One statement, without a trailing line break.
    public static func render(_ statement: Statement) -> String {
        switch statement.kind {
        case .letTable(let name, let pipeline):
            return block("(let-table \(written(name))", pipeline.steps, indent: "")
        case .letValue(let name, let value):
            return "(let \(written(name)) \(render(value)))"
        case .function(let name, let parameters, let body):
            let list = parameters.map { self.written($0) }.joined(separator: " ")
            return "(function \(written(name)) (\(list)) \(render(body)))"
        case .parameter(let name, let type, let allowed, let defaultValue):
            let values = allowed.map { " (in " + $0.map { render($0) }.joined(separator: " ") + ")" } ?? ""
            let value = defaultValue.map { " " + render($0) } ?? ""
            return "(param \(written(name)) \(type.name)\(values)\(value))"
        case .include(let path):
            return "(include \(quoted(path.value)))"
        case .load(let path, let name):
            return "(load \(quoted(path.value)) as \(written(name)))"
        case .expect(let condition, let message):
            let text = message.map { " " + quoted($0.value) } ?? ""
            return "(expect \(render(condition))\(text))"
        case .query(let pipeline):
            return block("(query", pipeline.steps, indent: "")
        case .export(let table, let path):
            return "(export \(relation(table, indent: "")) (to \(quoted(path.value))))"
        case .chart(let kind, let table, let options, let path):
            return "("
                + spaced([
                    "chart", written(kind), relation(table, indent: ""), list("options", options.map(render)),
                    "(to \(quoted(path.value)))",
                ]) + ")"
        case .report(let paths, let title):
            return "(report \(paths.map { quoted($0.value) }.joined(separator: " "))"
                + (title.map { " " + render($0) } ?? "") + ")"
        case .heading(let text): return "(heading \(render(text)))"
        case .text(let text): return "(text \(render(text)))"
        case .table(let table, let caption):
            return "(table \(relation(table, indent: ""))" + (caption.map { " " + render($0) } ?? "") + ")"
        case .figure(let path, let caption):
            return "(figure \(quoted(path.value))" + (caption.map { " " + render($0) } ?? "") + ")"
        case .snapshot(let name): return "(snapshot \(quoted(name.value)))"
        case .expectNone(let table, let message):
            return "(expect-none \(relation(table, indent: "")))" + (message.map { " " + quoted($0.value) } ?? "")
        case .publish(let threshold): return "(publish" + (threshold.map { " " + render($0) } ?? "") + ")"
        }
    }

    /// A pipeline on its own: `(pipeline` and its steps, indented.
    public static func render(_ pipeline: Pipeline) -> String {
        block("(pipeline", pipeline.steps, indent: "")
    }

    /// One expression in prefix form.
    public static func render(_ expression: Expression) -> String {
        switch expression.kind {
        case .integer(let value): return String(value)
        case .double(let value): return "\(value)"
        case .string(let value): return quoted(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .date(let day): return "@" + CivilDate(dayNumber: day).iso
        case .duration(let amount, let unit): return "(duration \(amount) \(unit.rawValue))"
        case .name(let column, let qualifier):
            return (qualifier.map { written($0) + "." } ?? "") + written(column)
        case .unary(let op, let operand):
            return "(\(op.rawValue) \(render(operand)))"
        case .binary(let op, let left, let right):
            return "(\(op.rawValue) \(render(left)) \(render(right)))"
        case .call(let function, let arguments, let filter):
            var parts = ["call", written(function)] + arguments.map { render($0) }
            if let filter { parts.append("(where \(render(filter)))") }
            return "(" + parts.joined(separator: " ") + ")"
        case .inList(let subject, let values, let negated):
            let head = negated ? "not-in" : "in"
            return "(" + ([head, render(subject)] + values.map { render($0) }).joined(separator: " ") + ")"
        case .between(let subject, let low, let high, let negated):
            return "(\(negated ? "not-between" : "between") \(render(subject)) \(render(low)) \(render(high)))"
        case .isNull(let subject, let negated):
            return "(\(negated ? "is-not-null" : "is-null") \(render(subject)))"
        case .conditional(let branches, let otherwise):
            var parts = ["case"] + branches.map { "(when \(render($0.condition)) \(render($0.value)))" }
            if let otherwise { parts.append("(else \(render(otherwise)))") }
            return "(" + parts.joined(separator: " ") + ")"
        }
    }

    // MARK: Steps

    /// `head` followed by one step per line, two spaces deeper, and the closing parenthesis.
    static func block(_ head: String, _ steps: [Step], indent: String) -> String {
        let inner = indent + "  "
        let lines = steps.map { inner + render($0, indent: inner) }
        return ([head] + lines).joined(separator: "\n") + ")"
    }

    static func render(_ step: Step, indent: String) -> String {
        switch step.kind {
        case .from(let table):
            return "(from \(written(table)))"
        case .fromFunction(let function, let arguments):
            return "(from (call \(written(function))" + arguments.map { " " + render($0) }.joined() + "))"
        case .filter(let condition):
            return "(where \(render(condition)))"
        case .derive(let items):
            return list("derive", items.map(render))
        case .select(let items):
            return list("select", items.map(render))
        case .aggregate(let items):
            return list("aggregate", items.map(render))
        case .group(let keys, let body):
            return block("(group " + list("keys", keys.map(render)), body.steps, indent: indent)
        case .sort(let keys):
            return list("sort", keys.map { "(\($0.descending ? "desc" : "asc") \(render($0.expression)))" })
        case .take(let start, let end):
            if let start { return "(take \(render(start)) .. \(render(end)))" }
            return "(take \(render(end)))"
        case .join(let kind, let table, let alias, let conditions):
            var parts = ["join", kind.rawValue, relation(table, indent: indent)]
            if let alias { parts.append("(as \(written(alias)))") }
            parts.append(list("on", conditions.map { render($0) }))
            return "(" + spaced(parts) + ")"
        case .distinct(let items):
            return list("distinct", items.map(render))
        case .append(let other):
            return "(" + spaced(["append", relation(other, indent: indent)]) + ")"
        case .union(let other):
            return "(" + spaced(["union", relation(other, indent: indent)]) + ")"
        case .pivot(let names, let values):
            return "(pivot \(render(names)) (values \(render(values))))"
        case .fill(let column, let kind, let first, let last, let defaults):
            var parts = ["fill", written(column), "(by \(render(kind)))"]
            if let first, let last { parts.append("(range \(render(first)) \(render(last)))") }
            if !defaults.isEmpty { parts.append(list("with", defaults.map(render))) }
            return "(" + spaced(parts) + ")"
        }
    }

    /// A table name inline, or a nested pipeline indented under the step.
    static func relation(_ relation: Relation, indent: String) -> String {
        switch relation {
        case .name(let table): return written(table)
        case .pipeline(let pipeline):
            let inner = indent + "  "
            return "\n" + inner + block("(pipeline", pipeline.steps, indent: inner)
        }
    }

    /// Parts joined by spaces, except before a part that starts on a new line.
    static func spaced(_ parts: [String]) -> String {
        parts.enumerated().map { $0.offset == 0 || $0.element.hasPrefix("\n") ? $0.element : " " + $0.element }
            .joined()
    }

    static func render(_ item: NamedExpression) -> String {
        guard let name = item.name else { return render(item.expression) }
        return "(= \(self.written(name)) \(render(item.expression)))"
    }

    static func list(_ head: String, _ items: [String]) -> String {
        "(" + ([head] + items).joined(separator: " ") + ")"
    }

    // MARK: Atoms

    /// A name as it would be written: bare when it can be, in backquotes otherwise.
    static func written(_ identifier: Identifier) -> String {
        let text = identifier.name
        let plain =
            text.first.map { $0.isLetter || $0 == "_" } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && Keyword(rawValue: text) == nil
        return plain ? text : "`\(text)`"
    }

    /// A string literal with sendql's escapes.
    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped + "\""
    }
}
