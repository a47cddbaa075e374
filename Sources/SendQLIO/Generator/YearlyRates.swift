/// A value per calendar year from a first year on; years before the first take the first value and
/// years after the last take the last, so any generator window gets a sensible value.
struct YearlyRates: Sendable {
    let firstYear: Int
    let values: [Double]

    init(from firstYear: Int, _ values: [Double]) {
        precondition(!values.isEmpty)
        self.firstYear = firstYear
        self.values = values
    }

    subscript(year: Int) -> Double {
        values[(year - firstYear).clamped(to: 0...(values.count - 1))]
    }
}
