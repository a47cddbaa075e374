import SendQLCore

/// Checks shared by several targets; each returns what it found wrong.
enum Invariants {
    /// Every diagnostic with a span must point inside its own source, fix-its included.
    static func spansInside(_ diagnostics: [Diagnostic]) -> [String] {
        var broken: [String] = []
        for diagnostic in diagnostics {
            guard let span = diagnostic.span, let source = diagnostic.source else { continue }
            let length = source.text.utf8.count
            if span.start < 0 || span.end > length {
                broken.append(
                    "\(diagnostic.code) \(diagnostic.message): span \(span) outside a text of \(length) bytes")
            }
            for fix in diagnostic.fixIts where fix.span.start < 0 || fix.span.end > length {
                broken.append("\(diagnostic.code) \(diagnostic.message): fix-it span \(fix.span) outside the text")
            }
        }
        return broken
    }

    /// A table's schema, columns and row count agree, and its string codes are in its dictionaries.
    static func wellFormed(_ table: Table, what: String) -> [String] {
        var broken: [String] = []
        if table.schema.fields.count != table.columns.count {
            broken.append("\(what): \(table.schema.fields.count) fields but \(table.columns.count) columns")
        }
        for (field, column) in zip(table.schema.fields, table.columns) {
            if column.count != table.rowCount {
                broken.append("\(what): column \(field.name) has \(column.count) values for \(table.rowCount) rows")
            }
            if column.type != field.type {
                broken.append("\(what): column \(field.name) holds \(column.type) but the schema says \(field.type)")
            }
            if let validity = column.validity, validity.count != column.count {
                broken.append(
                    "\(what): column \(field.name) has a validity bitmap of \(validity.count) for \(column.count) values"
                )
            }
            // Codes under nulls are unspecified; every value's code must be in the dictionary.
            if case .string(let codes, let dictionary) = column.storage,
                let bad = codes.indices.first(where: { !column.isNull($0) && Int(codes[$0]) >= dictionary.count })
            {
                broken.append(
                    "\(what): column \(field.name) has code \(codes[bad]) in a dictionary of \(dictionary.count)")
            }
        }
        return broken
    }
}
