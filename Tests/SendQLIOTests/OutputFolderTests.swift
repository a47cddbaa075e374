import Foundation
import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO
#if canImport(Glibc)
    import Glibc
#endif

/// The code of the diagnostic `body` throws, or nil when it throws none.
func errorCode(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let diagnostic as Diagnostic {
        return diagnostic.code
    } catch {
        return "not a Diagnostic: \(error)"
    }
}

/// The message of the diagnostic `body` throws.
func errorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let diagnostic as Diagnostic {
        return diagnostic.message
    } catch {
        return "not a Diagnostic: \(error)"
    }
}

func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func entries(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

@Suite(.serialized)
struct OutputFolderTests {
    @Test func writesUnderTheRootCreatingSubfolders() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        let written = try folder.write("a,b\n1,2\n", to: "figures/2024/kpis.csv")
        #expect(written == folder.root + "/figures/2024/kpis.csv")
        #expect(contents(written) == "a,b\n1,2\n")
        #expect(try folder.write("again\n", to: "./figures//2024/kpis.csv") == written)
        #expect(contents(written) == "again\n")
        #expect(entries(folder.root + "/figures/2024") == ["kpis.csv"])
    }

    @Test(arguments: ["../escape.csv", "a/../../escape.csv", "figures/..", "..", "", "figures/", ".", "./"])
    func refusesPathsThatClimbOutOrNameNoFile(path: String) throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        #expect(errorCode { try folder.write("x", to: path) } == "E0731")
        #expect(entries(temp.path) == ["out"])
        #expect(entries(folder.root).isEmpty)
    }

    @Test func refusesAbsolutePaths() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        #expect(errorCode { try folder.write("x", to: temp.file("elsewhere.csv")) } == "E0730")
        #expect(!FileManager.default.fileExists(atPath: temp.file("elsewhere.csv")))
    }

    @Test func refusesALinkedFolderLeadingOutside() throws {
        let temp = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: temp.file("outside"), withIntermediateDirectories: true)
        let folder = try OutputFolder(root: temp.file("out"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.root + "/figures", withDestinationPath: temp.file("outside"))
        let message = errorMessage { try folder.write("x", to: "figures/a.svg") }
        #expect(message?.contains("figures is a symbolic link to") == true)
        #expect(message?.contains("outside the output folder") == true)
        #expect(errorCode { try folder.write("x", to: "figures/a.svg") } == "E0732")
        #expect(entries(temp.file("outside")).isEmpty)
    }

    @Test func refusesALinkedFileLeadingOutside() throws {
        let temp = try TemporaryFolder()
        try temp.write(["precious.csv": "keep me\n"])
        let folder = try OutputFolder(root: temp.file("out"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.root + "/kpis.csv", withDestinationPath: temp.file("precious.csv"))
        #expect(errorCode { try folder.write("x", to: "kpis.csv") } == "E0732")
        #expect(contents(temp.file("precious.csv")) == "keep me\n")
    }

    @Test func refusesALinkToDevNull() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        try FileManager.default.createSymbolicLink(atPath: folder.root + "/kpis.csv", withDestinationPath: "/dev/null")
        #expect(errorCode { try folder.write("x", to: "kpis.csv") } == "E0732")
        #expect(errorMessage { try folder.write("x", to: "kpis.csv") }?.contains("/dev/null") == true)
    }

    @Test func refusesADanglingLink() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.root + "/kpis.csv", withDestinationPath: "nowhere.csv")
        #expect(
            errorMessage { try folder.write("x", to: "kpis.csv") }
                == "kpis.csv is a symbolic link to nowhere.csv, which does not exist")
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/nowhere.csv"))
    }

    @Test func refusesAFIFOWithoutBlocking() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        #expect(mkfifo(folder.root + "/kpis.csv", 0o644) == 0)
        #expect(errorCode { try folder.write("x", to: "kpis.csv") } == "E0733")
        #expect(
            errorMessage { try folder.write("x", to: "kpis.csv") }
                == "the output path kpis.csv is a FIFO (named pipe), not a regular file")
        // Through a link that stays inside the folder, too.
        try FileManager.default.createSymbolicLink(atPath: folder.root + "/latest.csv", withDestinationPath: "kpis.csv")
        #expect(errorCode { try folder.write("x", to: "latest.csv") } == "E0733")
    }

    @Test func refusesAFileWhereAFolderIsNeededAndAFolderAsTheTarget() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        try folder.write("x", to: "figures")
        #expect(
            errorMessage { try folder.write("x", to: "figures/a.svg") }
                == "figures is a regular file, not a folder, so figures/a.svg cannot be written")
        try FileManager.default.createDirectory(atPath: folder.root + "/tables", withIntermediateDirectories: true)
        #expect(errorCode { try folder.write("x", to: "tables") } == "E0733")
    }

    @Test func followsLinksThatStayInside() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        try FileManager.default.createDirectory(atPath: folder.root + "/2024-12", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.root + "/latest", withDestinationPath: "2024-12")
        let written = try folder.write("x\n", to: "latest/kpis.csv")
        #expect(written == folder.root + "/2024-12/kpis.csv")
        #expect(contents(folder.root + "/2024-12/kpis.csv") == "x\n")
    }

    @Test func refusesARootThatIsAFile() throws {
        let temp = try TemporaryFolder()
        try temp.write(["file": "x"])
        #expect(errorCode { _ = try OutputFolder(root: temp.file("file")) } == "E0733")
    }

    @Test func oldContentStaysUntilTheCommitAndAfterADiscard() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        let path = try folder.write("old\n", to: "kpis.csv")
        let file = try folder.create("kpis.csv")
        try Array("new, half".utf8).withUnsafeBytes { try file.write($0) }
        #expect(contents(path) == "old\n")
        #expect(file.temporaryName.hasPrefix(".sendql-partial-\(getpid())-"))
        #expect(entries(folder.root) == [file.temporaryName, "kpis.csv"].sorted())
        try Array(" and the rest\n".utf8).withUnsafeBytes { try file.write($0) }
        #expect(contents(path) == "old\n")
        try file.commit()
        #expect(contents(path) == "new, half and the rest\n")
        #expect(entries(folder.root) == ["kpis.csv"])

        let abandoned = try folder.create("kpis.csv")
        try Array("never".utf8).withUnsafeBytes { try abandoned.write($0) }
        abandoned.discard()
        #expect(contents(path) == "new, half and the rest\n")
        #expect(entries(folder.root) == ["kpis.csv"])
    }

    @Test func aKilledWriterLeavesNoFileUnderTheDestinationsName() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        try folder.write("old\n", to: "exports/big.csv")
        let probe = try WriteProbe.Running(["output", folder.root, "exports/big.csv", "200", "20"])
        let started = probe.nextLine()
        #expect(started?.hasPrefix("started .sendql-partial-\(probe.pid)-") == true)
        usleep(100_000)
        probe.killNow()
        #expect(probe.process.terminationReason == .uncaughtSignal)
        // The destination still holds the old bytes; the only other file is the recognisable partial one.
        #expect(contents(folder.root + "/exports/big.csv") == "old\n")
        let leftovers = entries(folder.root + "/exports").filter { $0 != "big.csv" }
        #expect(leftovers.count == 1)
        #expect(leftovers.allSatisfy { $0.hasPrefix(".sendql-partial-\(probe.pid)-") })
        // The next write into that folder removes what the dead process left.
        try folder.write("new\n", to: "exports/other.csv")
        #expect(entries(folder.root + "/exports") == ["big.csv", "other.csv"])
    }

    @Test func partialFilesOfLiveProcessesAreKept() throws {
        let temp = try TemporaryFolder()
        let folder = try OutputFolder(root: temp.file("out"))
        let mine = ".sendql-partial-\(getpid())-1234-kpis.csv"
        try temp.write("out/" + mine, bytes: Array("in progress".utf8))
        try folder.write("x", to: "other.csv")
        #expect(entries(folder.root) == [mine, "other.csv"])
    }
}

struct OutputErrorCodeDocTests {
    @Test func everyCodeIsDocumented() throws {
        let errorsDoc = try String(
            contentsOfFile: RepositoryPaths.root.appendingPathComponent("docs/errors.md").path, encoding: .utf8)
        for code in OutputErrorCode.allCases {
            #expect(errorsDoc.contains("| \(code.rawValue) |"), "\(code.rawValue) is missing from docs/errors.md")
        }
    }
}
