import Foundation
import SendQLCore

/// What `sendql generate --format` writes.
public enum AreaFormat: String, CaseIterable, Sendable {
    /// The contract's ten CSV files (the default).
    case csv
    /// The area as an SEN2 return holds it, as the contract's CSV files (people, requests,
    /// assessments, plans, reviews), with the five local tables beside them.
    case sen2CSV = "sen2-csv"
    /// The same, the SEN2 tables as an XML return (`return.xml`).
    case sen2XML = "sen2-xml"
    /// The same, the SEN2 tables as a Blade export (`Blade-Export_<DD-MM-YYYY>_<module>.csv`).
    case sen2Blade = "sen2-blade"
}

/// Writes a generated area (a folder of contract CSV files) as SEN2: the return (or its CSV view) and
/// the area's own files for the tables SEN2 lacks, copied beside it.
public enum SEN2AreaWriter {
    /// The tables SEN2 does not carry, copied as they are.
    static let localTables = ["advice", "audits", "feedback", "complaints", "appeals"]

    /// Writes into `directory` and returns the names of the files written. `extractedOn`: the last day
    /// of the data; the return is the January census after it.
    public static func write(
        csvFolder: String, to directory: String, format: AreaFormat, extractedOn day: Int32,
        lea: String
    ) throws -> [String] {
        let data = try CaseDataLoader().load(directory: csvFolder)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileOutputError(path: directory, operation: "create directory", reason: error.localizedDescription)
        }
        let area: SEN2Area
        do {
            area = try SEN2Area(data)
        } catch {
            throw FileOutputError(path: directory, operation: "write an SEN2 return", reason: error.description)
        }
        let year = CivilDate(dayNumber: day).year + 1
        let header = SEN2Header(year: String(year), referenceDate: SEN2Census.referenceDate(year: year).iso, lea: lea)
        var written: [String] = []
        switch format {
        case .csv:
            return []
        case .sen2CSV:
            let tables = area.tables
            for table in SEN2TableMapper.tables {
                let columns = CaseContract.table(named: table)!.columns.map(\.name)
                try writeCSV(
                    TableLoad.join(directory, table + ".csv"), columns: columns,
                    rows: (tables[table] ?? []).map { row in columns.map { row[$0] ?? "" } })
                written.append(table + ".csv")
            }
        case .sen2XML:
            var writer = SEN2XMLWriter(header: header)
            let sink = try AtomicFileSink(destination: TableLoad.join(directory, "return.xml"))
            do {
                let bytes = Array(writer.write(area).utf8)
                try bytes.withUnsafeBytes { try sink.write($0) }
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
            written.append("return.xml")
        case .sen2Blade:
            for (module, file) in SEN2BladeWriter(header: header).write(area).sorted(by: { $0.key < $1.key }) {
                let name = SEN2BladeWriter.fileName(module: module, day: day)
                try writeCSV(TableLoad.join(directory, name), columns: file.columns, rows: file.rows)
                written.append(name)
            }
        }
        for table in localTables {
            let source = TableLoad.join(csvFolder, table + ".csv")
            guard FileSystem.isFile(source) else { continue }
            let bytes = try FileBytes.read(path: source)
            let sink = try AtomicFileSink(destination: TableLoad.join(directory, table + ".csv"))
            do {
                try bytes.withUnsafeBytes { try sink.write($0) }
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
            written.append(table + ".csv")
        }
        return written
    }

    private static func writeCSV(_ path: String, columns: [String], rows: [[String]]) throws {
        let sink = try AtomicFileSink(destination: path)
        let writer = CSVWriter(sink: sink)
        do {
            try writer.writeHeader(columns)
            for row in rows {
                for cell in row { writer.writeField(cell) }
                try writer.endRow()
            }
            try writer.finish()
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }
}

/// SEN2's census day: the third Thursday of January.
enum SEN2Census {
    static func referenceDate(year: Int) -> CivilDate {
        var day = CivilDate(year: year, month: 1, day: 1).dayNumber
        // Day number 0 is 1970-01-01, a Thursday.
        while ((Int(day) % 7) + 7) % 7 != 0 { day += 1 }
        return CivilDate(dayNumber: day + 14)
    }
}
