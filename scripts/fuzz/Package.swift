// swift-tools-version:6.0
// libFuzzer executables over sendql's parser, checker, CSV reader and contract loader.
// Built by scripts/fuzz/run with the fuzzer and address sanitizers; see docs/reliability.md.
import PackageDescription

let package = Package(
    name: "sendql-fuzz",
    dependencies: [.package(name: "sendql", path: "../..")],
    targets: [
        .target(name: "CLibFuzzer", path: "targets/CLibFuzzer"),
        .target(
            name: "FuzzDriver",
            dependencies: ["CLibFuzzer", .product(name: "SendQLFuzzHarness", package: "sendql")],
            path: "targets/FuzzDriver"),
        .executableTarget(name: "fuzz-syntax", dependencies: ["FuzzDriver"], path: "targets/Syntax"),
        .executableTarget(name: "fuzz-checker", dependencies: ["FuzzDriver"], path: "targets/Checker"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzDriver"], path: "targets/CSV"),
        .executableTarget(name: "fuzz-contract", dependencies: ["FuzzDriver"], path: "targets/Contract"),
        .executableTarget(name: "fuzz-sen2", dependencies: ["FuzzDriver"], path: "targets/SEN2"),
    ]
)
