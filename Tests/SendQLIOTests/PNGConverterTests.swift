import Foundation
import Testing
import SendQLCore
@testable import SendQLIO

struct PNGConverterTests {
    @Test func withoutTheToolNothingIsWrittenAndTheNoteSaysWhy() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.path)
        let outcome = try PNGConverter.convert(
            svg: "<svg/>", to: "figures/a.png", in: folder, environment: ["PATH": "/nonexistent"])
        #expect(
            outcome
                == .unavailable(
                    "no PNG for figures/a.png: rsvg-convert is not installed (apt-get install librsvg2-bin); the SVG was written"
                ))
        #expect(entries(temp.path).isEmpty)
    }

    @Test(.enabled(if: PNGConverter.locate() != nil, "rsvg-convert is not installed"))
    func writesAPNGBesideTheSVG() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.path)
        let svg = try SVGChartRenderer.render(twentyWeeks, spec: ChartSpec(kind: .bar, x: "period", y: "value"))
        try folder.write(svg, to: "figures/a.svg")
        let outcome = try PNGConverter.convert(svg: svg, to: "figures/a.png", in: folder)
        #expect(outcome == .written(folder.root + "/figures/a.png"))
        let png = try #require(FileManager.default.contents(atPath: folder.root + "/figures/a.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // Width and height from the IHDR chunk: twice the SVG's 720 x 400.
        let bytes = [UInt8](png)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) },
            height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect((width, height) == (1440, 800))
    }

    @Test(.enabled(if: PNGConverter.locate() != nil, "rsvg-convert is not installed"))
    func brokenSVGIsAnError() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.path)
        #expect(errorCode { _ = try PNGConverter.convert(svg: "<svg", to: "a.png", in: folder) } == "E0739")
        #expect(entries(temp.path).isEmpty)
    }
}
