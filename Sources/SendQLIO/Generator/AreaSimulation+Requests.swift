import SendQLCore

extension AreaSimulation {
    /// One request for an EHC needs assessment received on `received`, and everything that follows
    /// from it: the decision, the assessment, partners' advice and, when issued, the plan's life.
    func writeRequest(received: Int32) throws {
        let person = try requestingPerson(on: received)
        let ageAtRequest = age(of: person, on: received)
        let source: StaticString =
            ageAtRequest < 5
            ? CodeLists.sourceUnderFive.draw(&random)
            : ageAtRequest < 16
                ? CodeLists.sourceOfSchoolAge.draw(&random)
                : CodeLists.sourceOfYoungPerson.draw(&random)

        requestsWritten += 1
        let requestNumber = requestsWritten
        let decision = decideWhetherToAssess(received: received)
        var mediation = false, appealRegistered: Int32?
        if decision.outcome == .notAssess, let refused = decision.day {
            mediation = random.chance(0.10)
            if random.chance(0.07) {
                appealRegistered = visible(workingDayOnOrAfter(refused + Int32(random.int(30...75))))
            }
            // Some families ask again later, often with new evidence.
            if random.chance(0.3) {
                returningPeople.append((person, refused + Int32(90 + random.below(400))))
            }
        }

        let row = tables.requests
        row.writeIdentifier(prefix: "REQ-", number: requestNumber, digits: identifierDigits)
        row.writeIdentifier(prefix: "PER-", number: person.number, digits: identifierDigits)
        row.writeDate(received)
        row.writeField(source)
        row.writeField(decision.outcome.code)
        row.writeDate(decision.day)
        row.writeField(mediation)
        row.writeField(appealRegistered != nil)
        try row.endRow()

        if let appealRegistered {
            try writeAppeal(person: person, registered: appealRegistered, against: .refusalToAssess)
        }
        if decision.outcome == .notAssess, let day = decision.day {
            try maybeWriteFeedback(survey: "assessment", after: day, person: person, probability: 0.2)
        }
        if decision.outcome == .assess, let day = decision.day {
            try writeAssessment(requestNumber: requestNumber, person: person, received: received, decided: day)
        }
    }

    /// The person a request is about: usually someone new, sometimes a family returning after a refusal.
    private func requestingPerson(on received: Int32) throws -> SimulatedPerson {
        if nextReturningPerson < returningPeople.count && returningPeople[nextReturningPerson].from <= received {
            let person = returningPeople[nextReturningPerson].person
            nextReturningPerson += 1
            if nextReturningPerson > 4096 {
                returningPeople.removeFirst(nextReturningPerson)
                nextReturningPerson = 0
            }
            if age(of: person, on: received) <= 24 { return person }
        }
        return try newPerson(agedYears: CodeLists.requestAge.draw(&random), on: received)
    }

    /// The decision whether to assess: Y or N with the day it was notified; W (withdrawn) or A (not yet
    /// decided at the end of the window) without one.
    private func decideWhetherToAssess(received: Int32) -> (outcome: RequestOutcome, day: Int32?) {
        let deadline = received + 42
        if random.chance(0.02) {
            let withdrawn = received + Int32(random.int(7...35))
            return (withdrawn <= to ? .withdrawn : .undecided, nil)
        }
        let assess = random.chance(0.78)
        let onTime = random.chance(AreaStory.decisionWithin6Weeks[year(deadline)])
        let days = onTime ? 18 + random.skewedTowardsEnd(24) : 43 + random.skewed(60)
        let day = letterDay(received + Int32(days), deadline: deadline, earliest: received + 14)
        guard day <= to else { return (.undecided, nil) }
        return (assess ? .assess : .notAssess, day)
    }

    /// The EHC needs assessment after a decision to assess, ending in a plan (Y), a decision not to
    /// issue one (N), a withdrawal (W), or still open at the end of the window (A).
    private func writeAssessment(requestNumber: Int, person: SimulatedPerson, received: Int32, decided: Int32) throws {
        try writeAdviceRequests(requestNumber: requestNumber, decided: decided)

        let kind = random.below(1000)
        var outcome: AssessmentOutcome, outcomeDay: Int32?, draft: Int32?
        var exception = false, mediation = false, appealType: AppealDecisionType?
        if kind < 15 {
            outcome = decided + Int32(random.int(14...80)) <= to ? .withdrawn : .undecided
            outcomeDay = nil
        } else if kind < 100 {
            // Decided not to issue a plan: the 16-week clock.
            let deadline = received + 112
            let earliest = decided + 21
            let onTime = random.chance(AreaStory.notToIssueWithin16Weeks[year(deadline)])
            let days = onTime ? 70 + random.skewedTowardsEnd(42) : 113 + random.skewed(100)
            let day = letterDay(max(received + Int32(days), earliest), deadline: deadline, earliest: earliest)
            outcome = day <= to ? .notIssued : .undecided
            outcomeDay = visible(day)
            mediation = random.chance(0.12)
            if outcome == .notIssued && random.chance(0.10) { appealType = .refusalToIssue }
        } else {
            let issue = issueDay(received: received, decided: decided)
            exception = issue.exception
            draft = visible(issue.draft)
            outcome = issue.final <= to ? .issued : .undecided
            outcomeDay = visible(issue.final)
            mediation = random.chance(0.04)
            if outcome == .issued && random.chance(0.025) { appealType = .planContent }
        }

        var appealRegistered: Int32?
        if let appealType, let outcomeDay {
            let lodged = appealType == .planContent ? random.int(21...60) : random.int(30...75)
            appealRegistered = visible(workingDayOnOrAfter(outcomeDay + Int32(lodged)))
        }

        let row = tables.assessments
        row.writeIdentifier(prefix: "REQ-", number: requestNumber, digits: identifierDigits)
        row.writeField(outcome.code)
        row.writeDate(outcomeDay)
        row.writeDate(draft)
        row.writeField(exception)
        row.writeField(mediation)
        row.writeField(appealRegistered != nil)
        try row.endRow()

        if let appealRegistered, let appealType {
            try writeAppeal(person: person, registered: appealRegistered, against: appealType)
        }
        guard let outcomeDay else { return }
        try maybeWriteFeedback(survey: "assessment", after: outcomeDay, person: person, probability: 0.25)
        if outcome == .issued {
            try writePlan(person: person, requestNumber: requestNumber, start: outcomeDay, inheritedAt: nil)
        }
    }

    /// When the final plan is issued and its draft sent, and whether a 20-week exception applies.
    private func issueDay(received: Int32, decided: Int32) -> (final: Int32, draft: Int32, exception: Bool) {
        let deadline = received + 140
        // Published figures count plans by year of issue, and a late plan is issued in a later year
        // more often than an early one: judging a case by the year it would be issued if late keeps
        // each year's figure close to the story, backlog years included.
        let lateDays = 141 + random.skewed(130)
        let storyYear = year(received + Int32(lateDays))
        // The draft follows the decision by at least a week; parents then have 15 days to comment.
        let earliestFinal = decided + 22
        var exception = random.chance(0.05)
        var onTime = exception ? random.chance(0.3) : random.chance(AreaStory.finalWithin20Weeks[storyYear])
        if !onTime && !exception && AreaStory.coronavirusRelaxation.overlaps(received...deadline) {
            exception = random.chance(0.25)
        }
        if earliestFinal > deadline { onTime = false }
        let days = onTime ? 84 + random.skewedTowardsEnd(56) : lateDays
        let final = letterDay(max(received + Int32(days), earliestFinal), deadline: deadline, earliest: earliestFinal)
        let draftTarget = max(decided + 7, final - 15 - Int32(random.skewed(25)))
        var draft = draftTarget
        while !calendar.isWorkingDay(draft) && draft > decided + 7 { draft -= 1 }
        return (final, draft, exception)
    }

    /// Advice requested from partners the week after the decision to assess.
    private func writeAdviceRequests(requestNumber: Int, decided: Int32) throws {
        if random.chance(0.98) {
            try writeAdvice(
                requestNumber, "educational_psychology", CodeLists.psychologyProvider.draw(&random),
                AreaStory.psychologyAdviceWithin6Weeks, decided: decided, exceptionRate: 0.02, tail: 70)
        }
        if random.chance(0.96) {
            try writeAdvice(
                requestNumber, "health", CodeLists.healthProvider.draw(&random),
                AreaStory.healthAdviceWithin6Weeks, decided: decided, exceptionRate: 0.07, tail: 130)
        }
        if random.chance(0.85) {
            try writeAdvice(
                requestNumber, "social_care", CodeLists.socialCareProvider.draw(&random),
                AreaStory.socialCareAdviceWithin6Weeks, decided: decided, exceptionRate: 0.02, tail: 50)
        }
        if random.chance(0.92) {
            try writeAdvice(
                requestNumber, "education", CodeLists.educationProvider.draw(&random),
                AreaStory.educationAdviceWithin6Weeks, decided: decided, exceptionRate: 0.01, tail: 45)
        }
        if random.chance(0.12) {
            try writeAdvice(
                requestNumber, "other", CodeLists.otherProvider.draw(&random),
                AreaStory.educationAdviceWithin6Weeks, decided: decided, exceptionRate: 0.01, tail: 60)
        }
    }

    private func writeAdvice(
        _ requestNumber: Int, _ type: StaticString, _ provider: StaticString, _ onTimeRates: YearlyRates,
        decided: Int32, exceptionRate: Double, tail: Int
    ) throws {
        let requested = workingDayOnOrAfter(decided + Int32(random.int(1...6)))
        guard requested <= to else { return }
        // A missed appointment excuses the partner, and usually makes the advice late.
        let exception = random.chance(exceptionRate)
        let onTime = exception ? random.chance(0.25) : random.chance(onTimeRates[year(requested + 42)])
        let days = onTime ? 10 + random.skewedTowardsEnd(32) : 43 + random.skewed(tail)

        adviceWritten += 1
        let row = tables.advice
        row.writeIdentifier(prefix: "ADV-", number: adviceWritten, digits: identifierDigits)
        row.writeIdentifier(prefix: "REQ-", number: requestNumber, digits: identifierDigits)
        row.writeField(type)
        row.writeField(provider)
        row.writeDate(requested)
        row.writeDate(visible(requested + Int32(days)))
        row.writeField(exception)
        try row.endRow()
    }

    /// Plans made before the lead-in, with the historical (H) request and assessment behind each, so
    /// that the caseload at the window's start is an established one.
    func writePlansMadeBeforeLeadIn(count: Int) throws {
        for _ in 0..<count {
            let person = try newPerson(agedYears: CodeLists.caseloadAge.draw(&random), on: from)
            let earliest = max(person.birth + 300, from - 6 * 365)
            let latest = leadInStart - 7
            let start = workingDayOnOrAfter(
                earliest < latest ? earliest + Int32(random.below(Int(latest - earliest))) : latest)
            let received = start - Int32(random.int(100...150))
            let decided = workingDayOnOrAfter(received + Int32(random.int(25...40)))

            requestsWritten += 1
            let request = tables.requests
            request.writeIdentifier(prefix: "REQ-", number: requestsWritten, digits: identifierDigits)
            request.writeIdentifier(prefix: "PER-", number: person.number, digits: identifierDigits)
            request.writeDate(received)
            request.writeField(age(of: person, on: received) < 5 ? "parent" : "school" as StaticString)
            request.writeField(RequestOutcome.historical.code)
            request.writeDate(decided)
            request.writeField(false)
            request.writeField(false)
            try request.endRow()

            let assessment = tables.assessments
            assessment.writeIdentifier(prefix: "REQ-", number: requestsWritten, digits: identifierDigits)
            assessment.writeField(AssessmentOutcome.historical.code)
            assessment.writeDate(start)
            assessment.writeNull()
            assessment.writeField(false)
            assessment.writeField(false)
            assessment.writeField(false)
            try assessment.endRow()

            try writePlan(person: person, requestNumber: requestsWritten, start: start, inheritedAt: from)
        }
    }

    /// A child arriving from another local authority with a plan: no request, so no request_id.
    func writeTransferIn(arrival: Int32) throws {
        let start = workingDayOnOrAfter(arrival)
        guard start <= to else { return }
        let person = try newPerson(agedYears: CodeLists.transferInAge.draw(&random), on: start)
        try writePlan(person: person, requestNumber: nil, start: start, inheritedAt: nil)
    }
}
