import SendQLCore

/// Builds a table of some of another table's rows, in order.
///
/// String columns get a fresh dictionary of the values the kept rows use, in order of first
/// appearance, so a dictionary still lists exactly its column's distinct values.
enum RowSelection {
    static func keeping(_ rows: [Int], of table: Table) -> Table {
        let columns = table.columns.map { keeping(rows, of: $0) }
        return Table(schema: table.schema, columns: columns, rowCount: rows.count)
    }

    static func keeping(_ rows: [Int], of column: Column) -> Column {
        let storage: Column.Storage
        switch column.storage {
        case .int(let values): storage = .int(rows.map { values[$0] })
        case .double(let values): storage = .double(rows.map { values[$0] })
        case .bool(let values): storage = .bool(rows.map { values[$0] })
        case .date(let values): storage = .date(rows.map { values[$0] })
        case .duration(let values): storage = .duration(rows.map { values[$0] })
        case .string(let codes, let dictionary):
            var recode = [Int32](repeating: -1, count: dictionary.count)
            var values: [String] = []
            var newCodes: [UInt32] = []
            newCodes.reserveCapacity(rows.count)
            for row in rows {
                if column.isNull(row) {
                    newCodes.append(0)
                    continue
                }
                let code = Int(codes[row])
                if recode[code] < 0 {
                    recode[code] = Int32(values.count)
                    values.append(dictionary[codes[row]])
                }
                newCodes.append(UInt32(recode[code]))
            }
            storage = .string(codes: newCodes, dictionary: StringDictionary(values))
        }
        guard column.validity != nil else { return Column(storage) }
        var validity = Bitmap(count: rows.count, value: true)
        for (index, row) in rows.enumerated() where column.isNull(row) { validity.clear(index) }
        return Column(storage, validity: validity)
    }
}
