import SendQLCore

/// Reads the SEND Tribunal appeal rate table (`send-tribunal-appeal-rates-2014-2024.csv`), a table
/// formatted for reading rather than a tidy data file, into one row per authority and year.
///
/// The file has a title, then a row of years (`2014,,,2015,,,...`) over a row of measures (`Appeals
/// registered4`, `Total Appealable Decisions1`, `SEND Tribunal Appeal Rate2`, with footnote numbers
/// glued on), then region headings in capitals (`NORTH EAST`), authority rows (`Kingston upon
/// Thames,314,15,827,1.80%,...`), `England Total` rows and notes. Numbers carry thousands
/// separators (`"2,533"`) and rates a `%`; `-`, `..`, `~` and `x` stand for missing numbers.
/// Measures become snake_case columns without their footnote numbers; rates stay percentages
/// (`1.8` for `1.80%`), as the other tables' `pc_` columns are.
enum DfETribunalAppealRates {
    /// England's nine regions as Explore Education Statistics names and codes them.
    static let regions: [(name: String, code: String)] = [
        ("North East", "E12000001"), ("North West", "E12000002"), ("Yorkshire and The Humber", "E12000003"),
        ("East Midlands", "E12000004"), ("West Midlands", "E12000005"), ("East of England", "E12000006"),
        ("London", "E12000007"), ("South East", "E12000008"), ("South West", "E12000009"),
    ]

    /// How many records from the top the years row may be.
    static let headerSearchLimit = 10

    /// The table and its numeric columns; nil when the bytes are not laid out as this table (no
    /// `Local Authority,LA code,<year>` row near the top). Throws when they are, but a measure repeats.
    static func parse(
        bytes: [UInt8], file: String
    ) throws -> (table: Table, numericColumns: [String], findings: [Diagnostic])? {
        let records = Self.records(bytes)
        guard let headerIndex = records.prefix(headerSearchLimit).firstIndex(where: isYearsRow),
            headerIndex + 1 < records.count
        else { return nil }
        let slots = try measureSlots(years: records[headerIndex], measures: records[headerIndex + 1], file: file)
        var measures: [String] = []
        for slot in slots where !measures.contains(slot.measure) { measures.append(slot.measure) }
        let years = Array(Set(slots.map(\.year))).sorted()

        var rows: [Row] = []
        var region: (name: String, code: String)?
        for record in records[(headerIndex + 2)...] {
            let cells = record.map(trimmed)
            if cells.allSatisfy(\.isEmpty) { break }
            let name = cells[0]
            if cells.dropFirst().allSatisfy(\.isEmpty) {
                // A heading: a region, or a grouping inside one (INNER LONDON) that changes nothing.
                if let match = regions.first(where: { $0.name.lowercased() == name.lowercased() }) { region = match }
                continue
            }
            let isEngland = name.lowercased().hasPrefix("england total")
            for year in years {
                var values: [String: String] = [:]
                for slot in slots where slot.year == year && slot.column < cells.count {
                    values[slot.measure] = normalised(cells[slot.column])
                }
                // A year with every cell blank (Cumbria in 2024, after it split) is kept as nulls.
                rows.append(
                    Row(
                        year: year, isEngland: isEngland, region: isEngland ? nil : region,
                        code: cells.count > 1 && !cells[1].isEmpty ? cells[1] : nil,
                        name: withoutFootnote(name), values: values))
            }
        }
        rows.sort { $0.year < $1.year }  // stable: file order within a year
        let symbols = DfESymbol.tribunalAppealRates
        let typed = DfETableTyper(symbols: symbols).typed(table(rows, measures: measures))
        let findings = typed.oddCells.map { odd in
            let (message, notes) = DfEOddCellMessage.text(for: odd, symbols: symbols)
            let row = rows[odd.cell.row]
            return Diagnostic(
                .dfeOddCell, "\(file): \(row.name), \(row.year): " + message, severity: .warning, notes: notes)
        }
        return (typed.table, typed.numericColumns, findings)
    }

    /// One authority (or England) in one year, before typing.
    private struct Row {
        var year: Int64
        var isEngland: Bool
        var region: (name: String, code: String)?
        var code: String?
        var name: String
        var values: [String: String]
    }

    /// The rows as text columns laid out like an Explore Education Statistics file.
    private static func table(_ rows: [Row], measures: [String]) -> Table {
        func column(_ value: (Row) -> String?) -> Column {
            var builder = ColumnBuilder(type: .string, capacity: rows.count)
            for row in rows {
                if let text = value(row), !text.isEmpty { builder.append(string: text) } else { builder.appendNull() }
            }
            return builder.finish()
        }
        var columns: [(String, Column)] = [
            ("time_period", column { String($0.year) }),
            ("time_identifier", column { _ in "Calendar year" }),
            ("geographic_level", column { $0.isEngland ? "National" : "Local authority" }),
            ("country_code", column { _ in "E92000001" }),
            ("country_name", column { _ in "England" }),
            ("region_code", column { $0.region?.code }),
            ("region_name", column { $0.region?.name }),
            ("old_la_code", column { $0.isEngland ? nil : $0.code }),
            ("la_name", column { $0.isEngland ? nil : $0.name }),
            // `England Total` is the total; `England total excluding suppressed` says what it leaves out.
            (
                "breakdown",
                column { row in
                    guard row.isEngland else { return "Total" }
                    let rest = row.name.dropFirst("england total".count)
                    return "Total" + rest
                }
            ),
        ]
        for measure in measures { columns.append((measure, column { $0.values[measure] })) }
        return Table(columns)
    }

    /// A measure column: the year heading above it (carried right from the last one) and its measure.
    private struct Slot {
        var column: Int
        var year: Int64
        var measure: String
    }

    /// `Local Authority,LA code,2014,...`.
    private static func isYearsRow(_ record: [String]) -> Bool {
        record.count > 2 && trimmed(record[0]) == "Local Authority" && trimmed(record[1]) == "LA code"
            && Int64(trimmed(record[2])) != nil
    }

    private static func measureSlots(years: [String], measures: [String], file: String) throws -> [Slot] {
        var slots: [Slot] = []
        var year: Int64?
        for column in 2..<max(years.count, measures.count) {
            if column < years.count, let heading = Int64(trimmed(years[column])) { year = heading }
            guard let year, column < measures.count else { continue }
            let measure = snakeCase(withoutFootnote(trimmed(measures[column])))
            guard !measure.isEmpty else { continue }
            if slots.contains(where: { $0.year == year && $0.measure == measure }) {
                throw Diagnostic(.duplicateColumn, "\(file): the measure \(measure) appears twice under \(year)")
            }
            slots.append(Slot(column: column, year: year, measure: measure))
        }
        return slots
    }

    /// Every record of the file as text.
    private static func records(_ bytes: [UInt8]) -> [[String]] {
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(buffer, position: hasByteOrderMark ? 3 : 0)
            var scratch: [UInt8] = []
            var records: [[String]] = []
            while scanner.nextRecord(startingBefore: buffer.count) {
                records.append(
                    scanner.fields.map { field in
                        scanner.withContent(of: field, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
                    })
            }
            return records
        }
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// `2533` for `2,533`, `1.80` for `1.80%`; anything else (a symbol, text) as it is.
    static func normalised(_ cell: String) -> String {
        let text = trimmed(cell)
        let isFormattedNumber =
            text.contains(where: \.isNumber)
            && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == "-") || $0 == "%" }
            && text.dropLast(text.hasSuffix("%") ? 1 : 0).allSatisfy { $0 != "%" }
        guard isFormattedNumber else { return text }
        return String(text.filter { $0 != "," && $0 != "%" })
    }

    /// `Bournemouth` for `Bournemouth5`, `England Total` for `England Total4,9`: footnote numbers
    /// glued to the end of a word are dropped.
    static func withoutFootnote(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last.isNumber || last == "," { result.removeLast() }
        guard let last = result.last, last.isLetter else { return text }
        return String(result)
    }

    /// `send_tribunal_appeal_rate` for `SEND Tribunal Appeal Rate`.
    static func snakeCase(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "_")
    }
}
