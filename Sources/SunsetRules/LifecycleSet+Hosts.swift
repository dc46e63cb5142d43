import Foundation
import Glibc
import SunsetCore

/// The operating system is a program too: each host a scan identified (a Windows volume's
/// hives and kernel, or the running system) is matched to the lifecycle pack that describes
/// it (`windows`, `windows-server`, `macos`: the `host:` section of their match data), its
/// build and edition picking the cycle.
extension LifecycleSet {
    /// `fnmatch`'s case-folding flag (GNU and BSD agree on its value).
    private static let foldCase: Int32 = 1 << 4

    /// What the packs say about a host's system; nil when no pack describes it or its version is unknown.
    public func lifecycle(of host: HostOS) -> ProgramLifecycle? {
        guard let product = products.first(where: { $0.host?.describes(host) == true }), let match = product.host else { return nil }
        let version = Self.numbers(host)
        guard !version.isEmpty else { return nil }
        var reasons: [String] = []
        var candidates: [LifecycleCycle]
        var confidence = Confidence.high
        switch match.method {
        case .cycle:
            // The longest cycle number that starts the version (10.15 for 10.15.7, 14 for 14.5).
            let prefixes = product.cycles.filter { cycle in cycle.numbers.map { version.starts(with: $0) } ?? false }
            let longest = prefixes.map { $0.numbers?.count ?? 0 }.max()
            candidates = prefixes.filter { $0.numbers?.count == longest }
        case .latest:
            (candidates, confidence) = Self.byLatest(product.cycles, version: version, build: host.build, reasons: &reasons)
        }
        candidates = Self.editions(candidates, match: match, host: host, reasons: &reasons)
        guard !candidates.isEmpty else { return nil }
        let chosen = candidates.max { Self.endKey($0) < Self.endKey($1) }!  // tuples compare in order
        var detail = "\(host.name) (version \(host.version ?? host.build.map(String.init) ?? "?")"
        if let edition = host.edition { detail += ", EditionID \(edition)" }
        if let type = host.installationType { detail += ", InstallationType \(type)" }
        detail += ") is \(product.name) \(match.spelledOut(chosen.label) ?? chosen.cycle)"
        var undecided: String?
        if candidates.count > 1 {
            let listed = candidates.map(\.cycle).joined(separator: ", ")
            undecided = "the data has \(candidates.count) cycles for this build (\(listed)) and nothing on the disk tells them apart; "
                + "the one whose support ends last is taken, so its dates are a lower bound"
            reasons.append(undecided!)
            confidence = .medium
        }
        if !reasons.isEmpty { detail += "; " + reasons.joined(separator: "; ") }
        var lifecycle = ProgramLifecycle(
            product: product.id, productName: product.name, cycle: chosen.cycle, cycleLabel: match.spelledOut(chosen.label),
            version: host.version, releaseDate: chosen.released, activeSupportEnd: chosen.activeSupportEnd,
            securitySupportEnd: chosen.securitySupportEnd, extendedSupportEnd: chosen.extendedSupportEnd,
            latest: chosen.latest, link: chosen.link ?? product.link, source: product.source,
            evidence: [Evidence(signature: "lifecycle.host", detail: detail, path: host.evidence.compactMap(\.path).first,
                                confidence: confidence)])
        lifecycle.undecided = undecided
        lifecycle.lowerBound = undecided == nil ? nil : true
        return lifecycle
    }

    // MARK: - Choosing the cycle

    /// The host's version as numbers: the version text's parts, or just the build.
    static func numbers(_ host: HostOS) -> [Int] {
        let parts = (host.version ?? "").split(separator: " ").first?.split(separator: ".").compactMap { Int($0) } ?? []
        if !parts.isEmpty { return parts }
        return host.build.map { [$0] } ?? []
    }

    /// Cycles whose `latest` version is the host's (major, minor, build); when none is, the
    /// cycles of the same major and minor whose latest build is the nearest above the host's
    /// (a release before its last service pack belongs to the cycle that pack closed).
    static func byLatest(_ cycles: [LifecycleCycle], version: [Int], build: Int?,
                         reasons: inout [String]) -> ([LifecycleCycle], Confidence) {
        let hostBuild = build ?? (version.count >= 3 ? version[2] : nil)
        guard let hostBuild else { return ([], .low) }
        let release = version.count >= 3 ? Array(version.prefix(2)) : nil
        let parsed = cycles.compactMap { cycle -> (LifecycleCycle, [Int])? in
            guard let latest = cycle.latest?.split(separator: " ").first?.split(separator: ".").compactMap({ Int($0) }),
                  latest.count >= 3 else { return nil }
            return (cycle, latest)
        }
        let sameRelease = parsed.filter { release == nil || Array($0.1.prefix(2)) == release! }
        let exact = sameRelease.filter { $0.1[2] == hostBuild }.map(\.0)
        if !exact.isEmpty { return (exact, .high) }
        let above = sameRelease.filter { $0.1[2] > hostBuild }
        guard let nearest = above.map({ $0.1[2] }).min() else { return ([], .low) }
        let chosen = above.filter { $0.1[2] == nearest }.map(\.0)
        reasons.append("no cycle lists build \(hostBuild) itself; \(chosen.map(\.cycle).joined(separator: ", ")), whose latest build "
                       + "\(nearest) is the nearest above it, covers it (an earlier build's support cannot have outlasted it)")
        return (chosen, .medium)
    }

    /// Keeps the cycles of the host's edition. A cycle no edition names suits every host; an
    /// edition's cycles suit a host whose field matches, and also one whose field is unknown
    /// unless the edition `needs-evidence`.
    static func editions(_ cycles: [LifecycleCycle], match: HostMatch, host: HostOS, reasons: inout [String]) -> [LifecycleCycle] {
        let kept = cycles.filter { cycle in
            let editions = match.editions.filter { edition in edition.cycles.contains { fnmatch($0, cycle.cycle, foldCase) == 0 } }
            guard !editions.isEmpty else { return true }
            return editions.contains { suits($0, host) }
        }
        if kept.count < cycles.count, !kept.isEmpty {
            var what: [String] = []
            if let edition = host.edition { what.append("EditionID \(edition)") }
            if let type = host.installationType { what.append("InstallationType \(type)") }
            if let pack = host.servicePack { what.append("CSDVersion '\(pack)'") }
            let dropped = cycles.filter { cycle in !kept.contains(cycle) }.map(\.cycle)
            reasons.append((what.isEmpty ? "the edition is unknown" : what.joined(separator: ", "))
                           + " rules out \(dropped.joined(separator: ", "))")
        }
        return kept
    }

    /// True when the host can run the edition: every field the edition names matches, or is
    /// unknown on the host (and the edition does not need evidence).
    private static func suits(_ edition: HostMatch.Edition, _ host: HostOS) -> Bool {
        // A registry read leaves CSDVersion out when no service pack is installed: with the
        // registry read (ProductName known), no CSDVersion means "none", not "unknown".
        let servicePack = host.servicePack ?? (host.productName != nil ? "none" : nil)
        for (globs, value) in [(edition.editionIDs, host.edition), (edition.installationTypes, host.installationType),
                               (edition.servicePacks, servicePack)] where !globs.isEmpty {
            guard let value else {
                if edition.needsEvidence { return false }
                continue
            }
            guard globs.contains(where: { fnmatch($0, value, foldCase) == 0 }) else { return false }
        }
        return true
    }

    /// Orders cycles by when their support ends: security support, then extended support
    /// (a date beats "ended", "ongoing" beats a date).
    static func endKey(_ cycle: LifecycleCycle) -> (Int, Int) {
        func rank(_ end: SupportEnd?) -> Int {
            switch end {
            case .ongoing?: return Int.max
            case let .date(day)?: return day.ordinal
            case .ended?: return 0
            case nil: return -1
            }
        }
        return (rank(cycle.securitySupportEnd), rank(cycle.extendedSupportEnd))
    }

    // MARK: - Whole inventory

    /// Sets each host's lifecycle on every root it runs, and lists each judged host once among
    /// the installed programs (kind `operating-system`), so that the generic lifecycle rules,
    /// the Programs section, the glance and `check` treat it as the program it is.
    public func annotateHosts(_ inventory: inout Inventory) {
        var listed = Set<HostOS>()
        var programs: [InstalledProgram] = []
        for index in inventory.roots.indices {
            let host = inventory.roots[index].host
            guard !host.isNone, let lifecycle = lifecycle(of: host) else { continue }
            inventory.roots[index].host.lifecycle = lifecycle
            guard listed.insert(host).inserted else { continue }
            let hive = host.evidence.first { $0.signature == "host.registry-version" } ?? host.evidence.first { $0.path != nil }
            var program = InstalledProgram(name: host.name, version: host.version, publisher: nil,
                                           hive: Location(root: index, path: hive?.path ?? VolumePath("")),
                                           key: hive?.signature == "host.registry-version" ? "Microsoft\\Windows NT\\CurrentVersion" : "")
            program.kind = .operatingSystem
            program.lifecycle = lifecycle
            programs.append(program)
        }
        guard !programs.isEmpty else { return }
        inventory.installedPrograms = programs + (inventory.installedPrograms ?? [])
    }

    /// True when some root runs a known system (not a plain folder, not unknown): only then
    /// are the lifecycle packs worth reading for the hosts.
    public static func hasHosts(_ inventory: Inventory) -> Bool {
        inventory.roots.contains { !$0.host.isNone && $0.host.family != HostOS.unknown.family }
    }
}
