/// Runs type inference over the records of one chunk of a file, for the columns without a format.
///
/// Rows with a structural problem are skipped: they will be rejected whatever their values.
struct ChunkInferrer {
    let bytes: UnsafeBufferPointer<UInt8>
    let width: Int
    /// The columns to infer; the others are declared.
    let inferredColumns: [Int]
    let badBytes: [Int]
    let maximumFieldBytes: Int

    final class Result {
        var inference: TypeInference
        var endPosition = 0
        init(width: Int) { inference = TypeInference(width: width) }
    }

    func infer(from start: Int, before limit: Int) -> Result {
        let result = Result(width: width)
        var scanner = CSVRecordScanner(
            bytes, position: start, maximumFieldBytes: maximumFieldBytes, storedFieldLimit: width + 1)
        var badCursor = ChunkParser.firstIndex(in: badBytes, atOrAfter: start)
        var scratch: [UInt8] = []
        var inference = TypeInference(width: width)
        while scanner.nextRecord(startingBefore: limit) {
            var hasBadByte = false
            while badCursor < badBytes.count, badBytes[badCursor] < scanner.position {
                hasBadByte = true
                badCursor += 1
            }
            guard !hasBadByte, scanner.problem == nil, scanner.fieldCount == width else { continue }
            for column in inferredColumns where inference.isUndecided(column) || !inference.sawValue[column] {
                let field = scanner.fields[column]
                guard field.start != field.end else { continue }
                scanner.withContent(of: field, scratch: &scratch) { inference.observe($0, column: column) }
            }
        }
        scanner.skipBlankLines()
        result.inference = inference
        result.endPosition = scanner.position
        return result
    }
}
