import SendQLCore

/// How and when a plan is going to end, decided when it is made.
struct PlanEnding {
    /// The day the plan would end: the end of the school year the young person leaves education,
    /// or the day of an earlier event (needs met, a move away).
    var day: Int32
    /// SEN2 cease reason 1-9.
    var reason: Int
    /// Ended by an LA decision after an annual review (reasons 1, 2, 3, 4, 6), rather than by an
    /// event that simply closes the case (5 moved LA, 7 left England, 8 died, 9 other).
    var decidedAtReview: Bool { [1, 2, 3, 4, 6].contains(reason) }
}

extension AreaSimulation {
    /// A plan and its whole life: reviews, quality audits, survey responses and any appeal against
    /// ceasing it. `inheritedAt` is the window's start for plans made before it: nothing may end them
    /// before then, since the caseload at the start is the plans still live on that day.
    func writePlan(person: SimulatedPerson, requestNumber: Int?, start: Int32, inheritedAt: Int32?) throws {
        plansWritten += 1
        let planNumber = plansWritten
        let need = CodeLists.primaryNeed.draw(&random)
        let ending = planEnding(for: person, start: start, notBefore: inheritedAt ?? start)
        let cease = simulateReviews(of: person, start: start, ending: ending)
        let visibleCease = visible(cease)

        let row = tables.plans
        row.writeIdentifier(prefix: "PLN-", number: planNumber, digits: identifierDigits)
        row.writeIdentifier(prefix: "PER-", number: person.number, digits: identifierDigits)
        if let requestNumber {
            row.writeIdentifier(prefix: "REQ-", number: requestNumber, digits: identifierDigits)
        } else {
            row.writeNull()
        }
        row.writeDate(start)
        row.writeDate(visibleCease)
        row.writeField(visibleCease.map { _ in ending.reason })
        row.writeField(need.code)
        row.writeField(setting(of: person, need: need, on: min(cease, to)))
        try row.endRow()

        try writeReviews(planNumber: planNumber, person: person, cease: cease)
        if start >= from && random.chance(AreaStory.newPlanAuditShare[year(start)]) {
            let audit = workingDayOnOrAfter(start + Int32(random.int(14...120)))
            if audit < cease { try writeAudit(planNumber: planNumber, on: audit) }
        }
    }

    /// When and why the plan will end.
    private func planEnding(for person: SimulatedPerson, start: Int32, notBefore earliest: Int32) -> PlanEnding {
        let ageAtStart = age(of: person, on: max(start, earliest))
        var leavingAge = CodeLists.leavingAge.draw(&random)
        if leavingAge <= ageAtStart { leavingAge = random.int((ageAtStart + 1)...max(ageAtStart + 1, 25)) }
        // Aged `leavingAge` at the start of the school year that ends the summer they leave.
        var lastSummer = person.receptionYear + leavingAge - 3
        var ageEnd = day(lastSummer, 7, 10) + Int32(random.below(52))
        while ageEnd < max(start, earliest) + 120 {
            lastSummer += 1
            ageEnd = day(lastSummer, 7, 10) + Int32(random.below(52))
        }
        let leavingReason = leavingAge >= 25 ? 1 : CodeLists.leavingCeaseReason.draw(&random)

        // Yearly chances that something ends the plan before then.
        var yearStart = earliest
        while yearStart < ageEnd {
            let age = age(of: person, on: yearStart)
            let needsMet = age < 11 ? 0.02 : age < 16 ? 0.012 : 0.005
            let movedAway = 0.022, leftEngland = 0.003, died = 0.0005, other = 0.003
            let any = needsMet + movedAway + leftEngland + died + other
            if random.chance(any) {
                let event = yearStart + Int32(random.below(365))
                guard event < ageEnd else { break }
                var pick = random.unit() * any
                for (reason, share) in [(2, needsMet), (5, movedAway), (7, leftEngland), (8, died), (9, other)] {
                    pick -= share
                    if pick < 0 || reason == 9 { return PlanEnding(day: event, reason: reason) }
                }
            }
            yearStart += 365
        }
        return PlanEnding(day: ageEnd, reason: leavingReason)
    }

    /// The kind of setting the plan names on a day, from the young person's age and need.
    private func setting(of person: SimulatedPerson, need: NeedType, on day: Int32) -> StaticString {
        if day < self.day(person.receptionYear, 9, 1) { return "early years" }
        if day >= self.day(person.receptionYear + 12, 9, 1) {
            if random.chance(need.specialSchoolShare * 0.8) { return "special" }
            return random.chance(0.12) ? "specialist post-16" : "post-16"
        }
        if random.chance(need.specialSchoolShare) {
            return random.chance(0.15) ? "independent special" : "special"
        }
        let other = random.unit()
        if other < 0.10 { return "resourced provision" }
        if other < 0.13 { return "alternative provision" }
        if other < 0.15 { return "elective home education" }
        return "mainstream"
    }
}
