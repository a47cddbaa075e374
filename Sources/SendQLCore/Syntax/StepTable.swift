/// One pipeline step: how it is written, what it does, the words other tools use for it, and how
/// it is parsed. `StepTable.steps` is the only list of steps: parsing, completion, `.help`,
/// "did you mean" and the grammar in `docs/language.md` (a test compares them) all read it.
public struct StepDefinition: Sendable {
    /// The word after `|` that starts the step.
    public let name: String
    /// How it is written, for `.help`.
    public let syntax: String
    /// What it does, in one line, for `.help`.
    public let summary: String
    /// Its alternative of the `step` rule, in the EBNF of `docs/language.md`.
    public let grammar: String
    /// Words other tools (SQL, dplyr, pandas, KQL, PRQL) use for the same job.
    public let synonyms: [String]
    /// Parses the step, the parser standing at its first word.
    let parse: @Sendable (inout Parser) throws(ParseFailure) -> Step
}

public enum StepTable {
    /// `from`, which starts a pipeline rather than following `|`; in `.help` with the steps.
    public static let pipelineStart = StepDefinition(
        name: "from", syntax: "from TABLE",
        summary: "start a pipeline from a table, a let table, a loaded file or _ (the last result)",
        grammar: "\"from\" IDENT", synonyms: [],
        parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseFrom() })

    /// Every step, in the order the docs present them.
    public static let steps: [StepDefinition] = [
        StepDefinition(
            name: "where", syntax: "where CONDITION",
            summary: "keep the rows where the condition is true (null counts as false)",
            grammar: "\"where\" expr", synonyms: ["filter", "having", "subset"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseWhere() }),
        StepDefinition(
            name: "derive", syntax: "derive name = expr, ...",
            summary: "add columns, or replace one of the same name; aggregates give each row its group's value",
            grammar: "\"derive\" named { \",\" named }",
            synonyms: ["mutate", "extend", "transform", "with_columns", "assign", "compute", "add"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseNamedListStep() }),
        StepDefinition(
            name: "select", syntax: "select col, name = expr, ...",
            summary: "keep exactly these columns, in this order",
            grammar: "\"select\" named { \",\" named }", synonyms: ["project", "keep", "columns"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseNamedListStep() }),
        StepDefinition(
            name: "aggregate", syntax: "aggregate name = agg(...), ...",
            summary: "one row of aggregates (one per group inside group)",
            grammar: "\"aggregate\" named { \",\" named }", synonyms: ["summarize", "summarise", "summary", "agg"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseNamedListStep() }),
        StepDefinition(
            name: "group", syntax: "group key, ... (steps)", summary: "run the steps once per group of equal keys",
            grammar: "\"group\" named { \",\" named } \"(\" step { \"|\" step } \")\"",
            synonyms: ["groupby", "group_by", "partition"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseGroup() }),
        StepDefinition(
            name: "sort", syntax: "sort col, -col, col desc", summary: "sort; nulls last; stable",
            grammar: "\"sort\" sortkey { \",\" sortkey }",
            synonyms: ["order", "orderby", "order_by", "arrange", "sort_by"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseSort() }),
        StepDefinition(
            name: "take", syntax: "take N | take M..N",
            summary: "the first N rows, or rows M to N (from 1); per group inside group",
            grammar: "\"take\" expr [ \"..\" expr ]", synonyms: ["limit", "head", "top", "first"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseTake() }),
        StepDefinition(
            name: "join", syntax: "join [inner|left] TABLE [as ALIAS] on cond [and cond ...]",
            summary: "pair rows with another table, on one key or several joined with and",
            grammar: "\"join\" [ \"inner\" | \"left\" ] relation [ \"as\" IDENT ] \"on\" expr",
            synonyms: ["merge", "lookup", "left_join", "inner_join"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseJoin() }),
        StepDefinition(
            name: "distinct", syntax: "distinct [col, ...]",
            summary: "drop repeated rows, or keep the distinct values of these columns",
            grammar: "\"distinct\" [ named { \",\" named } ]", synonyms: ["unique", "dedupe", "dedup", "uniq"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseDistinct() }),
        StepDefinition(
            name: "append", syntax: "append TABLE | append (pipeline)",
            summary: "add the rows of another table with the same columns",
            grammar: "\"append\" relation", synonyms: ["concat", "bind_rows", "rbind", "union_all"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseAppendOrUnion() }),
        StepDefinition(
            name: "union", syntax: "union TABLE | union (pipeline)", summary: "append, then drop repeated rows",
            grammar: "\"union\" relation", synonyms: [],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseAppendOrUnion() }),
        StepDefinition(
            name: "pivot", syntax: "pivot NAMES values VALUES",
            summary: "one column per distinct value of NAMES, filled from VALUES",
            grammar: "\"pivot\" expr \"values\" expr", synonyms: ["pivot_wider", "spread", "crosstab"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parsePivot() }),
        StepDefinition(
            name: "fill", syntax: "fill PERIOD by KIND [from FIRST to LAST] [with col = value, ...]",
            summary: "add the missing periods of a series (per group inside group), with defaults for other columns",
            grammar: "\"fill\" IDENT \"by\" expr [ \"from\" expr \"to\" expr ] [ \"with\" named { \",\" named } ]",
            synonyms: ["complete", "fill_gaps", "make_series", "resample"],
            parse: { (parser: inout Parser) throws(ParseFailure) in try parser.parseFill() }),
    ]

    /// The step called `name`, or nil.
    public static func step(named name: String) -> StepDefinition? {
        steps.first { $0.name == name }
    }

    /// The step names, in table order.
    public static var names: [String] { steps.map(\.name) }

    /// The step most likely meant by an unknown step word: the one other tools call `word`
    /// (`filter` is `where`), else the nearest spelling (`wher`), else nil.
    static func suggestion(for word: String) -> String? {
        let lower = word.lowercased()
        if let step = steps.first(where: { $0.synonyms.contains(lower) }) { return step.name }
        return Suggestions.closest(to: word, among: names)
    }

    /// The `step` rule of the grammar, as `docs/language.md` prints it.
    public static var grammarRule: String {
        let alternatives = steps.map(\.grammar)
        let indent = String(repeating: " ", count: "step       ".count)
        return "step       = " + alternatives.joined(separator: "\n" + indent + "| ") + " ;"
    }
}
