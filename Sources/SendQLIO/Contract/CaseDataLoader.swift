import SendQLCore

/// Loads a local area's data folder as the case-level data contract describes.
///
/// Reads `<directory>/<table>.csv` for every contract table, then checks keys are unique, references
/// resolve, and dates come in possible orders. In strict mode any bad row makes the data unloadable
/// (every problem is still gathered, for the report); in lenient mode bad rows are set aside as
/// rejects. Files that cannot be used at all (unreadable, no header, a required column missing) make
/// the data unloadable in both modes.
///
/// ```swift
/// let data = try CaseDataLoader(mode: .lenient).load(directory: "datasets/sample-area")
/// let requests = data.tables["requests"]!
/// ```
public struct CaseDataLoader: Sendable {
    public var mode: CSVReadMode
    /// The tables to load; a table must come after every table it refers to.
    public var contracts: [TableContract]
    public var dateOrderRules: [DateOrderRule]
    /// Chunks parsed side by side within each file.
    public var parallelism: Int
    /// Files smaller than this many bytes a chunk are read in fewer chunks (tests make it small).
    var minimumChunkBytes = ChunkPlan.minimumBytesPerChunk
    /// The longest field read, in bytes; a longer one is a problem with its row (E0717).
    public var maximumFieldBytes = CSVReader.defaultMaximumFieldBytes

    /// The most errors a thrown `DiagnosticList` lists before one saying how many more there are.
    public static let errorLimit = 100

    public init(
        mode: CSVReadMode = .strict, contracts: [TableContract] = CaseContract.tables,
        dateOrderRules: [DateOrderRule] = CaseContract.dateOrderRules,
        parallelism: Int = CSVReader.defaultParallelism
    ) {
        for (index, contract) in contracts.enumerated() {
            for column in contract.references {
                precondition(contracts[..<index].contains { $0.name == column.references },
                             "\(contract.name).\(column.name) refers to a table that is not loaded before it")
            }
        }
        self.mode = mode
        self.contracts = contracts
        self.dateOrderRules = dateOrderRules
        self.parallelism = parallelism
    }

    /// The loaded data. Throws a `DiagnosticList` of the errors (at most `errorLimit` of them, then
    /// one saying how many more) when the data is not loadable.
    public func load(directory: String) throws -> CaseData {
        let result = inspect(directory: directory)
        if let data = result.caseData { return data }
        let errors = result.errors.map(\.diagnostic)
        var shown = Array(errors.prefix(Self.errorLimit))
        if errors.count > Self.errorLimit {
            shown.append(Diagnostic(.badValue, "… and \(errors.count - Self.errorLimit) more errors", severity: .note))
        }
        throw DiagnosticList(shown)
    }

    /// Everything the load found, loadable or not; never throws.
    public func inspect(directory: String) -> CaseDataLoadResult {
        AllocatorTuning.returningLargeBlocks { inspectFolder(directory) }
    }

    private func inspectFolder(_ directory: String) -> CaseDataLoadResult {
        guard FileSystem.isDirectory(directory) else {
            let issue = DataIssue(
                location: DataLocation(file: directory),
                diagnostic: Diagnostic(.unreadable, "data folder not found: \(directory)"))
            return CaseDataLoadResult(
                directory: directory, mode: mode, summaries: [], fatalIssues: [issue], rejects: [],
                findings: [], notes: [], caseData: nil)
        }
        var notes: [Diagnostic] = unknownFileNotes(in: directory)
        var referenceNotes: [Diagnostic] = []
        var loads: [String: TableLoad] = [:]
        var keyIndexes: [String: KeyIndex] = [:]
        let referenced = Set(contracts.flatMap { $0.references.compactMap(\.references) })
        // Each table is checked as soon as it is read (its parents are complete by then), so its
        // references share their parents' dictionaries before the next, larger table is read.
        for contract in contracts {
            // References are read straight into their key column's codes where that key is loaded.
            var keyLookups: [String: StringDictionary] = [:]
            for column in contract.references {
                if let target = column.references, let index = keyIndexes[target] {
                    keyLookups[column.name] = index.lookupDictionary
                }
            }
            let load = TableLoad(contract: contract, directory: directory, mode: mode, parallelism: parallelism,
                                 maximumFieldBytes: maximumFieldBytes,
                                 keyLookups: keyLookups, minimumChunkBytes: minimumChunkBytes)
            loads[contract.name] = load
            if load.status == .absent {
                notes.append(Diagnostic(
                    .absentFile, "\(contract.fileName) is absent: the \(contract.name) table is empty",
                    severity: .note))
            }
            guard load.status == .loaded else { continue }
            ReferenceChecker.setAsideDuplicateKeys(in: load)
            referenceNotes += ReferenceChecker.setAsideDanglingReferences(in: load, loads: loads, keyIndexes: keyIndexes)
            // Only a table another refers to needs its keys indexed.
            if referenced.contains(contract.name) {
                keyIndexes[contract.name] = KeyIndex(column: load.table.column(named: contract.key)!, removed: load.removed)
            }
        }
        notes += referenceNotes
        let findings = DateOrderChecker(loads: loads, keyIndexes: keyIndexes)
            .findings(for: dateOrderRules)
        var tables: [String: Table] = [:]
        var summaries: [TableLoadSummary] = []
        for contract in contracts {
            let (table, summary) = loads[contract.name]!.finish()
            tables[contract.name] = table
            summaries.append(summary)
        }
        let fatalIssues = contracts.flatMap { loads[$0.name]!.fatalIssues }
        let rejects = contracts.flatMap { loads[$0.name]!.rejects }
        let loadable = fatalIssues.isEmpty && (mode == .lenient || rejects.isEmpty)
        let caseData = loadable ? CaseData(
            directory: directory, tables: tables, rejects: rejects, findings: findings,
            notes: notes.filter { $0.code == DataErrorCode.absentFile.rawValue },
            absentTables: summaries.filter { $0.status == .absent }.map(\.table)) : nil
        return CaseDataLoadResult(
            directory: directory, mode: mode, summaries: summaries, fatalIssues: fatalIssues,
            rejects: rejects, findings: findings, notes: notes, caseData: caseData)
    }

    /// Notes for CSV files in the folder that no contract table reads (often a misspelt name).
    private func unknownFileNotes(in directory: String) -> [Diagnostic] {
        let expected = contracts.map(\.fileName)
        return FileSystem.names(in: directory)
            .filter { $0.lowercased().hasSuffix(".csv") && !expected.contains($0) }
            .map { name in
                var notes: [String] = []
                if let suggestion = NameSuggestion.closest(to: name, among: expected) {
                    notes.append("did you mean \(suggestion)?")
                }
                return Diagnostic(
                    .unknownFile, "\(name) is not a contract table and was not read", severity: .note, notes: notes)
            }
    }
}
