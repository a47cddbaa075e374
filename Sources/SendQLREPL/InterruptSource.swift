/// Tells the REPL whether Ctrl-C was pressed: the real one is `InterruptSignal`, tests use a fake.
public protocol InterruptSource: Sendable {
    /// True once Ctrl-C was pressed, until `clear()`.
    var isRaised: Bool { get }
    /// Forgets earlier presses, before a new query starts.
    func clear()
}
