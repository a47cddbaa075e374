/// The decision on a request for assessment (SEN2 request outcome).
enum RequestOutcome {
    case assess, notAssess, withdrawn, undecided, historical

    var code: StaticString {
        switch self {
        case .assess: "Y"
        case .notAssess: "N"
        case .withdrawn: "W"
        case .undecided: "A"
        case .historical: "H"
        }
    }
}

/// How an assessment ended (SEN2 assessment outcome).
enum AssessmentOutcome {
    case issued, notIssued, withdrawn, undecided, historical

    var code: StaticString {
        switch self {
        case .issued: "Y"
        case .notIssued: "N"
        case .withdrawn: "W"
        case .undecided: "A"
        case .historical: "H"
        }
    }
}

/// The LA decision a tribunal appeal is against.
enum AppealDecisionType {
    case refusalToAssess, refusalToIssue, planContent, cease

    var code: StaticString {
        switch self {
        case .refusalToAssess: "refusal_to_assess"
        case .refusalToIssue: "refusal_to_issue"
        case .planContent: "plan_content"
        case .cease: "cease"
        }
    }
}

/// The LA's decision after an annual review.
enum ReviewOutcome {
    case maintain, amend, cease

    var code: StaticString {
        switch self {
        case .maintain: "M"
        case .amend: "A"
        case .cease: "C"
        }
    }
}
