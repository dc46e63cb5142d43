import Foundation
import SunsetScan
import Testing

/// The version resource reader on real images built by mingw-w64, and on broken ones.
@Suite struct PEVersionReaderTests {
    func image(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent("pe/\(name).exe")))
    }

    @Test func readsAPE32ProgramsFields() throws {
        let info = try PEVersionReader.read(bytes: image("invoice2go-32")).get()
        #expect(!info.is64Bit)
        #expect(info.productName == "Invoice2go")
        #expect(info.fileDescription == "Invoice2go Classic invoicing")
        #expect(info.companyName == "Invoice2go")
        #expect(info.fileVersion == "4.4.3.0")
        #expect(info.productVersion == "4.4.3.0")
        #expect(info.fixedFileVersion == [4, 4, 3, 0])
    }

    @Test func readsAPE32PlusKernelsFields() throws {
        let info = try PEVersionReader.read(bytes: image("ntoskrnl-22631")).get()
        #expect(info.is64Bit)
        #expect(info.productName == "Microsoft Windows Operating System")
        #expect(info.fileVersion == "10.0.22631.2861 (WinBuild.160101.0800)")
        #expect(info.fixedFileVersion == [10, 0, 22631, 2861])
    }

    @Test func notAnImageIsRefused() {
        #expect(throws: PEVersionReader.Failure.self) { try PEVersionReader.read(bytes: Array("hello".utf8)).get() }
        #expect(throws: PEVersionReader.Failure.self) { try PEVersionReader.read(bytes: []).get() }
    }

    @Test func everyTruncationFailsCleanly() throws {
        let whole = try image("ntoskrnl-19045")
        for length in stride(from: 0, to: whole.count, by: 7) {
            if case let .success(info) = PEVersionReader.read(bytes: Array(whole.prefix(length))) {
                // A cut after the resource may still read; it must then read right.
                #expect(info.fixedFileVersion == [10, 0, 19045, 3803])
            }
        }
    }

    @Test func corruptedBytesNeverCrash() throws {
        let whole = try image("invoice2go-32")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes = whole
            for _ in 0..<8 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = PEVersionReader.read(bytes: bytes)
        }
    }
}
