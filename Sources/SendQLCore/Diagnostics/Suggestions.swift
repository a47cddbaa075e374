/// "Did you mean ...?" for near misses: tables, columns, functions, steps.
public enum Suggestions {
    /// The candidate closest to `name`, or nil when none is close enough.
    ///
    /// Closeness is the optimal-string-alignment (restricted Damerau-Levenshtein) distance, ignoring
    /// case, so a swapped pair of letters (`fitler`) costs one edit. The allowed distance grows with
    /// the name: `max(1, name.count / 3)` unless `maxDistance` is given. Ties go to the candidate
    /// listed first, so callers control the order of preference.
    public static func closest(to name: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let limit = maxDistance ?? max(1, name.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The case-insensitive optimal-string-alignment distance: insertions, deletions,
    /// substitutions and transpositions of adjacent characters each cost one.
    public static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first.lowercased())
        let b = Array(second.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows suffice: the transposition step looks back two rows.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, row) = (previous, row, twoBack)
        }
        return previous[b.count]
    }
}
