import Foundation
import SunsetCore
import Testing

/// Byte-exact paths: any bytes survive JSON, and folder tests respect component boundaries.
@Suite struct VolumePathTests {
    @Test func utf8PathsAreStringsAndOthersAreBase64() throws {
        let plain = VolumePath("Users/marie/Café")
        let latin1 = VolumePath(bytes: Array("Users/caf".utf8) + [0xE9])
        let json = try JSONEncoder().encode([plain, latin1])
        #expect(String(decoding: json, as: UTF8.self) == #"["Users\/marie\/Café",{"base64":"VXNlcnMvY2Fm6Q=="}]"#)
        #expect(try JSONDecoder().decode([VolumePath].self, from: json) == [plain, latin1])
    }

    @Test func insideMeansBelowAComponentBoundary() {
        let folder = VolumePath("Users/marie")
        #expect(VolumePath("Users/marie/Documents").isInside(folder))
        #expect(VolumePath("Users/marie").isInside(folder))
        #expect(!VolumePath("Users/marie2/Documents").isInside(folder))
        #expect(VolumePath("anything").isInside(VolumePath("")))
    }

    @Test func lastComponentAndParent() {
        let path = VolumePath("Compta/Invoice2go - Atelier Martin/atelier.mdb")
        #expect(path.lastComponent == "atelier.mdb")
        #expect(path.parent.lastComponent == "Invoice2go - Atelier Martin")
        #expect(VolumePath("top").parent == VolumePath(""))
    }
}
