extension AreaSimulation {
    /// A quality assurance audit of a plan on `day`, rated by the year's place in the story. Audits
    /// are local records kept from the window's start, so those outside it are not written.
    func writeAudit(planNumber: Int, on day: Int32) throws {
        guard day >= from, day <= to else { return }
        let auditYear = year(day)
        let improvement = AreaStory.improvement[auditYear]
        let rating = CodeLists.planRating.draw(&random, mix: improvement)
        // Some plans have no health or social care section to rate.
        let healthRating =
            random.chance(0.12)
            ? nil : CodeLists.healthRating.draw(&random, mix: AreaStory.healthImprovement[auditYear])
        let socialCareRating = random.chance(0.45) ? nil : CodeLists.planRating.draw(&random, mix: improvement)

        auditsWritten += 1
        let row = tables.audits
        row.writeIdentifier(prefix: "AUD-", number: auditsWritten, digits: identifierDigits)
        row.writeIdentifier(prefix: "PLN-", number: planNumber, digits: identifierDigits)
        row.writeDate(day)
        row.writeField(rating)
        if let healthRating { row.writeField(healthRating) } else { row.writeNull() }
        if let socialCareRating { row.writeField(socialCareRating) } else { row.writeNull() }
        try row.endRow()
    }

    /// With the given probability, a parent's survey response a week or more after `day`.
    func maybeWriteFeedback(survey: StaticString, after day: Int32, person: SimulatedPerson, probability: Double) throws
    {
        guard random.chance(probability) else { return }
        let received = day + Int32(random.int(7...56))
        guard received >= from, received <= to else { return }
        try writeFeedback(survey: survey, received: received, person: person)
    }

    /// A parent's survey response, scored 1-5 by the year's place in the story.
    func writeFeedback(survey: StaticString, received: Int32, person: SimulatedPerson?) throws {
        let score = CodeLists.satisfaction.draw(&random, mix: AreaStory.improvement[year(received)])

        feedbackWritten += 1
        let row = tables.feedback
        row.writeIdentifier(prefix: "FBK-", number: feedbackWritten, digits: identifierDigits)
        row.writeDate(received)
        row.writeField(survey)
        row.writeField(score)
        if let person {
            row.writeIdentifier(prefix: "PER-", number: person.number, digits: identifierDigits)
        } else {
            row.writeNull()
        }
        try row.endRow()
    }
}
