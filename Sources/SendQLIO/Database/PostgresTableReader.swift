import Foundation
import SendQLCore

/// A query's text-format rows read into sendql's columns, each cell parsed by the type the
/// checker gave the column: a cell that does not parse is an error, never a null.
enum PostgresTableReader {
    static func table(_ result: PostgresResult, fields: [Field]) throws(DatabaseFailure) -> Table {
        guard result.columnCount == fields.count else {
            throw DatabaseFailure(
                .columnMismatch,
                "the database returned \(result.columnCount) columns where sendql expected \(fields.count)")
        }
        let rows = result.rowCount
        var columns: [Column] = []
        for (index, field) in fields.enumerated() {
            var builder = ColumnBuilder(type: field.type, capacity: rows)
            for row in 0..<rows {
                if result.isNull(row, index) {
                    builder.appendNull()
                    continue
                }
                let cell = result.bytes(row, index)
                guard append(cell, to: &builder) else {
                    throw DatabaseFailure(
                        .columnMismatch,
                        "column `\(field.name)`, row \(row + 1): cannot read \"\(String(decoding: cell, as: UTF8.self))\" as \(field.type)"
                    )
                }
            }
            columns.append(builder.finish())
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: rows)
    }

    /// Parses one cell as the builder's type; false when it does not parse.
    private static func append(_ cell: UnsafeBufferPointer<UInt8>, to builder: inout ColumnBuilder) -> Bool {
        switch builder.type {
        case .int, .duration:
            guard let value = FieldParsers.parseInt(cell) else { return false }
            builder.append(int: value)
        case .double:
            // PostgreSQL spells the special values Infinity, -Infinity and NaN.
            guard let value = FieldParsers.parseDouble(cell) ?? Double(String(decoding: cell, as: UTF8.self)) else {
                return false
            }
            builder.append(double: value)
        case .bool:
            guard cell.count == 1, cell[0] == UInt8(ascii: "t") || cell[0] == UInt8(ascii: "f") else { return false }
            builder.append(bool: cell[0] == UInt8(ascii: "t"))
        case .date:
            // DateStyle ISO: `YYYY-MM-DD`, as the CSV reader reads it.
            guard let day = FieldParsers.parseDate(cell) else { return false }
            builder.append(date: day)
        case .string:
            builder.append(string: String(decoding: cell, as: UTF8.self))
        }
        return true
    }
}
