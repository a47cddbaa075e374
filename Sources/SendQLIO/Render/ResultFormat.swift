import Foundation
import SendQLCore

/// The ways a result table can be printed.
public enum ResultFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

/// Renders result tables in each format; deterministic text, no terminal assumptions.
public enum ResultRenderer {
    public static func render(_ table: Table, as format: ResultFormat) -> String {
        switch format {
        case .table: return TableRenderer().render(table)
        // Printed CSV is usually redirected into a file a spreadsheet opens, so it is made as safe as an export.
        case .csv: return csv(table, spreadsheetSafety: .neutraliseFormulas)
        case .json: return json(table)
        case .markdown: return markdown(table)
        }
    }

    /// RFC 4180 CSV with a header; nulls are empty fields, through the one CSV writer
    /// (`TableCSVExporter`). With `.neutraliseFormulas`, text cells and column names a spreadsheet
    /// would run as formulas get a leading `'` (see `SpreadsheetSafety`).
    public static func csv(_ table: Table, spreadsheetSafety: SpreadsheetSafety = .off) -> String {
        let sink = MemoryByteSink()
        // A memory sink cannot fail to take bytes.
        _ = try? TableCSVExporter.write(table, to: sink, safety: spreadsheetSafety)
        return sink.text
    }

    /// An array of objects, one per row; dates as ISO strings, durations as whole days.
    public static func json(_ table: Table) -> String {
        let names = table.schema.names.map(jsonString)
        var lines: [String] = []
        for row in 0..<table.rowCount {
            let members = zip(names, table.columns).map { "\($0): \(jsonValue($1[row]))" }
            lines.append("  {" + members.joined(separator: ", ") + "}")
        }
        return lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// A GitHub-flavoured Markdown table; numbers right-aligned.
    public static func markdown(_ table: Table) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "| " + table.schema.names.map(cell).joined(separator: " | ") + " |\n"
        out +=
            "|"
            + table.schema.fields.map { $0.type.isNumeric || $0.type == .duration ? " ---: " : " --- " }
            .joined(separator: "|") + "|\n"
        for row in 0..<table.rowCount {
            out += "| " + table.columns.map { cell(plainText($0[row])) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A value as plain text: empty for null, ISO dates, whole days for durations, shortest round-trip doubles.
    public static func plainText(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .duration(let d): return String(d)
        case .double(let d): return formatDouble(d)
        default: return value.description
        }
    }

    static func jsonValue(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .int(let v), .duration(let v): return String(v)
        case .double(let v): return v.isFinite ? formatDouble(v) : "null"
        case .bool(let v): return v ? "true" : "false"
        case .date, .string: return jsonString(value.description)
        }
    }

    static func jsonString(_ text: String) -> String { DiagnosticJSON.string(text) }
}
