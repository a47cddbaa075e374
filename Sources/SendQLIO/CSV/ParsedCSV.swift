import SendQLCore

/// A parsed file, before the caller decides what to make of its bad rows.
struct ParsedCSV {
    var table: Table
    var formats: [ColumnFormat]
    var rejects: [PendingReject]
    /// Where each loaded row starts, when asked for.
    var rowStarts: RowStarts
    var rowsInFile: Int
}

extension CSVFile {
    /// Parses every data row with the given formats (nil = infer), in `chunks` pieces side by side.
    func parse(
        formats declared: [ColumnFormat?], requiresValue: [Bool]? = nil, chunks: Int,
        stopAtFirstBadRow: Bool, keepRowStarts: Bool, lookups: [StringDictionary?] = [],
        minimumChunkBytes: Int = ChunkPlan.minimumBytesPerChunk
    ) -> ParsedCSV {
        precondition(declared.count == columnNames.count, "one format (or nil) per column")
        return bytes.withUnsafeBufferPointer { buffer in
            let plan = ChunkPlan(bytes: buffer, dataStart: dataStart, chunks: chunks, minimumBytes: minimumChunkBytes)
            let firstRecordStart = { (position: Int) -> Int in
                var scanner = CSVRecordScanner(buffer, position: position)
                scanner.skipBlankLines()
                return scanner.position
            }
            var formats = declared.map { $0 ?? .string }
            let inferred = declared.indices.filter { declared[$0] == nil }
            if !inferred.isEmpty {
                let inferrer = ChunkInferrer(
                    bytes: buffer, width: declared.count, inferredColumns: inferred, badBytes: badBytes,
                    maximumFieldBytes: maximumFieldBytes)
                let results = plan.run(firstRecordStart: firstRecordStart, endPosition: { $0.endPosition }) {
                    inferrer.infer(from: $0, before: $1)
                }
                var inference = TypeInference(width: declared.count)
                for result in results { inference.merge(result.inference) }
                let chosen = inference.formats
                for column in inferred { formats[column] = chosen[column] }
            }
            let parser = ChunkParser(
                bytes: buffer, formats: formats,
                requiresValue: requiresValue ?? Array(repeating: false, count: formats.count), badBytes: badBytes,
                maximumFieldBytes: maximumFieldBytes,
                stopAtFirstBadRow: stopAtFirstBadRow, keepRowStarts: keepRowStarts, storage: storage,
                lookups: lookups.map { lookup in formats.count == lookups.count ? lookup : nil })
            // An eighth more than the estimate, so a slightly short guess does not double every column.
            let rowsPerChunk = estimatedRows(buffer) * 9 / 8 / plan.count + 1
            let results = plan.run(
                firstRecordStart: firstRecordStart, endPosition: { $0.endPosition }, stop: { $0.stoppedEarly }
            ) {
                parser.parse(from: $0, before: $1, expectedRows: rowsPerChunk)
            }
            // Columns are independent; building a high-cardinality dictionary is the slow part.
            // Each column's parts move into a box its job empties, so they are freed as soon as
            // that column is assembled rather than when the whole table is.
            let rowCount = results.reduce(0) { $0 + $1.parts.first.map(\.count).orZero }
            let boxes = formats.indices.map { column in PartsBox(results.map { $0.parts[column] }) }
            for result in results { result.parts = [] }
            let columns = ParallelMap.map(formats.count, parallel: chunks > 1) { column in
                ColumnAssembler.assemble(boxes[column].take())
            }
            let schema = Schema(zip(columnNames, formats).map { Field($0, $1.dataType) })
            return ParsedCSV(
                table: Table(schema: schema, columns: columns, rowCount: columns.isEmpty ? rowCount : nil),
                formats: formats,
                rejects: results.flatMap(\.rejects),
                rowStarts: RowStarts(
                    concatenating: keepRowStarts ? results.map(\.rowStarts) : [], fileSize: buffer.count),
                rowsInFile: results.reduce(0) { $0 + $1.rowsSeen })
        }
    }

    /// A guess at the number of data rows, from the length of the first few, to size the columns.
    private func estimatedRows(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var scanner = CSVRecordScanner(buffer, position: dataStart)
        var sampled = 0
        while sampled < 64, scanner.nextRecord(startingBefore: buffer.count) { sampled += 1 }
        guard sampled > 0, scanner.position > dataStart else { return 0 }
        let averageLength = max(1, (scanner.position - dataStart) / sampled)
        return (buffer.count - dataStart) / averageLength + 1
    }

    /// The reject with its location, text and located diagnostics.
    func reject(_ pending: PendingReject, table: String) -> Reject {
        Reject(
            table: table,
            location: location(of: pending.recordStart),
            text: rowText(from: pending.recordStart, to: pending.recordEnd),
            issues: pending.problems.map { issue($0) })
    }
}

/// One column's parts, handed to exactly one assembling job.
private final class PartsBox: @unchecked Sendable {
    private var parts: [ColumnPart]?

    init(_ parts: [ColumnPart]) { self.parts = parts }

    func take() -> [ColumnPart] {
        defer { parts = nil }
        return parts!
    }
}

extension Optional where Wrapped == Int {
    /// The value, or 0.
    fileprivate var orZero: Int { self ?? 0 }
}
