import Glibc
import SunsetCore

/// The registry's part: uninstall entries that name the product (the strongest evidence of an
/// installation), and company folders under Documents folders that the users' hives record.
extension ProductFinder {
    /// `fnmatch`'s case-folding flag (GNU and BSD agree on its value).
    private static let caseFold: Int32 = 1 << 4

    /// The first of the pack's `registry-names` globs that a DisplayName matches, in any case.
    func registryMatch(_ displayName: String) -> String? {
        signatures.registryNames.first { fnmatch($0, displayName, Self.caseFold) == 0 }
    }

    /// Strengthens or adds installations for the uninstall entries that name the product. An
    /// entry whose InstallLocation is under the root belongs to the installation there (and
    /// gives it its version); then an entry whose folder is not there belongs to the volume's
    /// only installation, when there is exactly one, or else stands alone at its hive.
    func addRegistryInstallations(_ volume: Volume, to found: inout [Installation]) {
        let matches = volume.registry.programs.compactMap { program in registryMatch(program.name).map { (program, $0) } }
        for (program, pattern) in matches {
            guard let location = program.location else { continue }
            add(registryEvidence(program, pattern), at: location, version: program.version, to: &found)
        }
        let known = found.count == 1 ? found[0].location : nil
        for (program, pattern) in matches where program.location == nil {
            var evidence = registryEvidence(program, pattern)
            evidence.detail += program.installLocation.map { "; its InstallLocation '\($0)' is not under this root" }
                ?? "; no InstallLocation recorded"
            add(evidence, at: known ?? program.hive, version: program.version, to: &found, keepsVersion: true)
        }
    }

    private func registryEvidence(_ program: InstalledProgram, _ pattern: String) -> Evidence {
        var detail = "uninstall entry '\(program.name)' matches '\(pattern)'"
        if let version = program.version { detail += ", DisplayVersion \(version)" }
        detail += ", key \(program.key)"
        if let user = program.user { detail += " (installed for \(user) alone)" }
        return Evidence(signature: "installation.registry", detail: detail, path: program.hive.path, confidence: .high)
    }

    /// Puts the evidence first on the installation at (or around) `target`, or on a new one.
    private func add(_ evidence: Evidence, at target: Location, version: String?, to found: inout [Installation],
                     keepsVersion: Bool = false) {
        guard let index = found.firstIndex(where: {
            target.path.isInside($0.location.path) || $0.location.path.isInside(target.path)
        }) else {
            found.append(Installation(product: product, location: target, version: version, evidence: [evidence]))
            return
        }
        let front = found[index].evidence.prefix { $0.signature == evidence.signature }.count
        found[index].evidence.insert(evidence, at: front)
        if let version, !(keepsVersion && found[index].version != nil) { found[index].version = version }
    }

    /// The pack's company globs that start in a user's Documents folder, with that start cut
    /// off (`Users/*/Documents/Invoice2go/*` → `Invoice2go/*`), to apply in every Documents
    /// folder the registry records.
    static func documentsRelative(_ patterns: [String]) -> [Glob] {
        let start = "users/*/documents/"
        return patterns.filter { $0.lowercased().hasPrefix(start) }.map { Glob(String($0.dropFirst(start.count))) }
    }

    /// When `path` is a company folder inside a Documents folder the registry records, the
    /// glob it matches there and that record.
    func relocatedCompany(_ path: VolumePath, volume: Volume) -> (glob: Glob, documents: UserFolder)? {
        guard !documentsGlobs.isEmpty else { return nil }
        // Any volume's hives may record a Documents folder on this one (another drive of its machine).
        for documents in recordedDocuments[volume.index] ?? [] {
            guard let folder = documents.location?.path, path != folder, path.isInside(folder) else { continue }
            let relative = Array(path.bytes[(folder.bytes.isEmpty ? 0 : folder.bytes.count + 1)...])
            if let glob = documentsGlobs.first(where: { $0.matches(relative) }) { return (glob, documents) }
        }
        return nil
    }
}
