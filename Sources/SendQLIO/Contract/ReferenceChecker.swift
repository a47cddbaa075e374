import SendQLCore

/// The checks that need more than one row: unique keys within a table, references across tables.
///
/// A row that fails is set aside (`TableLoad.remove`); the first row with a key stays, later ones go.
/// Tables are checked parents first, so a row set aside in a parent leaves its children's references
/// dangling, and the message says why.
enum ReferenceChecker {
    /// Sets aside every row whose key an earlier row already has.
    static func setAsideDuplicateKeys(in load: TableLoad) {
        let key = load.contract.key
        guard let column = load.table.column(named: key), case .string(let codes, let dictionary) = column.storage
        else {
            return
        }
        var firstRow = [Int32](repeating: -1, count: dictionary.count)
        for row in 0..<load.table.rowCount where !load.removed[row] && !column.isNull(row) {
            let code = Int(codes[row])
            guard firstRow[code] >= 0 else {
                firstRow[code] = Int32(row)
                continue
            }
            let firstLine = load.location(ofRow: Int(firstRow[code]))?.line ?? 0
            if let issue = load.issue(
                row: row, column: key, code: .duplicateKey,
                message: "duplicate \(key) \(FoundText.quoted(dictionary[codes[row]])) (first on line \(firstLine))")
            {
                load.remove(row: row, for: issue)
            }
        }
    }

    /// Re-codes a checked reference column against the key column's own dictionary, so the two
    /// share one list of strings: a national dataset's references then cost no second copy of every
    /// identifier, and a join on them compares codes. Rows set aside (dangling references among
    /// them) get code 0; they are dropped when the load finishes.
    private static func shareKeyDictionary(of name: String, in load: TableLoad, index: KeyIndex, keyCodes: [Int32]) {
        guard let column = load.table.column(named: name), case .string(let codes, let dictionary) = column.storage,
            index.keyDictionary.count > 0
        else { return }
        load.referenceRows[name] = index.rowsByKeyCode
        // Read against the key's dictionary with nothing dangling: shared already.
        if load.codedAgainstKeys.contains(name), dictionary.count == index.keyDictionary.count { return }
        let recoded = codes.withUnsafeBufferPointer { codes in
            keyCodes.withUnsafeBufferPointer { keyCodes in
                [UInt32](unsafeUninitializedCapacity: codes.count) { out, initialized in
                    for row in 0..<codes.count {
                        let code = Int(codes[row])
                        let key = code < keyCodes.count ? keyCodes[code] : -1
                        out[row] = key < 0 ? 0 : UInt32(key)
                    }
                    initialized = codes.count
                }
            }
        }
        load.replaceColumn(
            named: name,
            with: Column(
                .string(codes: recoded, dictionary: index.keyDictionary),
                validity: column.validity))
        load.referenceRows[name] = index.rowsByKeyCode
    }

    /// Sets aside every row with a reference no kept row of the target table has; notes references
    /// that could not be checked because the target table is absent or failed.
    static func setAsideDanglingReferences(
        in load: TableLoad, loads: [String: TableLoad], keyIndexes: [String: KeyIndex]
    ) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for reference in load.contract.references {
            guard let targetName = reference.references, let target = loads[targetName],
                load.headerFields[reference.name] != nil
            else { continue }
            guard let index = keyIndexes[targetName] else {
                let why = target.status == .absent ? "is absent" : "could not be loaded"
                notes.append(
                    Diagnostic(
                        .referenceNotChecked,
                        "\(load.contract.name).\(reference.name) was not checked: \(target.fileName) \(why)",
                        severity: .note))
                continue
            }
            guard let column = load.table.column(named: reference.name),
                case .string(let codes, let dictionary) = column.storage
            else { continue }
            // Each distinct value resolved once: the target row, or -1 when dangling.
            // A column read against the key's dictionary holds its codes already (values past them dangle).
            let keyCount = index.keyDictionary.count
            let keyCodes =
                load.codedAgainstKeys.contains(reference.name)
                ? (0..<dictionary.count).map { $0 < keyCount ? Int32($0) : -1 }
                : index.keyCodes(for: dictionary)
            let resolved = index.rows(forKeyCodes: keyCodes)
            for row in 0..<load.table.rowCount
            where !column.isNull(row) && resolved[Int(codes[row])] < 0 && !load.removed[row] {
                let value = dictionary[codes[row]]
                var notes: [String] = []
                if let location = target.rejectedKeys[value] {
                    let fate = load.mode == .lenient ? "was set aside" : "has errors"
                    notes.append(
                        "\(location.lineText) has \(target.contract.key) \(FoundText.quoted(value)), but that row \(fate)"
                    )
                }
                if let issue = load.issue(
                    row: row, column: reference.name, code: .danglingReference,
                    message:
                        "expected a \(target.contract.key) from \(target.fileName), found \(FoundText.quoted(value))",
                    notes: notes)
                {
                    load.remove(row: row, for: issue)
                }
            }
            shareKeyDictionary(of: reference.name, in: load, index: index, keyCodes: keyCodes)
        }
        return notes
    }
}
