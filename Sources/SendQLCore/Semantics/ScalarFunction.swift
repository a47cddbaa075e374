/// The built-in row-by-row functions.
public enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
    // Dates and periods.
    case year, month, day, weekday, quarter
    case yearMonth = "year_month", academicYear = "academic_year", financialYear = "financial_year", period
    case monthStart = "month_start", monthEnd = "month_end", quarterStart = "quarter_start"
    case addDays = "add_days", addMonths = "add_months"
    case addWorkingDays = "add_working_days", workingDaysBetween = "working_days_between"
    case isWorkingDay = "is_working_day"
    case today, asOf = "as_of", date
    // Durations.
    case days, weeks
    // Text.
    case lower, upper, trim, length, contains, startsWith = "starts_with", endsWith = "ends_with"
    case concat, replace, substring
    // Numbers.
    case round, abs, floor, ceil
    // Nulls, choices, conversions.
    case coalesce, greatest, least
    case int, double, string
    // Trends and targets.
    case rag, direction, previousPeriod = "previous_period", samePeriodLastYear = "same_period_last_year"

    /// False for the functions whose value depends on the session (`today`, `as_of`) rather than arguments only.
    public var isDeterministic: Bool { self != .today && self != .asOf }

    /// A one-line signature for help, completion and error notes.
    public var signature: String {
        switch self {
        case .year, .month, .day, .weekday: return "\(rawValue)(date) -> int"
        case .quarter: return "quarter(date) -> string, e.g. \"2019-Q1\""
        case .yearMonth: return "year_month(date) -> string, e.g. \"2019-03\""
        case .academicYear: return "academic_year(date) -> string, e.g. \"2018/19\" (September-August)"
        case .financialYear: return "financial_year(date) -> string, e.g. \"2018-19\" (April-March)"
        case .period:
            return
                "period(date, kind) -> the label of the year, academic_year, financial_year, quarter or month holding the date"
        case .monthStart, .monthEnd, .quarterStart: return "\(rawValue)(date) -> date"
        case .addDays: return "add_days(date, int) -> date"
        case .addMonths: return "add_months(date, int) -> date (clamped to the month's last day)"
        case .addWorkingDays: return "add_working_days(date, int) -> date"
        case .workingDaysBetween: return "working_days_between(date, date) -> int"
        case .isWorkingDay: return "is_working_day(date) -> bool"
        case .today: return "today() -> date"
        case .asOf: return "as_of() -> date (the session's as-of date)"
        case .date: return "date(string) -> date, or date(year, month, day) -> date"
        case .days: return "days(duration) -> int"
        case .weeks: return "weeks(duration) -> double"
        case .lower, .upper, .trim: return "\(rawValue)(string) -> string"
        case .length: return "length(string) -> int"
        case .contains, .startsWith, .endsWith: return "\(rawValue)(string, string) -> bool"
        case .concat: return "concat(value, ...) -> string"
        case .replace: return "replace(string, find, with) -> string"
        case .substring: return "substring(string, start, length) -> string (1-based)"
        case .round: return "round(number[, digits]) -> double"
        case .abs: return "abs(number) -> number"
        case .floor, .ceil: return "\(rawValue)(number) -> int"
        case .coalesce: return "coalesce(a, b, ...) -> the first that is not null"
        case .greatest, .least: return "\(rawValue)(a, b, ...) -> the largest / smallest, ignoring nulls"
        case .int: return "int(value) -> int"
        case .double: return "double(value) -> double"
        case .string: return "string(value) -> string"
        case .rag:
            return
                "rag(value, target[, better[, amber]]) -> \"green\", \"amber\" or \"red\" (better \"higher\" or \"lower\"; amber within 0.1 of the target by default)"
        case .direction:
            return
                "direction(slope, better[, tolerance]) -> \"improving\", \"worsening\" or \"flat\" (flat within 0.5 a year by default)"
        case .previousPeriod:
            return "previous_period(label) -> the label of the period before (\"2019-Q1\" -> \"2018-Q4\")"
        case .samePeriodLastYear:
            return "same_period_last_year(label) -> the label a year earlier (\"2019-Q1\" -> \"2018-Q1\")"
        }
    }

    /// The result type for these argument types, or a message saying what was expected.
    func resultType(for arguments: [ExprType]) -> Result<ExprType, FunctionTypeError> {
        func expect(_ types: [ExprType]) -> FunctionTypeError? {
            guard arguments.count == types.count else {
                return .arity(expected: "\(types.count)", found: arguments.count)
            }
            for (i, (found, wanted)) in zip(arguments, types).enumerated() {
                if found == wanted || found == .null { continue }
                if wanted == .double && found == .int { continue }
                return .argument(index: i, expected: wanted.description, found: found)
            }
            return nil
        }
        func check(_ types: [ExprType], _ result: ExprType) -> Result<ExprType, FunctionTypeError> {
            expect(types).map { .failure($0) } ?? .success(result)
        }
        switch self {
        case .year, .month, .day, .weekday: return check([.date], .int)
        case .quarter, .yearMonth, .academicYear, .financialYear: return check([.date], .string)
        case .period: return check([.date, .string], .string)
        case .monthStart, .monthEnd, .quarterStart: return check([.date], .date)
        case .addDays, .addMonths, .addWorkingDays: return check([.date, .int], .date)
        case .workingDaysBetween: return check([.date, .date], .int)
        case .isWorkingDay: return check([.date], .bool)
        case .today, .asOf: return check([], .date)
        case .date:
            if arguments.count == 3 { return check([.int, .int, .int], .date) }
            return check([.string], .date)
        case .days: return check([.duration], .int)
        case .weeks: return check([.duration], .double)
        case .lower, .upper, .trim: return check([.string], .string)
        case .length: return check([.string], .int)
        case .contains, .startsWith, .endsWith: return check([.string, .string], .bool)
        case .replace: return check([.string, .string, .string], .string)
        case .substring: return check([.string, .int, .int], .string)
        case .concat:
            guard !arguments.isEmpty else { return .failure(.arity(expected: "at least 1", found: 0)) }
            return .success(.string)
        case .round:
            if arguments.count == 2 { return check([.double, .int], .double) }
            return check([.double], .double)
        case .abs:
            guard arguments.count == 1 else { return .failure(.arity(expected: "1", found: arguments.count)) }
            if arguments[0] == .duration { return .success(.duration) }
            return arguments[0] == .int ? .success(.int) : check([.double], .double)
        case .floor, .ceil: return check([.double], .int)
        case .coalesce, .greatest, .least:
            guard arguments.count >= 1 else { return .failure(.arity(expected: "at least 1", found: 0)) }
            var result = arguments[0]
            for (i, argument) in arguments.enumerated().dropFirst() {
                guard let unified = ExprType.unify(result, argument) else {
                    return .failure(.argument(index: i, expected: result.description, found: argument))
                }
                result = unified
            }
            if result.dataType == nil && result != .null {
                return .failure(.argument(index: 0, expected: "a value", found: result))
            }
            return .success(result)
        case .rag:
            guard (2...4).contains(arguments.count) else {
                return .failure(.arity(expected: "2 to 4", found: arguments.count))
            }
            return check(Array([ExprType.double, .double, .string, .double].prefix(arguments.count)), .string)
        case .direction:
            guard (2...3).contains(arguments.count) else {
                return .failure(.arity(expected: "2 or 3", found: arguments.count))
            }
            return check(Array([ExprType.double, .string, .double].prefix(arguments.count)), .string)
        case .previousPeriod, .samePeriodLastYear: return check([.string], .string)
        case .int, .double, .string:
            guard arguments.count == 1 else { return .failure(.arity(expected: "1", found: arguments.count)) }
            guard arguments[0].dataType != nil || arguments[0] == .null else {
                return .failure(.argument(index: 0, expected: "a value", found: arguments[0]))
            }
            return .success(self == .int ? .int : self == .double ? .double : .string)
        }
    }
}

/// Why a call's arguments do not fit.
enum FunctionTypeError: Error {
    case arity(expected: String, found: Int)
    case argument(index: Int, expected: String, found: ExprType)
}
