import SendQLCore
@testable import SendQLIO

/// Writes `files` to a fresh folder and inspects it.
func inspectFolder(
    _ files: [String: String], mode: CSVReadMode = .strict
) throws -> (CaseDataLoadResult, TemporaryFolder) {
    let folder = try TemporaryFolder()
    try folder.write(files)
    return (CaseDataLoader(mode: mode, parallelism: 1).inspect(directory: folder.path), folder)
}

extension CaseDataLoadResult {
    /// Every row problem, as `file:line:column: message` with the folder's path left out.
    func issueTexts(in folder: TemporaryFolder) -> [String] {
        rejects.flatMap(\.issues).map { $0.text.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    func fatalTexts(in folder: TemporaryFolder) -> [String] {
        fatalIssues.map { $0.text.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    func findingTexts(in folder: TemporaryFolder) -> [String] {
        findings.map { $0.text.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    func summary(_ table: String) -> TableLoadSummary? { summaries.first { $0.table == table } }
}

/// The reference fixture with some files replaced (or, with nil, removed).
func referenceFixture(with changes: [String: String?]) -> [String: String] {
    var files = ContractFixtures.reference
    for (name, text) in changes { files[name] = text }
    return files
}
