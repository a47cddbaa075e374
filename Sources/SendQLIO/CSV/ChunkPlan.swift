/// How a file's data is cut into chunks parsed side by side, and the running of a chunked job.
///
/// Cuts fall just after a line break near equal byte shares. A cut might fall inside a quoted field
/// (a line break in a field is data), so each chunk's result is only kept when the chunk before it
/// really ended at that chunk's first record; otherwise the chunk is parsed again from where the one
/// before ended. Results are therefore always those of parsing the file in one pass, whatever the
/// number of chunks.
struct ChunkPlan {
    /// Where each chunk's scanning starts (a guessed record start, except the first).
    let starts: [Int]
    /// Where each chunk stops taking new records.
    let limits: [Int]

    /// Files smaller than this are parsed in one piece: threads cost more than they save.
    static let minimumBytesPerChunk = 1 << 20

    init(
        bytes: UnsafeBufferPointer<UInt8>, dataStart: Int, chunks wanted: Int, minimumBytes: Int = minimumBytesPerChunk
    ) {
        let length = bytes.count - dataStart
        let chunks = max(1, min(wanted, length / max(1, minimumBytes)))
        var starts = [dataStart]
        for index in 1..<max(chunks, 1) {
            var cut = dataStart + length / chunks * index
            while cut < bytes.count, bytes[cut] != UInt8(ascii: "\n") { cut += 1 }
            starts.append(min(cut + 1, bytes.count))
        }
        self.starts = starts
        limits = Array(starts.dropFirst()) + [bytes.count]
    }

    var count: Int { starts.count }

    /// Runs `work(start, limit)` for every chunk, side by side, then re-runs in order any chunk whose
    /// guessed start was wrong. `endPosition` reads where a result's scanning ended; `stop` says a
    /// result ends the job (strict reading's first bad row), so later chunks are dropped.
    func run<Result>(
        firstRecordStart: (Int) -> Int,
        endPosition: (Result) -> Int,
        stop: (Result) -> Bool = { _ in false },
        work: (Int, Int) -> Result
    ) -> [Result] {
        let starts = starts, limits = limits
        let guesses = ParallelMap.map(count) { index in work(starts[index], limits[index]) }
        var results: [Result] = []
        for index in 0..<count {
            var result = guesses[index]
            if index > 0 {
                let previousEnd = endPosition(results[index - 1])
                if previousEnd != firstRecordStart(starts[index]) {
                    result = work(previousEnd, limits[index])
                }
            }
            results.append(result)
            if stop(result) { break }
        }
        return results
    }
}
