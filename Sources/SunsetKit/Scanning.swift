import SunsetCore
import SunsetRules
import SunsetScan

/// The scan step every command shares: the packs' signatures, the progress line, the scan,
/// and the full check of the small offline copies it found.
enum Scanning {
    static func inventory(roots: [String], excludes: [String], packs: [RulePack]) throws -> Inventory {
        try inventory(roots: roots, excludes: excludes, signatures: packs.filter { !$0.aboutPrograms }.map(\.signatures))
    }

    static func inventory(roots: [String], excludes: [String], signatures: [ProductSignatures]) throws -> Inventory {
        let line = ProgressLine.forTerminal()
        defer { line?.finish() }
        let options = ScanOptions(roots: roots, excludes: excludes, signatures: signatures, progress: line?.callback)
        var inventory = try Scanner(options: options).scan()
        OfflineCopyCheck.deepen(&inventory)
        // Lifecycle packs are read only when a registry listed programs to match.
        if inventory.installedPrograms?.isEmpty == false { try LifecycleSet.builtIn().annotate(&inventory) }
        return inventory
    }
}
