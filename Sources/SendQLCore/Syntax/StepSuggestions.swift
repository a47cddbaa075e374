/// "Did you mean ...?" for an unknown step: words other tools use for the same job, then spelling.
enum StepSuggestions {
    /// Step names from SQL, dplyr, pandas, KQL and PRQL's neighbours, and the sendql step for each.
    static let synonyms: [String: Keyword] = [
        "filter": .where, "having": .where, "subset": .where,
        "mutate": .derive, "extend": .derive, "transform": .derive, "with_columns": .derive,
        "assign": .derive, "compute": .derive, "add": .derive,
        "project": .select, "keep": .select, "columns": .select,
        "summarize": .aggregate, "summarise": .aggregate, "summary": .aggregate, "agg": .aggregate,
        "order": .sort, "orderby": .sort, "order_by": .sort, "arrange": .sort, "sort_by": .sort,
        "limit": .take, "head": .take, "top": .take, "first": .take,
        "groupby": .group, "group_by": .group, "partition": .group,
        "merge": .join, "lookup": .join, "left_join": .join, "inner_join": .join,
        "unique": .distinct, "dedupe": .distinct, "dedup": .distinct, "uniq": .distinct,
        "concat": .append, "bind_rows": .append, "rbind": .append, "union_all": .append,
        "pivot_wider": .pivot, "spread": .pivot, "crosstab": .pivot,
    ]

    /// The step most likely meant by an unknown step name, or nil.
    static func suggestion(for name: String) -> String? {
        if let keyword = synonyms[name.lowercased()] { return keyword.rawValue }
        return Suggestions.closest(to: name, among: Keyword.stepKeywords.map(\.rawValue))
    }
}
