import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
import SunsetScan

/// Scans volumes with the built-in packs' signatures, as `sunset scan` does.
func scan(_ roots: [VolumeBuilder], excludes: [String] = []) throws -> Inventory {
    let packs = try PackSet.builtIn()
    var options = ScanOptions(roots: roots.map(\.root.path), excludes: excludes, signatures: packs.map(\.signatures))
    options.wholeComputer = try WholeComputerFile.builtIn()
    return try Scanner(options: options).scan()
}

func scan(_ root: VolumeBuilder, excludes: [String] = []) throws -> Inventory { try scan([root], excludes: excludes) }

let now = Date()
func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

/// The repository's `Tests/Fixtures` folder.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// A company folder in the standard place with one Access database.
@discardableResult
func company(_ builder: VolumeBuilder, _ name: String, user: String = "marie", modified: Date = daysAgo(3)) throws -> String {
    let folder = "Users/\(user)/Documents/Invoice2go/\(name)"
    try builder.file("\(folder)/company.mdb", Samples.accessDatabase(name), modified: modified)
    return folder
}

extension Inventory {
    func backup(named name: String) -> Backup? { backups.first { $0.file.location.path.lastComponent == name } }
}
