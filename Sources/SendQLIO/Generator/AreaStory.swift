import SendQLCore

/// The story the synthetic area tells, year by year, loosely following the Royal Borough of
/// Kingston upon Thames: steady in 2015-2017, a poor 2018 that led to the Ofsted/CQC inspection and
/// the Written Statement of Action (WSoA), a strong recovery in 2019, a pandemic wobble, a bad 2023
/// as requests rose and educational psychologists were scarce, and recovery in 2024.
///
/// Rates are probabilities that one case meets its deadline, indexed by the calendar year the
/// deadline falls in. They are the only place the story lives; the simulation only applies them.
enum AreaStory {
    /// The first year of every table below.
    static let firstYear = 2015

    /// Relative number of requests received per year (Kingston: about 240 in 2019, 330 in 2023).
    static let requestVolume = YearlyRates(from: firstYear, [215, 225, 240, 250, 265, 255, 290, 340, 380, 410])

    /// Decision whether to assess within 6 weeks.
    static let decisionWithin6Weeks = YearlyRates(
        from: firstYear, [0.92, 0.94, 0.90, 0.80, 0.96, 0.93, 0.90, 0.88, 0.81, 0.92])

    /// Final plan within 20 weeks, for cases without an exception. DfE's published Kingston figures
    /// (excluding exceptions) are 88.7% (2017), 76.6% (2018), 96.2% (2019), 87.5% (2020),
    /// 68.7% (2021), 72% (2022), 47.3% (2023), 93.8% (2024).
    static let finalWithin20Weeks = YearlyRates(
        from: firstYear, [0.88, 0.945, 0.87, 0.766, 0.962, 0.875, 0.687, 0.72, 0.473, 0.95])

    /// Decision not to issue a plan within 16 weeks.
    static let notToIssueWithin16Weeks = YearlyRates(
        from: firstYear, [0.82, 0.84, 0.80, 0.72, 0.92, 0.88, 0.86, 0.85, 0.70, 0.90])

    /// Partners' advice within 6 weeks, by kind. Health, the CCG's duty and WSoA area 2, is worst
    /// before the WSoA and improves after it; educational psychology suffers in 2022-2023.
    static let healthAdviceWithin6Weeks = YearlyRates(
        from: firstYear, [0.58, 0.55, 0.52, 0.45, 0.66, 0.60, 0.74, 0.78, 0.70, 0.83])
    static let psychologyAdviceWithin6Weeks = YearlyRates(
        from: firstYear, [0.86, 0.86, 0.84, 0.80, 0.92, 0.90, 0.90, 0.78, 0.64, 0.86])
    static let socialCareAdviceWithin6Weeks = YearlyRates(
        from: firstYear, [0.90, 0.90, 0.89, 0.84, 0.94, 0.92, 0.93, 0.93, 0.88, 0.94])
    static let educationAdviceWithin6Weeks = YearlyRates(
        from: firstYear, [0.88, 0.88, 0.87, 0.82, 0.92, 0.85, 0.90, 0.90, 0.86, 0.92])

    /// Annual review meeting held within 12 months (WSoA area 3: the weakness of 2018).
    static let reviewWithin12Months = YearlyRates(
        from: firstYear, [0.62, 0.60, 0.55, 0.45, 0.66, 0.58, 0.74, 0.80, 0.68, 0.80])

    /// Review decision notified within 4 weeks of the meeting (Kingston 2024: 51.5%).
    static let reviewDecisionWithin4Weeks = YearlyRates(
        from: firstYear, [0.40, 0.38, 0.36, 0.30, 0.48, 0.45, 0.55, 0.60, 0.44, 0.52])

    /// Final amended plan within 12 weeks of the review meeting.
    static let amendmentWithin12Weeks = YearlyRates(
        from: firstYear, [0.64, 0.62, 0.58, 0.46, 0.72, 0.68, 0.78, 0.82, 0.68, 0.80])

    /// Phase transfer plan finalised by 15 February (31 March for post-16).
    static let phaseTransferOnTime = YearlyRates(
        from: firstYear, [0.70, 0.68, 0.66, 0.58, 0.86, 0.88, 0.92, 0.93, 0.84, 0.93])

    /// Stage 1 complaint answered within 20 working days.
    static let complaintWithin20WorkingDays = YearlyRates(
        from: firstYear, [0.76, 0.75, 0.72, 0.58, 0.80, 0.78, 0.86, 0.85, 0.70, 0.86])

    /// How far quality and parents' experience have moved from "before" (0) to "after" (1): drives
    /// audit ratings and survey scores. Flat until the WSoA, then improving, with a dip in 2023.
    static let improvement = YearlyRates(
        from: firstYear, [0.05, 0.08, 0.06, 0.0, 0.30, 0.45, 0.60, 0.74, 0.66, 0.85])

    /// The health sections of plans lag the plans as a whole.
    static let healthImprovement = YearlyRates(
        from: firstYear, [0.0, 0.0, 0.0, 0.0, 0.20, 0.36, 0.52, 0.66, 0.60, 0.78])

    /// Share of new plans whose quality is audited (the WSoA brought in a monthly audit cycle).
    static let newPlanAuditShare = YearlyRates(
        from: firstYear, [0.10, 0.12, 0.14, 0.16, 0.35, 0.32, 0.35, 0.36, 0.34, 0.36])

    /// The coronavirus relaxation of the timescales: 1 May to 25 September 2020.
    static let coronavirusRelaxation: ClosedRange<Int32> =
        CivilDate(year: 2020, month: 5, day: 1).dayNumber...CivilDate(year: 2020, month: 9, day: 25).dayNumber
}
