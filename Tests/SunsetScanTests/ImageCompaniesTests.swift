import Foundation
import SunsetCore
import SunsetFixtures
import SunsetRules
import Testing
@testable import SunsetScan

/// A disk image that is a backup is searched for companies: the sample disk's VHDX holds the
/// same three companies, with the same data dates, as the sample folder.
@Suite struct ImageCompaniesTests {
    @Test func theSampleImageHoldsTheFoldersCompaniesWithTheirDataDates() throws {
        let signatures = try PackSet.builtIn().map(\.signatures)
        let folder = try Scanner(options: ScanOptions(roots: [try ImageFixtures.url("volume").path], signatures: signatures)).scan()
        let image = try ImageFixtures.url("pc.vhdx")
        let hash = try ImageFixtures.sha256(image)
        let inside = ImageCompanies.search(image: image.path, signatures: signatures)
        #expect(inside.companies.map(\.name) == folder.companies.map(\.name).sorted())
        for company in folder.companies {
            let found = try #require(inside.companies.first { $0.name == company.name })
            // NTFS keeps times to 100 ns; the folder's are the same instants.
            #expect(abs((found.lastChange ?? .distantPast).timeIntervalSince(company.lastChange ?? .distantFuture)) < 1)
            #expect(found.fileSystem == "pc.vhdx · partition 2, NTFS 'Windows'")
        }
        #expect(try ImageFixtures.sha256(image) == hash)
    }

    @Test func aDamagedImageGivesGapsNotCompanies() throws {
        let whole = try Data(contentsOf: try ImageFixtures.url("pc.vhdx"))
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-broken-\(UUID().uuidString).vhdx")
        defer { try? FileManager.default.removeItem(at: broken) }
        try whole.prefix(4096).write(to: broken)
        let inside = ImageCompanies.search(image: broken.path, signatures: try PackSet.builtIn().map(\.signatures))
        #expect(inside.companies.isEmpty)
        #expect(!inside.gaps.isEmpty)
    }
}
