import SendQLCore

/// The words of an E0724 warning about a cell read against the publisher's guidance.
enum DfEOddCellMessage {
    /// The message and notes for `odd`, in a file whose guidance lists `symbols`.
    static func text(for odd: DfETableTyper.OddCell, symbols: Set<String>) -> (message: String, notes: [String]) {
        let listed = DfESymbol.allCases.map(\.rawValue).filter(symbols.contains).joined(separator: ", ")
        let found = FoundText.quoted(odd.cell.text)
        if odd.readAsSymbol {
            return (
                "\(found) in \(odd.column) is neither a number nor a symbol the publisher lists (\(listed)); "
                    + "read as a symbol",
                ["its cells are null in \(odd.column) and hold \(found) in \(odd.column)_symbol"]
            )
        }
        return (
            "\(odd.column) stays text: \(found) is neither a number nor a symbol the publisher lists (\(listed))",
            ["the column's numbers are text too; correct the cell, or compare the column as text"]
        )
    }
}
