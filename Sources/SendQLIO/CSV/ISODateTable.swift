import SendQLCore

/// Every date from 1900-01-01 to 2099-12-31 pre-formatted as `YYYY-MM-DD`, so writing a date is a
/// 10-byte copy: converting day numbers to dates was the largest cost of writing big tables.
enum ISODateTable {
    static let firstDay = CivilDate(year: 1900, month: 1, day: 1).dayNumber
    static let lastDay = CivilDate(year: 2099, month: 12, day: 31).dayNumber

    /// 10 bytes per day from `firstDay`.
    static let bytes: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(lastDay - firstDay + 1) * 10)
        for day in firstDay...lastDay { bytes.append(contentsOf: CivilDate(dayNumber: day).iso.utf8) }
        return bytes
    }()
}
