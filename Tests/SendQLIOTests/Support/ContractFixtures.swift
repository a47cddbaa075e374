/// A small, consistent area in two spellings: the contract's own (ISO dates, LF, canonical codes)
/// and the way another tool exports the same records (shuffled columns, DD/MM/YYYY dates, every
/// boolean spelling, codes in any case, quoting, CRLF, a byte order mark).
enum ContractFixtures {
    static let reference: [String: String] = [
        "people.csv": """
        person_id,birth_date,sex,ethnicity
        P1,2012-03-04,M,WBRI
        P2,2010-11-30,F,
        P3,,U,ABAN

        """,
        "requests.csv": """
        request_id,person_id,received_date,source,outcome,outcome_date,mediation,tribunal,team
        R1,P1,2019-01-07,parent,Y,2019-02-15,false,false,north
        R2,P2,2019-03-01,"school, via SENCO",N,2019-04-10,true,false,south
        R3,P3,2019-05-20,,A,,,,north

        """,
        "assessments.csv": """
        request_id,outcome,outcome_date,draft_date,week20_exception,mediation,tribunal
        R1,Y,2019-05-20,2019-04-29,false,false,false

        """,
        "plans.csv": """
        plan_id,person_id,request_id,start_date,cease_date,cease_reason,primary_need,setting
        PL1,P1,R1,2019-05-20,,,ASD,mainstream
        PL2,P2,,2017-09-01,2020-07-31,5,SEMH,"special, out of area"

        """,
        "advice.csv": """
        advice_id,request_id,advice_type,provider,requested_date,received_date,exception
        A1,R1,educational_psychology,EP team,2019-02-18,2019-03-25,false
        A2,R1,health,"Kingston CCG, community paediatrics",2019-02-18,,true

        """,
        "reviews.csv": """
        review_id,plan_id,meeting_date,report_date,outcome,decision_date,amended_plan_date,phase_transfer,phase_transfer_due_date,phase_transfer_final_date
        V1,PL2,2018-08-20,2018-08-30,A,2018-09-10,2018-10-15,true,2019-02-15,2019-02-01

        """,
        "audits.csv": """
        audit_id,plan_id,audit_date,rating,health_rating,social_care_rating
        Q1,PL1,2019-07-01,good,requires_improvement,

        """,
        "feedback.csv": """
        response_id,received_date,survey,score,person_id
        F1,2019-06-01,assessment,4,P1
        F2,2019-06-02,local_offer,2,

        """,
        "complaints.csv": """
        complaint_id,received_date,stage,responded_date,upheld,topic
        C1,2019-04-01,1,2019-04-20,false,"Delay in assessment
        (second letter)"

        """,
        "appeals.csv": """
        appeal_id,person_id,registered_date,decision_type,outcome,outcome_date
        T1,P2,2019-05-01,refusal_to_issue,conceded,2019-08-01

        """,
    ]

    /// Rows joined with CRLF after a byte order mark; a line break inside a quoted cell stays LF,
    /// as spreadsheets write it.
    private static func export(_ rows: [String]) -> String {
        "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }

    static let otherTool: [String: String] = [
        "people.csv": export([
            "sex,person_id,ethnicity,birth_date",
            "m,P1,WBRI,04/03/2012",
            "\"F\",\"P2\",\"\",30/11/2010",
            "u,P3,ABAN,",
        ]),
        "requests.csv": export([
            "outcome,tribunal,request_id,team,received_date,mediation,person_id,outcome_date,source",
            "y,0,R1,north,7/1/2019,no,P1,15/02/2019,parent",
            "N,FALSE,\"R2\",south,01/03/2019,Yes,P2,10/04/2019,\"school, via SENCO\"",
            "a,,R3,north,20/05/2019,,P3,,",
        ]),
        "assessments.csv": export([
            "week20_exception,outcome_date,request_id,draft_date,tribunal,mediation,outcome",
            "n,20/05/2019,R1,29/04/2019,0,False,y",
        ]),
        "plans.csv": export([
            "setting,primary_need,cease_reason,cease_date,start_date,request_id,person_id,plan_id",
            "mainstream,asd,,,20/05/2019,R1,P1,PL1",
            "\"special, out of area\",Semh,\"5\",31/07/2020,1/9/2017,,P2,PL2",
        ]),
        "advice.csv": export([
            "exception,received_date,requested_date,provider,advice_type,request_id,advice_id",
            "0,25/03/2019,18/02/2019,EP team,Educational_Psychology,R1,A1",
            "YES,,18/02/2019,\"Kingston CCG, community paediatrics\",HEALTH,R1,A2",
        ]),
        "reviews.csv": export([
            "phase_transfer_final_date,outcome,plan_id,review_id,phase_transfer,decision_date,meeting_date,"
                + "amended_plan_date,report_date,phase_transfer_due_date",
            "01/02/2019,a,PL2,V1,Y,10/09/2018,20/08/2018,15/10/2018,30/08/2018,15/02/2019",
        ]),
        "audits.csv": export([
            "rating,social_care_rating,audit_date,health_rating,audit_id,plan_id",
            "Good,,01/07/2019,Requires_Improvement,Q1,PL1",
        ]),
        "feedback.csv": export([
            "person_id,score,survey,received_date,response_id",
            "P1,4,assessment,01/06/2019,F1",
            ",2,local_offer,02/06/2019,F2",
        ]),
        "complaints.csv": export([
            "topic,upheld,stage,complaint_id,responded_date,received_date",
            "\"Delay in assessment\n(second letter)\",no,1,C1,20/04/2019,01/04/2019",
        ]),
        "appeals.csv": export([
            "outcome,outcome_date,appeal_id,decision_type,registered_date,person_id",
            "Conceded,01/08/2019,T1,Refusal_To_Issue,01/05/2019,P2",
        ]),
    ]
}
