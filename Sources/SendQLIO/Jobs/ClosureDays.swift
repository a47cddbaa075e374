import SendQLCore

/// Local closure days (an authority's office closures) that working-day clocks also skip.
public enum ClosureDays {
    /// The dates in the `date` column of a CSV file.
    public static func read(_ path: String) -> Result<[Int32], Diagnostic> {
        let table: Table
        do {
            table = try CSVReader(formats: ["date": .date]).read(path: path).table
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch let list as DiagnosticList {
            return .failure(list.diagnostics.first ?? Diagnostic(.error, code: "E0700", message: "cannot read \(path)"))
        } catch {
            return .failure(Diagnostic(.error, code: "E0700", message: "cannot read \(path): \(error)"))
        }
        guard let column = table.column(named: "date") else {
            return .failure(
                Diagnostic(
                    .error, code: "E0714",
                    message:
                        "\(path): missing required column \"date\" (the header has \(table.schema.names.joined(separator: ", ")))"
                ))
        }
        return .success(
            (0..<column.count).compactMap { row in
                if case .date(let day) = column[row] { return day }
                return nil
            })
    }
}
