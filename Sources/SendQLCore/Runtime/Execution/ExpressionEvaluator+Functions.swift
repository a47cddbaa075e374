extension ExpressionEvaluator {
    func call(_ function: ScalarFunction, _ args: [Column], type: DataType, rows: Int) -> Column {
        switch function {
        case .year: return mapDates(args[0]) { Int64(CivilDate(dayNumber: $0).year) }
        case .month: return mapDates(args[0]) { Int64(CivilDate(dayNumber: $0).month) }
        case .day: return mapDates(args[0]) { Int64(CivilDate(dayNumber: $0).day) }
        case .weekday: return mapDates(args[0]) { Int64(CivilDate(dayNumber: $0).isoWeekday) }
        case .quarter: return periodLabels(args[0], .quarter)
        case .yearMonth: return periodLabels(args[0], .month)
        case .academicYear: return periodLabels(args[0], .academicYear)
        case .financialYear: return periodLabels(args[0], .financialYear)
        case .period:
            // One kind for the whole column (the usual case: a constant) is labelled in one pass.
            let (codes, dictionary) = args[1].stringCodes
            if dictionary.count == 1, args[1].validity == nil, let kind = PeriodKind(rawValue: dictionary.values[0]) {
                return periodLabels(args[0], kind)
            }
            var builder = ColumnBuilder(type: .string, capacity: rows)
            let dates = args[0].dates
            for row in 0..<rows {
                guard !args[0].isNull(row), !args[1].isNull(row),
                    let kind = PeriodKind(rawValue: dictionary[codes[row]])
                else {
                    builder.appendNull(); continue
                }
                builder.append(string: PeriodLabel.label(of: CivilDate(dayNumber: dates[row]), kind))
            }
            return builder.finish()
        // Calendar functions work on the days of years 1 to 9999 and give null outside them: a
        // month's end near the last day a date can hold is past it.
        case .monthStart:
            return mapDatesToDates(args[0]) { d in
                let c = CivilDate(dayNumber: d)
                return CivilDate(year: c.year, month: c.month, day: 1).dayNumber
            }
        case .monthEnd:
            return mapDatesToDates(args[0]) { d in
                let c = CivilDate(dayNumber: d)
                return CivilDate(year: c.year, month: c.month, day: CivilDate.daysInMonth(year: c.year, month: c.month))
                    .dayNumber
            }
        case .quarterStart:
            return mapDatesToDates(args[0]) { d in
                PeriodLabel.start(ordinal: PeriodLabel.ordinal(of: CivilDate(dayNumber: d), .quarter), .quarter)
                    .dayNumber
            }
        case .addDays:
            return dateAndCount(args[0], args[1]) { d, n in
                let (r, overflow) = Int64(d).addingReportingOverflow(n)
                return !overflow && r >= Int64(Int32.min) && r <= Int64(Int32.max) ? Int32(r) : nil
            }
        // (abs(Int64.min) would trap, so the bounds are compared directly.)
        case .addMonths:
            return dateAndCount(args[0], args[1]) { d, n in
                n > 100_000 || n < -100_000 || !Self.calendarDays.contains(d)
                    ? nil : DateArithmetic.addMonths(d, Int(n))
            }
        case .addWorkingDays:
            return dateAndCount(args[0], args[1]) { d, n in
                n > 100_000 || n < -100_000 || !Self.calendarDays.contains(d)
                    ? nil : context.calendar.addWorkingDays(d, Int(n))
            }
        case .workingDaysBetween:
            let a = args[0].dates, b = args[1].dates
            return Column(
                .int((0..<rows).map { Int64(context.calendar.workingDaysBetween(a[$0], b[$0])) }),
                validity: Column.bothValid(args[0], args[1]))
        case .isWorkingDay:
            return Column(.bool(args[0].dates.map { context.calendar.isWorkingDay($0) }), validity: args[0].validity)
        case .today: return Column.repeating(.date(context.today), type: .date, count: rows)
        case .asOf: return Column.repeating(.date(context.asOf), type: .date, count: rows)
        case .date: return makeDates(args, rows: rows)
        case .days: return Column(.int(args[0].int64s), validity: args[0].validity)
        case .weeks: return Column(.double(args[0].int64s.map { Double($0) / 7 }), validity: args[0].validity)
        case .lower: return mapStrings(args[0]) { $0.lowercased() }
        case .upper: return mapStrings(args[0]) { $0.uppercased() }
        case .trim: return mapStrings(args[0]) { $0.trimmingWhitespace() }
        case .length:
            let (codes, dictionary) = args[0].stringCodes
            let lengths = dictionary.values.map { Int64($0.count) }
            return Column(.int(codes.map { lengths[Int($0)] }), validity: args[0].validity)
        case .contains, .startsWith, .endsWith:
            return stringPredicate(args[0], args[1], rows: rows) { s, t in
                function == .contains ? s.containsText(t) : function == .startsWith ? s.hasPrefix(t) : s.hasSuffix(t)
            }
        case .concat:
            var builder = ColumnBuilder(type: .string, capacity: rows)
            for row in 0..<rows {
                // concat skips nulls, as a report heading would want.
                builder.append(string: args.map { $0.isNull(row) ? "" : displayText($0[row]) }.joined())
            }
            return builder.finish()
        case .replace:
            return perRowStrings(args, rows: rows) { s in
                guard s[1].isEmpty == false else { return s[0] }
                return s[0].replacingAll(s[1], with: s[2])
            }
        case .substring:
            var builder = ColumnBuilder(type: .string, capacity: rows)
            for row in 0..<rows {
                guard case .string(let s) = args[0][row], case .int(let start) = args[1][row],
                    case .int(let length) = args[2][row]
                else {
                    builder.appendNull(); continue
                }
                let chars = Array(s)
                // Compared before any sum, so huge starts and lengths cannot overflow.
                let from = start <= 1 ? 0 : Int(min(start - 1, Int64(chars.count)))
                let to = length <= 0 ? from : from + Int(min(length, Int64(chars.count - from)))
                builder.append(string: from < to ? String(chars[from..<to]) : "")
            }
            return builder.finish()
        case .round:
            let digits = args.count > 1 ? args[1] : Column.repeating(.int(0), type: .int, count: rows)
            let values = args[0].doubles, places = digits.int64s
            var out = [Double](repeating: 0, count: rows)
            for i in 0..<rows {
                let scale = pow10(Int(max(-15, min(15, places[i]))))
                // Half away from zero, as a published percentage is rounded.
                out[i] = (values[i] * scale).rounded(.toNearestOrAwayFromZero) / scale
            }
            return Column(.double(out), validity: Column.bothValid(args[0], digits))
        case .abs:
            switch args[0].storage {
            case .double(let v): return Column(.double(v.map { Swift.abs($0) }), validity: args[0].validity)
            case .int(let v), .duration(let v):
                var validity = args[0].validity ?? Bitmap(count: rows, value: true)
                let out = v.enumerated().map { i, x -> Int64 in
                    if x == .min { validity.clear(i); return 0 }
                    return Swift.abs(x)
                }
                return Column(args[0].type == .duration ? .duration(out) : .int(out), validity: validity)
            default: return .nulls(type, count: rows)
            }
        case .floor, .ceil:
            var validity = args[0].validity ?? Bitmap(count: rows, value: true)
            let out = args[0].doubles.enumerated().map { i, x -> Int64 in
                let r = function == .floor ? x.rounded(.down) : x.rounded(.up)
                guard r.isFinite, r >= -9.2e18, r <= 9.2e18 else { validity.clear(i); return 0 }
                return Int64(r)
            }
            return Column(.int(out), validity: validity)
        case .coalesce: return coalesce(args, type: type, rows: rows)
        case .greatest, .least: return extreme(args, type: type, rows: rows, greatest: function == .greatest)
        case .int, .double, .string: return convert(args[0], to: type, rows: rows)
        case .rag, .direction: return judge(function, args, rows: rows)
        case .previousPeriod, .samePeriodLastYear:
            return mapStrings(args[0]) { label in
                guard let kind = PeriodLabel.kind(of: label), let n = PeriodLabel.parse(label, kind) else { return "" }
                let back = function == .previousPeriod ? 1 : PeriodLabel.periodsPerYear(kind)
                return PeriodLabel.label(ordinal: n - back, kind)
            }.nullingEmpty()
        }
    }

    /// rag() and direction(): words from numbers, null when an input is null or `better` is not higher/lower.
    private func judge(_ function: ScalarFunction, _ args: [Column], rows: Int) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: rows)
        for row in 0..<rows {
            guard case .double(let value) = args[0][row] else { builder.appendNull(); continue }
            var better = "higher"
            if function == .rag {
                guard case .double(let target) = args[1][row] else { builder.appendNull(); continue }
                if args.count > 2 {
                    guard case .string(let b) = args[2][row] else { builder.appendNull(); continue }; better = b
                }
                var amber = 0.1
                if args.count > 3 {
                    guard case .double(let a) = args[3][row] else { builder.appendNull(); continue }; amber = a
                }
                guard better == "higher" || better == "lower" else { builder.appendNull(); continue }
                // Short of the target by no more than `amber` of it is amber (the common council convention).
                let shortfall = better == "higher" ? target - value : value - target
                builder.append(
                    string: shortfall <= 0 ? "green" : shortfall <= amber * Swift.abs(target) ? "amber" : "red")
            } else {
                guard case .string(let b) = args[1][row], b == "higher" || b == "lower" else {
                    builder.appendNull(); continue
                }
                better = b
                var tolerance = 0.5
                if args.count > 2 {
                    guard case .double(let t) = args[2][row] else { builder.appendNull(); continue }; tolerance = t
                }
                let gain = better == "higher" ? value : -value
                builder.append(string: Swift.abs(value) < tolerance ? "flat" : gain > 0 ? "improving" : "worsening")
            }
        }
        return builder.finish()
    }

    private func mapDates(_ c: Column, _ f: (Int32) -> Int64) -> Column {
        Column(.int(Self.byDay(c.dates, f)), validity: c.validity)
    }

    /// `f` of every day number in row order, called once per distinct day when the days span less
    /// than 180 years (a table lookup then, rather than a calendar conversion per row). `f` is first
    /// called for each day where that day first appears, as a plain map would.
    static func byDay<T>(_ days: [Int32], _ f: (Int32) -> T) -> [T] {
        guard days.count > 64, let low = days.min(), let high = days.max(), Int(high) - Int(low) < 1 << 16 else {
            return days.map(f)
        }
        var table = [T?](repeating: nil, count: Int(high) - Int(low) + 1)
        return days.map { day in
            let slot = Int(day) - Int(low)
            if let known = table[slot] { return known }
            let value = f(day)
            table[slot] = value
            return value
        }
    }

    /// The days of years 1 to 9999, where the calendar functions are defined (null elsewhere).
    static let calendarDays =
        CivilDate(year: 1, month: 1, day: 1).dayNumber...CivilDate(year: 9999, month: 12, day: 31).dayNumber

    /// A date function of the calendar, null for days outside `calendarDays`.
    private func mapDatesToDates(_ c: Column, _ f: (Int32) -> Int32) -> Column {
        let days = c.dates
        if let low = days.min(), let high = days.max(), Self.calendarDays.contains(low),
            Self.calendarDays.contains(high)
        {
            return Column(.date(Self.byDay(days, f)), validity: c.validity)
        }
        var validity = c.validity ?? Bitmap(count: days.count, value: true)
        var out = [Int32](repeating: 0, count: days.count)
        for i in days.indices where validity[i] {
            if Self.calendarDays.contains(days[i]) { out[i] = f(days[i]) } else { validity.clear(i) }
        }
        return Column(.date(out), validity: validity)
    }

    private func dateAndCount(_ dates: Column, _ counts: Column, _ f: (Int32, Int64) -> Int32?) -> Column {
        let d = dates.dates, n = counts.int64s
        var validity = Column.bothValid(dates, counts) ?? Bitmap(count: d.count, value: true)
        var out = [Int32](repeating: 0, count: d.count)
        for i in d.indices where validity[i] {
            if let r = f(d[i], n[i]) { out[i] = r } else { validity.clear(i) }
        }
        return Column(.date(out), validity: validity)
    }

    /// Period labels, formatted once per distinct period rather than once per row.
    private func periodLabels(_ c: Column, _ kind: PeriodKind) -> Column {
        var dictionary = StringDictionary()
        var codeOfOrdinal: [Int: UInt32] = [:]
        let codes = Self.byDay(c.dates) { d -> UInt32 in
            let ordinal = PeriodLabel.ordinal(of: CivilDate(dayNumber: d), kind)
            if let code = codeOfOrdinal[ordinal] { return code }
            let code = dictionary.intern(PeriodLabel.label(ordinal: ordinal, kind))
            codeOfOrdinal[ordinal] = code
            return code
        }
        return Column(.string(codes: codes, dictionary: dictionary), validity: c.validity)
    }

    /// A string function applied once per dictionary entry.
    private func mapStrings(_ c: Column, _ f: (String) -> String) -> Column {
        let (codes, dictionary) = c.stringCodes
        var out = StringDictionary()
        let remap = dictionary.values.map { out.intern(f($0)) }
        return Column(.string(codes: codes.map { remap[Int($0)] }, dictionary: out), validity: c.validity)
    }

    private func stringPredicate(_ a: Column, _ b: Column, rows: Int, _ f: (String, String) -> Bool) -> Column {
        let (ac, ad) = a.stringCodes, (bc, bd) = b.stringCodes
        var out = [Bool](repeating: false, count: rows)
        if bd.count == 1 {
            let needle = bd.values[0]
            let answer = ad.values.map { f($0, needle) }
            for i in 0..<rows { out[i] = answer[Int(ac[i])] }
        } else {
            for i in 0..<rows { out[i] = f(ad[ac[i]], bd[bc[i]]) }
        }
        return Column(.bool(out), validity: Column.bothValid(a, b))
    }

    private func perRowStrings(_ args: [Column], rows: Int, _ f: ([String]) -> String) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: rows)
        for row in 0..<rows {
            var texts: [String] = []
            for arg in args {
                guard case .string(let s) = arg[row] else { break }
                texts.append(s)
            }
            if texts.count == args.count { builder.append(string: f(texts)) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    private func makeDates(_ args: [Column], rows: Int) -> Column {
        var builder = ColumnBuilder(type: .date, capacity: rows)
        for row in 0..<rows {
            if args.count == 3 {
                guard case .int(let y) = args[0][row], case .int(let m) = args[1][row], case .int(let d) = args[2][row],
                    let date = CivilDate.valid(year: Int(clamping: y), month: Int(clamping: m), day: Int(clamping: d))
                else {
                    builder.appendNull(); continue
                }
                builder.append(date: date.dayNumber)
            } else {
                guard case .string(let s) = args[0][row], let date = CivilDate(iso: s) else {
                    builder.appendNull(); continue
                }
                builder.append(date: date.dayNumber)
            }
        }
        return builder.finish()
    }

    private func extreme(_ args: [Column], type: DataType, rows: Int, greatest: Bool) -> Column {
        var builder = ColumnBuilder(type: type, capacity: rows)
        for row in 0..<rows {
            let present = args.filter { !$0.isNull(row) }.map { $0[row] }
            guard var best = present.first else { builder.appendNull(); continue }
            for v in present.dropFirst() where (greatest ? v.isGreater(than: best) : best.isGreater(than: v)) {
                best = v
            }
            builder.append(best)
        }
        return builder.finish()
    }

    /// int(), double(), string(): text that does not read as the type gives null.
    private func convert(_ c: Column, to type: DataType, rows: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: rows)
        for row in 0..<rows {
            let v = c[row]
            switch (type, v) {
            case (_, .null): builder.appendNull()
            case (.string, _): builder.append(string: displayText(v))
            case (.int, .int(let x)), (.int, .duration(let x)): builder.append(int: x)
            case (.int, .double(let x)):
                if x.isFinite && Swift.abs(x) < 9.2e18 {
                    builder.append(int: Int64(x.rounded(.towardZero)))
                } else {
                    builder.appendNull()
                }
            case (.int, .bool(let x)): builder.append(int: x ? 1 : 0)
            case (.int, .date(let x)): builder.append(int: Int64(x))
            case (.int, .string(let s)):
                if let x = Int64(s.trimmingWhitespace()) { builder.append(int: x) } else { builder.appendNull() }
            case (.double, .int(let x)), (.double, .duration(let x)): builder.append(double: Double(x))
            case (.double, .double(let x)): builder.append(double: x)
            case (.double, .bool(let x)): builder.append(double: x ? 1 : 0)
            case (.double, .string(let s)):
                if let x = Double(s.trimmingWhitespace()) { builder.append(double: x) } else { builder.appendNull() }
            default: builder.appendNull()
            }
        }
        return builder.finish()
    }

    func displayText(_ value: Value) -> String {
        switch value {
        case .duration(let d): return String(d)
        case .null: return ""
        default: return value.description
        }
    }
}

extension Column {
    /// Empty strings read as null (a label function's way of saying "not a period").
    func nullingEmpty() -> Column {
        guard case .string(let codes, let dictionary) = storage, let empty = dictionary.code(of: "") else {
            return self
        }
        var validity = self.validity ?? Bitmap(count: codes.count, value: true)
        for (row, code) in codes.enumerated() where code == empty { validity.clear(row) }
        return Column(storage, validity: validity)
    }
}

private func pow10(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<Swift.abs(n) { r *= 10 }
    return n < 0 ? 1 / r : r
}

extension Value {
    /// Ordering between two values of one type, for greatest/least.
    func isGreater(than other: Value) -> Bool {
        switch (self, other) {
        case (.int(let a), .int(let b)), (.duration(let a), .duration(let b)): return a > b
        case (.double(let a), .double(let b)): return a > b
        case (.date(let a), .date(let b)): return a > b
        case (.string(let a), .string(let b)): return a > b
        case (.bool(let a), .bool(let b)): return a && !b
        default: return false
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Every occurrence of `target`, left to right and not overlapping, replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let text = Array(self)
        let matches = CharacterSearch(target).matches(in: text)
        guard !matches.isEmpty else { return self }
        var result = ""
        var copied = 0
        for start in matches {
            result.append(contentsOf: text[copied..<start])
            result += replacement
            copied = start + matches.needleLength
        }
        result.append(contentsOf: text[copied...])
        return result
    }

    /// True when `target` occurs in the string, character by character.
    func containsText(_ target: String) -> Bool {
        target.isEmpty || CharacterSearch(target).firstMatch(in: Array(self)) != nil
    }
}

/// Finds a text's occurrences in another by characters (as Swift compares them), in time linear in
/// both lengths (Knuth-Morris-Pratt), so that no string, however it repeats, makes `replace` or
/// `contains` slow.
struct CharacterSearch {
    let needle: [Character]
    /// For each prefix of the needle, the length of its longest proper prefix that is also a suffix.
    let fallback: [Int]

    init(_ target: String) {
        needle = Array(target)
        var fallback = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in needle.indices.dropFirst() {
            while length > 0, needle[index] != needle[length] { length = fallback[length - 1] }
            if needle[index] == needle[length] { length += 1 }
            fallback[index] = length
        }
        self.fallback = fallback
    }

    /// Where each match starts, leftmost first, a match never overlapping the one before.
    struct Matches: Sequence {
        var starts: [Int]
        var needleLength: Int
        var isEmpty: Bool { starts.isEmpty }
        func makeIterator() -> IndexingIterator<[Int]> { starts.makeIterator() }
    }

    func matches(in text: [Character], stopAtFirst: Bool = false) -> Matches {
        var starts: [Int] = []
        guard !needle.isEmpty else { return Matches(starts: [], needleLength: 0) }
        var matched = 0
        for (index, character) in text.enumerated() {
            while matched > 0, character != needle[matched] { matched = fallback[matched - 1] }
            if character == needle[matched] { matched += 1 }
            if matched == needle.count {
                starts.append(index + 1 - needle.count)
                if stopAtFirst { break }
                matched = 0
            }
        }
        return Matches(starts: starts, needleLength: needle.count)
    }

    func firstMatch(in text: [Character]) -> Int? {
        matches(in: text, stopAtFirst: true).starts.first
    }
}
