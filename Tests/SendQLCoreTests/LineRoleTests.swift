import Testing
import SendQLCore

struct LineRoleTests {
    @Test(arguments: [
        ("", LineRole.blank), ("   ", .blank), ("# a comment", .blank),
        ("| take 3", .continuation), ("  | where x > 1", .continuation), (")", .continuation),
        ("and outcome == \"Y\"", .continuation), ("+ 1", .continuation),
        ("from requests", .start), ("let x = 1", .start), ("expect true", .start),
    ])
    func aLineOnItsOwnStartsContinuesOrIsBlank(line: String, role: LineRole) {
        #expect(Parser.role(ofLine: line) == role)
    }
}
