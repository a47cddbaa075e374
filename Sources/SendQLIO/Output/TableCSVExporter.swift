import SendQLCore

/// Writes a whole table as RFC 4180 CSV to a sink (an `OutputFile` for `export ... to "x.csv"`),
/// through the buffered `CSVWriter`, so a large table never sits in memory as one string.
///
/// The one writer of tables as CSV (`ResultRenderer.csv` prints through it too): a header, then one line per row; nulls empty,
/// dates ISO, durations in whole days, doubles in their shortest round-trip form. Text cells are
/// made safe for spreadsheets unless `safety` is `.off` (see `SpreadsheetSafety`).
public enum TableCSVExporter {
    /// Writes `table` to `sink`; returns the number of data rows written.
    @discardableResult
    public static func write(
        _ table: Table, to sink: any ByteSink,
        safety: SpreadsheetSafety = .neutraliseFormulas
    ) throws -> Int {
        let writer = CSVWriter(sink: sink)
        for name in table.schema.names { writer.writeField(safety.apply(name)) }
        try writer.endRow()
        for row in 0..<table.rowCount {
            for column in table.columns {
                if column.isNull(row) {
                    writer.writeNull()
                    continue
                }
                switch column.storage {
                case .int(let values): writer.writeField(Int(values[row]))
                case .duration(let values): writer.writeField(Int(values[row]))
                case .date(let days): writer.writeDate(days[row])
                case .bool(let values): writer.writeField(values[row])
                case .double: writer.writeField(ResultRenderer.plainText(column[row]))
                case .string(let codes, let dictionary): writer.writeField(safety.apply(dictionary[codes[row]]))
                }
            }
            try writer.endRow()
        }
        try writer.finish()
        return table.rowCount
    }
}
