/// What to draw from a table: the kind of chart, the columns, and the extras a board paper needs
/// (benchmarks, a target line, RAG colours, titles).
public struct ChartSpec: Sendable, Hashable {
    /// Line or bar.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case line, bar
    }

    /// How the y axis is scaled.
    public enum YScale: String, Sendable, Hashable, CaseIterable {
        /// 0-100 with `%` when the values look like percentages (see `SVGChartRenderer`), else `linear`.
        case auto
        /// Always 0-100 with `%` labels (values outside stretch it).
        case percent
        /// Round ticks spanning zero and every value.
        case linear
    }

    public var kind: Kind
    /// The column whose values are the categories along the x axis, in table order (usually a period label).
    public var x: String
    /// The numeric column plotted (a string column of numbers and the suppression marker is accepted too).
    public var y: String
    /// A column whose values split the rows into several lines or bars per category.
    public var series: String?
    /// Values of the `series` column drawn as benchmarks (grey, dashed lines or grey bars), e.g. "England".
    public var benchmarkSeries: [String]
    /// Numeric columns drawn as extra benchmark series named after the column (e.g. `england` from a join).
    public var benchmarkColumns: [String]
    /// A horizontal dashed target line.
    public var target: ChartTarget?
    /// A numeric column giving each series its own target (one value per series): each is drawn as
    /// a dashed line in its series' colour and named in the legend, and RAG rates against it.
    public var targetColumn: String?
    /// Colour points (line) or bars (bar) red/amber/green against the target.
    public var rag: Bool
    /// Which way is better, for RAG colours and the description.
    public var better: BetterDirection
    /// How far short of the target still counts as amber, as a fraction of the target.
    public var amberTolerance: Double
    /// The chart's title; nil gives "<y> by <x>".
    public var title: String?
    /// The x axis title; nil draws none.
    public var xTitle: String?
    /// The y axis title; nil draws none.
    public var yTitle: String?
    public var yScale: YScale
    /// The text of a suppressed value (publication), drawn as a gap labelled with it.
    public var suppressionMarker: String
    /// Size in pixels (the SVG scales; this sets the proportions and the text size relative to them).
    public var width: Int
    public var height: Int
    /// Prefix of the element ids (`<title>`, `<desc>`); give each chart on one page its own.
    public var idPrefix: String

    public init(
        kind: Kind, x: String, y: String, series: String? = nil, benchmarkSeries: [String] = [],
        benchmarkColumns: [String] = [], target: ChartTarget? = nil, targetColumn: String? = nil, rag: Bool = false,
        better: BetterDirection = .higher, amberTolerance: Double = 0.1, title: String? = nil,
        xTitle: String? = nil, yTitle: String? = nil, yScale: YScale = .auto, suppressionMarker: String = "c",
        width: Int = 720, height: Int = 400, idPrefix: String = "chart"
    ) {
        self.kind = kind
        self.x = x
        self.y = y
        self.series = series
        self.benchmarkSeries = benchmarkSeries
        self.benchmarkColumns = benchmarkColumns
        self.target = target
        self.targetColumn = targetColumn
        self.rag = rag
        self.better = better
        self.amberTolerance = amberTolerance
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.yScale = yScale
        self.suppressionMarker = suppressionMarker
        self.width = width
        self.height = height
        self.idPrefix = idPrefix
    }
}

/// A target drawn as a horizontal dashed line with a label.
public struct ChartTarget: Sendable, Hashable {
    public var value: Double
    /// The line's label; nil gives "Target <value>".
    public var label: String?

    public init(_ value: Double, label: String? = nil) {
        self.value = value
        self.label = label
    }
}
