// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sendql",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sendql", targets: ["sendql"]),
        .library(name: "SendQLCore", targets: ["SendQLCore"]),
        .library(name: "SendQLIO", targets: ["SendQLIO"]),
        // What one fuzz input runs through, for the fuzz package in scripts/fuzz and the replay tests.
        .library(name: "SendQLFuzzHarness", targets: ["SendQLFuzzHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Syntax, semantics, columnar runtime, calendar and diagnostics. Never prints, never exits.
        .target(
            name: "SendQLCore",
            // The prelude's .sendql files, embedded as bytes (no Foundation needed to read them).
            resources: [
                .embedInCode("Prelude/as-of.sendql"), .embedInCode("Prelude/clocks.sendql"),
                .embedInCode("Prelude/kpis.sendql"),
            ]
        ),
        // CSV reading and writing, the data-contract loader, the generator, renderers, charts,
        // reports, publication, the snapshot store.
        .target(name: "SendQLIO", dependencies: ["SendQLCore", "CSQLite", "CLibpq"]),
        // The system SQLite, linked through pkg-config (the snapshot store).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libpq, PostgreSQL's C client (`--database`, `sendql push`), linked through pkg-config.
        .systemLibrary(
            name: "CLibpq",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // GNU readline, linked through pkg-config.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The interactive loop behind a LineReader seam.
        .target(name: "SendQLREPL", dependencies: ["SendQLCore", "SendQLIO", "CReadline"]),
        // The thin command-line executable.
        .executableTarget(
            name: "sendql",
            dependencies: [
                "SendQLCore", "SendQLIO", "SendQLREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test-only: writes through OutputFolder and SnapshotStore slowly so tests can kill it midway.
        .executableTarget(name: "sendql-write-probe", dependencies: ["SendQLIO"]),
        .target(name: "SendQLTestSupport", dependencies: ["SendQLCore", "SendQLIO"]),
        .target(name: "SendQLFuzzHarness", dependencies: ["SendQLCore", "SendQLIO"]),
        .testTarget(name: "SendQLCoreTests", dependencies: ["SendQLCore", "SendQLTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "SendQLIOTests", dependencies: ["SendQLIO", "SendQLTestSupport", "SendQLFuzzHarness"],
            exclude: ["Golden", "HostileInput"]
        ),
        .testTarget(name: "SendQLREPLTests", dependencies: ["SendQLREPL", "SendQLTestSupport"]),
        .testTarget(
            name: "SendQLEndToEndTests",
            dependencies: ["SendQLTestSupport"],
            resources: [.copy("Golden")]
        ),
    ]
)
