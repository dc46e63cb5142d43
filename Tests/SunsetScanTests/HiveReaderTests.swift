import Foundation
@testable import SunsetScan
import Testing

/// Sunset's own regf reader, checked against hivex (the proven reader) on real hives that
/// hivex wrote, and on truncated, corrupted and looping ones.
@Suite struct HiveReaderTests {
    @Test(arguments: HiveFixture.allCases)
    func readsEveryKeyAndValueAsHivexDoes(fixture: HiveFixture) throws {
        let ours = try dump(Hive(data: fixture.data))
        let theirs = try hivexDump(fixture.url)
        #expect(ours.count > 5)
        #expect(Set(ours.keys) == Set(theirs.keys))
        for (key, values) in theirs {
            #expect(ours[key] == values, "values of \(key) differ")
        }
    }

    @Test func turnsStringsAndNumbersIntoValues() throws {
        let hive = try Hive(data: HiveFixture.software11.data)
        #expect(hive.warnings.isEmpty)
        let version = try #require(try hive.key("microsoft\\WINDOWS NT\\currentversion"))
        #expect(version.path == "Microsoft\\Windows NT\\CurrentVersion")
        #expect(try hive.text(version, "ProductName") == "Windows 10 Pro")
        #expect(try hive.number(version, "UBR") == 2861)
        #expect(try hive.number(version, "CurrentBuildNumber") == 22631)
        #expect(try hive.text(version, "CurrentMajorVersionNumber") == "10")
        #expect(try hive.text(version, "NoSuchValue") == nil)
        let carnet = try #require(try hive.key("Microsoft\\Windows\\CurrentVersion\\Uninstall\\CarnetAdresses"))
        #expect(try hive.text(carnet, "Publisher") == "Éditions Léa")
        #expect(try hive.key("Microsoft\\Nothing Here") == nil)
    }

    @Test func aTruncatedHiveGivesAnErrorOrAWarningAtEveryLength() throws {
        let whole = try HiveFixture.software11.data
        for length in stride(from: 0, to: whole.count, by: 64) {
            let cut = whole.prefix(length)
            do {
                let hive = try Hive(data: cut)
                #expect(length >= 4096 + 32)
                #expect(hive.warnings.contains { $0.contains("truncated") }, "length \(length)")
                _ = try? dump(hive)
            } catch {
                #expect(length < 4096 + 32 || "\(error)".contains("damaged") || "\(error)".contains("truncated"),
                        "length \(length): \(error)")
            }
        }
        let half = try Hive(data: whole.prefix(whole.count / 2 + 100))
        #expect(throws: HiveError.self) { try dump(half) }
    }

    @Test func randomDamageNeverCrashesOrHangs() throws {
        var random = SeededRandom(state: 0x5EED_CAFE)
        var limits = Hive.Limits()
        limits.cells = 20_000
        var failures = 0
        for fixture in HiveFixture.allCases {
            let original = Array(try fixture.data)
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...12, using: &random) {
                    bytes[Int.random(in: 4096..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                do {
                    _ = try dump(Hive(data: Data(bytes), limits: limits))
                } catch {
                    failures += 1
                }
            }
        }
        #expect(failures > 0)  // the damage was real
    }

    @Test func aSubkeyListThatLoopsBackIsStopped() throws {
        var bytes = Array(try HiveFixture.software11.data)
        let hive = try Hive(data: Data(bytes))
        let root = try hive.root()
        let microsoft = try #require(try hive.key("Microsoft"))
        // Point the first entry of Microsoft's subkey list at the root: root → Microsoft → root → …
        let entry = 4096 + Int(microsoft.subkeyList) + 8
        withUnsafeBytes(of: root.offset.littleEndian) { bytes.replaceSubrange(entry..<entry + 4, with: $0) }
        let looped = try Hive(data: Data(bytes))
        #expect(throws: HiveError.tooDeep(limit: 512)) { try dump(looped) }
    }

    @Test func theWorkOnOneHiveIsCapped() throws {
        var limits = Hive.Limits()
        limits.cells = 10
        let hive = try Hive(data: HiveFixture.software11.data, limits: limits)
        #expect(throws: HiveError.tooMuchWork(limit: 10)) { try dump(hive) }
        limits = Hive.Limits()
        limits.valueBytes = 8
        let small = try Hive(data: HiveFixture.software11.data, limits: limits)
        let version = try #require(try small.key("Microsoft\\Windows NT\\CurrentVersion"))
        #expect(throws: HiveError.valueTooLarge(size: 30, limit: 8)) { try small.text(version, "ProductName") }
    }

    @Test func aHiveNotClosedCleanlyIsReadWithAWarning() throws {
        var bytes = Array(try HiveFixture.marie.data)
        bytes[8] &+= 1  // secondary sequence number ≠ primary: the logs hold unapplied changes
        let hive = try Hive(data: Data(bytes))
        #expect(hive.warnings.contains { $0.contains("not closed cleanly") })
        #expect(hive.warnings.contains { $0.contains("checksum") })
        #expect(try hive.key("Software\\Microsoft\\OneDrive\\Accounts\\Personal") != nil)
    }

    @Test func whatIsNotAPrimaryHiveIsRefused() throws {
        #expect(throws: HiveError.notAHive("no 'regf' signature")) { try Hive(data: Data(count: 8192)) }
        var log = Array(try HiveFixture.paul.data)
        log[0x1C] = 2  // a transaction log's file type
        #expect(throws: HiveError.self) { try Hive(data: Data(log)) }
        var future = Array(try HiveFixture.paul.data)
        future[0x14] = 2
        #expect(throws: HiveError.unsupportedVersion(major: 2, minor: 3)) { try Hive(data: Data(future)) }
    }

    @Test func aBigValueIsGatheredFromItsSegments() throws {
        // hivex writes regf 1.3, where a big value is one cell; Windows (1.5) splits values over
        // 16,344 bytes into segments listed by a "db" record. Build one by hand: raise the
        // version, append a hive bin with the record, its list and two segments, and point a
        // value at it.
        var bytes = Array(try HiveFixture.paul.data)
        let original = try Hive(data: Data(bytes))
        let entry = try #require(try original.key("Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Invoice2go"))
        let value = try #require(try original.value(of: entry, named: "Publisher"))
        let payload = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        func put(_ number: UInt32, at offset: Int) {
            withUnsafeBytes(of: number.littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
        }
        func cell(_ body: [UInt8]) -> [UInt8] {
            let size = (body.count + 4 + 7) / 8 * 8
            return withUnsafeBytes(of: Int32(-size).littleEndian, Array.init) + body + [UInt8](repeating: 0, count: size - 4 - body.count)
        }
        let binOffset = bytes.count - 4096, binSize = 24_576
        let record = UInt32(binOffset + 32), list = record + 16, first = list + 16
        let second = first + UInt32(cell(Array(payload[..<16_344])).count)
        func le(_ number: UInt32) -> [UInt8] { withUnsafeBytes(of: number.littleEndian, Array.init) }
        var bin = Array("hbin".utf8) + le(UInt32(binOffset)) + le(UInt32(binSize)) + [UInt8](repeating: 0, count: 20)
        bin += cell(Array("db".utf8) + [2, 0] + le(list)) + cell(le(first) + le(second))
        bin += cell(Array(payload[..<16_344])) + cell(Array(payload[16_344...]))
        bin += le(UInt32(binSize - bin.count)) + [UInt8](repeating: 0, count: binSize - bin.count - 4)
        bytes += bin
        put(5, at: 0x18)  // minor version 5
        put(UInt32(bytes.count - 4096), at: 0x28)
        let vk = 4096 + Int(value.offset) + 4
        put(UInt32(payload.count), at: vk + 4)
        put(record, at: vk + 8)
        put(3, at: vk + 0x0C)  // REG_BINARY

        let hive = try Hive(data: Data(bytes))
        #expect(hive.minorVersion == 5)
        let big = try #require(try hive.value(of: entry, named: "Publisher"))
        #expect(big.size == 20_000)
        #expect(try hive.data(of: big) == payload)
    }
}
