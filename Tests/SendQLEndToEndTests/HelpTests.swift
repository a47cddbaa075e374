import Testing
import SendQLTestSupport

struct HelpTests {
    @Test func helpNamesTheTool() throws {
        let result = try ProcessRunner.sendql(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SEND services"))
    }
}
