import SendQLCore

/// One annual review, with every date it will ever have; `writeReviews` hides those after the window.
struct SimulatedReview {
    var meeting: Int32
    var report: Int32?
    var outcome: ReviewOutcome
    var decision: Int32
    var amendedPlan: Int32?
    var phaseTransferDue: Int32?
}

/// A move between phases of education, whose plan must name the new setting by a deadline.
private struct PhaseTransfer {
    /// From this day (1 September of the year before) a review counts as the transfer review.
    let windowStart: Int32
    /// 15 February of the transfer year, or 31 March for secondary to post-16.
    let due: Int32
}

extension AreaSimulation {
    /// Simulates the plan's annual reviews into `reviewScratch` and returns the day the plan ceases
    /// (after the window when it is still live at the end).
    ///
    /// Each review is due within 12 months starting with the previous one (or the plan's start);
    /// the story decides whether it is held in time. The review in the autumn before a phase
    /// transfer is brought forward when needed, and the plan's ending is decided at a final review
    /// when its reason is one the LA decides (see `PlanEnding.decidedAtReview`).
    func simulateReviews(of person: SimulatedPerson, start: Int32, ending: PlanEnding) -> Int32 {
        reviewScratch.removeAll(keepingCapacity: true)
        let cease = simulateReviewCycle(of: person, start: start, ending: ending)
        // A plan that ends by an event (a move away) still sees its last review's paperwork through.
        var lastEvent = start
        for review in reviewScratch {
            lastEvent = max(
                lastEvent, review.meeting, review.decision, review.report ?? start, review.amendedPlan ?? start)
        }
        return max(cease, lastEvent + 1)
    }

    private func simulateReviewCycle(of person: SimulatedPerson, start: Int32, ending: PlanEnding) -> Int32 {
        let transfers = phaseTransfers(of: person, includingInfantToJunior: random.chance(0.2))
        var nextTransfer = 0
        var previous = start
        while true {
            let due = DateArithmetic.addMonths(previous, 12) - 1
            let onTime = random.chance(AreaStory.reviewWithin12Months[year(due)])
            var meeting = onTime ? due - Int32(random.skewed(70)) : due + 1 + Int32(random.skewed(200))
            meeting = max(meeting, previous + 150)

            var phaseTransferDue: Int32?
            while nextTransfer < transfers.count && transfers[nextTransfer].windowStart <= previous {
                nextTransfer += 1
            }
            if nextTransfer < transfers.count, meeting >= transfers[nextTransfer].windowStart {
                let transfer = transfers[nextTransfer]
                nextTransfer += 1
                // The amended plan needs time before the deadline: hold the review by early January.
                let latest = transfer.due - 35
                if meeting <= latest {
                    phaseTransferDue = transfer.due
                } else {
                    let earliest = max(transfer.windowStart + 14, previous + 120)
                    let autumnEnd = min(latest, transfer.windowStart + 105)
                    if earliest <= autumnEnd {
                        meeting = earliest + Int32(random.below(Int(autumnEnd - earliest) + 1))
                        phaseTransferDue = transfer.due
                    }
                }
            }
            let meetingDeadline = phaseTransferDue.map { min(due, $0 - 35) } ?? due
            meeting = letterDay(meeting, deadline: meetingDeadline, earliest: previous + 1)

            if meeting >= ending.day || (ending.decidedAtReview && meeting >= ending.day - 120) {
                return closePlan(ending: ending, previous: previous, naturalMeeting: meeting)
            }
            if meeting > to { return ending.day }
            reviewScratch.append(makeReview(meeting: meeting, phaseTransferDue: phaseTransferDue, outcome: nil))
            previous = meeting
        }
    }

    /// The plan's last review, when the LA decides to cease it, and the day it ceases.
    private func closePlan(ending: PlanEnding, previous: Int32, naturalMeeting: Int32) -> Int32 {
        guard ending.decidedAtReview else { return ending.day }
        let earliest = previous + 60
        let latest = ending.day - 14
        if earliest <= latest {
            let target = max(earliest, min(naturalMeeting, latest - Int32(random.skewed(60))))
            let meeting = letterDay(target, deadline: latest, earliest: earliest)
            guard meeting <= to else { return ending.day }
            let review = makeReview(meeting: meeting, phaseTransferDue: nil, outcome: .cease)
            reviewScratch.append(review)
            return ceaseDay(after: review.decision, ending: ending)
        }
        // The end comes within weeks of the last review: that review decided it.
        if let last = reviewScratch.indices.last, reviewScratch[last].phaseTransferDue == nil {
            reviewScratch[last].outcome = .cease
            reviewScratch[last].amendedPlan = nil
            return ceaseDay(after: reviewScratch[last].decision, ending: ending)
        }
        return ending.day
    }

    /// A plan ceases after the decision has been notified and the family's time to appeal has begun;
    /// one ending with education ends at the end of the course.
    private func ceaseDay(after decision: Int32, ending: PlanEnding) -> Int32 {
        ending.reason == 2 ? decision + 14 + Int32(random.skewed(30)) : max(ending.day, decision + 14)
    }

    /// A review held on `meeting`: report, decision, outcome and any amended plan.
    private func makeReview(meeting: Int32, phaseTransferDue: Int32?, outcome: ReviewOutcome?) -> SimulatedReview {
        let decisionDeadline = meeting + 28
        // Phase transfer reviews are given priority: the deadline for the new school is fixed.
        let priority = phaseTransferDue == nil ? 0 : 0.25
        let decisionOnTime = random.chance(AreaStory.reviewDecisionWithin4Weeks[year(decisionDeadline)] + priority)
        let decisionDays = decisionOnTime ? 5 + random.skewedTowardsEnd(23) : 29 + random.skewed(110)
        let decision = letterDay(meeting + Int32(decisionDays), deadline: decisionDeadline, earliest: meeting + 1)
        let report: Int32? =
            random.chance(0.04)
            ? nil
            : meeting + Int32(random.chance(0.75) ? 2 + random.below(13) : 15 + random.skewed(30))

        let resolved = outcome ?? (phaseTransferDue != nil || random.chance(0.42) ? .amend : .maintain)
        var amendedPlan: Int32?
        if let phaseTransferDue {
            let earliest = max(decision + 7, meeting + 21)
            let onTime = random.chance(AreaStory.phaseTransferOnTime[year(phaseTransferDue)])
            let target =
                onTime && earliest <= phaseTransferDue
                ? earliest + Int32(random.below(Int(phaseTransferDue - earliest) + 1))
                : max(earliest, phaseTransferDue + 1 + Int32(random.skewed(100)))
            amendedPlan = letterDay(target, deadline: phaseTransferDue, earliest: earliest)
        } else if resolved == .amend {
            let deadline = meeting + 84
            let earliest = decision + 14
            let onTime = random.chance(AreaStory.amendmentWithin12Weeks[year(deadline)]) && earliest <= deadline
            let target =
                onTime
                ? max(earliest, meeting + 42 + Int32(random.skewedTowardsEnd(42)))
                : max(earliest, meeting + 85 + Int32(random.skewed(160)))
            amendedPlan = letterDay(target, deadline: deadline, earliest: earliest)
        }
        return SimulatedReview(
            meeting: meeting, report: report, outcome: resolved, decision: decision, amendedPlan: amendedPlan,
            phaseTransferDue: phaseTransferDue)
    }

    /// Writes the simulated reviews, with the records they lead to: survey responses, audits of
    /// amended plans, and appeals against decisions to cease.
    func writeReviews(planNumber: Int, person: SimulatedPerson, cease: Int32) throws {
        for review in reviewScratch {
            reviewsWritten += 1
            let decided = review.decision <= to
            let row = tables.reviews
            row.writeIdentifier(prefix: "REV-", number: reviewsWritten, digits: identifierDigits)
            row.writeIdentifier(prefix: "PLN-", number: planNumber, digits: identifierDigits)
            row.writeDate(review.meeting)
            row.writeDate(visible(review.report))
            if decided { row.writeField(review.outcome.code) } else { row.writeNull() }
            row.writeDate(visible(review.decision))
            row.writeDate(decided ? visible(review.amendedPlan) : nil)
            row.writeField(review.phaseTransferDue != nil)
            row.writeDate(review.phaseTransferDue)
            row.writeDate(review.phaseTransferDue == nil ? nil : visible(review.amendedPlan))
            try row.endRow()

            guard decided else { continue }
            try maybeWriteFeedback(survey: "annual_review", after: review.decision, person: person, probability: 0.05)
            if let amended = visible(review.amendedPlan), amended >= from,
                random.chance(AreaStory.newPlanAuditShare[year(amended)] * 0.3)
            {
                let audit = workingDayOnOrAfter(amended + Int32(random.int(7...60)))
                if audit < cease { try writeAudit(planNumber: planNumber, on: audit) }
            }
            if review.outcome == .cease && random.chance(0.04),
                let registered = visible(workingDayOnOrAfter(review.decision + Int32(random.int(20...60))))
            {
                try writeAppeal(person: person, registered: registered, against: .cease)
            }
        }
    }

    /// The phase transfers still ahead of a child: into reception, from infant to junior school
    /// (for children in separate infant schools), into secondary school, and into post-16.
    private func phaseTransfers(of person: SimulatedPerson, includingInfantToJunior: Bool) -> [PhaseTransfer] {
        let reception = person.receptionYear
        var years = [(reception, false)]
        if includingInfantToJunior { years.append((reception + 3, false)) }
        years.append((reception + 7, false))
        years.append((reception + 12, true))
        return years.map { year, postSixteen in
            PhaseTransfer(windowStart: day(year - 1, 9, 1), due: postSixteen ? day(year, 3, 31) : day(year, 2, 15))
        }
    }
}
