import Foundation
import SendQLTestSupport
import Testing

/// The main job as a new user meets it: the committed tree alone (`git archive HEAD`, nothing beside
/// it, as a user's clone has), `scripts/sample` run there with the built binary, every file it writes
/// checked, and the HTML report opened in a real browser.
@Suite(.serialized)
struct BareCloneTests {
    /// The committed tree, extracted into an empty folder, and the pack `scripts/sample` wrote there.
    struct Pack {
        let root: URL
        var out: URL { root.appendingPathComponent("out/wsoa-pack") }
        let result: ProcessResult
        let filesBefore: Set<String>

        func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    }

    static let figures = [
        "headline-ehcp-20wk", "area1-quality", "area2-health-advice", "area3-reviews", "overdue-now", "area4-parents",
    ]

    static func files(under folder: URL) -> Set<String> {
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return Set(
            paths.filter { path in
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                return !isFolder.boolValue
            })
    }

    static func runSample() throws -> Pack {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-bare-\(UUID().uuidString)")
        let root = parent.appendingPathComponent("sendql")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let archive = parent.appendingPathComponent("tree.tar")
        let git = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "-C", RepositoryPaths.root.path, "archive", "--format=tar", "-o", archive.path, "HEAD"])
        try #require(git.status == 0, "git archive: \(git.stderr)")
        let tar = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["tar", "-xf", archive.path, "-C", root.path])
        try #require(tar.status == 0, "tar: \(tar.stderr)")
        try FileManager.default.removeItem(at: archive)
        let before = files(under: root)
        let result = try ProcessRunner.run(
            root.appendingPathComponent("scripts/sample"), [],
            environment: ["SENDQL_BIN": RepositoryPaths.binary.path, "SENDQL_DFE": "", "SENDQL_DATA": ""],
            directory: root)
        return Pack(root: root, result: result, filesBefore: before)
    }

    @Test func theMainJobRunsOnTheCommittedTreeAloneAndWritesTheWholePack() throws {
        let pack = try Self.runSample()
        defer { pack.remove() }
        #expect(pack.result.status == 0, "scripts/sample failed:\n\(pack.result.stderr)")
        // The red measures are the one error (E0407, an expectation not met): the pack says so and exits 1.
        let errors = pack.result.stderr.split(separator: "\n").filter { $0.hasPrefix("error[") }
        #expect(errors.allSatisfy { $0.hasPrefix("error[E0407]: measures are red") }, "\(pack.result.stderr)")
        // Nothing but the pack is written, and all of it.
        let written = Self.files(under: pack.root).subtracting(pack.filesBefore)
        var expected: Set<String> = [
            "wsoa-measures.csv", "wsoa-trends.csv", "wsoa-progress.md", "wsoa-progress.html", "snapshots.sqlite",
        ]
        for figure in Self.figures { expected.formUnion(["figures/\(figure).svg", "figures/\(figure).png"]) }
        let packFiles = Set(expected.map { "out/wsoa-pack/" + $0 })
        // SQLite may leave its write-ahead files beside the store; they are the store's own.
        #expect(written.filter { !$0.hasPrefix("out/wsoa-pack/snapshots.sqlite-") } == packFiles)

        let measures = try String(contentsOf: pack.out.appendingPathComponent("wsoa-measures.csv"), encoding: .utf8)
        let rows = measures.split(separator: "\n")
        #expect(rows.first == "area,measure,kpi,breakdown,period,numerator,denominator,value,target,status")
        #expect(rows.count == 16, "a row for each of the 15 measures with a target")
        #expect(
            measures.contains(
                "3. Annual reviews,Annual reviews within 12 months,review_12m,,2024-12,1592,1924,82.7,90,amber"))
        // England's published series is drawn beside the area's.
        let headline = try String(
            contentsOf: pack.out.appendingPathComponent("figures/headline-ehcp-20wk.svg"), encoding: .utf8)
        #expect(headline.contains("Benchmark England: 60.4% in 2019"))
        for figure in Self.figures {
            let png = try Data(contentsOf: pack.out.appendingPathComponent("figures/\(figure).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "figures/\(figure).png is a PNG")
        }
        let html = try String(contentsOf: pack.out.appendingPathComponent("wsoa-progress.html"), encoding: .utf8)
        let markdown = try String(contentsOf: pack.out.appendingPathComponent("wsoa-progress.md"), encoding: .utf8)
        for figure in Self.figures {
            #expect(html.contains("src=\"figures/\(figure).svg\""))
            #expect(markdown.contains("(figures/\(figure).svg)"))
        }
    }

    /// Every figure in the report loads in Chromium, and nothing is wider than the page.
    @Test(.enabled(if: Browser.chromium != nil, "needs chromium (scripts/setup installs it)"))
    func theReportLoadsEveryFigureAndFitsThePageInABrowser() throws {
        let pack = try Self.runSample()
        defer { pack.remove() }
        try #require(pack.result.status == 0, "scripts/sample failed:\n\(pack.result.stderr)")
        let report = pack.out.appendingPathComponent("wsoa-progress.html")
        for width in [1280, 800] {
            let check = try Browser.inspect(report, width: width)
            #expect(check.images == Self.figures.count, "images found: \(check)")
            #expect(check.broken.isEmpty, "figures that did not load at \(width)px: \(check.broken)")
            #expect(check.overflowing.isEmpty, "wider than the page at \(width)px: \(check.overflowing)")
            #expect(check.pageWidth <= width, "the page scrolls sideways at \(width)px: \(check.pageWidth)")
        }
        // A screenshot to look at (kept beside the test's temporary folder while it runs).
        let shot = pack.root.appendingPathComponent("report.png")
        try Browser.screenshot(report, to: shot, width: 1024)
        #expect(try Data(contentsOf: shot).count > 10_000)
    }
}
