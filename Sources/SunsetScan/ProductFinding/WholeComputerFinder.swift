import Foundation
import Glibc
import SunsetCore

/// Finds backups of a whole computer on one volume, by the names and places the data file
/// (`Rules/backups/whole-computer.yaml`) gives: Windows File History folders (whose copies
/// the product finders then match to companies), Windows system-image sets, and other
/// imaging tools' files and folders. Their folders are left out of the data search, so that a
/// copy is never taken for a company's live data.
enum WholeComputerFinder {
    /// What was found on one volume.
    struct Found {
        var backups: [WholeComputerBackup] = []
        var fileHistory: [FileHistoryCopy] = []
        /// The File History and system-image folders, whose contents the scanner leaves out.
        var folders: [VolumePath] = []
    }

    static func find(in volume: Volume, signatures: WholeComputerSignatures) -> Found {
        var found = Found()
        if let history = signatures.fileHistory {
            for top in named(history.folder, in: volume) {
                found.folders.append(top)
                found.fileHistory += fileHistoryCopies(below: top, signatures: history, volume: volume)
            }
        }
        if let images = signatures.systemImages {
            for top in named(images.folder, in: volume) {
                found.folders.append(top)
                found.backups += systemImageSets(below: top, signatures: images, volume: volume)
            }
        }
        found.backups += toolImages(signatures.tools, volume: volume, outside: found.folders)
        found.backups.sort { $0.location < $1.location }
        return found
    }

    // MARK: - Folders by name

    /// The folders named `name` (any case): the root itself when it is so named, else the
    /// outermost such folders below it.
    private static func named(_ name: String, in volume: Volume) -> [VolumePath] {
        if volume.rootName.lowercased() == name.lowercased() { return [VolumePath(bytes: [])] }
        // Bytes compared first (any ASCII case), so that the many other folders cost no string.
        let lower = Array(name.lowercased().utf8)
        let matches = volume.directories.filter { entry in
            guard entry.kind == .directory, entry.path.count >= lower.count else { return false }
            let start = entry.path.count - lower.count
            guard start == 0 || entry.path[start - 1] == UInt8(ascii: "/") else { return false }
            return ProductFinder.containsFolded(Array(entry.path[start...]), lower)
        }.map { VolumePath(bytes: $0.path) }.sorted()
        return matches.filter { path in !matches.contains { $0 != path && path.isInside($0) } }
    }

    /// The walked folders directly inside `folder`.
    private static func subfolders(of folder: VolumePath, in volume: Volume) -> [VolumePath] {
        volume.directories.filter { $0.kind == .directory && VolumePath(bytes: $0.path).parent == folder && !$0.path.isEmpty }
            .map { VolumePath(bytes: $0.path) }.sorted()
    }

    // MARK: - File History

    /// Every dated copy under `FileHistory\<user>\<PC>\Data\<drive>\`.
    private static func fileHistoryCopies(below top: VolumePath, signatures: WholeComputerSignatures.FileHistory,
                                          volume: Volume) -> [FileHistoryCopy] {
        var copies: [FileHistoryCopy] = []
        let dataName = signatures.dataFolder.lowercased()
        for user in subfolders(of: top, in: volume) {
            for computer in subfolders(of: user, in: volume) {
                for data in subfolders(of: computer, in: volume) where data.lastComponent.lowercased() == dataName {
                    for drive in subfolders(of: data, in: volume) {
                        let prefix = drive.bytes.count + (drive.bytes.isEmpty ? 0 : 1)
                        for entry in volume.files(below: drive.bytes) where entry.kind == .file {
                            let path = VolumePath(bytes: entry.path)
                            guard let (name, taken) = FileHistoryCopy.parse(path.lastComponent) else { continue }
                            let below = VolumePath(bytes: Array(entry.path[prefix...])).parent
                            let original = below.bytes.isEmpty ? name : below.description + "/" + name
                            copies.append(FileHistoryCopy(
                                location: Location(root: volume.index, path: path), user: user.lastComponent,
                                computer: computer.lastComponent, drive: drive.lastComponent, original: original, taken: taken))
                        }
                    }
                }
            }
        }
        return copies
    }

    // MARK: - Windows system images

    /// Every `Backup YYYY-MM-DD HHMMSS` set under `WindowsImageBackup\<PC>\` that holds a disk
    /// image or one of the set's own files.
    private static func systemImageSets(below top: VolumePath, signatures: WholeComputerSignatures.SystemImages,
                                        volume: Volume) -> [WholeComputerBackup] {
        var sets: [WholeComputerBackup] = []
        let prefix = signatures.setPrefix.lowercased()
        for computer in subfolders(of: top, in: volume) {
            for set in subfolders(of: computer, in: volume) where set.lastComponent.lowercased().hasPrefix(prefix) {
                let files = volume.files(below: set.bytes).filter { $0.kind == .file }
                let names = Set(files.map { VolumePath(bytes: $0.path).lastComponent.lowercased() }
                    + subfolders(of: set, in: volume).map { $0.lastComponent.lowercased() })
                let disks = files.filter { entry in
                    signatures.diskExtensions.contains((VolumePath(bytes: entry.path).lastComponent as NSString).pathExtension.lowercased())
                }
                guard !disks.isEmpty || signatures.setFiles.contains(where: names.contains) else { continue }
                let stats = files.compactMap { volume.opener.fileStatus($0.path) }
                let named = setDate(set.lastComponent.dropFirst(signatures.setPrefix.count))
                guard let date = named ?? stats.map(\.modified).max() else { continue }
                let location = Location(root: volume.index, path: set)
                let dated = named != nil ? "dated by its folder's name" : "dated by its newest file"
                sets.append(WholeComputerBackup(
                    kind: .systemImage, tool: signatures.id, toolName: signatures.name, location: location,
                    computer: computer.lastComponent, date: date, dateSource: named != nil ? .folderName : .newestFile,
                    files: files.count, bytes: stats.reduce(0) { $0 + $1.size }, recognition: .nameAndStructure,
                    content: .notOpened,
                    evidence: [Evidence(signature: "whole-computer.system-image",
                                        detail: "a Windows system-image set of the computer '\(computer.lastComponent)' "
                                            + "(\(disks.count) disk image(s), \(files.count) file(s)), \(dated); not opened yet",
                                        at: location, confidence: disks.isEmpty ? .medium : .high)]))
            }
        }
        return sets
    }

    /// The moment a set's folder name gives ("2026-11-28 101500"), read as UTC.
    static func setDate<S: StringProtocol>(_ text: S) -> Date? {
        let digits = text.filter(\.isNumber)
        guard text.count == 17, digits.count == 14 else { return nil }
        let characters = Array(text)
        guard characters[4] == "-", characters[7] == "-", characters[10] == " " else { return nil }
        let numbers = Array(digits).map { Int(String($0))! }
        func number(_ range: Range<Int>) -> Int { numbers[range].reduce(0) { $0 * 10 + $1 } }
        return utcDate(year: number(0..<4), month: number(4..<6), day: number(6..<8),
                       hour: number(8..<10), minute: number(10..<12), second: number(12..<14))
    }

    /// A valid UTC moment, nil for an impossible one.
    static func utcDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard CalendarDay(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.utc
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    // MARK: - Other imaging tools

    /// Files named like a tool's images (confirmed by libmagic when the tool has a signature),
    /// and folders holding a tool's marker file, outside the folders already found.
    private static func toolImages(_ tools: [WholeComputerSignatures.Tool], volume: Volume,
                                   outside: [VolumePath]) -> [WholeComputerBackup] {
        guard !tools.isEmpty else { return [] }
        var found: [WholeComputerBackup] = []
        var cookie: MagicCookie?
        let keys = Set(tools.flatMap(\.extensions).filter { !$0.isEmpty && $0.utf8.count <= 8 }.map { GlobSet.pack(Array($0.utf8)) })
        let markers = tools.compactMap(\.folderMarker).map { Array($0.utf8) }
        for entry in volume.entries where entry.kind == .file {
            // Cheap tests first: a tool's extension, or a marker file's name, in any ASCII case.
            if !(GlobSet.extensionKey(entry.path).map(keys.contains) ?? false) && !markers.contains(where: { marker in
                entry.path.count >= marker.count
                    && (entry.path.count == marker.count || entry.path[entry.path.count - marker.count - 1] == UInt8(ascii: "/"))
                    && ProductFinder.containsFolded(Array(entry.path.suffix(marker.count)), marker)
            }) { continue }
            let path = VolumePath(bytes: entry.path)
            if outside.contains(where: { path.isInside($0) }) { continue }
            let name = path.lastComponent.lowercased()
            let ext = (name as NSString).pathExtension
            if let tool = tools.first(where: { $0.extensions.contains(ext) && !ext.isEmpty }) {
                guard let stat = volume.opener.fileStatus(entry.path) else { continue }
                var detail = "named like a \(tool.name) image (.\(ext))"
                var recognition = WholeComputerBackup.Recognition.nameAndStructure
                if let mime = tool.mime {
                    if cookie == nil { cookie = try? MagicCookie() }
                    guard let cookie, let head = ArchiveCheck.read(entry.path, offset: 0, count: Int(min(stat.size, 4096)),
                                                                   opener: volume.opener) else { continue }
                    let identified = cookie.identify(head)
                    guard identified.mime == mime else { continue }  // named like one, but not one
                    detail += "; content: \(identified.description)"
                    recognition = .content
                } else {
                    detail += "; the format has no known signature, so only its name tells"
                }
                let location = Location(root: volume.index, path: path)
                found.append(WholeComputerBackup(
                    kind: .toolImage, tool: tool.id, toolName: tool.name, location: location, date: stat.modified,
                    dateSource: .fileTime, files: 1, bytes: stat.size, recognition: recognition, content: .unreadable,
                    evidence: [Evidence(signature: "whole-computer.tool", detail: detail, at: location,
                                        confidence: recognition == .content ? .high : .medium)]))
            } else if let tool = tools.first(where: { $0.folderMarker == name }) {
                let folder = path.parent
                let files = volume.files(in: folder.bytes).filter { $0.kind == .file }
                let names = Set(files.map { VolumePath(bytes: $0.path).lastComponent.lowercased() })
                guard tool.folderAnyOf.isEmpty || tool.folderAnyOf.contains(where: names.contains) else { continue }
                let all = volume.files(below: folder.bytes).filter { $0.kind == .file }
                let stats = all.compactMap { volume.opener.fileStatus($0.path) }
                guard let date = stats.map(\.modified).max() else { continue }
                let location = Location(root: volume.index, path: folder)
                let present = ([tool.folderMarker!] + tool.folderAnyOf).filter(names.contains)
                found.append(WholeComputerBackup(
                    kind: .toolImage, tool: tool.id, toolName: tool.name, location: location, date: date,
                    dateSource: .newestFile, files: all.count, bytes: stats.reduce(0) { $0 + $1.size },
                    recognition: .nameAndStructure, content: .unreadable,
                    evidence: [Evidence(signature: "whole-computer.tool",
                                        detail: "a \(tool.name) image folder: it holds \(present.joined(separator: ", ")); "
                                            + "the format has no signature, so these names tell; dated by its newest file",
                                        at: location, confidence: .medium)]))
            }
        }
        return found
    }

    // MARK: - Placement

    /// Like a product's backups: in a cloud-sync folder, on another machine's root than every
    /// company's folder (or, with no company, than every Windows volume), or local.
    static func place(_ backups: inout [WholeComputerBackup], roots: [ScanRoot], companies: [Company],
                      cloudFolders: [CloudFolder]) {
        let machine = { (root: Int) in roots.indices.contains(root) ? roots[root].machineIndex : root }
        let homes = Set(companies.filter { !$0.isBackupOnly }.map { machine($0.folder.root) })
        let systems = Set(roots.filter(\.isWindowsVolume).map(\.machineIndex))
        for index in backups.indices {
            let location = backups[index].location
            let here = machine(location.root)
            if let provider = CloudFolders.provider(of: location, among: cloudFolders) {
                backups[index].placement = .cloud
                backups[index].cloudProvider = provider
            } else if !homes.isEmpty ? !homes.contains(here) : (!systems.isEmpty && !systems.contains(here)) {
                backups[index].placement = .otherVolume
            } else {
                backups[index].placement = .local
            }
        }
    }
}

extension KeepRule {
    /// Also keeps the files named like other imaging tools' images, which the walk would
    /// otherwise only count.
    mutating func keepWholeComputerFiles(_ signatures: WholeComputerSignatures) {
        for tool in signatures.tools {
            for ext in tool.extensions where !ext.isEmpty && ext.utf8.count <= 8 {
                extensionKeys.insert(GlobSet.pack(Array(ext.utf8)))
            }
        }
    }
}
