import SendQLCore

/// Draws line and bar charts from a table as standalone, accessible SVG with deterministic bytes.
///
/// - Categories along x are the distinct values of the x column in table order; a `series` column
///   splits the rows into lines (or bars side by side); a point needs exactly one row.
/// - Benchmarks (series values or extra columns) are drawn grey and dashed (lines) or grey (bars).
/// - A target is a dashed horizontal line with a label; with `rag`, points or bars are coloured
///   green (target met), amber (short by at most 10% of the target) or red (`RAGStatus`). With a
///   target column each series has its own: a dashed line in the series' colour, named in the
///   legend ("... (target 90%)"), and RAG rates each series against its own.
/// - A line's latest value and the target's label sit right of the plot, moved apart so that no
///   two overlap.
/// - The y axis spans zero and every value with round ticks. In `.auto` scale it is 0-100 with `%`
///   when every value and the target lie in 0...100 and the y column looks like a percentage: its
///   name contains `pct`, `percent` or `rate`, it is `X` beside `X_numerator` and `X_denominator`
///   (what `pct()` makes), or it is `value` beside `numerator` and `denominator` (the KPI pack).
/// - Nulls leave gaps; a suppressed value (the marker, `c`, in a text y column, as
///   `PublicationSuppressor` leaves it) leaves a gap labelled with the marker.
/// - Many x labels are turned 45° and, when still too close, only every n-th is shown (counting
///   back from the last, so the latest period is always labelled).
/// - A table with no rows, or with no value to draw, gives a chart that says so ("No data to
///   show", or "All values are suppressed") rather than an error: a scheduled report still has
///   its figure, and the figure tells the reader why it is empty. A spec that does not fit the
///   table (a missing column, text in y, two rows for one point) is an error (E0736).
/// - The SVG has `role="img"`, a `<title>` and a `<desc>` summarising the data (first and last
///   values of each series, lowest and highest, the target and how many periods met it), text as
///   `<text>`, the generic `sans-serif` font, coordinates with at most one decimal, and nothing
///   that changes from run to run.
public enum SVGChartRenderer {
    /// The SVG text of `spec` drawn from `table`.
    public static func render(_ table: Table, spec: ChartSpec) throws(Diagnostic) -> String {
        let data = try ChartData.extract(table, spec)
        var chart = ChartDrawing(spec: spec, data: data)
        return chart.draw()
    }
}

/// The layout and the SVG of one chart.
private struct ChartDrawing {
    let spec: ChartSpec
    let data: ChartData
    let width: Double
    let height: Double
    var out = ""
    /// Labels for the column right of the plot (a line's latest value, the target), drawn last.
    var sideLabels: [SideLabel] = []

    /// A label right of the plot, wanting to sit level with `y`.
    struct SideLabel {
        var y: Double
        var text: String
        var colour: String
        var bold: Bool
    }

    static let margin = 16.0
    static let palette = ["#1f4e79", "#d55e00", "#009e73", "#cc79a7", "#0072b2", "#e69f00", "#56b4e9", "#4d4d4d"]
    static let benchmarkColours = ["#7f7f7f", "#a6a6a6", "#595959", "#bfbfbf"]
    static let benchmarkDashes = ["6 4", "2 3", "10 3 2 3", "4 2"]
    static let ragColours: [RAGStatus: String] = [.green: "#2e7d32", .amber: "#e69500", .red: "#c62828"]
    static let ink = "#1a1a1a"
    static let softInk = "#4d4d4d"

    init(spec: ChartSpec, data: ChartData) {
        self.spec = spec
        self.data = data
        width = Double(max(spec.width, 200))
        height = Double(max(spec.height, 150))
    }

    var title: String { spec.title ?? "\(spec.y) by \(spec.x)" }
    var titleID: String { spec.idPrefix + "-title" }
    var descID: String { spec.idPrefix + "-desc" }

    /// 0-100 with `%` labels.
    var isPercent: Bool {
        switch spec.yScale {
        case .percent: return true
        case .linear: return false
        case .auto:
            return data.looksLikePercent && allValues.allSatisfy { $0 >= 0 && $0 <= 100 }
        }
    }

    /// Everything the y axis must reach: values and targets.
    var allValues: [Double] { data.values + (spec.target.map { [$0.value] } ?? []) + data.seriesTargets }

    var scale: NiceScale {
        let all = allValues
        if isPercent {
            return all.allSatisfy { $0 >= 0 && $0 <= 100 } ? .percent : .covering(all + [100])
        }
        return .covering(all)
    }

    /// A value as people read it: `94.2%`, `1,234`, `3.5`.
    func valueText(_ value: Double) -> String {
        if isPercent { return SVGText.fixed(value, decimals: 1) + "%" }
        return SVGText.grouped(value, decimals: data.integers ? 0 : 1)
    }

    /// The target a series is measured against: its own, else the chart's.
    func target(of series: ChartSeries) -> Double? { series.target ?? spec.target?.value }

    func rag(_ value: Double, in series: ChartSeries) -> RAGStatus? {
        guard spec.rag, let target = target(of: series) else { return nil }
        return RAGStatus.rate(value, target: target, better: spec.better, tolerance: spec.amberTolerance)
    }

    /// "90%" or "1,200": a target as its label shows it.
    func targetText(_ value: Double) -> String {
        SVGText.grouped(value, decimals: 1).replacingOccurrences(of: ".0", with: "") + (isPercent ? "%" : "")
    }

    var targetLabel: String? {
        guard let target = spec.target else { return nil }
        if let label = target.label { return label }
        return "Target " + targetText(target.value)
    }

    // MARK: Drawing

    mutating func draw() -> String {
        let n = SVGText.number
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
        out +=
            "viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(esc(titleID)) \(esc(descID))\" "
        out += "font-family=\"sans-serif\">\n"
        out += "<title id=\"\(esc(titleID))\">\(esc(title))</title>\n"
        out += "<desc id=\"\(esc(descID))\">\(esc(description()))</desc>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out +=
            "<text x=\"\(n(Self.margin))\" y=\"\(n(Self.margin + 14))\" font-size=\"16\" font-weight=\"bold\" fill=\"\(Self.ink)\">\(esc(title))</text>\n"
        let legendBottom = drawLegend()
        let plotTop = max(legendBottom, Self.margin + 26) + 14
        if data.values.isEmpty {
            drawEmpty(top: plotTop)
        } else {
            drawPlot(top: plotTop)
        }
        out += "</svg>\n"
        return out
    }

    /// The chart that says there is nothing to draw.
    mutating func drawEmpty(top: Double) {
        let n = SVGText.number
        let left = Self.margin, right = width - Self.margin, bottom = height - Self.margin
        out += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(right - left))\" height=\"\(n(bottom - top))\" "
        out += "fill=\"#f7f7f7\" stroke=\"#cccccc\"/>\n"
        out +=
            "<text x=\"\(n((left + right) / 2))\" y=\"\(n((top + bottom) / 2 + 5))\" font-size=\"14\" text-anchor=\"middle\" "
        out += "fill=\"\(Self.softInk)\">\(esc(emptyMessage))</text>\n"
    }

    var emptyMessage: String {
        let suppressed = data.series.contains { $0.points.contains(.suppressed) }
        return suppressed ? "All values are suppressed (\(spec.suppressionMarker))" : "No data to show"
    }

    mutating func drawPlot(top: Double) {
        let n = SVGText.number
        let scale = self.scale
        let ticks = scale.ticks
        let tickLabels = ticks.map {
            isPercent ? SVGText.fixed($0, decimals: 0) + "%" : SVGText.grouped($0, decimals: scale.decimals)
        }
        let tickWidth = tickLabels.map { SVGText.width($0, size: 11) }.max() ?? 0
        let left = Self.margin + (spec.yTitle == nil ? 0 : 22) + tickWidth + 8
        // The target's label and the lines' latest values sit right of the plot, clear of the data.
        let sideTexts = [targetLabel].compactMap { $0 } + (labelsLatestValues ? latestValueTexts : [])
        let sideRoom = sideTexts.map { SVGText.width($0, size: 11) + 10 }.max() ?? 0
        let right = width - Self.margin - max(sideRoom, spec.kind == .line ? 16 : 0)
        let count = data.categories.count
        let band = (right - left) / Double(count)
        let shownLabels = data.categories.map { $0.count > 24 ? String($0.prefix(23)) + "…" : $0 }
        let labelWidths = shownLabels.map { SVGText.width($0, size: 11) }
        let widest = labelWidths.max() ?? 0
        let rotated = widest + 6 > band
        let every = rotated ? max(1, Int((32 / band).rounded(.up))) : 1
        let labelSpace = rotated ? min(widest, 140) * 0.71 + 18 : 22
        let bottom = height - Self.margin - (spec.xTitle == nil ? 0 : 20) - labelSpace
        let plotHeight = bottom - top
        func y(_ value: Double) -> Double {
            bottom - (value - scale.lower) / (scale.upper - scale.lower) * plotHeight
        }
        func x(_ category: Int) -> Double { left + band * (Double(category) + 0.5) }

        // Grid and y axis labels.
        out += "<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">\n"
        for tick in ticks where tick != 0 {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(right))\" y2=\"\(n(y(tick)))\"/>\n"
        }
        out += "</g>\n"
        out +=
            "<line class=\"baseline\" x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(right))\" y2=\"\(n(y(0)))\" stroke=\"#595959\" stroke-width=\"1\"/>\n"
        out += "<g class=\"y-labels\" font-size=\"11\" fill=\"\(Self.softInk)\" text-anchor=\"end\">\n"
        for (tick, label) in zip(ticks, tickLabels) {
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\">\(esc(label))</text>\n"
        }
        out += "</g>\n"

        switch spec.kind {
        case .bar: drawBars(x: x, y: y, band: band)
        case .line: drawLines(x: x, y: y)
        }

        if let target = spec.target, let label = targetLabel {
            let ty = y(target.value)
            out += "<g class=\"target\">\n"
            out +=
                "<line x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(right))\" y2=\"\(n(ty))\" stroke=\"\(Self.ink)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            out += "</g>\n"
            sideLabels.append(SideLabel(y: ty, text: label, colour: Self.ink, bold: false))
        }
        // Each series' own target, in its colour (the legend names it); a target several share is
        // drawn once, in ink, since no one colour is its own.
        var drawnTargets: Set<Double> = []
        for (index, series) in data.series.enumerated() where !series.isBenchmark {
            guard let own = series.target, drawnTargets.insert(own).inserted else { continue }
            let shared = data.series.filter { !$0.isBenchmark && $0.target == own }.count > 1
            let ty = y(own)
            out += "<g class=\"target\">\n"
            out +=
                "<line x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(right))\" y2=\"\(n(ty))\" stroke=\"\(shared ? Self.ink : Self.palette[index % Self.palette.count])\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            out += "</g>\n"
        }
        drawSideLabels(x: right + 6, top: top, bottom: bottom)

        // x labels, thinned and turned when crowded.
        out +=
            "<g class=\"x-labels\" font-size=\"11\" fill=\"\(Self.softInk)\" text-anchor=\"\(rotated ? "end" : "middle")\">\n"
        for (index, label) in shownLabels.enumerated() where (count - 1 - index) % every == 0 {
            if rotated {
                let lx = x(index) + 3, ly = bottom + 12
                out +=
                    "<text x=\"\(n(lx))\" y=\"\(n(ly))\" transform=\"rotate(-45 \(n(lx)) \(n(ly)))\">\(esc(label))</text>\n"
            } else {
                out += "<text x=\"\(n(x(index)))\" y=\"\(n(bottom + 16))\">\(esc(label))</text>\n"
            }
        }
        out += "</g>\n"
        if let xTitle = spec.xTitle {
            out +=
                "<text x=\"\(n((left + right) / 2))\" y=\"\(n(height - Self.margin + 2))\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(Self.ink)\">\(esc(xTitle))</text>\n"
        }
        if let yTitle = spec.yTitle {
            let cx = Self.margin + 10, cy = (top + bottom) / 2
            out +=
                "<text x=\"\(n(cx))\" y=\"\(n(cy))\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(Self.ink)\" transform=\"rotate(-90 \(n(cx)) \(n(cy)))\">\(esc(yTitle))</text>\n"
        }
    }

    mutating func drawBars(x: (Int) -> Double, y: (Double) -> Double, band: Double) {
        let n = SVGText.number
        let groups = Double(data.series.count)
        let groupWidth = band * (data.series.count == 1 ? 0.7 : 0.8)
        let slot = groupWidth / groups
        let gap = slot > 8 ? 2.0 : 0
        let labelled = data.series.count * data.categories.count <= 60
        var benchmarkNumber = 0
        for (number, series) in data.series.enumerated() {
            let colour: String
            if series.isBenchmark {
                colour = Self.benchmarkColours[benchmarkNumber % Self.benchmarkColours.count]
                benchmarkNumber += 1
            } else {
                colour = Self.palette[number % Self.palette.count]
            }
            out += "<g class=\"\(series.isBenchmark ? "benchmark" : "series")\" fill=\"\(colour)\">\n"
            for (category, point) in series.points.enumerated() {
                let start = x(category) - groupWidth / 2 + Double(number) * slot + gap / 2
                let centre = start + (slot - gap) / 2
                switch point {
                case .missing: continue
                case .suppressed:
                    out +=
                        "<text x=\"\(n(centre))\" y=\"\(n(y(0) - 5))\" font-size=\"11\" font-style=\"italic\" text-anchor=\"middle\" fill=\"\(Self.softInk)\">\(esc(spec.suppressionMarker))</text>\n"
                case .value(let value):
                    let top = min(y(value), y(0)), barHeight = abs(y(value) - y(0))
                    let fill = series.isBenchmark ? nil : rag(value, in: series).map { Self.ragColours[$0]! }
                    out +=
                        "<rect x=\"\(n(start))\" y=\"\(n(top))\" width=\"\(n(slot - gap))\" height=\"\(n(barHeight))\""
                    out += fill.map { " fill=\"\($0)\"" } ?? ""
                    out +=
                        "><title>\(esc("\(series.name), \(data.categories[category]): \(valueText(value))"))</title></rect>\n"
                    let label = valueText(value)
                    if labelled && !series.isBenchmark && SVGText.width(label, size: 10) + 2 <= slot {
                        let ly = value >= 0 ? y(value) - 4 : y(value) + 12
                        out +=
                            "<text x=\"\(n(centre))\" y=\"\(n(ly))\" font-size=\"10\" text-anchor=\"middle\" fill=\"\(Self.ink)\" "
                        out += "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(esc(label))</text>\n"
                    }
                }
            }
            out += "</g>\n"
        }
    }

    mutating func drawLines(x: (Int) -> Double, y: (Double) -> Double) {
        let n = SVGText.number
        var benchmarkNumber = 0
        // Benchmarks first, so the area's own lines are drawn over them.
        let order =
            data.series.indices.filter { data.series[$0].isBenchmark }
            + data.series.indices.filter { !data.series[$0].isBenchmark }
        var benchmarkStyle: [Int: (String, String)] = [:]
        for index in data.series.indices where data.series[index].isBenchmark {
            benchmarkStyle[index] = (
                Self.benchmarkColours[benchmarkNumber % Self.benchmarkColours.count],
                Self.benchmarkDashes[benchmarkNumber % Self.benchmarkDashes.count]
            )
            benchmarkNumber += 1
        }
        for index in order {
            let series = data.series[index]
            let colour = benchmarkStyle[index]?.0 ?? Self.palette[index % Self.palette.count]
            // Runs of consecutive values; a null or suppressed point breaks the line.
            var runs: [[Int]] = []
            var current: [Int] = []
            for (category, point) in series.points.enumerated() {
                if point.number != nil {
                    current.append(category)
                } else if !current.isEmpty {
                    runs.append(current)
                    current = []
                }
            }
            if !current.isEmpty { runs.append(current) }
            if let (_, dash) = benchmarkStyle[index] {
                out +=
                    "<g class=\"benchmark\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"\(dash)\">\n"
            } else {
                out +=
                    "<g class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" stroke-linejoin=\"round\">\n"
            }
            for run in runs where run.count > 1 {
                let path = run.enumerated().map { offset, category in
                    "\(offset == 0 ? "M" : "L")\(n(x(category))) \(n(y(series.points[category].number!)))"
                }.joined(separator: " ")
                out += "<path d=\"\(path)\"/>\n"
            }
            out += "</g>\n"
            // Points: those of the area's series (all when few or RAG-coloured), isolated ones of a benchmark.
            let everyPoint = !series.isBenchmark && (spec.rag || data.categories.count <= 24)
            out += "<g class=\"points\" fill=\"\(colour)\">\n"
            for run in runs {
                guard everyPoint || run.count == 1 else { continue }
                for category in run {
                    let value = series.points[category].number!
                    let fill = series.isBenchmark ? nil : rag(value, in: series).map { Self.ragColours[$0]! }
                    let radius = series.isBenchmark ? 2.5 : (fill == nil ? 3.5 : 4.5)
                    out += "<circle cx=\"\(n(x(category)))\" cy=\"\(n(y(value)))\" r=\"\(n(radius))\""
                    out += fill.map { " fill=\"\($0)\" stroke=\"#ffffff\" stroke-width=\"1\"" } ?? ""
                    out +=
                        "><title>\(esc("\(series.name), \(data.categories[category]): \(valueText(value))"))</title></circle>\n"
                }
            }
            out += "</g>\n"
            guard !series.isBenchmark else { continue }
            for (category, point) in series.points.enumerated() where point == .suppressed {
                out +=
                    "<text x=\"\(n(x(category)))\" y=\"\(n(y(scale.lower) - 6))\" font-size=\"11\" font-style=\"italic\" text-anchor=\"middle\" fill=\"\(Self.softInk)\">\(esc(spec.suppressionMarker))</text>\n"
            }
            // The latest value, labelled right of the plot (when few series would not crowd each other).
            if labelsLatestValues, let last = series.points.last(where: { $0.number != nil })?.number {
                sideLabels.append(SideLabel(y: y(last), text: valueText(last), colour: colour, bold: true))
            }
        }
    }

    /// Line charts label each main series' latest value, unless there are too many to tell apart.
    var labelsLatestValues: Bool { spec.kind == .line && data.mainCount <= 3 }

    var latestValueTexts: [String] {
        data.series.filter { !$0.isBenchmark }.compactMap { $0.points.last(where: { $0.number != nil })?.number }.map(
            valueText)
    }

    /// The side labels, each as level with what it labels as it can be without touching another.
    mutating func drawSideLabels(x: Double, top: Double, bottom: Double) {
        guard !sideLabels.isEmpty else { return }
        let n = SVGText.number
        let gap = 13.0
        var placed = sideLabels.sorted { $0.y < $1.y }
        for index in placed.indices.dropFirst() where placed[index].y - placed[index - 1].y < gap {
            placed[index].y = placed[index - 1].y + gap
        }
        // Pushed past the bottom: move the run back up, keeping the gaps.
        if let last = placed.last, last.y > bottom {
            let shift = last.y - bottom
            for index in placed.indices { placed[index].y -= shift }
            for index in placed.indices.reversed().dropFirst() where placed[index + 1].y - placed[index].y < gap {
                placed[index].y = placed[index + 1].y - gap
            }
        }
        out += "<g class=\"side-labels\" font-size=\"11\">\n"
        for label in placed {
            out +=
                "<text x=\"\(n(x))\" y=\"\(n(max(top, label.y) + 4))\"\(label.bold ? " font-weight=\"bold\"" : "") fill=\"\(label.colour)\">\(esc(label.text))</text>\n"
        }
        out += "</g>\n"
    }

    /// The legend under the title; returns its bottom edge (the title's when there is none).
    mutating func drawLegend() -> Double {
        let n = SVGText.number
        var items: [(swatch: String, label: String)] = []
        let showSeries = data.mainCount > 1 || data.series.contains { $0.isBenchmark || $0.target != nil }
        var benchmarkNumber = 0
        if showSeries {
            for (index, series) in data.series.enumerated() {
                if series.isBenchmark {
                    let colour = Self.benchmarkColours[benchmarkNumber % Self.benchmarkColours.count]
                    let dash = Self.benchmarkDashes[benchmarkNumber % Self.benchmarkDashes.count]
                    benchmarkNumber += 1
                    items.append((swatch(colour: colour, dash: spec.kind == .line ? dash : nil), series.name))
                } else if !(spec.rag && spec.kind == .bar) {
                    // RAG bars take their colour from the rating, so the series has no swatch of its own.
                    let name = series.target.map { series.name + ", target " + targetText($0) } ?? series.name
                    items.append((swatch(colour: Self.palette[index % Self.palette.count], dash: nil), name))
                }
            }
        }
        if spec.rag {
            for status in RAGStatus.allCases {
                let label: String
                switch status {
                case .green: label = "Met target"
                case .amber:
                    label =
                        "Within \(SVGText.fixed(spec.amberTolerance * 100, decimals: 1, dropZeros: true))% of target"
                case .red: label = "Missed target"
                }
                items.append(("<circle cx=\"7\" cy=\"-4\" r=\"5\" fill=\"\(Self.ragColours[status]!)\"/>", label))
            }
        }
        guard !items.isEmpty else { return Self.margin + 26 }
        out += "<g class=\"legend\" font-size=\"12\" fill=\"\(Self.ink)\">\n"
        var cx = Self.margin, cy = Self.margin + 42
        for item in items {
            let itemWidth = 24 + SVGText.width(item.label, size: 12) + 18
            if cx > Self.margin && cx + itemWidth > width - Self.margin {
                cx = Self.margin
                cy += 18
            }
            out +=
                "<g transform=\"translate(\(n(cx)) \(n(cy)))\">\(item.swatch)<text x=\"24\" y=\"0\">\(esc(item.label))</text></g>\n"
            cx += itemWidth
        }
        out += "</g>\n"
        return cy + 4
    }

    func swatch(colour: String, dash: String?) -> String {
        if spec.kind == .line {
            let dashText = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            return
                "<line x1=\"0\" y1=\"-4\" x2=\"18\" y2=\"-4\" stroke=\"\(colour)\" stroke-width=\"\(dash == nil ? "2.5" : "2")\"\(dashText)/>"
        }
        return "<rect x=\"2\" y=\"-10\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
    }

    // MARK: Description

    /// The `<desc>`: what a screen reader says instead of the picture.
    func description() -> String {
        var sentences: [String] = []
        let kind = spec.kind == .line ? "Line chart" : "Bar chart"
        let categories = data.categories
        if categories.isEmpty {
            return "\(kind) of \(spec.y) by \(spec.x). No data to show."
        }
        let span =
            categories.count == 1
            ? "1 value of \(spec.x): \(categories[0])"
            : "\(categories.count) values of \(spec.x) from \(categories.first!) to \(categories.last!)"
        sentences.append("\(kind) of \(spec.y) by \(spec.x), \(span).")
        if data.values.isEmpty {
            sentences.append(emptyMessage + ".")
            return sentences.joined(separator: " ")
        }
        for series in data.series {
            let known = series.points.enumerated().compactMap { index, point in point.number.map { (index, $0) } }
            let name = series.isBenchmark ? "Benchmark \(series.name)" : series.name
            guard let first = known.first, let last = known.last else {
                sentences.append("\(name): no values.")
                continue
            }
            var text = "\(name): \(valueText(first.1)) in \(categories[first.0])"
            if known.count > 1 {
                text += ", \(valueText(last.1)) in \(categories[last.0])"
                if known.count > 2 {
                    let low = known.min { $0.1 < $1.1 }!, high = known.max { $0.1 < $1.1 }!
                    text +=
                        "; lowest \(valueText(low.1)) (\(categories[low.0])), highest \(valueText(high.1)) (\(categories[high.0]))"
                }
            }
            if let own = series.target {
                let met = known.filter {
                    RAGStatus.rate($0.1, target: own, better: spec.better, tolerance: spec.amberTolerance) == .green
                }
                text += "; target \(targetText(own)), met by \(met.count) of \(known.count) values"
            }
            sentences.append(text + ".")
        }
        if let target = spec.target, let label = targetLabel {
            let direction = spec.better == .higher ? "higher is better" : "lower is better"
            var text = "\(label) (\(direction))"
            let main = data.series.filter { !$0.isBenchmark }.flatMap { $0.points.compactMap(\.number) }
            let ratings = main.map {
                RAGStatus.rate($0, target: target.value, better: spec.better, tolerance: spec.amberTolerance)
            }
            if !ratings.isEmpty {
                let met = ratings.filter { $0 == .green }.count
                text += ": \(met) of \(ratings.count) values met it"
                if spec.rag {
                    text +=
                        ", \(ratings.filter { $0 == .amber }.count) within \(SVGText.fixed(spec.amberTolerance * 100, decimals: 1, dropZeros: true))%, \(ratings.filter { $0 == .red }.count) missed it"
                }
            }
            sentences.append(text + ".")
        }
        let suppressed = data.series.reduce(0) { $0 + $1.points.filter { $0 == .suppressed }.count }
        if suppressed > 0 {
            sentences.append(
                "\(suppressed) \(suppressed == 1 ? "value is" : "values are") suppressed (\(spec.suppressionMarker)) to protect children's identities."
            )
        }
        let missing = data.series.filter { !$0.isBenchmark }.reduce(0) {
            $0 + $1.points.filter { $0 == .missing }.count
        }
        if missing > 0 {
            sentences.append("\(missing) \(missing == 1 ? "value is" : "values are") missing.")
        }
        return sentences.joined(separator: " ")
    }

    func esc(_ text: String) -> String { SVGText.escape(text) }
}
