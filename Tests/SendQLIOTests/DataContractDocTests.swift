import Foundation
import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// `docs/data-contract.md` describes the contract the loader implements: its tables are checked
/// against `CaseContract`, and its example `check` run is run.
struct DataContractDocTests {
    static let doc: String = {
        let path = RepositoryPaths.root.appendingPathComponent("docs/data-contract.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// The markdown a contract table is documented with.
    static func markdown(_ contract: TableContract) -> String {
        var lines = [
            "### \(contract.name) — \(contract.summary)",
            "",
            "File `\(contract.fileName)`, key `\(contract.key)`.",
            "",
            "| column | | type | values | meaning |",
            "|---|---|---|---|---|",
        ]
        for column in contract.columns {
            var values: [String] = []
            if column.name == contract.key { values.append("key") }
            if let target = column.references, let targetKey = CaseContract.table(named: target)?.key {
                values.append("→ \(target).\(targetKey)")
            }
            switch column.format {
            case .code(let list): values.append(list.values.map { "`\($0)`" }.joined(separator: ", "))
            case .int(let range?): values.append("\(range.lowerBound) to \(range.upperBound)")
            default: break
            }
            let requirement = column.isRequired ? "R" : "o"
            let type: String
            if case .code = column.format { type = "code" } else { type = column.format.dataType.description }
            let cells = [column.name, requirement, type, values.joined(separator: "; "), column.meaning]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: CaseContract.tables.map(\.name))
    func documentsEveryTableAsTheLoaderReadsIt(table: String) throws {
        let contract = try #require(CaseContract.table(named: table))
        #expect(
            Self.doc.contains(Self.markdown(contract)),
            "docs/data-contract.md lacks or misstates:\n\(Self.markdown(contract))")
    }

    @Test func documentsEveryDateOrderRule() {
        for rule in CaseContract.dateOrderRules {
            let row = "| \(rule.table) | \(rule.date) | \(rule.notBefore.phrase) | \(rule.reason) |"
            #expect(Self.doc.contains(row), "missing: \(row)")
        }
    }

    /// The text of the fenced block that follows `marker` in the doc.
    static func block(after marker: String) -> String? {
        guard let markerRange = doc.range(of: marker),
            let open = doc.range(of: "```", range: markerRange.upperBound..<doc.endIndex),
            let lineEnd = doc.range(of: "\n", range: open.upperBound..<doc.endIndex),
            let close = doc.range(of: "\n```", range: lineEnd.upperBound..<doc.endIndex)
        else { return nil }
        return String(doc[lineEnd.upperBound..<close.lowerBound]) + "\n"
    }

    /// The lines after the command line `command` up to the end of its fenced block.
    static func output(of command: String) -> String? {
        guard let commandRange = doc.range(of: command + "\n"),
            let close = doc.range(of: "\n```", range: commandRange.upperBound..<doc.endIndex)
        else { return nil }
        return String(doc[commandRange.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func theExampleCheckPrintsWhatTheDocSays() throws {
        let folder = try TemporaryFolder()
        for name in ["people.csv", "requests.csv", "plans.csv", "reviews.csv"] {
            let text = try #require(Self.block(after: "`example-area/\(name)`"), "no example \(name)")
            try folder.write([name: text])
        }
        let expected = try #require(Self.output(of: "$ sendql check --data example-area --lenient"))
        let result = CaseDataLoader(mode: .lenient, parallelism: 1).inspect(directory: folder.path)
        let report = DataQualityReport(result).render().replacingOccurrences(of: folder.path, with: "example-area")
        #expect(report == expected)
    }
}
