import Foundation
@testable import SendQLIO

/// A small, valid SEN2 return, as XML and as a Blade export, that tests break one thing at a time.
enum SEN2Fixture {
    /// Two people; the first has a request that led to a plan with a review.
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message>
          <Header>
            <CollectionDetails><Collection>SEN2</Collection><Year>2025</Year><ReferenceDate>2025-01-16</ReferenceDate></CollectionDetails>
            <Source><SourceLevel>L</SourceLevel><LEA>314</LEA></Source>
          </Header>
          <Persons>
            <Person>
              <NativeId>P1</NativeId><Surname>Smith</Surname><UPN>A123456789012</UPN><PostCode>KT1 1AA</PostCode>
              <PersonBirthDate>2015-03-02</PersonBirthDate><Sex>M</Sex><Ethnicity>WBRI</Ethnicity>
              <Requests>
                <NativeId>R1</NativeId>
                <ReceivedDate>2024-01-10</ReceivedDate>
                <RequestSource>1</RequestSource>
                <RequestOutcome>Y</RequestOutcome>
                <RequestOutcomeDate>2024-02-13</RequestOutcomeDate>
                <Assessment>
                  <AssessmentOutcome>Y</AssessmentOutcome>
                  <AssessmentOutcomeDate>2024-05-20</AssessmentOutcomeDate>
                  <Week20>0</Week20>
                  <NamedPlan>
                    <NativeId>PL1</NativeId>
                    <StartDate>2024-05-20</StartDate>
                    <PlanDetail><SENSetting>OTH</SENSetting><SENSettingOther>mainstream</SENSettingOther><PlacementRank>1</PlacementRank></PlanDetail>
                  </NamedPlan>
                </Assessment>
                <ActivePlans>
                  <NativeId>RV1</NativeId>
                  <ReviewMeeting>2025-01-05</ReviewMeeting><ReviewOutcome>M</ReviewOutcome><LastReview>2025-01-10</LastReview>
                  <SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
                </ActivePlans>
              </Requests>
            </Person>
            <Person>
              <NativeId>P2</NativeId>
              <PersonBirthDate>2012-07-19</PersonBirthDate><Sex>F</Sex>
              <Requests>
                <NativeId>R2</NativeId>
                <ReceivedDate>2024-03-04</ReceivedDate>
                <RequestOutcome>N</RequestOutcome>
                <RequestOutcomeDate>2024-04-10</RequestOutcomeDate>
              </Requests>
            </Person>
          </Persons>
        </Message>

        """

    /// The same return as a Blade export, file name to text.
    static let blade: [String: String] = [
        "Blade-Export_16-01-2025_sen2.csv": "collection,year,referencedate,lea\nSEN2,2025,2025-Jan-16 00:00:00,314\n",
        "Blade-Export_16-01-2025_person.csv": """
        persontableid,nativeid,surname,upn,personbirthdate,sex,ethnicity
        1,P1,Smith,A123456789012,2015-Mar-02 00:00:00,M,WBRI
        2,P2,,,2012-Jul-19 00:00:00,F,

        """,
        "Blade-Export_16-01-2025_requests.csv": """
        requeststableid,persontableid,nativeid,receiveddate,requestsource,requestoutcome,requestoutcomedate
        1,1,R1,2024-Jan-10 00:00:00,1,Y,2024-Feb-13 00:00:00
        2,2,R2,2024-Mar-04 00:00:00,,N,2024-Apr-10 00:00:00

        """,
        "Blade-Export_16-01-2025_assessment.csv": """
        assessmenttableid,requeststableid,assessmentoutcome,assessmentoutcomedate,week20
        1,1,Y,2024-May-20 00:00:00,0

        """,
        "Blade-Export_16-01-2025_namedplan.csv":
            "namedplantableid,assessmenttableid,nativeid,startdate\n1,1,PL1,2024-May-20 00:00:00\n",
        "Blade-Export_16-01-2025_plandetail.csv":
            "plandetailtableid,namedplantableid,sensetting,sensettingother,placementrank\n1,1,OTH,mainstream,1\n",
        "Blade-Export_16-01-2025_activeplans.csv": """
        activeplanstableid,requeststableid,nativeid,reviewmeeting,reviewoutcome,lastreview
        1,1,RV1,2025-Jan-05 00:00:00,M,2025-Jan-10 00:00:00

        """,
        "Blade-Export_16-01-2025_placementdetail.csv": "placementdetailtableid,activeplanstableid,urn,placementrank\n",
        "Blade-Export_16-01-2025_senneed.csv": "senneedtableid,activeplanstableid,sentype,sentyperank\n1,1,ASD,1\n",
    ]

    /// The fixture's XML with `old` replaced by `new` (which must occur).
    static func xml(replacing old: String, with new: String) -> String {
        precondition(xml.contains(old), "the fixture has no \(old)")
        return xml.replacingOccurrences(of: old, with: new)
    }

    /// Loads `files` (written to a fresh folder) as a data folder.
    static func inspect(
        _ files: [String: [UInt8]], mode: CSVReadMode = .strict, options: SEN2Options = SEN2Options(),
        path: String? = nil
    ) throws -> (CaseDataLoadResult, TemporaryFolder) {
        let folder = try TemporaryFolder()
        for (name, bytes) in files { try folder.write(name, bytes: bytes) }
        var loader = CaseDataLoader(mode: mode, parallelism: 1)
        loader.sen2 = options
        return (loader.inspect(directory: path.map { folder.file($0) } ?? folder.path), folder)
    }

    static func inspect(
        xml text: String, mode: CSVReadMode = .strict, options: SEN2Options = SEN2Options()
    )
        throws -> (CaseDataLoadResult, TemporaryFolder)
    {
        try inspect(["return.xml": Array(text.utf8)], mode: mode, options: options)
    }

    static func inspect(
        blade changes: [String: String?], mode: CSVReadMode = .strict
    )
        throws -> (CaseDataLoadResult, TemporaryFolder)
    {
        var files = blade
        for (name, text) in changes { files[name] = text }
        return try inspect(files.mapValues { Array($0.utf8) }, mode: mode)
    }
}

extension CaseDataLoadResult {
    /// Every error, fatal or in a row, as `file:line:column: message [code]`, the folder left out.
    func errorTexts(in folder: TemporaryFolder) -> [String] {
        errors.map { "\($0.text.replacingOccurrences(of: folder.path + "/", with: "")) [\($0.code)]" }
    }
}
