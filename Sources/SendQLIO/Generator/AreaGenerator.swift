import Foundation

/// Writes a believable synthetic local area as the data contract's ten CSV tables.
///
/// The same configuration always produces byte-identical files. See docs/generator.md for the
/// story the data tells.
public struct AreaGenerator: Sendable {
    /// What to generate.
    public let configuration: GeneratorConfiguration

    /// A generator for the configuration, by default the bundled sample area's.
    public init(configuration: GeneratorConfiguration = .sampleArea) {
        self.configuration = configuration
    }

    /// Writes `<table>.csv` for every table into `directory` (created when missing), each file
    /// replaced atomically, and reports what was written. Other files in the directory are left alone.
    public func write(to directory: String) throws -> GenerationReport {
        try configuration.validate()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileOutputError(path: directory, operation: "create directory", reason: error.localizedDescription)
        }
        let tables = try AreaTableWriters(directory: directory)
        do {
            try AreaSimulation(configuration: configuration, tables: tables).run()
        } catch {
            tables.discard()
            throw error
        }
        return try tables.commit(directory: directory)
    }

    /// Writes the area in `format`: the contract's CSV files, or (for an SEN2 format) the area as an
    /// SEN2 return holds it, with the five local tables beside it. Returns the files written.
    public func write(to directory: String, format: AreaFormat, lea: String = "314") throws -> [String] {
        guard format != .csv else { return try write(to: directory).tables.map(\.table.fileName) }
        let scratch =
            NSTemporaryDirectory()
            + "sendql-generate-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try write(to: scratch)
        return try SEN2AreaWriter.write(
            csvFolder: scratch, to: directory, format: format, extractedOn: configuration.to, lea: lea)
    }
}
