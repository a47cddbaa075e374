/// What a reader does with a bad row.
public enum CSVReadMode: String, Sendable, Hashable {
    /// Stop at the first bad value and throw its diagnostic.
    case strict
    /// Set bad rows aside as rejects and load the rest; loaded + rejected = data rows in the file.
    case lenient
}
