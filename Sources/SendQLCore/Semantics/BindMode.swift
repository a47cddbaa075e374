/// Where an expression is being bound, which decides what calls it may make.
enum BindMode {
    /// Row by row: no aggregates, no window functions (`where`, `select`, `sort`, keys).
    case scalar
    /// Inside `aggregate`: aggregate calls are collected; bare names must be group keys.
    case aggregate(AggregateCollector)
    /// Inside `derive`: window calls are collected.
    case window(WindowCollector)
}

/// Collects the aggregate calls of one `aggregate` step.
final class AggregateCollector {
    let input: FrameSchema
    /// Positions of the group keys in the input.
    let keyColumns: [Int]
    var aggregates: [BoundAggregate] = []
    /// Slots used so far after the keys.
    var width = 0

    init(input: FrameSchema, keyColumns: [Int]) {
        self.input = input
        self.keyColumns = keyColumns
    }

    /// Adds a call and returns the position of its (first) slot in the post-aggregation frame.
    func add(_ aggregate: BoundAggregate) -> Int {
        if let index = aggregates.firstIndex(of: aggregate) {
            return keyColumns.count + aggregates[..<index].reduce(0) { $0 + $1.width }
        }
        let position = keyColumns.count + width
        aggregates.append(aggregate)
        width += aggregate.width
        return position
    }
}

/// Collects the window calls of one `derive` item.
final class WindowCollector {
    let inputWidth: Int
    var windows: [BoundWindow] = []

    init(inputWidth: Int) { self.inputWidth = inputWidth }

    func add(_ window: BoundWindow) -> Int {
        windows.append(window)
        return inputWidth + windows.count - 1
    }
}
