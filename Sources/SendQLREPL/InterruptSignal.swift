#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write end of the self-pipe, for the signal handler (a C function pointer cannot capture it).
/// Set once by `InterruptSignal.install()` before the handler is installed, never changed after.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Ctrl-C, caught with the self-pipe trick: the SIGINT handler only writes a byte to a pipe (one of the
/// few things a signal handler may safely do). The line reader waits on the pipe beside the terminal,
/// so Ctrl-C at the prompt abandons the line at once; the executor asks `isRaised` between steps, so
/// Ctrl-C during a query stops it and the REPL goes back to the prompt.
public final class InterruptSignal: InterruptSource {
    /// The read end, which `poll` can wait on.
    public let readEnd: Int32

    private init(readEnd: Int32) {
        self.readEnd = readEnd
    }

    /// Installs the SIGINT handler (once per process); nil when the pipe cannot be made.
    public static func install() -> InterruptSignal? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            // Non-blocking: the handler must never wait on a full pipe, and `clear` drains without waiting.
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWriteEnd = ends[1]
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 1
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        #else
            action.__sigaction_u.__sa_handler = { _ in
                var byte: UInt8 = 1
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        #endif
        sigemptyset(&action.sa_mask)
        // SA_RESTART: other system calls carry on; the prompt notices Ctrl-C through the pipe, not EINTR.
        action.sa_flags = SA_RESTART
        guard sigaction(SIGINT, &action, nil) == 0 else { return nil }
        // A parent may have started us with SIGINT blocked (the mask is inherited); Ctrl-C must get through.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        return InterruptSignal(readEnd: ends[0])
    }

    public var isRaised: Bool {
        var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    public func clear() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
