/// A few consistent rows of every contract table: the data a checked fuzz script runs over, and the
/// shape of the contract target's seeds.
enum FuzzArea {
    static let files: [(name: String, text: String)] = [
        (
            "people.csv",
            """
            person_id,birth_date,sex,ethnicity
            P1,2012-03-04,M,WBRI
            P2,2010-11-30,F,
            P3,,U,ABAN

            """
        ),
        (
            "requests.csv",
            """
            request_id,person_id,received_date,source,outcome,outcome_date,mediation,tribunal,team
            R1,P1,2019-01-07,parent,Y,2019-02-15,false,false,north
            R2,P2,2019-03-01,"school, via SENCO",N,2019-04-10,true,false,south
            R3,P3,2019-05-20,,A,,,,north

            """
        ),
        (
            "assessments.csv",
            """
            request_id,outcome,outcome_date,draft_date,week20_exception,mediation,tribunal
            R1,Y,2019-05-20,2019-04-29,false,false,false

            """
        ),
        (
            "plans.csv",
            """
            plan_id,person_id,request_id,start_date,cease_date,cease_reason,primary_need,setting
            PL1,P1,R1,2019-05-20,,,ASD,mainstream
            PL2,P2,,2017-09-01,2020-07-31,5,SEMH,"special, out of area"

            """
        ),
        (
            "advice.csv",
            """
            advice_id,request_id,advice_type,provider,requested_date,received_date,exception
            A1,R1,educational_psychology,EP team,2019-02-18,2019-03-25,false
            A2,R1,health,"Kingston CCG, community paediatrics",2019-02-18,,true

            """
        ),
        (
            "reviews.csv",
            """
            review_id,plan_id,meeting_date,report_date,outcome,decision_date,amended_plan_date,phase_transfer,phase_transfer_due_date,phase_transfer_final_date
            V1,PL2,2018-08-20,2018-08-30,A,2018-09-10,2018-10-15,true,2019-02-15,2019-02-01

            """
        ),
        (
            "audits.csv",
            """
            audit_id,plan_id,audit_date,rating,health_rating,social_care_rating
            Q1,PL1,2019-07-01,good,requires_improvement,

            """
        ),
        (
            "feedback.csv",
            """
            response_id,received_date,survey,score,person_id
            F1,2019-06-01,assessment,4,P1
            F2,2019-06-02,local_offer,2,

            """
        ),
        (
            "complaints.csv",
            """
            complaint_id,received_date,stage,responded_date,upheld,topic
            C1,2019-04-01,1,2019-04-20,false,"Delay in assessment
            (second letter)"

            """
        ),
        (
            "appeals.csv",
            """
            appeal_id,person_id,registered_date,decision_type,outcome,outcome_date
            T1,P2,2019-05-01,refusal_to_issue,conceded,2019-08-01

            """
        ),
    ]
}
