import Glibc
import SunsetCore

/// Matching: each uninstall entry to a product and cycle, by the match data's patterns.
extension LifecycleSet {
    /// `fnmatch`'s case-folding flag (GNU and BSD agree on its value).
    private static let caseFold: Int32 = 1 << 4

    /// What the packs say about `program`, on a host of that name and edition when it is
    /// known (it picks among cycles the match data ties to hosts); nil when no pattern matches
    /// its name.
    public func lifecycle(of program: InstalledProgram, host: HostOS? = nil) -> ProgramLifecycle? {
        for product in products {
            for pattern in product.patterns {
                guard let found = pattern.match(program) else { continue }
                return Self.resolve(found.version, cycle: found.cycle, product: product, program: program, pattern: pattern,
                                    host: host.flatMap(Self.hostText))
            }
        }
        return nil
    }

    /// "<name> <edition>" of a host Sunset could read; nil for an unknown host or a plain folder.
    static func hostText(_ host: HostOS) -> String? {
        guard host.family != HostOS.unknown.family, !host.isNone else { return nil }
        return ([host.name] + (host.edition.map { [$0] } ?? [])).joined(separator: " ")
    }

    private static func resolve(_ version: String?, cycle wanted: String?, product: LifecycleProduct,
                                program: InstalledProgram, pattern: ProgramPattern, host: String?) -> ProgramLifecycle {
        var detail = "uninstall entry '\(program.name)'"
        if let version = program.version { detail += " (DisplayVersion \(version))" }
        detail += " matches the \(product.name) pattern '\(pattern.source)'"
        func result(_ cycle: LifecycleCycle?, inferred: Bool = false, label: String? = nil, _ why: String,
                    _ confidence: Confidence, lowerBound: Bool = false) -> ProgramLifecycle {
            var lifecycle = ProgramLifecycle(product: product.id, productName: product.name, cycle: cycle?.cycle, cycleLabel: label ?? cycle?.label,
                             version: version, releaseDate: cycle?.released, activeSupportEnd: cycle?.activeSupportEnd,
                             securitySupportEnd: cycle?.securitySupportEnd, extendedSupportEnd: cycle?.extendedSupportEnd,
                             latest: cycle?.latest, link: cycle?.link ?? product.link, inferred: inferred,
                             lowerBound: lowerBound ? true : nil, source: product.source,
                             evidence: [Evidence(signature: "lifecycle.match", detail: "\(detail); \(why)", path: program.hive.path,
                                                 confidence: confidence)])
            if lowerBound { lifecycle.undecided = why }
            return lifecycle
        }
        guard let wanted else { return result(nil, "no version to tell its cycle", .low) }
        if let choice = CycleChoice.choose(wanted, version: version, host: host, in: product) {
            return result(choice.cycle, choice.why, choice.confidence, lowerBound: choice.lowerBound)
        }
        let numbered = product.cycles.compactMap { cycle in cycle.numbers.map { (cycle, $0) } }
        if let numbers = LifecycleCycle.numbers(wanted), !numbered.isEmpty,
           numbered.allSatisfy({ numbers.lexicographicallyPrecedes($0.1) }),
           let oldest = numbered.min(by: { $0.1.lexicographicallyPrecedes($1.1) })?.0 {
            var why = "version \(version ?? wanted) is older than \(oldest.cycle), the oldest cycle the data lists"
            if let end = oldest.securitySupportEnd { why += " (its security support: \(end))" }
            why += "; an older cycle cannot outlive it, so this one is taken as end-of-life"
            return result(nil, inferred: true, label: oldest.cycle, why, .medium)
        }
        return result(nil, label: wanted, "cycle \(wanted) is not in the data", .low)
    }

    // MARK: - Whole inventory

    /// Sets every installed program's lifecycle and the files that depend on it.
    public func annotate(_ inventory: inout Inventory) {
        guard var programs = inventory.installedPrograms else { return }
        for index in programs.indices {
            let host = inventory.roots.first { $0.index == programs[index].hive.root }?.host
            programs[index].lifecycle = lifecycle(of: programs[index], host: host)
        }
        let links = (inventory.fileAssociations ?? []).map { association in (association, owner(of: association, among: programs)) }
        for index in programs.indices {
            let own = links.filter { $0.1 == index }.map(\.0)
            guard !own.isEmpty else { continue }
            let extensions = Array(Set(own.map(\.fileExtension))).sorted()
            programs[index].dependentFiles = extensions.map { ext in
                let counts = (inventory.fileTypes ?? []).filter { $0.fileExtension == ext }
                let folders = counts.flatMap(\.folders).sorted { ($1.files, $0.location) < ($0.files, $1.location) }
                let others = Set(links.filter { $0.0.fileExtension == ext && $0.1 != nil && $0.1 != index }
                    .compactMap { $0.1.map { programs[$0].name } })
                let evidence = own.filter { $0.fileExtension == ext }.map { association in
                    Evidence(signature: "lifecycle.association",
                             detail: "\(ext) → \(association.progID) (\(association.origin)\(association.user.map { ", \($0)" } ?? "")) opens with "
                                 + (association.executable ?? association.command ?? "?"),
                             path: association.hive.path, confidence: .high)
                }
                var dependent = DependentFiles(fileExtension: ext, files: counts.reduce(0) { $0 + $1.files },
                                               folders: Array(folders.prefix(FileTypeCount.topFolders)), otherPrograms: others.sorted(),
                                               evidence: evidence)
                let databases = counts.flatMap { $0.databases ?? [] }.sorted { $0.location < $1.location }
                dependent.databases = databases.isEmpty ? nil : databases
                return dependent
            }
        }
        inventory.installedPrograms = programs
    }

    /// The program an association's executable belongs to: the one whose install folder holds
    /// it, else the first program of a product whose executable globs match its path.
    private func owner(of association: FileAssociation, among programs: [InstalledProgram]) -> Int? {
        if let file = association.executableLocation,
           let index = programs.indices.first(where: { programs[$0].location.map { file.root == $0.root && file.path.isInside($0.path) } ?? false }) {
            return index
        }
        guard let executable = association.executable?.replacingOccurrences(of: "\\", with: "/") else { return nil }
        for product in products where product.executables.contains(where: { fnmatch($0, executable, Self.caseFold) == 0 }) {
            if let index = programs.indices.first(where: { programs[$0].lifecycle?.product == product.id }) { return index }
        }
        return nil
    }
}
