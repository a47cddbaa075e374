import Testing
import SendQLCore
@testable import SendQLIO

struct TableRendererTests {
    @Test func alignsNumbersRightAndShowsNulls() {
        let table = Table([
            ("la", Column(type: .string, values: [.string("Kingston"), .string("Hull")])),
            ("plans", Column(type: .int, values: [.int(185), .null])),
        ])
        let text = TableRenderer().render(table)
        #expect(
            text == """
                la        plans
                --------  -----
                Kingston    185
                Hull       null
                (2 rows)

                """)
    }
}
