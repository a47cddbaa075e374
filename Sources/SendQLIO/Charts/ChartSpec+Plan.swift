import SendQLCore

extension ChartSpec {
    /// The drawing a checked `chart` statement asks for.
    public init(_ plan: ChartPlan) {
        self.init(
            kind: plan.kind == .bar ? .bar : .line, x: plan.x, y: plan.y, series: plan.series,
            benchmarkSeries: plan.benchmarks,
            target: plan.target.map { ChartTarget($0) }, targetColumn: plan.targetColumn, rag: plan.rag,
            better: plan.lowerIsBetter ? .lower : .higher,
            title: plan.title, xTitle: plan.xTitle, yTitle: plan.yTitle,
            idPrefix: String(plan.path.map { $0.isLetter || $0.isNumber ? $0 : "-" }))
    }
}
