// swift-tools-version:6.0
//
// Sunset: finds discontinued software and the data only it can open, judges the risk,
// and guides the rescue. One target per pipeline stage; dependencies point one way:
//
//   SunsetCore ◄── SunsetScan ◄── SunsetRules ◄── SunsetReport ◄── SunsetKit ◄── sunset
//   SunsetCore ◄── SunsetRescue ◄── SunsetKit   (the verified offline copy, a BagIt bag)
//
// (SunsetRules does not need SunsetScan's code, only Core's model; the arrows above show
// the order in which the stages run. See README "Architecture".)
import PackageDescription

/// Fuzz builds (`SUNSET_FUZZ=1`, see Fuzz/run) sanitize every executable, the build plugin's
/// generator included, which then cannot link; they leave the packs and templates out.
let fuzzing = Context.environment["SUNSET_FUZZ"] != nil
let embedding: [Target.PluginUsage] = fuzzing ? [] : ["EmbedResources"]
let embeddingSettings: [SwiftSetting] = fuzzing ? [.define("SUNSET_NO_EMBED")] : []

let package = Package(
    name: "Sunset",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sunset", targets: ["sunset"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // MARK: - C libraries
        .systemLibrary(
            name: "CMagic",
            pkgConfig: "libmagic",
            providers: [.apt(["libmagic-dev"]), .brew(["libmagic"])]
        ),
        // The system's SQLite, for `check --state` (the scan's memory of each folder).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // libxlsxwriter (BSD-2-Clause), for the readable copies' workbooks: it streams rows to
        // disk in its constant-memory mode, so a large table never sits in memory.
        .systemLibrary(
            name: "CXLSX",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // mdbtools' libmdb (LGPL, linked dynamically), the reader of Access/Jet databases.
        .systemLibrary(
            name: "CMDB",
            pkgConfig: "libmdb",
            providers: [.apt(["mdbtools-dev"]), .brew(["mdbtools"])]
        ),
        // The Sleuth Kit's libtsk (CPL-1.0, linked dynamically), the reader of disk images:
        // raw, split raw, E01, VHD, VHDX and VMDK, their partitions and file systems (issue 22).
        .systemLibrary(
            name: "CTSK",
            pkgConfig: "tsk",
            providers: [.apt(["libtsk-dev"]), .brew(["sleuthkit"])]
        ),

        // MARK: - Pipeline stages
        .target(name: "SunsetCore"),
        // The one wrapper of SQLite's C interface: the scan's state file and the readable copies.
        .target(name: "SunsetSQLite", dependencies: ["CSQLite"]),
        .target(name: "SunsetScan", dependencies: ["SunsetCore", "SunsetImage", "CMagic", "SunsetSQLite", "ZIPFoundation"]),
        .target(
            name: "SunsetRules",
            dependencies: ["SunsetCore", "Yams", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: embeddingSettings,
            plugins: embedding
        ),
        .target(
            name: "SunsetReport",
            dependencies: ["SunsetCore", "SunsetRules", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: embeddingSettings,
            plugins: embedding
        ),
        // Disk images (issue 22): raw, split raw, E01, VHD, VHDX and VMDK opened read-only
        // through libtsk; their partitions and file systems, walked and read without mounting.
        .target(name: "SunsetImage", dependencies: ["SunsetCore", "CTSK"]),
        .target(name: "SunsetRescue", dependencies: ["SunsetCore", "SunsetReadable", "SunsetImage", .product(name: "Crypto", package: "swift-crypto")]),
        // Readers of legacy databases and the readable copies made of them (issue 21).
        .target(name: "SunsetReadable", dependencies: ["SunsetCore", "CSQLite", "SunsetSQLite", "CXLSX", "CMDB", "ZIPFoundation"]),
        .target(name: "SunsetFixtures", dependencies: ["SunsetCore", "SunsetReadable", "ZIPFoundation"]),
        .target(
            name: "SunsetKit",
            dependencies: ["SunsetCore", "SunsetScan", "SunsetRules", "SunsetReport", "SunsetRescue", "SunsetReadable", "SunsetImage", "SunsetFixtures"]
        ),
        .executableTarget(
            name: "sunset",
            dependencies: ["SunsetKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - The labelled detection corpus (Tests/Corpus, Benchmarks/detection)
        .target(name: "SunsetCorpus", dependencies: ["SunsetFixtures", "SunsetKit", "SunsetCore", "SunsetRules"]),
        .executableTarget(name: "sunset-corpus", dependencies: ["SunsetCorpus"]),

        // MARK: - Build tooling: rule packs and templates are compiled into the binary
        .executableTarget(name: "sunset-embed", path: "Sources/sunset-embed"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["sunset-embed"]),

        // MARK: - Tests
        .testTarget(name: "SunsetCoreTests", dependencies: ["SunsetCore"]),
        .testTarget(name: "SunsetScanTests", dependencies: ["SunsetScan", "SunsetSQLite", "SunsetRules", "SunsetFixtures", "SunsetReadable", "ZIPFoundation"]),
        .testTarget(name: "SunsetRulesTests", dependencies: ["SunsetRules", "SunsetFixtures"]),
        .testTarget(name: "SunsetReportTests", dependencies: ["SunsetReport", "SunsetKit", "SunsetFixtures", "SunsetCorpus"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "SunsetEndToEndTests", dependencies: ["SunsetKit", "SunsetFixtures", "SunsetReadable"]),
        .testTarget(name: "SunsetCorpusTests", dependencies: ["SunsetCorpus", "SunsetCore"]),
        .testTarget(name: "SunsetReadableTests", dependencies: ["SunsetReadable", "SunsetFixtures"]),
        .testTarget(name: "SunsetImageTests", dependencies: ["SunsetImage", "SunsetFixtures"]),
        .testTarget(name: "SunsetRescueTests", dependencies: ["SunsetCore", "SunsetRescue", "SunsetReport", "SunsetKit", "SunsetFixtures", "SunsetReadable"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: - Fuzzing (only with SUNSET_FUZZ=1; see Fuzz/run)
//
// libFuzzer targets have no `main` and link only with `--sanitize=fuzzer`, so they are
// declared only when the fuzz script asks for them.
if fuzzing {
    for (name, library) in [("FuzzPE", "SunsetScan"), ("FuzzZip", "SunsetScan"), ("FuzzExport", "SunsetScan"),
                            ("FuzzHive", "SunsetScan"),
                            ("FuzzRulePack", "SunsetRules"), ("FuzzDBF", "SunsetReadable")] {
        package.targets.append(.executableTarget(
            name: name, dependencies: [.target(name: library)], path: "Fuzz/Targets/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ))
    }
}
