import Foundation
import SendQLCore
@testable import SendQLIO

/// A generated area read back from its CSV files, for checking what the generator wrote.
///
/// It has its own minimal RFC 4180 parser so that these tests check the generator's bytes
/// independently of the project's CSV reader.
struct GeneratedArea {
    let report: GenerationReport
    let tables: [GeneratedTable: ParsedTable]

    /// Generates an area into a fresh temporary directory, reads it back and deletes the files.
    static func generate(_ configuration: GeneratorConfiguration) throws -> GeneratedArea {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try AreaGenerator(configuration: configuration).write(to: directory.path)
        var tables: [GeneratedTable: ParsedTable] = [:]
        for table in GeneratedTable.allCases {
            tables[table] = try ParsedTable(contentsOf: directory.appendingPathComponent(table.fileName))
        }
        return GeneratedArea(report: report, tables: tables)
    }

    /// A fresh, not yet existing directory under the system's temporary directory.
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sendql-generated-\(UUID().uuidString)")
    }

    subscript(table: GeneratedTable) -> ParsedTable { tables[table]! }
}

/// A CSV file as a header and rows of fields; an empty field reads as nil.
struct ParsedTable {
    let columns: [String]
    let rows: [[String?]]
    /// Every row as a dictionary from column name to value, built once.
    let records: [[String: String?]]

    init(contentsOf url: URL) throws {
        let parsed = Self.parse(try Data(contentsOf: url))
        let columns = parsed.first?.map { $0 ?? "" } ?? []
        self.columns = columns
        rows = Array(parsed.dropFirst())
        records = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
    }

    /// The values of one column, in row order.
    func column(_ name: String) -> [String?] {
        guard let index = columns.firstIndex(of: name) else { preconditionFailure("no column \(name)") }
        return rows.map { $0[index] }
    }

    private static func parse(_ data: Data) -> [[String?]] {
        var records: [[String?]] = []
        var record: [String?] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        let bytes = [UInt8](data)
        var index = 0
        func endField() {
            record.append(field.isEmpty && !wasQuoted ? nil : String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
                wasQuoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") {
                endField()
                records.append(record)
                record.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}

extension String {
    /// The day number of an ISO date; a test failure when the text is not one.
    var day: Int32 {
        guard let date = CivilDate(iso: self) else { preconditionFailure("not an ISO date: \(self)") }
        return date.dayNumber
    }
}
