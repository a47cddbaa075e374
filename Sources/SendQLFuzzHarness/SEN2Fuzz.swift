/// One fuzz input as an SEN2 return: the whole input as `return.xml`, or, when it has `==> name <==`
/// lines, a Blade export's files (and an area file beside it), loaded strict and lenient.
enum SEN2Fuzz {
    static let bladeNames = [
        "sen2", "person", "requests", "assessment", "namedplan", "plandetail", "activeplans",
        "placementdetail", "senneed",
    ].map { "Blade-Export_16-01-2025_\($0).csv" }
    static let fileNames = ["return.xml", "appeals.csv"] + bladeNames

    /// A small return that reaches every module.
    static let warmUp = """
        <?xml version="1.0"?>
        <Message><Header><CollectionDetails><Year>2025</Year></CollectionDetails></Header><Persons>
        <Person><NativeId>P1</NativeId><PersonBirthDate>2015-01-02</PersonBirthDate><Requests><NativeId>R1</NativeId>
        <ReceivedDate>2024-01-10</ReceivedDate><RequestOutcome>Y</RequestOutcome><RequestOutcomeDate>2024-02-01</RequestOutcomeDate>
        <Assessment><AssessmentOutcome>Y</AssessmentOutcome><AssessmentOutcomeDate>2024-05-01</AssessmentOutcomeDate>
        <NamedPlan><StartDate>2024-05-01</StartDate><PlanDetail><SENSetting>OTH</SENSetting><PlacementRank>1</PlacementRank></PlanDetail></NamedPlan></Assessment>
        <ActivePlans><ReviewMeeting>2025-01-05</ReviewMeeting><SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed></ActivePlans>
        </Requests></Person></Persons></Message>

        """

    static func run(_ bytes: [UInt8]) -> [String] {
        let marker = Array("==> ".utf8)
        let isFolder =
            bytes.starts(with: marker)
            || bytes.indices.contains { index in
                index > 0 && bytes[index - 1] == UInt8(ascii: "\n") && bytes[index...].starts(with: marker)
            }
        let files =
            isFolder ? ContractFuzz.files(in: bytes, names: fileNames, first: "return.xml") : ["return.xml": bytes]
        let folder = FuzzFolder()
        for name in fileNames {
            if let content = files[name] { folder.write(name, content) }
        }
        return ContractFuzz.checkLoad(of: folder.path)
    }
}
