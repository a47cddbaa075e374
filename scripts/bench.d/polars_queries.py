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



# ---- (d) and (e): sendql's prelude (`sendql prelude`) in Polars, as of 2024-12-31 ---------------------
AS_OF = pl.date(2024, 12, 31)
AS_OF_TEXT = "2024-12-31"
AS_OF_YEAR = "2024"  # period(as_of(), "year")


def _visible(name):
    """visible(d): the date when it is on or before the as-of date, else null."""
    return pl.when(pl.col(name) <= AS_OF).then(pl.col(name)).alias(name)


def _either(*flags):
    """(a ?? false) or (b ?? false) ..."""
    result = pl.col(flags[0]).fill_null(False)
    for flag in flags[1:]:
        result = result | pl.col(flag).fill_null(False)
    return result


def _clock(name, start, due, done, exempt=False, disputed=False, plan=pl.lit(None, pl.String),
           ended=pl.lit(None, pl.Date)):
    """One statutory clock's columns, as the prelude's `select clock = ..., ...` (area and person_id,
    which neither query reads, are left out), plus plan_id, the plan of a review clock: the prelude's
    _review_rows looks a review's plan up again by review_id, which is the same plan since keys are
    unique (sendql's loader sets duplicate keys aside); and ended_date, the day a review clock's plan
    ended, which tells a missed clock from an overdue one."""
    return [pl.lit(name).alias("clock"), pl.col("subject_id"), pl.col(start).alias("start_date"),
            due.alias("due_date"), done.alias("done_date"),
            (pl.lit(exempt) if isinstance(exempt, bool) else exempt).alias("exempt"),
            (pl.lit(disputed) if isinstance(disputed, bool) else disputed).alias("disputed"), plan.alias("plan_id"),
            ended.alias("ended_date")]


def _owed(done, due):
    """Nothing is owed on a plan that ended on or before the clock's due date with nothing done."""
    ceased = pl.col("cease_date")
    return done.is_not_null() | ceased.is_null() | (ceased > due)


def _as_of_views(t):
    """The prelude's as-of views, computed, as lazy frames under the data tables' names."""
    lazy = {name: frame.lazy() for name, frame in t.items()}
    outcome_unknown = pl.col("outcome").is_in(["Y", "N"]) & pl.col("outcome_date").is_null()
    settled = pl.when(outcome_unknown).then(pl.lit("A")).otherwise(pl.col("outcome")).alias("outcome")
    requests = (lazy["requests"].filter(pl.col("received_date") <= AS_OF)
                .with_columns(_visible("outcome_date")).with_columns(settled))
    assessments = (lazy["assessments"]
                   .join(requests.filter(pl.col("outcome").is_in(["Y", "H"])).select("request_id"), on="request_id")
                   .with_columns(_visible("outcome_date"), _visible("draft_date")).with_columns(settled))
    plans = (lazy["plans"].filter(pl.col("start_date") <= AS_OF)
             .with_columns(pl.when(pl.col("cease_date") <= AS_OF).then(pl.col("cease_reason")).alias("cease_reason"),
                           _visible("cease_date")))
    advice = lazy["advice"].filter(pl.col("requested_date") <= AS_OF).with_columns(_visible("received_date"))
    reviews = (lazy["reviews"].filter(pl.col("meeting_date") <= AS_OF)
               .join(plans.select("plan_id"), on="plan_id")
               .with_columns(_visible("report_date"), _visible("decision_date"), _visible("amended_plan_date"),
                             _visible("phase_transfer_final_date"))
               .with_columns(pl.when(pl.col("decision_date").is_not_null()).then(pl.col("outcome")).alias("outcome")))
    audits = lazy["audits"].filter(pl.col("audit_date") <= AS_OF)
    feedback = lazy["feedback"].filter(pl.col("received_date") <= AS_OF)
    complaints = (lazy["complaints"].filter(pl.col("received_date") <= AS_OF)
                  .with_columns(_visible("responded_date"))
                  .with_columns(pl.when(pl.col("responded_date").is_not_null()).then(pl.col("upheld")).alias("upheld")))
    views = dict(requests=requests, assessments=assessments, plans=plans, advice=advice, reviews=reviews,
                 audits=audits, feedback=feedback, complaints=complaints)
    # Each view is read several times below: compute them once, together.
    return {name: frame.lazy() for name, frame in zip(views, pl.collect_all(views.values()))}


CLOCKS = ["decision_6wk", "final_20wk", "not_issue_16wk", "advice_6wk", "review_12m", "review_decision_4wk",
          "amendment_12wk", "phase_transfer", "complaint_20wd"]


def _clocks(v, holidays):
    """The prelude's `deadlines`, computed, one frame per clock (in `deadlines`' order): every clock
    instance with its status, days taken and days overdue."""
    weeks = lambda column, n: pl.col(column) + pl.duration(days=7 * n)
    requests, plans, reviews = v["requests"], v["plans"], v["reviews"]
    outcomes = v["assessments"].select("request_id", assessment=pl.col("outcome"),
                                       assessment_date=pl.col("outcome_date"), week20_exception=pl.col("week20_exception"),
                                       assessment_disputed=_either("mediation", "tribunal"))
    # _review_plans, and the reviews half of _review_points (the same join, keeping cease_date too).
    review_plans = (reviews.join(plans.select("plan_id", "person_id", "cease_date"), on="plan_id")
                    .rename({"review_id": "subject_id"}))
    # Both are read by several clocks: compute them once.
    outcomes, review_plans = (frame.lazy() for frame in pl.collect_all([outcomes, review_plans]))
    requests = requests.with_columns(subject_id=pl.col("request_id"))

    decision_6wk = (requests.filter(pl.col("outcome").is_in(["Y", "N", "A"]))
                    .select(_clock("decision_6wk", "received_date", weeks("received_date", 6),
                                   pl.when(pl.col("outcome").is_in(["Y", "N"])).then(pl.col("outcome_date")),
                                   disputed=_either("mediation", "tribunal"))))
    final_20wk = (requests.filter(pl.col("outcome") == "Y")
                  .join(outcomes, on="request_id", how="left")
                  .filter(pl.col("assessment").is_in(["Y", "A"]) | pl.col("assessment").is_null())
                  .select(_clock("final_20wk", "received_date", weeks("received_date", 20),
                                 pl.when(pl.col("assessment") == "Y").then(pl.col("assessment_date")),
                                 exempt=pl.col("week20_exception").fill_null(False),
                                 disputed=_either("mediation", "tribunal", "assessment_disputed"))))
    not_issue_16wk = (requests.join(outcomes, on="request_id")
                      .filter(pl.col("assessment") == "N")
                      .select(_clock("not_issue_16wk", "received_date", weeks("received_date", 16),
                                     pl.col("assessment_date"),
                                     disputed=_either("mediation", "tribunal") | pl.col("assessment_disputed"))))
    advice_6wk = (v["advice"].join(requests.select("request_id", "person_id"), on="request_id")
                  .rename({"advice_id": "subject_id"})
                  .select(_clock("advice_6wk", "requested_date", weeks("requested_date", 6), pl.col("received_date"),
                                 exempt=pl.col("exception").fill_null(False))))
    review_points = pl.concat([
        plans.select("plan_id", "person_id", point=pl.col("start_date"), cease_date=pl.col("cease_date")),
        review_plans.select("plan_id", "person_id", point=pl.col("meeting_date"), cease_date=pl.col("cease_date"))])
    due_12m = pl.col("point").dt.offset_by("12mo") - pl.duration(days=1)
    # lead(point) within each plan: sorted by plan (stably, ties keeping appended order), the next
    # row's point when it belongs to the same plan.
    same_plan = pl.col("plan_id") == pl.col("plan_id").shift(-1)
    review_12m = (review_points.sort("plan_id", "point", maintain_order=True)
                  .with_columns(next_point=pl.when(same_plan).then(pl.col("point").shift(-1)), due_date=due_12m)
                  .filter(_owed(pl.col("next_point"), pl.col("due_date")))
                  .with_columns(subject_id=pl.col("plan_id"))
                  .select(_clock("review_12m", "point", pl.col("due_date"), pl.col("next_point"), plan=pl.col("plan_id"),
                                 ended=pl.col("cease_date"))))
    review_decision_4wk = (review_plans.filter(_owed(pl.col("decision_date"), weeks("meeting_date", 4)))
                           .select(_clock("review_decision_4wk", "meeting_date", weeks("meeting_date", 4),
                                          pl.col("decision_date"), plan=pl.col("plan_id"), ended=pl.col("cease_date"))))
    amendment_12wk = (review_plans.filter((pl.col("outcome") == "A")
                                          & _owed(pl.col("amended_plan_date"), weeks("meeting_date", 12)))
                      .select(_clock("amendment_12wk", "meeting_date", weeks("meeting_date", 12),
                                     pl.col("amended_plan_date"), ended=pl.col("cease_date"))))
    phase_transfer = (review_plans
                      .filter(pl.col("phase_transfer").fill_null(False) & pl.col("phase_transfer_due_date").is_not_null()
                              & _owed(pl.col("phase_transfer_final_date"), pl.col("phase_transfer_due_date")))
                      .select(_clock("phase_transfer", "meeting_date", pl.col("phase_transfer_due_date"),
                                     pl.col("phase_transfer_final_date"), ended=pl.col("cease_date"))))
    # d + 20 working_days: the 20th working day after d, d being day 0 even when it is not a working
    # day, so a weekend or holiday start rolls back to the working day before.
    due_20wd = pl.col("received_date").dt.add_business_days(20, holidays=holidays, roll="backward")
    complaint_20wd = (v["complaints"].filter(pl.col("stage") == 1).rename({"complaint_id": "subject_id"})
                      .select(_clock("complaint_20wd", "received_date", due_20wd, pl.col("responded_date"))))

    done, due = pl.col("done_date"), pl.col("due_date")
    status = (pl.when(done <= due).then(pl.lit("met")).when(done > due).then(pl.lit("late"))
              .when(pl.col("ended_date").is_not_null()).then(pl.lit("missed"))
              .when(due < AS_OF).then(pl.lit("overdue")).otherwise(pl.lit("pending")))
    clocks = dict(decision_6wk=decision_6wk, final_20wk=final_20wk, not_issue_16wk=not_issue_16wk,
                  advice_6wk=advice_6wk, review_12m=review_12m, review_decision_4wk=review_decision_4wk,
                  amendment_12wk=amendment_12wk, phase_transfer=phase_transfer, complaint_20wd=complaint_20wd)
    clocks = [frame.with_columns(status=status, days_taken=(done - pl.col("start_date")).dt.total_days())
              .with_columns(days_overdue=pl.when(pl.col("status") == "overdue").then((AS_OF - due).dt.total_days()))
              for frame in clocks.values()]
    return {name: frame.lazy() for name, frame in zip(CLOCKS, pl.collect_all(clocks))}


def _sum(name):
    """sendql's sum: null when every value is null."""
    return pl.when(pl.col(name).count() > 0).then(pl.col(name).sum()).alias(name)


def d_deadlines(t):
    deadlines = pl.concat(_clocks(_as_of_views(t), t["bank_holidays"]["holiday"].to_list()).values())
    return (deadlines.group_by("clock", "status")
            .agg(n=pl.len(), exempt=pl.col("exempt").sum(), disputed=pl.col("disputed").sum(),
                 days_taken=_sum("days_taken"), days_overdue=_sum("days_overdue"))
            .sort("clock", "status")
            .collect())


KPI_ORDER = ["ehcp_20wk", "ehcp_20wk_incl", "decision_6wk", "not_issue_16wk", "advice_6wk", "review_12m",
             "review_decision_4wk", "amendment_12wk", "phase_transfer_on_time", "complaint_20wd",
             "ehcp_quality_good", "health_quality_good", "parent_satisfaction"]


def _rate(rows, kpi, period_date, met=pl.col("status") == "met", breakdown=None):
    """One KPI cohort of the prelude's `kpi_cohorts`, counted by calendar year (kpi_period = "year": one
    offset, 0, so each month's counts go to its own year, and counting by month first and then adding
    the months up is counting by year). `breakdown` is (label, column): breakdown = label + "=" + column,
    counted by the column itself so that the labels are made for the counts, not for every row."""
    keys = [period_date.dt.year().alias("year")]
    if breakdown is not None:
        keys.append(pl.col(breakdown[1]).alias("group"))
    counts = rows.group_by(keys).agg(numerator=met.fill_null(False).sum().cast(pl.Int64),
                                     denominator=pl.len().cast(pl.Int64))
    label = pl.lit("") if breakdown is None else breakdown[0] + "=" + pl.col("group")
    return counts.select(kpi=pl.lit(kpi), breakdown=label, period=pl.col("year").cast(pl.String),
                         numerator="numerator", denominator="denominator")


def e_kpi_pack(t):
    v = _as_of_views(t)
    clocks = _clocks(v, t["bank_holidays"]["holiday"].to_list())
    done, status = pl.col("done_date"), pl.col("status")
    decided = lambda name: clocks[name].filter(done.is_not_null())
    not_pending = lambda name: clocks[name].filter(status != "pending")

    ehcp = (decided("final_20wk").filter(~pl.col("disputed"))
            # _request_plans: a request's first plan, by start date then plan id.
            .join(v["plans"].filter(pl.col("request_id").is_not_null())
                  .sort("start_date", "plan_id").unique(subset="request_id", keep="first")
                  .select("request_id", "primary_need", "setting"),
                  left_on="subject_id", right_on="request_id", how="left"))
    ehcp_not_exempt = ehcp.filter(~pl.col("exempt")).with_columns(pl.col("primary_need").fill_null("unknown"))
    advice = (decided("advice_6wk").filter(~pl.col("exempt"))
              .join(v["advice"].select("advice_id", "advice_type"), left_on="subject_id", right_on="advice_id"))
    # _review_rows: each with its plan's setting.
    plan_settings = v["plans"].select("plan_id", pl.col("setting").fill_null("unknown"))
    review_rows = lambda name: not_pending(name).join(plan_settings, on="plan_id", how="left")
    review_12m, review_4wk = review_rows("review_12m"), review_rows("review_decision_4wk")
    good = ["outstanding", "good"]
    rates = pl.concat([
        _rate(ehcp_not_exempt, "ehcp_20wk", done),
        _rate(ehcp_not_exempt, "ehcp_20wk", done, breakdown=("primary_need", "primary_need")),
        _rate(ehcp, "ehcp_20wk_incl", done),
        _rate(decided("decision_6wk"), "decision_6wk", done),
        _rate(decided("not_issue_16wk"), "not_issue_16wk", done),
        _rate(advice, "advice_6wk", done),
        _rate(advice, "advice_6wk", done, breakdown=("advice_type", "advice_type")),
        _rate(review_12m, "review_12m", pl.col("due_date")),
        _rate(review_12m, "review_12m", pl.col("due_date"), breakdown=("setting", "setting")),
        _rate(review_4wk, "review_decision_4wk", pl.col("start_date")),
        _rate(review_4wk, "review_decision_4wk", pl.col("start_date"), breakdown=("setting", "setting")),
        _rate(not_pending("amendment_12wk"), "amendment_12wk", pl.col("start_date")),
        _rate(not_pending("phase_transfer"), "phase_transfer_on_time", pl.col("due_date")),
        _rate(not_pending("complaint_20wd"), "complaint_20wd", pl.col("start_date")),
        _rate(v["audits"], "ehcp_quality_good", pl.col("audit_date"), met=pl.col("rating").is_in(good)),
        _rate(v["audits"].filter(pl.col("health_rating").is_not_null()), "health_quality_good",
              pl.col("audit_date"), met=pl.col("health_rating").is_in(good)),
        _rate(v["feedback"], "parent_satisfaction", pl.col("received_date"), met=pl.col("score") >= 4),
    ])
    rates = (rates.filter(pl.col("period") <= AS_OF_YEAR)
             .with_columns(value=pl.when(pl.col("denominator") != 0)
                           .then(100 * pl.col("numerator") / pl.col("denominator"))))
    # `group clock` has a row for each clock with rows.
    overdue_now = (pl.concat([frame.select(clock=pl.lit(name), numerator=(status == "overdue").sum().cast(pl.Int64),
                                           rows=pl.len()) for name, frame in clocks.items()])
                   .filter(pl.col("rows") > 0)
                   .select(kpi=pl.lit("overdue_now"), breakdown=pl.col("clock"), period=pl.lit(AS_OF_TEXT),
                           numerator=pl.col("numerator"), denominator=pl.lit(None, pl.Int64),
                           value=pl.lit(None, pl.Float64)))
    order = pl.col("kpi").replace_strict(KPI_ORDER, range(1, len(KPI_ORDER) + 1), default=len(KPI_ORDER) + 1,
                                         return_dtype=pl.Int32)
    return pl.concat([rates, overdue_now]).sort(order, "breakdown", "period").collect()


QUERIES = {name: f for name, f in globals().items() if callable(f) and name[:2] in ("a_", "b_", "c_", "d_", "e_")}
