import Foundation
import SendQLTestSupport
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// The terminal harness reads the exit status of a program its tmux server has not reaped yet.
struct TerminalSessionTests {
    @Test func aZombiesExitStatusIsReadFromProc() throws {
        var pid = pid_t()
        let words: [String] = ["/bin/sh", "-c", "exit 3"]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0)
        var status: Int32?
        for _ in 0..<200 where status == nil {
            usleep(10_000)
            status = TerminalSession.zombieExitStatus(pid)
        }
        #expect(status == 3)
        var reaped: Int32 = 0
        waitpid(pid, &reaped, 0)
        #expect(TerminalSession.zombieExitStatus(pid) == nil)
    }

    @Test func aRunningProcessHasNoExitStatus() {
        #expect(TerminalSession.zombieExitStatus(getpid()) == nil)
    }
}
