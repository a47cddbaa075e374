import Testing
import SendQLTestSupport

/// `sendql snapshot` prints the whole pack, with exactly its six columns, for every kind of period.
struct SnapshotCommandTests {
    static let labels: [(String, String)] = [
        ("year", "2018"), ("academic_year", "2017/18"), ("financial_year", "2017-18"),
        ("quarter", "2018-Q4"), ("month", "2019-03"), ("rolling12", "2019-03"),
    ]

    @Test(arguments: labels)
    func printsThePackByEveryKindOfPeriod(kind: String, aLabel: String) throws {
        let result = try ProcessRunner.sendql([
            "snapshot", "--data", RepositoryPaths.sampleArea.path, "--as-of", "2019-03-31", "--by", kind,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "kpi,breakdown,period,numerator,denominator,value")
        let kpis = Set(lines.dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(
            kpis == [
                "ehcp_20wk", "ehcp_20wk_incl", "decision_6wk", "not_issue_16wk", "advice_6wk", "review_12m",
                "review_decision_4wk", "amendment_12wk", "phase_transfer_on_time", "complaint_20wd",
                "ehcp_quality_good", "health_quality_good", "parent_satisfaction", "overdue_now",
            ])
        #expect(lines.contains { $0.hasPrefix("ehcp_20wk,,\(aLabel),") }, "no ehcp_20wk row for \(aLabel)")
        // Nothing after the as-of date's period, and the backlog as at that date.
        #expect(!lines.contains { $0.contains(",2019-04,") || $0.contains(",2020,") })
        #expect(lines.contains("overdue_now,final_20wk,2019-03-31,1,,"))
        for line in lines.dropFirst() where !line.hasPrefix("overdue_now") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 6)
            let numerator = Double(fields[3])!, denominator = Double(fields[4])!, value = Double(fields[5])!
            #expect(abs(value - 100 * numerator / denominator) < 1e-9)
        }
    }

    @Test func rollingTwelveMonthsEqualTheFinancialYearEndingInMarch() throws {
        func row(_ kind: String, _ period: String) throws -> String? {
            let result = try ProcessRunner.sendql([
                "snapshot", "--as-of", "2019-03-31", "--by", kind, "--data", RepositoryPaths.sampleArea.path,
            ])
            return result.stdout.split(separator: "\n").map(String.init)
                .first { $0.hasPrefix("ehcp_20wk,,\(period),") }?.split(separator: ",").dropFirst(3).joined(
                    separator: ",")
        }
        let rolling = try row("rolling12", "2019-03"), financial = try row("financial_year", "2018-19")
        #expect(rolling != nil && rolling == financial)
    }

    @Test func refusesAnUnknownPeriod() throws {
        let result = try ProcessRunner.sendql(["snapshot", "--by", "fortnight"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains("--by must be one of year, academic_year, financial_year, quarter, month, rolling12")
        )
    }
}
