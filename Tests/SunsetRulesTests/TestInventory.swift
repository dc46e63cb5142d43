import Foundation
import SunsetCore
import SunsetRules

/// Inventories for engine tests, built from Core types directly (not through the pack's
/// example syntax), so the tests check the engine and the examples independently.
struct TestInventory {
    static let product = "invoice2go-classic"
    var asOf: CalendarDay
    var inventory = Inventory()

    init(asOf: String, host: HostOS = .unknown) {
        self.asOf = CalendarDay(asOf)!
        inventory.roots = [ScanRoot(index: 0, path: "/disk", isWindowsVolume: true, host: host),
                           ScanRoot(index: 1, path: "/usb", isWindowsVolume: false, host: host)]
    }

    /// Noon UTC `days` days before as-of.
    func time(daysAgo days: Int) -> Date {
        asOf.adding(days: -days).startUTC.addingTimeInterval(12 * 3600)
    }

    static let evidence = [Evidence(signature: "test", detail: "made by the test", confidence: .high)]

    mutating func installation(_ path: String = "Program Files (x86)/Invoice2go") {
        inventory.installations.append(Installation(product: Self.product, location: Location(root: 0, path: VolumePath(path)),
                                                    evidence: Self.evidence))
    }

    mutating func company(_ name: String, changedDaysAgo: Int) {
        let folder = "Users/marie/Documents/Invoice2go/\(name)"
        let data = DataFile(location: Location(root: 0, path: VolumePath("\(folder)/company.mdb")), size: 4096,
                            modified: time(daysAgo: changedDaysAgo), kind: "Microsoft Access Database", mime: "application/x-msaccess")
        inventory.companies.append(Company(product: Self.product, name: name, folder: Location(root: 0, path: VolumePath(folder)),
                                           dataFiles: [data], evidence: Self.evidence))
    }

    mutating func backup(of company: String, daysAgo: Int, placement: Placement = .local, readable: Bool = true) {
        let path = placement == .otherVolume ? "\(company) backup.zip" : "Users/marie/Backups/\(company) \(daysAgo).zip"
        let file = DataFile(location: Location(root: placement == .otherVolume ? 1 : 0, path: VolumePath(path)), size: 2048,
                            modified: time(daysAgo: daysAgo), kind: "Zip archive data", mime: "application/zip")
        inventory.backups.append(Backup(product: Self.product, file: file, companies: [company], readable: readable,
                                        problem: readable ? nil : "truncated archive", placement: placement,
                                        cloudProvider: placement == .cloud ? "OneDrive" : nil, evidence: Self.evidence))
    }

    /// The built-in packs' findings on this inventory.
    func findings(warnWithin: Int = 0) throws -> [Finding] {
        let evaluation = Evaluation(asOf: asOf, warnWithin: warnWithin, osReleases: PackSet.builtInOSReleases)
        return RuleEngine(packs: try PackSet.builtIn()).evaluate(inventory, evaluation).findings
    }

    /// The findings of one rule (short id).
    func findings(of rule: String, warnWithin: Int = 0) throws -> [Finding] {
        try findings(warnWithin: warnWithin).filter { $0.ruleID == "\(Self.product)/\(rule)" }
    }

    static func windows(build: Int) -> HostOS {
        HostOS(family: "windows", name: "Windows build \(build)", build: build, isRunningSystem: false)
    }
}
