import Foundation
import SunsetCore

/// Writes a bag's closing tag files once every payload file is verified: the index, the
/// record, `bag-info.txt`, then `tagmanifest-sha256.txt`, `manifest-sha512.txt` and last
/// `manifest-sha256.txt`, each atomically. The tag manifest names both payload manifests,
/// so until the last rename the bag fails validation: killed at any moment, it never looks
/// complete.
struct BagFinisher {
    let bag: String
    let plan: RescuePlan
    let settings: BagSettings
    /// Verified entries only.
    let record: BagRecord
    let notSaved: [RescueReport.NotSaved]
    let skipped: [BagContents.Skipped]

    /// Companies whose data folder was saved whole, and the others.
    var completeCompanies: [String] { plan.companies.map(\.name).filter { !incomplete($0) }.sorted() }
    var incompleteCompanies: [String] { plan.companies.map(\.name).filter(incomplete).sorted() }

    private func incomplete(_ company: String) -> Bool {
        notSaved.contains { $0.isCompanyData && $0.companies.contains(company) }
            || skipped.contains { $0.companies.contains(company) && $0.reason.hasPrefix("folder cannot be read") }
    }

    func finish(work: WorkFolder) throws(RescueError) {
        let onDisk = Set(try Self.payloadFiles(bag: bag))
        let recorded = Set(record.files.map(\.payload))
        if let odd = onDisk.symmetricDifference(recorded).sorted().first {
            throw .cannotWrite(bag, reason: "data/ changed during the rescue ('\(odd)'); run the rescue again")
        }
        let files = record.files.sorted { $0.payload.utf8.lexicographicallyPrecedes($1.payload.utf8) }
        var manifests: [String: [UInt8]] = [:]
        for algorithm in BagIt.algorithms {
            let lines = files.map { entry in
                BagIt.manifestLine(.init(path: entry.payload, checksum: (algorithm == "sha256" ? entry.sha256 : entry.sha512) ?? ""))
            }
            manifests[BagIt.manifestFile(algorithm)] = Array(lines.joined().utf8)
        }
        let tags: [(String, [UInt8])] = [
            (BagIt.indexFile, Array(BagIndex(plan: plan, settings: settings, record: record, notSaved: notSaved,
                                             skipped: skipped, incomplete: incompleteCompanies).markdown.utf8)),
            (BagIt.recordFile, record.encoded()),
            (ReadableIndex.fileName, ReadableIndex(asOf: settings.asOf, databases: record.databases ?? []).encoded()),
            (BagIt.infoFile, Array(bagInfo(files).text.utf8)),
        ]
        let listed = tags + [(BagIt.declarationFile, Array(BagIt.declaration.utf8))] + manifests.map { ($0.key, $0.value) }
        let tagManifest = listed.sorted { $0.0 < $1.0 }.map { name, bytes in
            BagIt.manifestLine(.init(path: name, checksum: MultiHasher.digests(of: bytes, [.sha256])[.sha256]!))
        }.joined()

        for (name, bytes) in tags { try work.writeTagFile(name, bytes) }
        try work.writeTagFile(BagIt.tagManifestFile(BagIt.tagAlgorithm), Array(tagManifest.utf8))
        for algorithm in BagIt.algorithms.reversed() {
            try work.writeTagFile(BagIt.manifestFile(algorithm), manifests[BagIt.manifestFile(algorithm)]!)
        }
        work.remove()
    }

    // MARK: - bag-info.txt

    func bagInfo(_ files: [BagRecord.Entry]) -> BagInfo {
        let bytes = files.reduce(UInt64(0)) { $0 + ($1.size ?? 0) }
        let count = { (role: RescuePlan.Role) in files.filter { $0.roles.contains(role) }.count }
        let products = plan.products.values.sorted().joined(separator: " and ")
        var description = "Offline copy, made by Sunset, of the \(products) data found as of \(settings.asOf): "
        description += "\(plan.companies.count) company data folder(s) (\(count(.companyData)) files), "
        description += "\(count(.backup)) backup(s), \(count(.export)) export(s)"
        if count(.dependent) > 0 { description += ", \(count(.dependent)) database(s) of programs past their end of support" }
        if count(.program) > 0 { description += ", \(count(.program)) program file(s)" }
        let converted = (record.databases ?? []).filter { $0.status == .converted }.count
        if converted > 0 { description += ", and readable copies (CSV, SQLite, workbook) of \(converted) database(s)" }
        description += ". What was saved for each company is listed in \(BagIt.indexFile) (and \(ReadableIndex.fileName))."
        var fields: [BagInfo.Field] = [
            .init(BagIt.softwareAgentLabel, settings.agent),
            .init(BagIt.baggingDateLabel, settings.asOf.description),
            .init(BagIt.externalDescriptionLabel, description),
            .init(BagIt.payloadOxumLabel, "\(bytes).\(files.count)"),
        ]
        if let organization = settings.sourceOrganization, !organization.isEmpty {
            fields.append(.init(BagIt.sourceOrganizationLabel, organization))
        }
        fields.append(.init(BagIt.asOfLabel, settings.asOf.description))
        for product in plan.products.keys.sorted() { fields.append(.init(BagIt.productLabel, product)) }
        for company in completeCompanies { fields.append(.init(BagIt.companyLabel, company)) }
        return BagInfo(fields: fields)
    }

    // MARK: - The payload on disk

    /// Every entry below the bag's `data/` that is not a folder, as `data/…` paths; empty when
    /// there is no `data/` yet.
    static func payloadFiles(bag: String) throws(RescueError) -> [String] {
        guard FileManager.default.fileExists(atPath: bag + "/" + BagIt.payloadFolder) else { return [] }
        let tree = try SourceTree(path: bag + "/" + BagIt.payloadFolder)
        defer { tree.close() }
        var found: [String] = []
        var pending = [VolumePath("")]
        while let folder = pending.popLast() {
            guard case let .success(entries) = tree.list(folder) else {
                throw .unreadable(bag + "/data/" + folder.description, reason: "cannot list the folder")
            }
            for entry in entries {
                let path = folder.appending(entry.name)
                if entry.kind == .folder { pending.append(path) } else { found.append(BagIt.payloadFolder + "/" + path.description) }
            }
        }
        return found.sorted()
    }
}
