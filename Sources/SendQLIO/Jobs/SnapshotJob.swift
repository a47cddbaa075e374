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
            return JobOutput(
                stderr: "sendql: --by must be one of \(periodKinds.joined(separator: ", ")); found \"\(by)\"\n",
                status: .usage)
        }
        var request = request
        request.parameters["kpi_period"] = by
        request.source = Source(name: "<snapshot>", text: script + (store ? "\nsnapshot \"\(by)\"" : ""))
        var output = RunJob.run(request)
        if output.status == .ok, request.database == nil, let folder = DataFolder.resolve(request.dataFolder) {
            let notes = CaseDataLoader.absentTables(at: folder).compactMap { table in
                measuresNeeding[table].map {
                    "note: \(table).csv is absent: the \(table) table is empty, so \($0.joined(separator: ", ")) "
                        + ($0.count == 1 ? "is" : "are") + " left out of the pack\n"
                }
            }
            output.stderr = notes.joined() + output.stderr
        }
        return output
    }

    /// The pack's measures that need a table SEN2 does not carry: left out (never shown as zero) when
    /// the table's file is absent.
    public static let measuresNeeding: [String: [String]] = [
        "advice": ["advice_6wk"], "audits": ["ehcp_quality_good", "health_quality_good"],
        "feedback": ["parent_satisfaction"], "complaints": ["complaint_20wd"],
    ]
}
