import Foundation
import Testing
import SendQLCore
@testable import SendQLIO

struct ContentHashTests {
    /// FIPS 180-4 examples and lengths either side of the padding boundaries.
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 65), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (String(repeating: "a", count: 119), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (String(repeating: "a", count: 120), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ]

    @Test(arguments: vectors)
    func knownVectors(message: String, digest: String) {
        #expect(ContentHash.script(message) == digest)
    }

    @Test func aMillionAs() {
        var hash = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hash.update(piece) }
        #expect(SHA256.hexText(hash.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheSameDigestAsTheWhole() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.hex(message)
        for pieceSize in [1, 3, 63, 64, 65, 127, 500] {
            var hash = SHA256()
            var start = 0
            while start < message.count {
                let end = min(start + pieceSize, message.count)
                hash.update(Array(message[start..<end]))
                start = end
            }
            #expect(SHA256.hexText(hash.finish()) == whole, "pieces of \(pieceSize) bytes")
        }
    }

    @Test func folderHashFollowsTheDocumentedFormat() throws {
        let folder = try TemporaryFolder()
        try folder.write(["b.csv": "", "a.csv": "x,y\n1,2\n", ".DS_Store": "ignored"])
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: true)
        try folder.write(["sub/c.csv": "ignored too"])
        // Computed independently (Python hashlib) from the format in the doc comment.
        #expect(
            try ContentHash.folder(folder.path) == "d546f970ef9ac8bf01a5bd5076a0d7aaff3ac2bd4d759ad2e15bcb56970c7e22")
    }

    @Test func folderHashChangesWithContentsAndNames() throws {
        let folder = try TemporaryFolder()
        try folder.write(["a.csv": "x\n1\n", "b.csv": "x\n2\n"])
        let before = try ContentHash.folder(folder.path)
        try folder.write(["b.csv": "x\n3\n"])
        let changed = try ContentHash.folder(folder.path)
        try FileManager.default.moveItem(atPath: folder.file("b.csv"), toPath: folder.file("c.csv"))
        let renamed = try ContentHash.folder(folder.path)
        #expect(Set([before, changed, renamed]).count == 3)
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: Diagnostic.self) { try ContentHash.folder("/nonexistent/sendql-data") }
    }
}
