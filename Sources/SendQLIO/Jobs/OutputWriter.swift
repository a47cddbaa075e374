import Foundation
import SendQLCore

/// Where a run's files go and how they are published.
public struct OutputSettings: Sendable {
    /// The output folder (`--out`); every file is written under it.
    public var folder: String
    /// The snapshot store, relative to the output folder unless absolute (`--store`).
    public var store: String
    /// Small-number suppression from the command line (`--publish`), on top of a script's `publish`.
    public var publishThreshold: Int?
    /// The data folder, hashed into each snapshot.
    public var dataFolder: String?

    public init(
        folder: String = ".", store: String = "snapshots.sqlite", publishThreshold: Int? = nil,
        dataFolder: String? = nil
    ) {
        self.folder = folder
        self.store = store
        self.publishThreshold = publishThreshold
        self.dataFolder = dataFolder
    }

    /// The store's path: as given when absolute, else under the output folder.
    public var storePath: String {
        store.hasPrefix("/") ? store : (folder as NSString).appendingPathComponent(store)
    }
}

/// Writes the files a script asked for: exports, charts (and PNGs beside them), reports and snapshots.
public enum OutputWriter {
    /// What was written (one line each, for standard error) and the problems met.
    public static func write(
        _ outcome: RunOutcome, settings: OutputSettings
    ) -> (notes: [String], diagnostics: [Diagnostic]) {
        guard !outcome.outputs.isEmpty else { return ([], []) }
        var notes: [String] = []
        var diagnostics: [Diagnostic] = []
        let threshold = settings.publishThreshold ?? outcome.publishThreshold
        let suppressor = threshold.map { PublicationSuppressor(threshold: $0) }
        let folder: OutputFolder
        do {
            folder = try OutputFolder(root: settings.folder)
        } catch {
            return ([], [error])
        }
        for request in outcome.outputs {
            do throws(Diagnostic) {
                switch request {
                case .export(let table, let path, _):
                    let published = try suppressor.map { s throws(Diagnostic) in try s.apply(table).table } ?? table
                    notes.append("wrote " + (try export(published, to: path, in: folder)))
                case .chart(let plan, let table, _):
                    var spec = ChartSpec(plan)
                    var data = table
                    if let suppressor { (data, spec) = try suppressor.prepareChart(table, spec: spec) }
                    let svg = try SVGChartRenderer.render(data, spec: spec)
                    notes.append("wrote " + (try folder.write(svg, to: plan.path)))
                    let png = String(plan.path.dropLast(4)) + ".png"
                    switch try PNGConverter.convert(svg: svg, to: png, in: folder) {
                    case .written(let path): notes.append("wrote " + path)
                    case .unavailable(let why): notes.append("note: no PNG beside \(plan.path): \(why)")
                    }
                case .report(let report):
                    var document = ReportDocument(title: report.title ?? report.paths[0])
                    for block in report.blocks {
                        switch block {
                        case .heading(let text): document.append(.heading(level: 2, text: text))
                        case .text(let text): document.append(.paragraph(text))
                        case .table(let table, let caption):
                            let published =
                                try suppressor.map { s throws(Diagnostic) in try s.apply(table).table } ?? table
                            document.append(.table(published, caption: caption))
                        case .figure(let path, let caption):
                            document.append(.figure(path: path, alt: caption ?? path, caption: caption))
                        }
                    }
                    for path in report.paths {
                        let text =
                            path.lowercased().hasSuffix(".html")
                            ? HTMLReportRenderer().render(document) : MarkdownReportRenderer().render(document)
                        notes.append("wrote " + (try folder.write(text, to: path)))
                    }
                case .snapshot(let name, let table, _):
                    // An absolute --store is the user's own choice on the command line; a relative one stays under --out.
                    let store = try SnapshotStore(
                        path: settings.store.hasPrefix("/") ? settings.store : try folder.resolve(settings.store))
                    let dataHash =
                        try settings.dataFolder.map { f throws(Diagnostic) in try ContentHash.folder(f) } ?? ""
                    try store.append(
                        name: name, asOf: outcome.asOf ?? 0, scriptHash: ContentHash.script(outcome.source?.text ?? ""),
                        dataHash: dataHash, rows: table, runAt: timestamp())
                    notes.append("stored snapshot \"\(name)\" (\(table.rowCount) rows) in \(settings.storePath)")
                }
            } catch {
                diagnostics.append(error)
            }
        }
        return (notes, diagnostics)
    }

    /// A table as CSV (safe for spreadsheets), JSON, Markdown or a one-table HTML page, by extension.
    static func export(_ table: Table, to path: String, in folder: OutputFolder) throws(Diagnostic) -> String {
        switch FileFormat(path: path) {
        case .csv:
            let file = try folder.create(path)
            do { _ = try TableCSVExporter.write(table, to: file) } catch {
                file.discard()
                throw Diagnostic(
                    .error, code: OutputErrorCode.writeFailed.rawValue, message: "cannot write \(path): \(error)")
            }
            return try file.commit()
        case .json: return try folder.write(ResultRenderer.json(table), to: path)
        case .md: return try folder.write(ResultRenderer.markdown(table), to: path)
        case .html, .svg, .png, nil:
            // The checker lets `export` name .csv, .json, .md and .html only; HTML is the one left.
            var document = ReportDocument(title: path)
            document.append(.table(table, caption: nil))
            return try folder.write(HTMLReportRenderer().render(document), to: path)
        }
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
