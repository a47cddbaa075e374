import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// A report shaped like a written statement's monthly update.
let wsoaReport: ReportDocument = {
    var published = try! PublicationSuppressor().apply(
        table([
            ("kpi", .string, ["ehcp_20wk", "ehcp_20wk", "ehcp_20wk", "overdue_now"].map(Value.string)),
            ("breakdown", .string, ["", "primary_need=ASD", "primary_need=SLCN", "review_12m"].map(Value.string)),
            ("period", .string, ["2024", "2024", "2024", "2024-12-31"].map(Value.string)),
            ("numerator", .int, [.int(228), .int(120), .int(3), .int(31)]),
            ("denominator", .int, [.int(242), .int(130), .int(7), .null]),
            (
                "value", .double,
                [.double(94.21487603305785), .double(92.3076923076923), .double(42.857142857142854), .null]
            ),
        ])
    ).table
    published.setColumn("as_of", Column(type: .date, values: Array(repeating: day("2024-12-31"), count: 4)))
    var report = ReportDocument(title: "Written Statement of Action: monthly update <December 2024>")
    report.append(
        .paragraph(
            "Prepared for the SEND Partnership Board & the CCG.\nFigures as at 31 December 2024; *c* = suppressed."))
    report.append(.heading(level: 2, text: "1. Timeliness of EHC plans"))
    report.append(
        .paragraph(
            "1. Plans issued within 20 weeks rose to 94.2% (target 90%) - see <Figure 1>.\n# not a heading\n- not a list | [not a link](x)"
        ))
    report.append(
        .figure(
            path: "figures/ehcp 20wk.svg", alt: "Line chart: 20-week rate by year, 47.3% in 2023, 93.8% in 2024",
            caption: "Figure 1: EHC plans issued within 20 weeks"))
    report.append(.table(published, caption: "Table 1: Headline KPIs (published, small numbers suppressed)"))
    report.append(.pageBreak)
    report.append(.heading(level: 3, text: "Annual reviews"))
    report.append(
        .table(Table.empty(Schema([Field("review_id_count", .int), Field("setting", .string)])), caption: nil))
    report.append(.figure(path: "javascript:alert(1)", alt: "\"quoted\" alt", caption: nil))
    return report
}()

struct ReportRendererTests {
    @Test func markdownMatchesItsGoldenFile() throws {
        let text = MarkdownReportRenderer().render(wsoaReport)
        try Golden.check(actual: text, expectedFile: goldenFile("reports", "wsoa-update.md"))
        #expect(MarkdownReportRenderer().render(wsoaReport) == text)
    }

    @Test func htmlMatchesItsGoldenFile() throws {
        let page = HTMLReportRenderer().render(wsoaReport)
        try Golden.check(actual: page, expectedFile: goldenFile("reports", "wsoa-update.html"))
        #expect(HTMLReportRenderer().render(wsoaReport) == page)
    }

    @Test func htmlEscapesEverything() {
        let page = HTMLReportRenderer().render(
            ReportDocument(
                title: "<script>alert('x')</script>",
                blocks: [
                    .heading(level: 9, text: "a & b"), .paragraph("<b>bold?</b>"),
                    .table(table([("<th>", .string, [.string("<td>&")])]), caption: "\"cap\""),
                ]))
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>"))
        #expect(page.contains("<h6>a &amp; b</h6>"))
        #expect(page.contains("<caption>&quot;cap&quot;</caption>"))
        #expect(page.contains("<th scope=\"col\">&lt;th&gt;</th>"))
        #expect(page.contains("<td class=\"word\">&lt;td&gt;&amp;</td>"))
    }

    @Test func numbersAreRightAlignedIncludingSuppressedTextColumns() {
        let format = ReportCellFormat()
        #expect(
            format.isNumeric(Column(type: .string, values: [.string("12"), .string("c"), .null, .string("-3.25")])))
        #expect(!format.isNumeric(Column(type: .string, values: [.string("12"), .string("x")])))
        #expect(!format.isNumeric(Column(type: .string, values: [.string("c")])))
        #expect(format.text(.string("92.3076923076923"), numericText: true) == "92.3")
        #expect(format.text(.string("228"), numericText: true) == "228")
        #expect(format.text(.double(50)) == "50.0")
        #expect(ReportCellFormat(decimals: 0).text(.double(94.6)) == "95")
    }

    @Test func markdownEscapesMarkup() {
        #expect(MarkdownReportRenderer.escapeLine("1. first") == "1\\. first")
        #expect(
            MarkdownReportRenderer.escapeLine("  - item *bold* _x_ `code` <b> a|b #tag")
                == "  \\- item \\*bold\\* \\_x\\_ \\`code\\` \\<b\\> a\\|b \\#tag")
        #expect(MarkdownReportRenderer.escapeLine("2024 was better") == "2024 was better")
    }
}
