import Glibc
import SunsetCore

/// Product packs' installations are programs too: an uninstall entry that a product pack's
/// `registry-names` match, or an installation the pack found that no entry lists, appears
/// among the installed programs with the pack's own support end. The pack judges it with its
/// own rules (`judgedBy`), so the generic lifecycle rules leave it alone.
public enum ProductPrograms {
    /// `fnmatch`'s case-folding flag (GNU and BSD agree on its value).
    private static let foldCase: Int32 = 1 << 4

    /// Gives the packs' programs their lifecycle, adding the installations no entry lists.
    public static func annotate(_ inventory: inout Inventory, packs: [RulePack]) {
        var programs = inventory.installedPrograms ?? []
        var added: [InstalledProgram] = []
        for pack in packs where !pack.aboutPrograms {
            guard let end = pack.product.supportEnd else { continue }
            let installations = inventory.installations.filter { $0.product == pack.id }
            var listedRoots = Set<Int>()
            for index in programs.indices where programs[index].lifecycle == nil && !programs[index].isOperatingSystem {
                guard let pattern = pack.signatures.registryNames.first(where: { fnmatch($0, programs[index].name, foldCase) == 0 })
                else { continue }
                let detail = "uninstall entry '\(programs[index].name)' matches the \(pack.product.name) pack's registry name '\(pattern)'"
                programs[index].lifecycle = lifecycle(pack, end: end, version: programs[index].version,
                                                      evidence: Evidence(signature: "lifecycle.pack", detail: detail,
                                                                         path: programs[index].hive.path, confidence: .high))
                listedRoots.insert(programs[index].hive.root)
            }
            // One program per root for the installations no uninstall entry lists there.
            for installation in installations where !listedRoots.contains(installation.location.root) {
                listedRoots.insert(installation.location.root)
                var program = InstalledProgram(name: pack.product.name, version: installation.version, publisher: pack.product.vendor,
                                               location: installation.location, hive: installation.location, key: "")
                program.kind = .productInstallation
                let detail = "installation of \(pack.product.name) found by the pack's signatures at \(installation.location.path)"
                program.lifecycle = lifecycle(pack, end: end, version: installation.version,
                                              evidence: Evidence(signature: "lifecycle.pack", detail: detail,
                                                                 path: installation.location.path, confidence: installation.confidence))
                added.append(program)
            }
        }
        guard inventory.installedPrograms != nil || !added.isEmpty else { return }
        inventory.installedPrograms = programs + added
    }

    private static func lifecycle(_ pack: RulePack, end: CalendarDay, version: String?, evidence: Evidence) -> ProgramLifecycle {
        var lifecycle = ProgramLifecycle(product: pack.id, productName: pack.product.name, cycle: nil, version: version,
                                         activeSupportEnd: .date(end), securitySupportEnd: .date(end),
                                         source: "rule pack \(pack.id) \(pack.version)", evidence: [evidence])
        lifecycle.judgedBy = pack.id
        return lifecycle
    }
}
