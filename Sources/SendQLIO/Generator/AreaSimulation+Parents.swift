import SendQLCore

extension AreaSimulation {
    /// A SEND Tribunal appeal registered on `registered` (inside the window) and its outcome, if known.
    func writeAppeal(person: SimulatedPerson, registered: Int32, against decision: AppealDecisionType) throws {
        let outcome = CodeLists.appealOutcome.draw(&random)
        // Concessions and withdrawals come before a hearing; decisions after one, months later.
        let days = outcome.beforeHearing ? 30 + random.skewed(150) : 120 + random.skewed(200)
        let outcomeDay = visible(workingDayOnOrAfter(registered + Int32(days)))

        appealsWritten += 1
        let row = tables.appeals
        row.writeIdentifier(prefix: "APL-", number: appealsWritten, digits: identifierDigits)
        row.writeIdentifier(prefix: "PER-", number: person.number, digits: identifierDigits)
        row.writeDate(registered)
        row.writeField(decision.code)
        if outcomeDay != nil { row.writeField(outcome.code) } else { row.writeNull() }
        row.writeDate(outcomeDay)
        try row.endRow()
    }

    /// A complaint about SEND services received on `received`: stage 1 or 2 with the council, or
    /// stage 3 with the Ombudsman, and when (if yet) it was answered.
    func writeComplaint(received: Int32) throws {
        let ticket = random.below(100)
        let stage = ticket < 78 ? 1 : ticket < 94 ? 2 : 3
        var responded: Int32?
        if !random.chance(0.02) {
            switch stage {
            case 1:
                let onTime = random.chance(AreaStory.complaintWithin20WorkingDays[year(received)])
                let workingDays = onTime ? 3 + random.below(18) : 21 + random.skewed(30)
                responded = calendar.addWorkingDays(received, workingDays)
            case 2:
                responded = calendar.addWorkingDays(received, 10 + random.skewed(50))
            default:
                responded = workingDayOnOrAfter(received + 60 + Int32(random.skewed(240)))
            }
        }
        responded = visible(responded)
        let upheldShare = stage == 1 ? 0.38 : stage == 2 ? 0.30 : 0.25

        complaintsWritten += 1
        let row = tables.complaints
        row.writeIdentifier(prefix: "CMP-", number: complaintsWritten, digits: identifierDigits)
        row.writeDate(received)
        row.writeField(stage)
        row.writeDate(responded)
        row.writeField(responded.map { _ in random.chance(upheldShare) })
        row.writeField(CodeLists.complaintTopic.draw(&random))
        try row.endRow()
    }
}
