import Foundation
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// The real DfE files bundled in the repository (`datasets/dfe`), each loaded once for all tests.
///
/// When they are missing, every test that needs them fails saying where they were looked for;
/// none passes without them.
enum PublishedStatistics {
    /// Why a published file could not be loaded.
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    /// `datasets/dfe/<edition>`, or a failure naming the path when it is not there.
    static func folder(_ edition: String) throws(Failure) -> String {
        let path = RepositoryPaths.dfeData.appendingPathComponent(edition).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(
                description: """
                    the published DfE statistics are missing: expected the folder \(path) \
                    (they ship in the repository; these tests need them)
                    """)
        }
        return path
    }

    /// One file of an edition, loaded by the DfE loader.
    static func load(_ edition: String, _ file: String) -> Result<DfETable, Failure> {
        Result { () throws(Failure) -> DfETable in
            let path = try folder(edition) + "/" + file
            do {
                return try DfEStatisticsLoader().load(path: path)
            } catch {
                throw Failure(description: "cannot load \(path): \(error)")
            }
        }
    }

    static let timeliness = load("ehcp-2025", "timeliness_20_week.csv")
    static let tribunalAppealRates = load("ehcp-2025", "send-tribunal-appeal-rates-2014-2024.csv")
    static let oldTimeliness = load("ehcp-2022", "sen2_mi.csv")
}

extension Table {
    /// The rows (as name → value) where every given column equals the given value.
    func rows(where conditions: [String: Value]) -> [[String: Value]] {
        let names = schema.names
        var found: [[String: Value]] = []
        for row in 0..<rowCount where conditions.allSatisfy({ column(named: $0.key)?[row] == $0.value }) {
            found.append(
                Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, columns[$0.offset][row]) }))
        }
        return found
    }
}
