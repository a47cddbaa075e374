import SendQLCore

/// Reads an SEN2 Blade export: one CSV file per module, rows linked to their parents by
/// `<parent>tableid` columns, dates written `2022-Sep-28 00:00:00`.
struct SEN2BladeReader {
    /// Files by module (`person`, ..., `senneed`, and `sen2` for the header).
    let files: [String: String]
    let folder: String
    let limits: SEN2Limits

    /// The module a Blade export file holds, from its name (`Blade-Export_28-01-2026_requests.csv`).
    static func module(ofFileName name: String) -> String? {
        let lower = name.lowercased()
        guard lower.hasPrefix("blade-export_"), lower.hasSuffix(".csv"),
            let module = lower.dropLast(4).split(separator: "_").last.map(String.init),
            module == "sen2" || SEN2Module.allCases.contains(where: { $0.blade == module })
        else { return nil }
        return module
    }

    /// Items holding dates, converted from Blade's `2022-Sep-28 00:00:00` to ISO.
    static let dateItems: Set<String> = [
        "PersonBirthDate", "ReceivedDate", "RequestOutcomeDate", "AssessmentOutcomeDate", "StartDate", "CeaseDate",
        "ReviewMeeting", "ReviewDraft", "PhaseTransferDueDate", "PhaseTransferFinalDate", "LastReview", "EntryDate",
        "LeavingDate", "ReferenceDate",
    ]

    /// One module's rows: each record with its own key and its parent's key.
    private struct Rows {
        var records: [SEN2Record] = []
        var keys: [String] = []
        var parentKeys: [(String, FieldOrigin)] = []
    }

    func read() -> Result<SEN2ReturnContent, DataIssue> {
        var content = SEN2ReturnContent()
        var rows: [SEN2Module: Rows] = [:]
        do throws(DataIssue) {
            for module in SEN2Module.allCases {
                guard let path = files[module.blade] else {
                    throw DataIssue(
                        location: DataLocation(file: folder),
                        diagnostic: Diagnostic(
                            .sen2MissingModule,
                            "the Blade export in \(folder) has no \(module.blade) file (Blade-Export_<DD-MM-YYYY>_\(module.blade).csv): the \(module.element) module is missing"
                        ))
                }
                content.files[module] = path
                rows[module] = try readRows(of: module, path: path, notes: &content.notes)
            }
            if let path = files["sen2"] { content.header = try readHeader(path: path) }
            // Deepest first, so each record has its children before it joins its parent.
            for module in [
                SEN2Module.planDetail, .namedPlan, .placementDetail, .senNeed, .assessment, .activePlans, .requests,
            ] {
                try attach(module, into: module.parent!, rows: &rows, files: content.files)
            }
        } catch {
            return .failure(error)
        }
        content.people = rows[.person]!.records
        return .success(content)
    }

    /// Moves every row of `module` under the parent row its key column names.
    private func attach(
        _ module: SEN2Module, into parent: SEN2Module, rows: inout [SEN2Module: Rows],
        files: [SEN2Module: String]
    ) throws(DataIssue) {
        var index: [String: Int] = [:]
        for (row, key) in rows[parent]!.keys.enumerated() where index[key] == nil { index[key] = row }
        let children = rows[module]!
        var seen = Set<String>()
        for (record, parentKey) in zip(children.records, children.parentKeys) {
            guard let row = index[parentKey.0] else {
                let message =
                    parentKey.0.isEmpty
                    ? "a \(module.element) row with no \(parent.keyColumn): it must hang off a \(parent.element) row"
                    : "\(parent.keyColumn) \(FoundText.quoted(parentKey.0)) names no row of \(files[parent]!)"
                throw BladeIssue.make(.sen2Structure, parentKey.1, message)
            }
            if module.isSingle, !seen.insert(parentKey.0).inserted {
                throw BladeIssue.make(
                    .sen2Structure, parentKey.1,
                    "a second \(module.element) row for \(parent.keyColumn) \(FoundText.quoted(parentKey.0)); a \(parent.element) has at most one"
                )
            }
            rows[parent]!.records[row].children.append(record)
        }
    }

    private func open(_ path: String) throws(DataIssue) -> (CSVFile, OriginFile) {
        let file = try CSVFile.open(path: path)
        if let issue = file.headerIssues.first { throw issue }
        if let bad = file.badBytes.first {
            throw file.bytes.withUnsafeBufferPointer {
                file.issue(RecordProblemDescriber(bytes: $0, maximumFieldBytes: .max).badByte(at: bad))
            }
        }
        return (file, OriginFile(name: path) { file.source })
    }

    private func readRows(of module: SEN2Module, path: String, notes: inout [DataIssue]) throws(DataIssue) -> Rows {
        let (file, origin) = try open(path)
        let names = file.columnNames.map { $0.lowercased() }
        let item: [String?] = names.map { name in module.items.first { $0.lowercased() == name } }
        guard let keyField = names.firstIndex(of: module.keyColumn) else {
            throw file.headerIssue(
                code: .missingColumn, message: "missing the key column \(FoundText.quoted(module.keyColumn))")
        }
        let parentField = module.parent.flatMap { names.firstIndex(of: $0.keyColumn) }
        if let parent = module.parent, parentField == nil {
            throw file.headerIssue(
                code: .missingColumn, message: "missing the parent key column \(FoundText.quoted(parent.keyColumn))")
        }
        let known: Set<String> = [
            module.keyColumn, module.parent?.keyColumn ?? "", module.blade + "orderseqcolumn", "sourceid",
        ]
        for (index, name) in names.enumerated() where item[index] == nil && !known.contains(name) {
            notes.append(
                file.issue(
                    PendingProblem(
                        code: .sen2NotRead, offset: file.columnOffsets[index], length: name.utf8.count,
                        message:
                            "column \(FoundText.quoted(file.columnNames[index])) is not an SEN2 item sendql reads; it was not read"
                    ),
                    severity: .note))
        }
        var rows = Rows()
        try scan(file) { (text: (Int) -> (String, FieldOrigin)) throws(DataIssue) in
            let (key, keyOrigin) = text(keyField)
            var record = SEN2Record(
                module: module,
                origin: FieldOrigin(
                    file: origin, offset: keyOrigin.offset, length: keyOrigin.length, path: "\(path) row"))
            for (index, name) in item.enumerated() {
                guard let name else { continue }
                var (value, at) = text(index)
                if Self.dateItems.contains(name) { value = BladeDate.iso(value) ?? value }
                record.items[name] = SEN2Record.Item(text: value, origin: at)
            }
            rows.records.append(record)
            rows.keys.append(key)
            rows.parentKeys.append(parentField.map { text($0) } ?? ("", keyOrigin))
        }
        return rows
    }

    private func readHeader(path: String) throws(DataIssue) -> [String: String] {
        let (file, _) = try open(path)
        var header: [String: String] = [:]
        try scan(file) { (text: (Int) -> (String, FieldOrigin)) throws(DataIssue) in
            guard header.isEmpty else { return }
            for (index, name) in file.columnNames.enumerated() {
                let item =
                    [
                        "Collection", "Year", "ReferenceDate", "LEA", "SourceLevel", "SoftwareCode", "Release",
                        "SerialNo", "DateTime",
                    ].first { $0.lowercased() == name.lowercased() } ?? name
                let value = text(index).0
                header[item] = Self.dateItems.contains(item) ? BladeDate.iso(value) ?? value : value
            }
        }
        return header
    }

    /// Calls `body` for each data row, with a function giving field `i`'s text and origin. A row that
    /// is not well-formed CSV, or has the wrong number of fields, stops the read.
    private func scan(
        _ file: CSVFile, _ body: ((Int) -> (String, FieldOrigin)) throws(DataIssue) -> Void
    )
        throws(DataIssue)
    {
        let origin = OriginFile(name: file.name) { file.source }
        let width = file.columnNames.count
        var failure: DataIssue?
        file.bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(
                buffer, position: file.dataStart, maximumFieldBytes: limits.maximumValueBytes)
            let describer = RecordProblemDescriber(bytes: buffer, maximumFieldBytes: limits.maximumValueBytes)
            var scratch: [UInt8] = []
            while failure == nil, scanner.nextRecord(startingBefore: buffer.count) {
                if let problem = scanner.problem {
                    failure = file.issue(describer.structural(problem))
                    break
                }
                if scanner.fieldCount != width {
                    failure = file.issue(describer.fieldCount(scanner, expected: width))
                    break
                }
                let fields = Array(scanner.fields)
                let text: (Int) -> (String, FieldOrigin) = { index in
                    let field = fields[index]
                    let value = CSVRecordScanner.withContent(of: field, in: buffer.baseAddress!, scratch: &scratch) {
                        String(decoding: $0, as: UTF8.self)
                    }.trimmingXMLSpace()
                    let tokenEnd = field.isQuoted ? field.end + 1 : field.end
                    return (
                        value,
                        FieldOrigin(
                            file: origin, offset: field.tokenStart - file.textStart,
                            length: max(tokenEnd - field.tokenStart, 1),
                            path: "\(file.name) column \(file.columnNames[index])")
                    )
                }
                do throws(DataIssue) {
                    try body(text)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
    }
}

/// Blade's dates: `2022-Sep-28 00:00:00` (or without the time).
enum BladeDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The ISO date of a Blade date, nil when the text is not one (left for the contract's check).
    static func iso(_ text: String) -> String? {
        let day = text.split(separator: " ").first.map(String.init) ?? text
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[2].count <= 2,
            let month = months.firstIndex(of: parts[1].lowercased())
        else { return nil }
        let padded = parts[2].count == 1 ? "0" + parts[2] : String(parts[2])
        return "\(parts[0])-\(month < 9 ? "0" : "")\(month + 1)-\(padded)"
    }

    /// A day number written as Blade does.
    static func text(_ day: Int32) -> String {
        let date = CivilDate(dayNumber: day)
        let dd = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        return
            "\(date.year)-\(months[date.month - 1].prefix(1).uppercased() + months[date.month - 1].dropFirst())-\(dd) 00:00:00"
    }
}

/// Located problems with a Blade cell.
enum BladeIssue {
    static func make(_ code: DataErrorCode, _ origin: FieldOrigin, _ message: String) -> DataIssue {
        DataIssue(
            location: origin.location,
            diagnostic: Diagnostic(
                code, message, source: origin.file.source, span: Span(origin.offset, origin.offset + origin.length),
                notes: ["in \(origin.path)"]))
    }
}
