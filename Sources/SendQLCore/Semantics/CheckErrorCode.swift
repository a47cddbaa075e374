/// The stable codes of the checker's errors (E03xx): a script that parses but cannot run as written.
/// `docs/errors.md` has a section for each, which a test checks.
public enum CheckErrorCode: String, Sendable, CaseIterable {
    /// unknown table
    case unknownTable = "E0301"
    /// unknown column
    case unknownColumn = "E0302"
    /// unknown function
    case unknownFunction = "E0303"
    /// type mismatch
    case typeMismatch = "E0304"
    /// comparison with null
    case comparisonWithNull = "E0305"
    /// wrong number of arguments
    case wrongArgumentCount = "E0306"
    /// wrong argument type
    case wrongArgumentType = "E0307"
    /// aggregate outside `aggregate` and `derive`
    case aggregateOutsideAggregate = "E0308"
    /// window function outside `derive`
    case windowOutsideDerive = "E0309"
    /// column neither grouped nor aggregated
    case neitherGroupedNorAggregated = "E0310"
    /// column needs a name
    case columnNeedsName = "E0311"
    /// column or parameter named twice
    case nameTwice = "E0312"
    /// `where` condition is not true/false
    case conditionNotBoolean = "E0313"
    /// bad `take`
    case badTake = "E0314"
    /// bad join condition
    case badJoinCondition = "E0315"
    /// `append`/`union` columns differ
    case appendColumnsDiffer = "E0316"
    /// step not allowed inside `group`
    case stepNotAllowedInGroup = "E0317"
    /// `aggregate` not last inside `group`
    case aggregateNotLastInGroup = "E0318"
    /// bad parameter
    case badParameter = "E0319"
    /// bad include
    case badInclude = "E0320"
    /// `load` not available
    case loadNotAvailable = "E0321"
    /// recursive function
    case recursiveFunction = "E0322"
    /// months or working days used as a value
    case calendarUnitAsValue = "E0323"
    /// `expect` condition is not true/false
    case expectNotBoolean = "E0325"
    /// bad pivot
    case badPivot = "E0326"
    /// value reads a column
    case valueReadsColumn = "E0327"
    /// function expands too far
    case functionExpandsTooFar = "E0328"
    /// bad output file name
    case badOutputFileName = "E0330"
    /// `snapshot` without a KPI pack
    case snapshotWithoutKPIPack = "E0331"
    /// bad publication threshold
    case badPublicationThreshold = "E0332"
    /// report part without a report
    case reportPartWithoutReport = "E0333"
    /// bad chart
    case badChart = "E0334"
    /// bad `fill`
    case badFill = "E0335"
    /// parameter value not one of its values
    case parameterValueNotAllowed = "E0340"
    /// unknown parameter
    case unknownParameter = "E0341"
}
