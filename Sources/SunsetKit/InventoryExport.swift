import Foundation
import SunsetCore
import SunsetReport
import SunsetRules
import SunsetScan

/// `sunset scan`: the inventory alone, as sorted JSON.
public enum InventoryExport {
    /// Scans and writes the inventory to a file or ("-") standard output.
    public static func write(roots: [String], rules: [String], excludes: [String], to output: String) throws {
        let signatures = try PackSet.signatures(extra: rules)
        let roots = roots.isEmpty ? AuditOptions.defaultRoots() : roots
        let inventory = try Scanning.inventory(roots: roots, excludes: excludes, signatures: signatures)
        var data = try JSONReporter.encoder.encode(InventoryDocument(inventory: inventory))
        data.append(0x0A)
        if output == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let writer = try ReportWriter(folder: (output as NSString).deletingLastPathComponent.isEmpty
                                          ? "." : (output as NSString).deletingLastPathComponent,
                                      roots: inventory.roots.map { $0.path }, force: false)
        _ = try writer.write(data, named: (output as NSString).lastPathComponent)
    }
}
