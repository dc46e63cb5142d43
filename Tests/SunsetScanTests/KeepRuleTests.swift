import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
@testable import SunsetScan
import Testing

/// The streaming walk keeps folders and the files a name test lets through, and only counts
/// the rest: memory follows folders and candidates, never the number of files.
@Suite struct KeepRuleTests {
    static func keeps(_ rule: KeepRule, _ path: String) -> Bool {
        let parts = path.split(separator: "/")
        let name = Array(parts.last!.utf8)
        return name.withUnsafeBufferPointer { rule.keeps($0, depth: parts.count - 1, compiled: rule.globs.map { Glob($0) }) { Array(path.utf8) } }
    }

    @Test func theBuiltInPacksKeepTheirCandidatesAndNothingElseDeep() throws {
        let rule = KeepRule(signatures: try PackSet.builtIn().map(\.signatures))
        let deep = "Users/marie/Documents/projects/2019/april"
        for kept in ["\(deep)/Dupont backup.ZIP", "\(deep)/clients.csv", "\(deep)/old.bak", "\(deep)/Invoice2go.lnk",
                     "\(deep)/setup.exe", "\(deep)/bagit.txt", "\(deep)/BAG-INFO.TXT", "\(deep)/manifest-sha256.txt",
                     "Users/marie/AppData/Local/Microsoft/Windows/UsrClass.dat", "Windows/System32/config/SOFTWARE",
                     "Users/marie/NTUSER.DAT", "etc/os-release"] {
            #expect(Self.keeps(rule, kept), "\(kept) must be kept")
        }
        for counted in ["\(deep)/notes.txt", "\(deep)/company.mdb", "\(deep)/photo.jpg", "\(deep)/README",
                        "\(deep)/bagit.txt.old", "\(deep)/xbagit.txt"] {
            #expect(!Self.keeps(rule, counted), "\(counted) is only counted")
        }
    }

    @Test func aGlobWithoutAnExtensionIsTriedOnTheWholePath() {
        let rule = KeepRule(extensionKeys: [], names: [], globs: ["**/Sauvegarde*"], shallowComponents: 0)
        #expect(Self.keeps(rule, "a/b/c/d/Sauvegarde 2019"))
        #expect(!Self.keeps(rule, "a/b/c/d/Copie 2019"))
    }

    /// A real walk: every file is counted, only candidates become entries, and a company's
    /// files (not kept by the walk) are still all found and opened.
    @Test func aWalkKeepsCandidatesCountsTheRestAndStillFindsEveryDataFile() throws {
        let volume = try SampleVolume.temporary(#function)
        defer { volume.remove() }
        for index in 0..<300 {
            try volume.file("Users/marie/Documents/Letters/2019/batch\(index % 3)/letter-\(index).txt", text: "x")
        }
        try volume.file("Users/marie/Documents/Invoice2go/Boulangerie Dupont/Archives/2016/archive.mdb",
                        Samples.accessDatabase("2016"))
        let signatures = try PackSet.builtIn().map(\.signatures)
        let walked = try Volume.open(path: volume.root.path, index: 0, walker: Walker(keep: KeepRule(signatures: signatures)))
        defer { walked.opener.close() }
        #expect(walked.coverage.files >= 300 + 10)
        let files = walked.entries.filter { $0.kind == .file }.map { String(decoding: $0.path, as: UTF8.self) }
        #expect(!files.contains { $0.hasPrefix("Users/marie/Documents/Letters/") }, "deep ordinary files are only counted")
        #expect(!files.contains("Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb"),
                "data files are found by listing the company folders again")
        #expect(files.contains("Users/marie/Documents/Backups/Boulangerie Dupont backup.zip"))
        let inventory = try SunsetScan.Scanner(options: ScanOptions(roots: [volume.root.path], signatures: signatures)).scan()
        let dupont = inventory.companies.first { $0.name == "Boulangerie Dupont" }
        let names = Set(dupont?.dataFiles.map(\.location.path.lastComponent) ?? [])
        #expect(names.isSuperset(of: ["archive.mdb", "company.mdb"]))
        #expect(inventory.coverage.files == walked.coverage.files)
    }
}
