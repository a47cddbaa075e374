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
    /// How an SEN2 return, when `--data` names one, is read.
    public var sen2 = SEN2Options()

    /// The most errors a thrown `DiagnosticList` lists before one saying how many more there are.
    public static let errorLimit = 100

    public init(
        mode: CSVReadMode = .strict, contracts: [TableContract] = CaseContract.tables,
        dateOrderRules: [DateOrderRule] = CaseContract.dateOrderRules,
        parallelism: Int = CSVReader.defaultParallelism
    ) {
        for (index, contract) in contracts.enumerated() {
            for column in contract.references {
                precondition(
                    contracts[..<index].contains { $0.name == column.references },
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

    /// The contract tables a load of `path` would find absent (no file, and not given by an SEN2
    /// return), found from the folder's file names alone.
    public static func absentTables(at path: String) -> [String] {
        var folder = path
        var given: Set<String> = []
        if case .success(let sen2)? = SEN2Return.locate(path) {
            folder = sen2.folder
            given = Set(SEN2TableMapper.tables)
        }
        return CaseContract.tables.map(\.name).filter {
            !given.contains($0) && !FileSystem.isFile(TableLoad.join(folder, $0 + ".csv"))
        }
    }

    /// Everything the load found, loadable or not; never throws.
    public func inspect(directory: String) -> CaseDataLoadResult {
        AllocatorTuning.returningLargeBlocks { inspectFolder(directory) }
    }

    private func inspectFolder(_ directory: String) -> CaseDataLoadResult {
        var folder = directory
        var origins: [String: TableLoad.Origin] = [:]
        var sen2Issues: [DataIssue] = []
        var sen2Notes: [Diagnostic] = []
        var sen2Files: Set<String> = []
        if let located = SEN2Return.locate(directory) {
            switch located {
            case .failure(let issue):
                sen2Issues.append(issue)
            case .success(let sen2):
                folder = sen2.folder
                if case .blade(let files) = sen2.format {
                    sen2Files = Set(files.values.map { String($0.split(separator: "/").last!) })
                }
                (origins, sen2Issues, sen2Notes) = mappedOrigins(sen2, folder: folder)
            }
        }
        guard FileSystem.isDirectory(folder) else {
            let issue = DataIssue(
                location: DataLocation(file: directory),
                diagnostic: Diagnostic(.unreadable, "data folder not found: \(directory)"))
            return CaseDataLoadResult(
                directory: directory, mode: mode, summaries: [], fatalIssues: [issue], rejects: [],
                findings: [], notes: [], caseData: nil)
        }
        var notes: [Diagnostic] = unknownFileNotes(in: folder, except: sen2Files) + sen2Notes
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
            let load = TableLoad(
                contract: contract, origin: origins[contract.name] ?? .folder(folder), mode: mode,
                parallelism: parallelism,
                maximumFieldBytes: maximumFieldBytes,
                keyLookups: keyLookups, minimumChunkBytes: minimumChunkBytes)
            loads[contract.name] = load
            if load.status == .absent {
                notes.append(
                    Diagnostic(
                        .absentFile, "\(contract.fileName) is absent: the \(contract.name) table is empty",
                        severity: .note))
            }
            guard load.status == .loaded else { continue }
            ReferenceChecker.setAsideDuplicateKeys(in: load)
            referenceNotes += ReferenceChecker.setAsideDanglingReferences(
                in: load, loads: loads, keyIndexes: keyIndexes)
            // Only a table another refers to needs its keys indexed.
            if referenced.contains(contract.name) {
                keyIndexes[contract.name] = KeyIndex(
                    column: load.table.column(named: contract.key)!, removed: load.removed)
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
        let fatalIssues = sen2Issues + contracts.flatMap { loads[$0.name]!.fatalIssues }
        let rejects = contracts.flatMap { loads[$0.name]!.rejects }
        let loadable = fatalIssues.isEmpty && (mode == .lenient || rejects.isEmpty)
        let caseData =
            loadable
            ? CaseData(
                directory: directory, tables: tables, rejects: rejects, findings: findings,
                notes: notes.filter { $0.code == DataErrorCode.absentFile.rawValue },
                absentTables: summaries.filter { $0.status == .absent }.map(\.table)) : nil
        return CaseDataLoadResult(
            directory: directory, mode: mode, summaries: summaries, fatalIssues: fatalIssues,
            rejects: rejects, findings: findings, notes: notes, caseData: caseData)
    }

    /// Notes for CSV files in the folder that no contract table reads (often a misspelt name).
    private func unknownFileNotes(in directory: String, except sen2Files: Set<String>) -> [Diagnostic] {
        let expected = contracts.map(\.fileName)
        return FileSystem.names(in: directory)
            .filter { $0.lowercased().hasSuffix(".csv") && !expected.contains($0) && !sen2Files.contains($0) }
            .map { name in
                var notes: [String] = []
                if let suggestion = NameSuggestion.closest(to: name, among: expected) {
                    notes.append("did you mean \(suggestion)?")
                }
                return Diagnostic(
                    .unknownFile, "\(name) is not a contract table and was not read", severity: .note, notes: notes)
            }
    }

    /// The tables an SEN2 return gives, mapped for the contract's checks; or why it cannot be read.
    /// A table given both by the return and by its own CSV file beside it is an error.
    private func mappedOrigins(
        _ sen2: SEN2Return, folder: String
    )
        -> ([String: TableLoad.Origin], [DataIssue], [Diagnostic])
    {
        var issues: [DataIssue] = []
        var origins: [String: TableLoad.Origin] = [:]
        for table in SEN2TableMapper.tables where FileSystem.isFile(TableLoad.join(folder, table + ".csv")) {
            issues.append(
                DataIssue(
                    location: DataLocation(file: TableLoad.join(folder, table + ".csv")),
                    diagnostic: Diagnostic(
                        .sen2TableTwice, "\(table).csv and \(sen2.description) both give the \(table) table",
                        notes: ["remove \(table).csv, or load the return from a folder without it"])))
        }
        switch sen2.read(limits: self.sen2.limits) {
        case .failure(let issue):
            for table in SEN2TableMapper.tables {
                origins[table] = .failed(table == "people" ? [issue] : [], path: sen2.description)
            }
            return (origins, issues, [])
        case .success(let content):
            let mapped = SEN2TableMapper(content: content, identifiers: self.sen2.identifiers).map()
            let module: [String: SEN2Module] = [
                "people": .person, "requests": .requests, "assessments": .assessment, "plans": .namedPlan,
                "reviews": .activePlans,
            ]
            for (table, csv) in mapped {
                let path = content.files[module[table]!] ?? sen2.description
                origins[table] = .mapped(csv.file(name: path), path: path)
            }
            return (origins, issues, content.notes.map(\.diagnostic))
        }
    }
}
