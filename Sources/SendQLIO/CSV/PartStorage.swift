/// The memory one `ColumnPart` appends its values into: sized up front from the chunk's row estimate.
///
/// A plain buffer rather than an array: appending a value is then a write and a capacity compare,
/// not an array append with its uniqueness check. Grows by replacement (the part swaps in a bigger
/// store), so a pointer taken from a store stays valid while that store lives.
final class PartStorage {
    let base: UnsafeMutableRawPointer
    /// In elements of `stride` bytes.
    let capacity: Int
    let stride: Int

    /// Room for `capacity` elements of `Element`, bound to that type.
    init<Element>(capacity: Int, of _: Element.Type) {
        self.capacity = max(capacity, 1)
        stride = MemoryLayout<Element>.stride
        base = .allocate(byteCount: self.capacity * stride, alignment: MemoryLayout<Element>.alignment)
        base.bindMemory(to: Element.self, capacity: self.capacity)
    }

    /// A store twice as big holding the first `count` elements of this one.
    func grown<Element>(keeping count: Int, of type: Element.Type) -> PartStorage {
        let bigger = PartStorage(capacity: capacity * 2, of: type)
        bigger.base.copyMemory(from: base, byteCount: count * stride)
        return bigger
    }

    func elements<Element>(_ count: Int, of _: Element.Type) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base.assumingMemoryBound(to: Element.self), count: count)
    }

    deinit { base.deallocate() }
}
