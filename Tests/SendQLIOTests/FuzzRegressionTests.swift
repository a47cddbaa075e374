import Foundation
import Testing
import SendQLFuzzHarness
import SendQLTestSupport

/// Replays, in the ordinary test run, what the fuzzers run on: every input of the committed regression
/// corpus (`scripts/fuzz/regressions/<target>/`, one file per crash, hang or leak found and fixed) and
/// the seeds the fuzzers start from (the golden scripts, the docs' examples, slices of the sample
/// area). Each goes through the same harness as `scripts/fuzz/run`, minus the sanitizers: it must not
/// crash, and must break none of the harness's invariants. See docs/reliability.md.
struct FuzzRegressionTests {
    struct Input: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var name: String
        var bytes: [UInt8]
        var testDescription: String { "\(target.rawValue)/\(name)" }
    }

    static let root = RepositoryPaths.root

    static let regressions: [Input] = FuzzTarget.allCases.flatMap { target -> [Input] in
        let folder = root.appendingPathComponent("scripts/fuzz/regressions/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "README.md" }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                return nil
            }
            return Input(target: target, name: name, bytes: [UInt8](data))
        }
    }

    @Test(arguments: regressions)
    func aFixedFindingStaysFixed(_ input: Input) {
        #expect(input.target.run(input.bytes) == [])
    }

    @Test(arguments: FuzzTarget.allCases)
    func theSeedsBreakNoInvariant(_ target: FuzzTarget) throws {
        let seeds = try Self.seeds(for: target)
        #expect(seeds.count > (target == .sen2 ? 2 : 5))
        for (name, bytes) in seeds {
            let broken = target.run(bytes)
            #expect(broken.isEmpty, "\(name): \(broken)")
        }
    }

    /// The seeds `scripts/fuzz/run` starts each target from, gathered the same way.
    static func seeds(for target: FuzzTarget) throws -> [(String, [UInt8])] {
        switch target {
        case .syntax, .checker:
            var seeds: [(String, [UInt8])] = []
            let tests = root.appendingPathComponent("Tests")
            for case let path as String in FileManager.default.enumerator(atPath: tests.path)!
            where path.contains("/Golden/") && path.hasSuffix(".sendql") {
                seeds.append(
                    (path, Array(try String(contentsOf: tests.appendingPathComponent(path), encoding: .utf8).utf8)))
            }
            let docs = root.appendingPathComponent("docs")
            for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) where name.hasSuffix(".md") {
                let text = try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
                for (index, block) in sendqlBlocks(text).enumerated() {
                    seeds.append(("\(name) #\(index + 1)", Array(block.utf8)))
                }
            }
            return seeds
        case .csv:
            return try sampleFiles().map { ($0.name, Array($0.lines.prefix(12).joined().utf8)) }
        case .contract:
            let folder = try sampleFiles().map { "==> \($0.name) <==\n" + $0.lines.prefix(6).joined() }.joined()
            return [("sample-area", Array(folder.utf8))]
                + (try sampleFiles()).map { file in
                    (file.name, Array(("==> \(file.name) <==\n" + file.lines.prefix(20).joined()).utf8))
                }
        case .sen2:
            // The docs' example return, whole and cut short, and its Blade export's first lines.
            let xml = try Data(contentsOf: root.appendingPathComponent("docs/examples/sen2-xml/return.xml"))
            let blade = root.appendingPathComponent("docs/examples/sen2-blade")
            var folder = ""
            for name in try FileManager.default.contentsOfDirectory(atPath: blade.path).sorted()
            where name.hasPrefix("Blade-Export_") {
                let lines = try String(contentsOf: blade.appendingPathComponent(name), encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).prefix(8)
                let module = name.split(separator: "_").last!
                folder += "==> Blade-Export_16-01-2025_\(module) <==\n" + lines.joined(separator: "\n") + "\n"
            }
            return [
                ("return.xml", [UInt8](xml)), ("return.xml cut", Array([UInt8](xml).prefix(3000))),
                ("blade", Array(folder.utf8)),
            ]
        }
    }

    /// The bodies of the ```sendql blocks of a Markdown page.
    static func sendqlBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var open: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let body = open {
                    blocks.append(body.joined(separator: "\n") + "\n")
                    open = nil
                } else if line.hasPrefix("```sendql") {
                    open = []
                }
            } else if open != nil {
                open?.append(String(line))
            }
        }
        return blocks
    }

    /// The sample area's files as lines (each with its line break).
    static func sampleFiles() throws -> [(name: String, lines: [String])] {
        let folder = RepositoryPaths.sampleArea
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { name in
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                return (name, text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" })
            }
    }
}
