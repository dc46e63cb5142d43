import Foundation
import SunsetCore
import SunsetFixtures
import Testing

/// Bags made by `sunset rescue` are BagIt 1.0 bags that the Library of Congress's
/// `bagit.py` accepts, with the tag files the issue asks for.
@Suite struct BagItInteropTests {
    @Test func aRescueOfTheSampleDiskPassesBagitPyAndSunsetVerify() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path

        let result = try rescue([volume.root.path], to: bag, ["--source-organization", "Boulangerie Dupont SARL"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let python = try bagitPy(bag)
        #expect(python.status == 0, "bagit.py: \(python.stderr)")
        let verify = try sunset().run(["verify", bag])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // Ten files saved, and nine readable copies: a CSV, a SQLite file and a workbook for each of the three databases.
        #expect(verify.stdout.contains("valid: \(bag): 19 file(s)"))

        let names = try FileManager.default.contentsOfDirectory(atPath: bag).sorted()
        #expect(names == ["bag-info.txt", "bagit.txt", "data", "manifest-sha256.txt", "manifest-sha512.txt",
                          "sunset-index.json", "sunset-index.md", "sunset-rescue.json", "tagmanifest-sha256.txt"])
        #expect(try String(contentsOfFile: bag + "/bagit.txt", encoding: .utf8)
                == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let info = BagInfo(parsing: try String(contentsOfFile: bag + "/bag-info.txt", encoding: .utf8))
        #expect(info.value("Bagging-Date") == fixedAsOf)
        #expect(info.value("Bag-Software-Agent") == "sunset \(SunsetVersion.current)")
        #expect(info.value("Source-Organization") == "Boulangerie Dupont SARL")
        let description = try #require(info.value("External-Description"))
        #expect(description.contains("Invoice2go Classic") && description.contains(fixedAsOf))
        #expect(info.values("Sunset-Company") == SampleVolume.companies.sorted())

        // Payload under data/ by volume-relative path; Payload-Oxum counts it.
        let mdb = "data/Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb"
        #expect(try bytes(bag + "/" + mdb) == bytes(volume.url("Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb").path))
        let oxum = try #require(info.payloadOxum)
        #expect(oxum.files == 19)
        let sha512 = try String(contentsOfFile: bag + "/manifest-sha512.txt", encoding: .utf8)
        #expect(sha512.split(separator: "\n").count == 19 && sha512.contains("  \(mdb)\n"))
        #expect(sha512.contains("  \(mdb).readable/company.sqlite\n"))
        let tags = try String(contentsOfFile: bag + "/tagmanifest-sha256.txt", encoding: .utf8)
        for name in ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt", "sunset-index.json", "sunset-index.md", "sunset-rescue.json"] {
            #expect(tags.contains("  \(name)\n"), "\(name) is not in the tag manifest")
        }

        // The index says what was saved for each company.
        let index = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        for company in SampleVolume.companies { #expect(index.contains("## \(company) (Invoice2go Classic)")) }
        #expect(index.contains("`data/Users/marie/OneDrive/Sauvegardes/Plomberie Martin sauvegarde.zip`"))
        #expect(index.contains("unreadable: truncated"))
        #expect(index.contains("client list"))
    }

    @Test func severalRootsArePrefixedByALabelThatTheIndexExplains() throws {
        let first = try sampleVolume("c")
        defer { first.remove() }
        let second = try VolumeBuilder.temporary("old-disk")
        defer { second.remove() }
        try second.file("Compta/Invoice2go - Atelier Nord/nord.mdb", Samples.accessDatabase("Nord"), modified: fixedNow)
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path

        let result = try rescue([first.root.path, second.root.path], to: bag)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try bagitPy(bag).status == 0)
        let labels = try FileManager.default.contentsOfDirectory(atPath: bag + "/data").sorted()
        #expect(labels.count == 2)
        let nord = try #require(labels.first { FileManager.default.fileExists(atPath: "\(bag)/data/\($0)/Compta/Invoice2go - Atelier Nord/nord.mdb") })
        #expect(nord == second.root.lastPathComponent)
        let index = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        #expect(index.contains("- `\(second.root.path)` is saved under `data/\(nord)/`"))
        #expect(index.contains("each one's files are under a folder of `data/` named after it"))
    }

    @Test func namesThatAreNotUTF8OrThatBagitPyWouldMisreadGetVisibleStandIns() throws {
        let volume = try VolumeBuilder.temporary(#function)
        defer { volume.remove() }
        let company = "Users/anne/Documents/Invoice2go/Cafe Anne"
        try volume.file("\(company)/company.mdb", Samples.accessDatabase("Anne"), modified: fixedNow)
        try writeRaw(root: volume.root.path, Array("\(company)/facture-".utf8) + [0xE9, 0x74, 0xE9] + Array(".pdf".utf8), Samples.pdf("ete"))
        try volume.file("\(company)/100% payé.pdf", Samples.pdf("pct"))
        try volume.file("\(company)/two\nlines.pdf", Samples.pdf("nl"))
        let out = try VolumeBuilder.temporary("usb")
        defer { out.remove() }
        let bag = out.url("copy").path

        let result = try rescue([volume.root.path], to: bag)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let python = try bagitPy(bag)
        #expect(python.status == 0, "bagit.py: \(python.stderr)")
        #expect(try sunset().run(["verify", bag]).status == 0)
        let saved = try FileManager.default.contentsOfDirectory(atPath: "\(bag)/data/\(company)").sorted()
        #expect(saved == ["100％ payé.pdf", "company.mdb", "company.mdb.readable", "facture-#E9t#E9.pdf", "two#0Alines.pdf"])

        // The original bytes are kept in the record and shown in the index.
        let record = try String(contentsOfFile: bag + "/sunset-rescue.json", encoding: .utf8)
        let original = Data(Array("\(company)/facture-".utf8) + [0xE9, 0x74, 0xE9] + Array(".pdf".utf8)).base64EncodedString()
        #expect(record.contains("\"base64\" : \"\(original)\""))
        let index = try String(contentsOfFile: bag + "/sunset-index.md", encoding: .utf8)
        #expect(index.contains("`data/\(company)/facture-#E9t#E9.pdf` was `\(company)/facture-\\xE9t\\xE9.pdf`"))
    }
}
