import Testing
import SendQLIO

/// A password in a connection string never reaches a message: every form libpq reads is redacted.
struct ConnectionStringTests {
    @Test(arguments: [
        ("postgresql://area:s3cret@db.example:5432/send", "postgresql://area:***@db.example:5432/send"),
        (
            "postgres://area:p%40ss@db.example/send?sslmode=require",
            "postgres://area:***@db.example/send?sslmode=require"
        ),
        ("postgresql://area@db.example/send", "postgresql://area@db.example/send"),
        ("postgresql:///send?host=/tmp/socket&user=area", "postgresql:///send?host=/tmp/socket&user=area"),
        (
            "postgresql:///send?user=area&password=s3cret&sslmode=disable",
            "postgresql:///send?user=area&password=***&sslmode=disable"
        ),
        ("host=db.example password=s3cret dbname=send", "host=db.example password=*** dbname=send"),
        ("host=db.example password = 's3 cret\\' x' dbname=send", "host=db.example password = *** dbname=send"),
        ("host=db.example PASSWORD=s3cret", "host=db.example PASSWORD=***"),
        ("postgresql://a:b@c@db.example/send", "postgresql://a:***@db.example/send"),
    ])
    func passwordsAreHidden(given: String, shown: String) {
        #expect(ConnectionString.redacted(given) == shown)
        #expect(!ConnectionString.redacted(given).contains("s3"))
    }

    @Test func otherEnginesAndBadTimeoutsAreRefusedBeforeConnecting() {
        for text in ["mysql://localhost/send", "duckdb:area.db", "area.db"] {
            guard case .failure(let problem) = DatabaseOptions(connectionString: text).connect() else {
                Issue.record("\(text) was accepted")
                continue
            }
            #expect(problem.code == "E0901")
        }
        guard case .failure(let problem) = DatabaseOptions(connectionString: "", statementTimeout: -1).connect()
        else {
            Issue.record("a negative timeout was accepted")
            return
        }
        #expect(problem.code == "E0901")
    }
}
