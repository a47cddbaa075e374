/// The `sendql dump plan` format: each checked statement, its steps, and the schema after every step.
public enum PlanPrinter {
    public static func render(_ program: Program, tables: [String: FrameSchema]) -> String {
        var out = ""
        for statement in program.statements {
            switch statement {
            case .letTable(let name, let pipeline):
                out += "let \(name) =\n" + render(pipeline, tables: tables, indent: "  ")
            case .query(let pipeline):
                out += "query\n" + render(pipeline, tables: tables, indent: "  ")
            case .expect(_, let message, _):
                out += "expect" + (message.map { " \"\($0)\"" } ?? "") + "\n"
            case .export(let pipeline, let path, _):
                out += "export to \"\(path)\"\n" + render(pipeline, tables: tables, indent: "  ")
            case .chart(let plan, _):
                out +=
                    "chart \(plan.kind.rawValue) x=\(plan.x) y=\(plan.y) to \"\(plan.path)\"\n"
                    + render(plan.pipeline, tables: tables, indent: "  ")
            case .report(let paths, _, _): out += "report " + paths.map { "\"\($0)\"" }.joined(separator: ", ") + "\n"
            case .heading(let text): out += "heading \"\(text)\"\n"
            case .text: out += "text\n"
            case .table(let pipeline, _): out += "table\n" + render(pipeline, tables: tables, indent: "  ")
            case .figure(let path, _): out += "figure \"\(path)\"\n"
            case .snapshot(let name, _): out += "snapshot \"\(name)\"\n"
            case .publish(let threshold): out += "publish \(threshold)\n"
            case .expectNone(let pipeline, _, _): out += "expect no\n" + render(pipeline, tables: tables, indent: "  ")
            }
        }
        return out
    }

    static func render(_ pipeline: CheckedPipeline, tables: [String: FrameSchema], indent: String) -> String {
        var out = indent + "from \(pipeline.table)"
        if let schema = tables[pipeline.table] { out += "  -> " + describe(schema) }
        out += "\n"
        out += steps(pipeline.steps, tables: tables, indent: indent)
        return out
    }

    static func steps(_ steps: [PlanStep], tables: [String: FrameSchema], indent: String) -> String {
        var out = ""
        for step in steps {
            out += indent + title(step) + "  -> " + describe(step.schema) + "\n"
            switch step.kind {
            case .group(_, _, let body): out += self.steps(body, tables: tables, indent: indent + "  ")
            case .join(let plan): out += render(plan.right, tables: tables, indent: indent + "  ")
            case .append(let other, _, _): out += render(other, tables: tables, indent: indent + "  ")
            default: break
            }
        }
        return out
    }

    static func title(_ step: PlanStep) -> String {
        switch step.kind {
        case .filter: return "where"
        case .derive(let items): return "derive " + items.map(\.name).joined(separator: ", ")
        case .select(let items): return "select " + items.map(\.name).joined(separator: ", ")
        case .aggregate(let plan):
            return "aggregate " + plan.aggregates.map(\.function.rawValue).joined(separator: ", ")
        case .sort(let keys): return "sort (\(keys.count) key\(keys.count == 1 ? "" : "s"))"
        case .take(let start, let count): return "take rows \(start + 1)..\(count.map { String(start + $0) } ?? "end")"
        case .join(let plan):
            return "join \(plan.kind.rawValue) on \(plan.leftKeys.count) key\(plan.leftKeys.count == 1 ? "" : "s")"
        case .distinct: return "distinct"
        case .append(_, _, let distinct): return distinct ? "union" : "append"
        case .pivot: return "pivot"
        case .fill(let plan): return "fill by \(plan.kind.rawValue)"
        case .group(let keys, let keyColumns, _):
            return "group by \(keyColumns.count) key\(keyColumns.count == 1 ? "" : "s")"
                + (keys.isEmpty ? "" : " (derived: " + keys.map(\.name).joined(separator: ", ") + ")")
        }
    }

    static func describe(_ schema: FrameSchema) -> String {
        let fields = schema.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
        return "[" + fields + (schema.isOpen ? ", ...columns known at run time" : "") + "]"
    }
}
