import Foundation
import Testing
import SendQLTestSupport
@testable import SendQLIO

/// The bundled sample area is exactly what `sendql generate` writes with its defaults.
struct SampleAreaTests {
    @Test func defaultsReproduceTheBundledSampleAreaByteForByte() throws {
        let directory = GeneratedArea.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try AreaGenerator(configuration: .sampleArea).write(to: directory.path)
        for table in GeneratedTable.allCases {
            let bundled = try Data(contentsOf: RepositoryPaths.sampleArea.appendingPathComponent(table.fileName))
            let regenerated = try Data(contentsOf: directory.appendingPathComponent(table.fileName))
            #expect(bundled == regenerated, "\(table.fileName) differs from a fresh run of the generator's defaults")
        }
    }

    @Test func sampleAreaStaysSmall() throws {
        var total = 0
        for table in GeneratedTable.allCases {
            let path = RepositoryPaths.sampleArea.appendingPathComponent(table.fileName).path
            total += (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        #expect(total > 1_000_000 && total < 5_000_000)
    }
}
