import Foundation
import SunsetCore
import SunsetFixtures
import SunsetScan
import Testing

/// File names are data: one that looks like markup is found and kept byte for byte, so the
/// reports (which escape it) get exactly what the disk holds.
@Suite struct MarkupNameScanTests {
    @Test func aDataFileNamedLikeAScriptTagIsKeptAsWritten() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let folder = "Users/marie/Documents/Invoice2go/Boulangerie Dupont"
        try volume.file("\(folder)/company.mdb", Samples.accessDatabase("Dupont"))
        try volume.file("\(folder)/<script>alert(1)<\\script>.pdf", Samples.pdf("x"))
        let signatures = ProductSignatures(product: "invoice2go-classic", companyFolders: ["Users/*/Documents/Invoice2go/*"])
        let inventory = try Scanner(options: ScanOptions(roots: [volume.root.path], signatures: [signatures])).scan()
        let company = try #require(inventory.companies.first)
        #expect(company.dataFiles.map(\.location.path.lastComponent).contains("<script>alert(1)<\\script>.pdf"))
    }
}
