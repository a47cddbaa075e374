import SendQLCore

/// Finds kept rows whose dates break a `DateOrderRule`.
struct DateOrderChecker {
    let loads: [String: TableLoad]
    let keyIndexes: [String: KeyIndex]

    func findings(for rules: [DateOrderRule]) -> [Finding] {
        rules.flatMap { findings(for: $0) }
    }

    private func findings(for rule: DateOrderRule) -> [Finding] {
        guard let load = loads[rule.table], load.status == .loaded,
            let dates = DateColumn(load.table.column(named: rule.date))
        else { return [] }
        // The anchor date of each row: from the row itself, or from the row its reference leads to.
        let anchorTable: TableLoad
        var anchorOfCode: [Int32]? = nil
        var referenceCodes: [UInt32] = []
        var reference: Column? = nil
        if let via = rule.notBefore.via {
            guard let targetName = load.contract.column(named: via)?.references, let target = loads[targetName],
                let index = keyIndexes[targetName],
                let column = load.table.column(named: via),
                case .string(let codes, let dictionary) = column.storage
            else { return [] }
            anchorTable = target
            anchorOfCode = load.referenceRows[via] ?? index.rows(for: dictionary)
            referenceCodes = codes
            reference = column
        } else {
            anchorTable = load
        }
        guard let anchors = DateColumn(anchorTable.table.column(named: rule.notBefore.column)) else { return [] }
        var found: [Finding] = []
        let removed = load.removed
        for row in 0..<load.table.rowCount where !removed[row] {
            guard let date = dates[row] else { continue }
            var anchorRow = row
            if let anchorOfCode {
                if reference!.isNull(row) { continue }
                let target = anchorOfCode[Int(referenceCodes[row])]
                if target < 0 { continue }
                anchorRow = Int(target)
            }
            guard let anchorDate = anchors[anchorRow], date < anchorDate else { continue }
            if let finding = finding(rule, load, row, date, anchorTable, anchorRow, anchorDate) {
                found.append(finding)
            }
        }
        return found
    }

    private func finding(
        _ rule: DateOrderRule, _ load: TableLoad, _ row: Int, _ date: Int32,
        _ anchorTable: TableLoad, _ anchorRow: Int, _ anchorDate: Int32
    ) -> Finding? {
        let key = load.key(ofRow: row)
        let viaOther = rule.notBefore.via != nil
        let anchorKey = viaOther ? anchorTable.key(ofRow: anchorRow) : nil
        let anchorLocation = viaOther ? anchorTable.location(ofRow: anchorRow) : nil
        var message =
            "\(load.contract.key) \(FoundText.quoted(key)): \(rule.date) \(CivilDate(dayNumber: date)) "
            + "is before \(rule.notBefore.phrase) \(CivilDate(dayNumber: anchorDate))"
        if let anchorKey, let anchorLocation {
            message += " (\(anchorTable.contract.key) \(FoundText.quoted(anchorKey)), \(anchorLocation.lineText))"
        }
        // A date with a value comes from a column the file has, so its field can always be located.
        guard
            let issue = load.issue(
                row: row, column: rule.date, code: .dateOrder, message: message,
                notes: [rule.reason], severity: .warning)
        else { return nil }
        return Finding(
            rule: rule, location: issue.location, keyColumn: load.contract.key, key: key,
            date: CivilDate(dayNumber: date), anchorDate: CivilDate(dayNumber: anchorDate),
            anchorKey: anchorKey, anchorLocation: anchorLocation, diagnostic: issue.diagnostic)
    }
}

/// Reads a date column's values by row, nil for null.
private struct DateColumn {
    let values: [Int32]
    let column: Column

    init?(_ column: Column?) {
        guard let column, case .date(let values) = column.storage else { return nil }
        self.values = values
        self.column = column
    }

    subscript(row: Int) -> Int32? { column.isNull(row) ? nil : values[row] }
}
