import SendQLCore

/// A parsed file, before the caller decides what to make of its bad rows.
struct ParsedCSV {
    var table: Table
    var formats: [ColumnFormat]
    var rejects: [PendingReject]
    /// Where each loaded row starts, when asked for.
    var rowStarts: [Int]
    var rowsInFile: Int
}

extension CSVFile {
    /// Parses every data row with the given formats (nil = infer), in `chunks` pieces side by side.
    func parse(
        formats declared: [ColumnFormat?], requiresValue: [Bool]? = nil, chunks: Int,
        minimumChunkBytes: Int = ChunkPlan.minimumBytesPerChunk, stopAtFirstBadRow: Bool, keepRowStarts: Bool
    ) -> ParsedCSV {
        precondition(declared.count == columnNames.count, "one format (or nil) per column")
        return bytes.withUnsafeBufferPointer { buffer in
            let plan = ChunkPlan(
                bytes: buffer, dataStart: dataStart, chunks: chunks, minimumBytesPerChunk: minimumChunkBytes)
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
                maximumFieldBytes: maximumFieldBytes, stopAtFirstBadRow: stopAtFirstBadRow, keepRowStarts: keepRowStarts)
            let rowsPerChunk = estimatedRows(buffer) / plan.count + 1
            let results = plan.run(
                firstRecordStart: firstRecordStart, endPosition: { $0.endPosition }, stop: { $0.stoppedEarly }
            ) {
                parser.parse(from: $0, before: $1, expectedRows: rowsPerChunk)
            }
            // Columns are independent; building a high-cardinality dictionary is the slow part.
            let columns = ParallelMap.map(formats.count, parallel: plan.count > 1) { column in
                ColumnAssembler.assemble(results.map { $0.parts[column] })
            }
            // A header always names at least one column, so the columns give the row count.
            let schema = Schema(zip(columnNames, formats).map { Field($0, $1.dataType) })
            return ParsedCSV(
                table: Table(schema: schema, columns: columns),
                formats: formats,
                rejects: results.flatMap(\.rejects),
                rowStarts: keepRowStarts ? results.flatMap(\.rowStarts) : [],
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
