/// The memory a `CSVRecordScanner` keeps its current record's fields in.
///
/// A plain buffer rather than an array: storing a field is then a write, not an append with a
/// uniqueness and capacity check, and starting a record is resetting a count. Grows by replacement
/// (the scanner swaps in a bigger store), so a pointer taken from it stays valid while it lives.
final class FieldSpanStore {
    let spans: UnsafeMutablePointer<FieldSpan>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        spans = .allocate(capacity: capacity)
    }

    /// A store twice as big holding the first `count` fields of this one.
    func grown(keeping count: Int) -> FieldSpanStore {
        let bigger = FieldSpanStore(capacity: capacity * 2)
        bigger.spans.initialize(from: spans, count: count)
        return bigger
    }

    deinit { spans.deallocate() }
}
