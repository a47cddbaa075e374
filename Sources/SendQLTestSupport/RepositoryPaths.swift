import Foundation

/// Paths that tests need: the repository root, the bundled sample area, the bundled DfE statistics.
public enum RepositoryPaths {
    /// The repository root, found from this source file's location.
    public static var root: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // SendQLTestSupport
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()
    }

    public static var sampleArea: URL { root.appendingPathComponent("datasets/sample-area") }

    /// `datasets/dfe`: DfE's published statistics, copied into the repository unchanged.
    public static var dfeData: URL { root.appendingPathComponent("datasets/dfe") }

    /// The built `sendql` binary next to the test bundle.
    public static var binary: URL {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [products, Bundle.main.bundleURL].map { $0.appendingPathComponent("sendql") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}
