/// One CSV writer per table, each writing into its own atomically replaced file.
struct AreaTableWriters {
    let people: CSVWriter
    let requests: CSVWriter
    let assessments: CSVWriter
    let plans: CSVWriter
    let advice: CSVWriter
    let reviews: CSVWriter
    let audits: CSVWriter
    let feedback: CSVWriter
    let complaints: CSVWriter
    let appeals: CSVWriter
    private let files: [AtomicFileSink]

    /// Opens a temporary file per table in `directory` and writes the header rows.
    init(directory: String) throws {
        var files: [AtomicFileSink] = []
        var writers: [CSVWriter] = []
        do {
            for table in GeneratedTable.allCases {
                let file = try AtomicFileSink(destination: "\(directory)/\(table.fileName)")
                files.append(file)
                let writer = CSVWriter(sink: file)
                try writer.writeHeader(table.columns)
                writers.append(writer)
            }
        } catch {
            files.forEach { $0.discard() }
            throw error
        }
        self.files = files
        (people, requests, assessments, plans, advice) = (writers[0], writers[1], writers[2], writers[3], writers[4])
        (reviews, audits, feedback, complaints, appeals) = (writers[5], writers[6], writers[7], writers[8], writers[9])
    }

    private var all: [CSVWriter] {
        [people, requests, assessments, plans, advice, reviews, audits, feedback, complaints, appeals]
    }

    /// Flushes every table and moves the files into place. A failure while writing leaves the
    /// directory as it was; a failure while renaming (rare, since each temporary file sits beside its
    /// destination) leaves the tables renamed before it replaced and the rest as they were.
    func commit(directory: String) throws -> GenerationReport {
        do {
            for writer in all { try writer.finish() }
        } catch {
            discard()
            throw error
        }
        for (index, file) in files.enumerated() {
            do {
                try file.commit()
            } catch {
                files[(index + 1)...].forEach { $0.discard() }
                throw error
            }
        }
        let summaries = zip(GeneratedTable.allCases, all).map { table, writer in
            GenerationReport.TableSummary(table: table, rows: writer.rowsWritten - 1, bytes: writer.bytesWritten)
        }
        return GenerationReport(directory: directory, tables: summaries)
    }

    /// Deletes every temporary file.
    func discard() {
        files.forEach { $0.discard() }
    }
}
