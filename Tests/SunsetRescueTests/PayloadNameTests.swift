@testable import SunsetRescue
import SunsetCore
import Testing

/// How source names become names in the bag.
@Suite struct PayloadNameTests {
    @Test func validNamesStayAndTheRestGetVisibleStandIns() {
        #expect(PayloadName.component(Array("Café Dupont.mdb".utf8)) == "Café Dupont.mdb")
        #expect(PayloadName.component([0x63, 0x61, 0x66, 0xE9]) == "caf#E9")
        #expect(PayloadName.component([0xC3]) == "#C3", "a cut-off sequence is not UTF-8")
        #expect(PayloadName.component(Array("50% off\tnow  ".utf8)) == "50％ off#09now#20#20")
    }

    @Test func collisionsGetANumberBeforeTheExtension() {
        #expect(PayloadName.unique("data/a/b.pdf", among: ["data/a/b.pdf", "data/a/b (2).pdf"]) == "data/a/b (3).pdf")
        #expect(PayloadName.unique("data/a/.hidden", among: ["data/a/.hidden"]) == "data/a/.hidden (2)")
        #expect(PayloadName.unique("data/a/new.pdf", among: ["data/a/b.pdf"]) == "data/a/new.pdf")
    }

    @Test func rootLabelsOnlyWithSeveralRootsAndAlwaysDistinct() {
        #expect(PayloadName.rootLabels(["/mnt/c"]) == [""])
        #expect(PayloadName.rootLabels(["/mnt/c", "/media/usb/c", "/", "/srv/old disk"]) == ["c", "c-2", "root", "old-disk"])
        #expect(PayloadName.path(VolumePath("Users/x.mdb"), label: "c") == "c/Users/x.mdb")
    }
}
