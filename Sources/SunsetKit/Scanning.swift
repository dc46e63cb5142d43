import Foundation
import SunsetCore
import SunsetRules
import SunsetScan

/// The scan step every command shares: the packs' signatures, the progress line, the scan,
/// and the full check of the small offline copies it found.
enum Scanning {
    static func inventory(roots: [String], excludes: [String], packs: [RulePack], state: String? = nil) throws -> Inventory {
        var inventory = try inventory(roots: roots, excludes: excludes,
                                      signatures: packs.filter { !$0.aboutPrograms }.map(\.signatures), state: state)
        ProductPrograms.annotate(&inventory, packs: packs)
        return inventory
    }

    /// With `state`, unchanged folders are replayed from that state file, which is then
    /// updated; what the user should know about it goes to standard error, one note a line
    /// (standard output stays the command's own, e.g. one Nagios line).
    static func inventory(roots: [String], excludes: [String], signatures: [ProductSignatures],
                          state: String? = nil) throws -> Inventory {
        let line = ProgressLine.forTerminal()
        defer { line?.finish() }
        var options = ScanOptions(roots: roots, excludes: excludes, signatures: signatures, progress: line?.callback)
        if roots.contains(where: Scanner.isDiskImage) { options.imageCheck = ImageCheck.checker() }
        options.state = state
        options.wholeComputer = try WholeComputerFile.builtIn()
        var report = Scanner.StateReport()
        var inventory = try Scanner(options: options).scan(report: &report)
        line?.finish()
        for note in report.notes { FileHandle.standardError.write(Data("sunset: note: \(note)\n".utf8)) }
        OfflineCopyCheck.deepen(&inventory)
        // Lifecycle packs are read only when a registry listed programs or a host can be judged.
        if inventory.installedPrograms?.isEmpty == false {
            let lifecycle = try LifecycleSet.builtIn()
            lifecycle.annotate(&inventory)
            lifecycle.annotateHosts(&inventory)
        } else if LifecycleSet.hasHosts(inventory) {
            try LifecycleSet.builtIn(systemsOnly: true).annotateHosts(&inventory)
        }
        return inventory
    }
}
