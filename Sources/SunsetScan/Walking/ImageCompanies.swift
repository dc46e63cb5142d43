import Foundation
import SunsetCore
import SunsetImage

/// The companies whose data lies inside a disk image that is itself a backup (a Windows
/// system image's VHD or VHDX): the image is opened read-only, each of its file systems walked
/// as a scan root would be, and every product's company finder run on them. Only the
/// companies and their data dates come out; the image's own programs, backups and hives stay
/// inside (they describe the machine the image was taken of, not this one).
public enum ImageCompanies {
    /// A company found inside, with the newest modification time of its data there.
    public struct Found: Hashable, Sendable {
        public var product: String
        public var name: String
        public var lastChange: Date?
        /// The file system it was found on ("Backup.vhdx · partition 2, NTFS").
        public var fileSystem: String
    }

    /// What searching one image gave: the companies, and why parts of it could not be read.
    public struct Outcome: Sendable {
        public var companies: [Found] = []
        public var gaps: [String] = []
        /// True when at least one file system inside could be read.
        public var opened = false
    }

    /// Searches the image at `path` (a file on a folder root) for every product's companies.
    public static func search(image path: String, signatures: [ProductSignatures]) -> Outcome {
        var outcome = Outcome()
        let keep = KeepRule(signatures: signatures)
        let volumes = ImageRoots.volumes(image: path, firstIndex: 0, keep: keep, excludes: [], progress: nil, early: nil)
        defer { volumes.forEach { $0.opener.close() } }
        outcome.gaps = volumes.flatMap(\.coverage.gaps).map(\.reason)
        outcome.opened = volumes.contains { !$0.entries.isEmpty }
        for product in signatures {
            var finder = ProductFinder(signatures: product, volumes: volumes)
            do { try finder.run() } catch {
                outcome.gaps.append("\(product.product): \(error)")
                continue
            }
            for company in finder.companies where !company.isBackupOnly {
                let label = volumes.indices.contains(company.folder.root)
                    ? volumes[company.folder.root].root.imageVolume ?? "" : ""
                outcome.companies.append(Found(product: company.product, name: company.name,
                                               lastChange: company.lastChange, fileSystem: label))
            }
        }
        outcome.companies.sort { ($0.product, $0.name) < ($1.product, $1.name) }
        return outcome
    }
}
