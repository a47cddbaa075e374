import Foundation

/// Headless Chromium, for looking at an HTML report as a board member's browser shows it.
public enum Browser {
    /// What a page showed: its images, those that did not load, elements wider than the window.
    public struct Inspection: Decodable, Sendable, CustomStringConvertible {
        public var images: Int
        public var broken: [String]
        public var overflowing: [String]
        public var pageWidth: Int

        public var description: String {
            "\(images) images, broken \(broken), overflowing \(overflowing), page width \(pageWidth)"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static var chromium: URL? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio",
        "--no-first-run", "--disable-extensions", "--allow-file-access-from-files",
    ]

    /// Opens `page` in a frame `width` pixels wide, waits for every image, and reports what it found.
    /// The frame's page is read from a harness page beside it (file pages may read each other with
    /// `--allow-file-access-from-files`), which writes its findings into its own DOM.
    public static func inspect(_ page: URL, width: Int) throws -> Inspection {
        guard let chromium else { throw Failure(description: "chromium is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = folder.appendingPathComponent("harness.html")
        try harnessPage(for: page, width: width).write(to: harness, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(
            chromium,
            flags + [
                "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                "--virtual-time-budget=15000", "--dump-dom", harness.absoluteString,
            ])
        guard let start = result.stdout.range(of: "<pre id=\"result\">"),
            let end = result.stdout.range(of: "</pre>", range: start.upperBound..<result.stdout.endIndex)
        else {
            throw Failure(
                description:
                    "the harness page gave no result (exit \(result.status)):\n\(result.stdout.prefix(2000))\n\(result.stderr.suffix(2000))"
            )
        }
        let json = String(result.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Inspection.self, from: Data(json.utf8))
    }

    /// A screenshot of the whole of `page` at `width` pixels.
    public static func screenshot(_ page: URL, to file: URL, width: Int, height: Int = 5000) throws {
        guard let chromium else { throw Failure(description: "chromium is not installed") }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ProcessRunner.run(
            chromium,
            flags + [
                "--user-data-dir=" + profile.path, "--window-size=\(width),\(height)",
                "--screenshot=" + file.path, page.absoluteString,
            ])
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Failure(description: "no screenshot (exit \(result.status)): \(result.stderr.suffix(2000))")
        }
    }

    static func harnessPage(for page: URL, width: Int) -> String {
        """
        <!doctype html>
        <html><body style="margin:0">
        <iframe id="frame" src="\(page.absoluteString)" style="width:\(width)px;height:900px;border:0"></iframe>
        <script>
        const frame = document.getElementById("frame");
        frame.onload = () => {
          const page = frame.contentDocument;
          const images = [...page.images];
          const loaded = images.map(i => i.complete ? Promise.resolve() : new Promise(r => { i.onload = r; i.onerror = r; }));
          Promise.all(loaded).then(() => {
            const width = frame.contentWindow.innerWidth;
            const broken = images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute("src"));
            const overflowing = [...page.querySelectorAll("body *")]
              .filter(e => e.getBoundingClientRect().right > width + 0.5)
              .map(e => e.tagName.toLowerCase() + (e.getAttribute("src") ? " " + e.getAttribute("src") : "")
                        + " " + (e.textContent || "").trim().slice(0, 40));
            const result = document.createElement("pre");
            result.id = "result";
            result.textContent = JSON.stringify({ images: images.length, broken, overflowing: overflowing.slice(0, 20),
                                                  pageWidth: page.documentElement.scrollWidth });
            document.body.appendChild(result);
          });
        };
        </script>
        </body></html>
        """
    }
}
