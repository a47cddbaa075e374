import Dispatch

/// Runs independent jobs side by side on the machine's cores, keeping results in job order.
enum ParallelMap {
    /// `[body(0), body(1), ...]`, computed concurrently when `parallel` and there is more than one job.
    /// The jobs must not share mutable state: each reads what it is given and returns its own result.
    static func map<Result>(_ count: Int, parallel: Bool = true, _ body: (Int) -> Result) -> [Result] {
        if count <= 1 || !parallel { return (0..<count).map(body) }
        let slots = ResultSlots<Result>(count: count)
        // The callers' jobs read shared immutable data (the file's bytes) and build private results.
        nonisolated(unsafe) let job = body
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, job(index)) }
        return (0..<count).map { slots.get($0) }
    }
}

/// One slot per job, each written by exactly one thread before any is read.
///
/// Raw memory rather than an array property: concurrent writes to distinct elements of a class's
/// array property would trip Swift's dynamic exclusivity checks.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Result) { slots[index] = result }
    func get(_ index: Int) -> Result { slots[index]! }
}
