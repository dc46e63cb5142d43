import SunsetCore
import Testing

/// The BagIt syntax shared by the scanner and the rescue stage (RFC 8493).
@Suite struct BagItTests {
    @Test func manifestPathsPercentEncodeOnlyCarriageReturnLineFeedAndPercent() {
        #expect(BagIt.encodePath("data/100% a\r\nb é.txt") == "data/100%25 a%0D%0Ab é.txt")
        #expect(BagIt.decodePath("data/100%25 a%0d%0Ab é.txt") == "data/100% a\r\nb é.txt")
        #expect(BagIt.decodePath("data/%41%2") == "data/%41%2", "other sequences are left alone")
    }

    @Test func manifestLinesRoundTripAndMalformedLinesAreNumbered() {
        let entry = BagIt.ManifestEntry(path: "data/a b/c%.txt", checksum: "ab12")
        #expect(BagIt.manifestLine(entry) == "ab12  data/a b/c%25.txt\n")
        let parsed = BagIt.parseManifest(BagIt.manifestLine(entry) + "\nCD34\t*data/x\r\nnot-hex data/y\nlonely\n")
        #expect(parsed.entries == [entry, .init(path: "data/x", checksum: "cd34")])
        #expect(parsed.badLines == [4, 5])
    }

    @Test func bagInfoReadsRepeatedAndContinuedLabelsAndOxum() {
        let info = BagInfo(parsing: "Bagging-Date: 2026-11-29\nExternal-Description: first part\n  and second\n"
                           + "Sunset-Company: A\nsunset-company: B\nPayload-Oxum: 6884.10\nno colon here\n")
        #expect(info.value("bagging-date") == "2026-11-29")
        #expect(info.value("External-Description") == "first part and second")
        #expect(info.values("Sunset-Company") == ["A", "B"])
        #expect(info.payloadOxum?.bytes == 6884 && info.payloadOxum?.files == 10)
        #expect(BagInfo(parsing: "Payload-Oxum: 12\n").payloadOxum == nil)
        let written = BagInfo(fields: [.init("Source-Organization", "Dupont\nSARL")]).text
        #expect(written == "Source-Organization: Dupont SARL\n", "a value never spans lines")
    }
}
