"""The benchmark's queries as Polars data-frame code, one function per sendql query file."""
import polars as pl


def pct(condition):
    """sendql's pct(cond): value, numerator and denominator (rows where cond is not null)."""
    numerator = condition.fill_null(False).sum()
    denominator = condition.count()
    value = pl.when(denominator > 0).then(100.0 * numerator / denominator).otherwise(None)
    return value, numerator, denominator


def a_filter_count(t):
    return (t["requests"]
            .filter((pl.col("outcome") == "Y") & (pl.col("received_date") >= pl.date(2018, 1, 1)))
            .select(n=pl.len()))


def b_group_pct_median(t):
    days = (pl.col("outcome_date") - pl.col("received_date")).dt.total_days()
    value, numerator, denominator = pct(days <= 42)
    quarter = (pl.col("received_date").dt.year().cast(pl.String) + "-Q"
               + pl.col("received_date").dt.quarter().cast(pl.String))
    return (t["requests"]
            .filter(pl.col("outcome").is_in(["Y", "N"]))
            .group_by(quarter.alias("quarter"))
            .agg(decisions=pl.len(), within_6_weeks=value, within_6_weeks_numerator=numerator,
                 within_6_weeks_denominator=denominator, median_days=days.median())
            .sort("quarter"))


def c_join_group(t):
    value, numerator, denominator = pct((pl.col("decision_date") - pl.col("meeting_date")).dt.total_days() <= 28)
    return (t["reviews"]
            .join(t["plans"], on="plan_id", how="inner")
            .group_by("setting")
            .agg(reviews=pl.len(), decided_in_4_weeks=value, decided_in_4_weeks_numerator=numerator,
                 decided_in_4_weeks_denominator=denominator)
            .sort("setting", nulls_last=True))


QUERIES = {name: f for name, f in globals().items() if callable(f) and name[:2] in ("a_", "b_", "c_", "d_", "e_")}
