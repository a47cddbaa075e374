/// The sendql scripts `sendql sen2-check` runs: the return's measures for a calendar year, from the
/// prelude's clocks, and the LA's rows of DfE's published files.
enum SEN2CheckScript {
    /// One row per measure: `measure`, `breakdown`, `numerator`, `denominator` (the prelude's
    /// `final_20wk` and `decision_6wk` clocks, as `ehcp_20wk` and `decision_6wk` count them, by the
    /// year the plan was issued or the decision made; the caseload at the census day).
    static func figures(year: Int, census: String) -> String {
        """
        let _issued = from deadlines
          | where clock == "final_20wk" and done_date is not null and year(done_date) == \(year) and not disputed
        let _decided = from deadlines
          | where clock == "decision_6wk" and done_date is not null and year(done_date) == \(year)
        let _caseload = from plans
          | where start_date <= @\(census) and (cease_date is null or cease_date > @\(census))
        from _issued
          | aggregate numerator = count(where status == "met" and not exempt), denominator = count(where not exempt)
          | select measure = "ehcp_20wk", breakdown = "", numerator, denominator
          | append (from _issued | aggregate numerator = count(where status == "met"), denominator = count()
              | select measure = "ehcp_20wk_incl", breakdown = "", numerator, denominator)
          | append (from _issued
              | aggregate numerator = count(where not exempt and days_taken > 20 weeks and days_taken < 52 weeks),
                          denominator = count(where not exempt)
              | select measure = "ehcp_20_52wk", breakdown = "", numerator, denominator)
          | append (from _issued
              | aggregate numerator = count(where not exempt and days_taken >= 52 weeks), denominator = count(where not exempt)
              | select measure = "ehcp_over_52wk", breakdown = "", numerator, denominator)
          | append (from _issued | aggregate numerator = count(where exempt), denominator = count()
              | select measure = "week20_exception", breakdown = "", numerator, denominator)
          | append (from _decided | aggregate numerator = count(where status == "met"), denominator = count()
              | select measure = "decision_6wk", breakdown = "", numerator, denominator)
          | append (from _caseload | aggregate numerator = count(), denominator = count()
              | select measure = "caseload", breakdown = "", numerator, denominator)
          | append (from _caseload | group primary_need (aggregate numerator = count())
              | sort primary_need
              | select measure = "caseload", breakdown = primary_need ?? "unknown", numerator, denominator = numerator)
        """
    }

    /// Where DfE publishes each measure: the file, the LA's row, and its numerator, denominator and
    /// percentage columns.
    struct Published: Sendable {
        var measure: String
        var file: String
        var breakdown: String
        var numerator: String
        var denominator: String?
        var percent: String?
    }

    static let published: [Published] = [
        Published(
            measure: "ehcp_20wk", file: "timeliness_20_week", breakdown: "All EHC plans issued",
            numerator: "plans_issued_20_weeks_ex", denominator: "plans_issued_den_ex",
            percent: "PC_plans_issued_20_weeks_ex"),
        Published(
            measure: "ehcp_20wk_incl", file: "timeliness_20_week", breakdown: "All EHC plans issued",
            numerator: "plans_issued_within_20_weeks", denominator: "plans_issued_den",
            percent: "pc_plans_issued_within_20_weeks"),
        Published(
            measure: "ehcp_20_52wk", file: "timeliness_20_week", breakdown: "All EHC plans issued",
            numerator: "plans_issued_gt20weeks_ltYear_ex", denominator: "plans_issued_den_ex",
            percent: "PC_plans_issued_gt20weeks_ltYear_ex"),
        Published(
            measure: "ehcp_over_52wk", file: "timeliness_20_week", breakdown: "All EHC plans issued",
            numerator: "plans_issued_gt_1_year_ex", denominator: "plans_issued_den_ex",
            percent: "PC_plans_issued_gt_1_year_ex"),
        Published(
            measure: "decision_6wk", file: "requests", breakdown: "All requests for EHC needs assessments",
            numerator: "request_outcome_six_weeks", denominator: nil, percent: "request_outcome_six_weeks_pc"),
        Published(
            measure: "caseload", file: "caseload", breakdown: "All EHC plans", numerator: "ehcplans",
            denominator: nil, percent: nil),
    ]

    /// The LA's row of a published file for a period: its line in the file, then the measure's columns.
    static func lookup(_ published: Published, la: String, period: Int) -> String {
        let columns = [published.numerator, published.denominator, published.percent].map { $0 ?? "null" }
        return """
            from dfe_\(published.file) | derive line = row_number() + 1
              | where old_la_code == "\(la)" and time_period == \(period) and breakdown == "\(published.breakdown)"
              | select line, numerator = \(columns[0]), denominator = \(columns[1]), percent = \(columns[2])
            """
    }
}
