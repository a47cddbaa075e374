import Foundation
import Testing
import SendQLTestSupport
@testable import SendQLIO

/// DfE's published files ship in datasets/dfe exactly as published, with their data guidance and the
/// attribution the Open Government Licence asks for.
struct BundledDfEFilesTests {
    static let folder = RepositoryPaths.dfeData

    static var checksums: [(hash: String, path: String)] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), String(parts[1].drop { $0 == " " || $0 == "*" }))
        }
    }

    @Test func everyFileIsByteForByteAsPublished() throws {
        let sums = Self.checksums
        #expect(sums.count == 13)
        for (hash, path) in sums {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(path))
            #expect(SHA256.hex(Array(data)) == hash, "\(path) differs from the published file")
        }
    }

    @Test func nothingIsThereThatTheChecksumsDoNotCover() throws {
        let listed = Set(Self.checksums.map(\.path))
        for edition in ["ehcp-2025", "ehcp-2022"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Self.folder.appendingPathComponent(edition).path)
            for name in names {
                #expect(listed.contains("\(edition)/\(name)"), "\(edition)/\(name) is not in SHA256SUMS")
            }
            #expect(names.contains("data-guidance.txt"))
        }
    }

    @Test func theAttributionIsThere() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Contains public sector information licensed under the Open Government Licence v3.0"))
    }
}
