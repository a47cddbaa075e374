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
            guard let value = integer(cell) else { return false }
            builder.append(int: value)
        case .double:
            guard let value = Double(String(decoding: cell, as: UTF8.self)) else { return false }
            builder.append(double: value)
        case .bool:
            guard cell.count == 1, cell[0] == UInt8(ascii: "t") || cell[0] == UInt8(ascii: "f") else { return false }
            builder.append(bool: cell[0] == UInt8(ascii: "t"))
        case .date:
            guard let day = date(cell) else { return false }
            builder.append(date: day)
        case .string:
            builder.append(string: String(decoding: cell, as: UTF8.self))
        }
        return true
    }

    /// A decimal integer with an optional sign.
    private static func integer(_ cell: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if cell.first == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < cell.count else { return nil }
        var value: Int64 = 0
        while index < cell.count {
            let digit = cell[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.subtractingReportingOverflow(Int64(digit))
            guard !overflowA, !overflowB else { return nil }
            value = sum
            index += 1
        }
        // Accumulated negatively, so Int64.min reads too.
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// `YYYY-MM-DD` (DateStyle ISO) as a day number.
    private static func date(_ cell: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard cell.count == 10, cell[4] == UInt8(ascii: "-"), cell[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = cell[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return CivilDate(year: year, month: month, day: day).dayNumber
    }
}
