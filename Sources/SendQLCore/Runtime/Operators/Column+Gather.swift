extension Column {
    /// The rows at `indices`, in that order. An index of -1 gives a null (the unmatched side of a left join).
    public func gather(_ indices: [Int32]) -> Column {
        var validity: Bitmap? = nil
        let hasMissing = indices.contains(-1)
        if self.validity != nil || hasMissing {
            var bits = Bitmap(count: indices.count, value: false)
            for (i, index) in indices.enumerated() where index >= 0 && !isNull(Int(index)) { bits.set(i) }
            validity = bits
        }
        @inline(__always) func pick<T>(_ values: [T], _ zero: T) -> [T] {
            values.withUnsafeBufferPointer { source in
                indices.map { $0 >= 0 ? source[Int($0)] : zero }
            }
        }
        switch storage {
        case .int(let v): return Column(.int(pick(v, 0)), validity: validity)
        case .double(let v): return Column(.double(pick(v, 0)), validity: validity)
        case .bool(let v): return Column(.bool(pick(v, false)), validity: validity)
        case .date(let v): return Column(.date(pick(v, 0)), validity: validity)
        case .duration(let v): return Column(.duration(pick(v, 0)), validity: validity)
        case .string(let codes, var dict):
            if dict.count == 0 { _ = dict.intern("") }
            return Column(.string(codes: pick(codes, 0), dictionary: dict), validity: validity)
        }
    }

    /// This column followed by `other` (same type); string dictionaries are merged.
    public func appending(_ other: Column) -> Column {
        Column.concatenating([self, other])
    }

    /// The bool values with nulls read as false: the rows a `where` keeps.
    public func selection() -> [Int32] {
        guard case .bool(let values) = storage else { preconditionFailure("selection needs a bool column") }
        let n = values.count
        let kept = values.withUnsafeBufferPointer { buffer in
            // Eight slack entries: each step of eight rows writes eight numbers and keeps the true ones.
            [Int32](unsafeUninitializedCapacity: n + 8) { out, initialized in
                guard n > 0, let base = out.baseAddress else { initialized = 0; return }
                var end = 0
                let words = validity?.words ?? []
                let hasValidity = validity != nil
                let offsets = SelectionTable.offsets
                offsets.withUnsafeBufferPointer { offsets in
                    words.withUnsafeBufferPointer { words in
                        buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) { bytes in
                            let whole = n & ~7
                            var i = 0
                            while i < whole {
                                // The eight 0/1 bytes packed into one byte: bit k is row i + k.
                                var mask = Int(
                                    (UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                                        &* 0x0102_0408_1020_4080) >> 56)
                                if hasValidity {
                                    mask &= Int(truncatingIfNeeded: words[i >> 6] >> UInt64(i & 63)) & 0xFF
                                }
                                UnsafeMutableRawPointer(base + end).storeBytes(
                                    of: offsets[mask] &+ SIMD8(repeating: Int32(truncatingIfNeeded: i)),
                                    as: SIMD8<Int32>.self)
                                end &+= mask.nonzeroBitCount
                                i &+= 8
                            }
                            while i < n {
                                base[end] = Int32(truncatingIfNeeded: i)
                                let valid = !hasValidity || words[i >> 6] >> UInt64(i & 63) & 1 != 0
                                end &+= bytes[i] != 0 && valid ? 1 : 0
                                i &+= 1
                            }
                        }
                    }
                }
                initialized = end
            }
        }
        // A small selection should not keep the whole table's worth of capacity.
        return kept.count < values.count / 4 ? Array(kept) : kept
    }
}

/// For each byte of eight flags, the positions of its set bits, in order (unused lanes zero).
private enum SelectionTable {
    static let offsets: [SIMD8<Int32>] = (0..<256).map { mask in
        var lanes = SIMD8<Int32>(repeating: 0)
        var lane = 0
        for bit in 0..<8 where mask >> bit & 1 != 0 {
            lanes[lane] = Int32(bit)
            lane += 1
        }
        return lanes
    }
}

extension Table {
    /// The rows at `indices` (-1 gives a row of nulls).
    public func gather(_ indices: [Int32]) -> Table {
        // A pruned column (see `ColumnUsage`) stays pruned.
        let gathered = columns.map { $0.count == rowCount ? $0.gather(indices) : Column.nulls($0.type, count: 0) }
        return Table(pruned: schema, columns: gathered, rowCount: indices.count)
    }

    /// The first `n` rows, or the rows of a range.
    public func slice(_ range: Range<Int>) -> Table {
        let clamped = range.clamped(to: 0..<rowCount)
        return gather(clamped.map { Int32($0) })
    }

    /// Only these columns, in this order, under new names.
    public func project(_ picks: [(name: String, index: Int)]) -> Table {
        Table(
            schema: Schema(picks.map { Field($0.name, schema.fields[$0.index].type) }),
            columns: picks.map { columns[$0.index] },
            rowCount: rowCount
        )
    }
}
