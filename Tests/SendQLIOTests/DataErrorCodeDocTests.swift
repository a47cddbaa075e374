import Foundation
import Testing
import SendQLTestSupport
@testable import SendQLIO

/// Every data error code (E07xx, including the SEN2 codes E074x) has its row in docs/errors.md.
struct DataErrorCodeDocTests {
    @Test(arguments: DataErrorCode.allCases.map(\.rawValue))
    func everyDataCodeIsDocumented(code: String) throws {
        let page = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        #expect(page.contains("| \(code) |"), "docs/errors.md has no row for \(code)")
    }
}
