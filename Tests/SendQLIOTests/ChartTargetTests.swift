import Testing
import SendQLCore
@testable import SendQLIO

/// Measures with different targets on one chart: each series against its own, so no figure
/// contradicts its table (the monthly pack's annual-review chart drew one line at 80 for a measure
/// whose target is 90).
struct ChartTargetTests {
    static func table(targets: [Int?]) -> Table {
        Table([
            ("measure", Column(type: .string, values: ["A", "A", "B", "B"].map(Value.string))),
            ("period", Column(type: .string, values: ["2024-11", "2024-12", "2024-11", "2024-12"].map(Value.string))),
            ("value", Column(type: .double, values: [81.6, 82.7, 79.0, 81.0].map(Value.double))),
            ("target", Column(type: .int, values: targets.map { $0.map { Value.int(Int64($0)) } ?? .null })),
        ])
    }

    static let spec = ChartSpec(
        kind: .line, x: "period", y: "value", series: "measure", targetColumn: "target", rag: true,
        yScale: .percent)

    @Test func eachSeriesIsRatedAgainstItsOwnTarget() throws {
        let data = try ChartData.extract(Self.table(targets: [90, 90, 80, nil]), Self.spec)
        #expect(data.series.map(\.target) == [90, 80])
        let svg = try SVGChartRenderer.render(Self.table(targets: [90, 90, 80, 80]), spec: Self.spec)
        // 82.7 against 90 is amber; 81 against 80 is green. One target line each, in its series' colour.
        #expect(svg.contains("<circle cx=") && svg.contains("fill=\"#e69500\"") && svg.contains("fill=\"#2e7d32\""))
        #expect(svg.components(separatedBy: "class=\"target\"").count - 1 == 2)
        #expect(svg.contains(">A, target 90%</text>") && svg.contains(">B, target 80%</text>"))
        #expect(svg.contains("A: 81.6% in 2024-11, 82.7% in 2024-12; target 90%, met by 0 of 2 values."))
    }

    @Test func aTargetSharedBySeveralIsDrawnOnceInInk() throws {
        let svg = try SVGChartRenderer.render(Self.table(targets: [80, 80, 80, 80]), spec: Self.spec)
        #expect(svg.components(separatedBy: "class=\"target\"").count - 1 == 1)
        #expect(svg.contains("stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""))
    }

    @Test func aSeriesWithTwoTargetsIsAnError() {
        #expect(throws: Diagnostic.self) { try ChartData.extract(Self.table(targets: [90, 80, 80, 80]), Self.spec) }
        do {
            _ = try ChartData.extract(Self.table(targets: [90, 80, 80, 80]), Self.spec)
        } catch {
            #expect(error.message == "chart: series A has two targets in target (90 and 80); a series has one target")
        }
    }

    @Test func labelsRightOfThePlotNeverOverlap() throws {
        // The latest values (82.7, 81) and the target (82) want almost the same height.
        var spec = ChartSpec(kind: .line, x: "period", y: "value", series: "measure", target: ChartTarget(82))
        spec.yScale = .percent
        let svg = try SVGChartRenderer.render(Self.table(targets: [nil, nil, nil, nil]), spec: spec)
        let after = try #require(svg.components(separatedBy: "<g class=\"side-labels\"").last)
        let group = try #require(after.components(separatedBy: "</g>").first)
        let ys = group.components(separatedBy: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("<text"), let range = line.range(of: " y=\"") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(ys.count == 3)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 13, "\(ys)") }
    }
}
