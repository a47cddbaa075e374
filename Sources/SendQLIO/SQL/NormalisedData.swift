import Foundation
import SendQLCore

/// The contract's tables as loaded, written back as canonical CSV (ISO dates, `true`/`false`,
/// codes in the contract's spelling, nulls empty, text exactly as read), which any engine's CSV
/// reader loads with the types of `sendql compile --ddl`.
public enum NormalisedData {
    /// Writes `<table>.csv` for every contract table into `folder` (made if missing); each file
    /// appears whole or not at all. Returns the files written.
    public static func write(_ data: CaseData, to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for contract in CaseContract.tables {
            let table = data.table(contract.name) ?? Table.empty(contract.schema)
            let path = (folder as NSString).appendingPathComponent(contract.fileName)
            let sink = try AtomicFileSink(destination: path)
            do {
                try TableCSVExporter.write(table, to: sink, safety: .off)
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
            written.append(path)
        }
        return written
    }
}
