import SendQLCore

/// `sendql snapshot`: the standard KPI pack as at a date, by one kind of period.
public enum SnapshotJob {
    /// The period kinds `--by` accepts.
    public static let periodKinds = ["year", "academic_year", "financial_year", "quarter", "month", "rolling12"]

    /// The pack's columns, in order.
    public static let script = "from kpi_pack | select kpi, breakdown, period, numerator, denominator, value"

    /// With `store`, the pack is also appended to the snapshot history, named after the period kind.
    public static func run(by: String, request: RunRequest, store: Bool = false) -> JobOutput {
        guard periodKinds.contains(by) else {
            return JobOutput(stderr: "sendql: --by must be one of \(periodKinds.joined(separator: ", ")); found \"\(by)\"\n",
                             status: .usage)
        }
        var request = request
        request.parameters["kpi_period"] = by
        request.source = Source(name: "<snapshot>", text: script + (store ? "\nsnapshot \"\(by)\"" : ""))
        return RunJob.run(request)
    }
}
