import Foundation
import SunsetCore

/// Opens the disk images of every Windows system-image set found on a folder root (the VHD
/// and VHDX files of `WindowsImageBackup\<PC>\Backup …\`) and searches them for every
/// product's companies (issue 22, item 3). Each company found inside gets a backup dated by
/// its data in the image (`WholeComputerBackup.companyBackups`); a company found only there is
/// a company known from a backup. An image that cannot be read is a coverage gap, and its set
/// stays "not opened".
enum SystemImageOpener {
    static let imageExtensions: Set<String> = ["vhd", "vhdx"]

    static func open(_ backups: inout [WholeComputerBackup], volumes: [Volume], signatures: [ProductSignatures],
                     inventory: inout Inventory) {
        for index in backups.indices where backups[index].kind == .systemImage && backups[index].content == .notOpened {
            let location = backups[index].location
            guard volumes.indices.contains(location.root) else { continue }
            let volume = volumes[location.root]
            guard volume.root.imageVolume == nil else {
                inventory.coverage.gaps.append(Coverage.Gap(location: location, reason:
                    "a Windows system image inside a disk image is not opened (give the image file itself as a root)"))
                continue
            }
            let images = volume.files(below: location.path.bytes).filter { entry in
                guard entry.kind == .file else { return false }
                let name = VolumePath(bytes: entry.path).lastComponent.lowercased()
                return imageExtensions.contains((name as NSString).pathExtension)
            }
            var found: [String: WholeComputerBackup.CompanyInside] = [:]
            var opened = false
            for image in images {
                let path = VolumePath(bytes: image.path)
                let file = volume.root.path == "/" ? "/" + path.description : volume.root.path + "/" + path.description
                let outcome = ImageCompanies.search(image: file, signatures: signatures)
                let place = Location(root: location.root, path: path)
                inventory.coverage.gaps += outcome.gaps.map { Coverage.Gap(location: place, reason: "inside the system image: \($0)") }
                guard outcome.opened else { continue }
                opened = true
                for company in outcome.companies {
                    let key = company.product + "\u{0}" + company.name
                    let newest = [found[key]?.dataChanged, company.lastChange].compactMap { $0 }.max()
                    found[key] = WholeComputerBackup.CompanyInside(product: company.product, name: company.name, dataChanged: newest)
                }
                let names = outcome.companies.map(\.name)
                backups[index].evidence.append(Evidence(
                    signature: "whole-computer.opened",
                    detail: "opened \(path.lastComponent) read-only: "
                        + (names.isEmpty ? "no company's data inside" : "data of \(names.joined(separator: ", ")) inside"),
                    at: place, confidence: .high))
            }
            guard opened else { continue }
            backups[index].content = .opened
            backups[index].companiesInside = found.values.sorted { ($0.product, $0.name) < ($1.product, $1.name) }
            for inside in backups[index].companiesInside where !inventory.companies.contains(where: {
                $0.product == inside.product && $0.name.lowercased() == inside.name.lowercased()
            }) {
                inventory.companies.append(Company(
                    product: inside.product, name: inside.name, folder: location, dataFiles: [],
                    evidence: [Evidence(signature: "company.backup-only",
                                        detail: "known only from inside the Windows system image at this place; "
                                            + "no folder of its data was found",
                                        at: location, confidence: .medium)],
                    backupOnly: true))
            }
        }
    }
}
