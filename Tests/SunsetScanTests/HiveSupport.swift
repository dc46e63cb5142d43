import Foundation
@testable import SunsetScan
import SunsetFixtures

/// The hive fixtures in `Tests/Fixtures/hives`, built from the `.reg` files there by hivex.
enum HiveFixture: String, CaseIterable {
    case software11 = "software-win11"
    case software7 = "software-win7-32"
    case marie = "ntuser-marie"
    case paul = "ntuser-paul"
    case luc = "ntuser-luc"

    var url: URL { fixtures.appendingPathComponent("hives/\(rawValue).hive") }
    var data: Data { get throws { try Data(contentsOf: url) } }
}

/// One value as a pair of its type number and its bytes.
struct RawValue: Hashable {
    var type: UInt32
    var bytes: [UInt8]
}

/// Every key of a hive (by `\`-rooted path, as hivexregedit writes it) with its values.
typealias HiveDump = [String: [String: RawValue]]

/// Reads every key and value below the root with our reader.
func dump(_ hive: Hive) throws(HiveError) -> HiveDump {
    var result: HiveDump = [:]
    var pending = [try hive.root()]
    while let key = pending.popLast() {
        var values: [String: RawValue] = [:]
        for value in try hive.values(of: key) { values[value.name] = RawValue(type: value.type, bytes: try hive.data(of: value)) }
        result["\\" + key.path] = values
        pending += try hive.subkeys(of: key)
    }
    return result
}

/// Every key and value as `hivexregedit --export` (hivex's own reader) sees them.
func hivexDump(_ url: URL) throws -> HiveDump {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["hivexregedit", "--export", url.path, "\\"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw HivexFailure(status: process.terminationStatus) }
    var result: HiveDump = [:]
    var current: String?
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init) {
        if line.hasPrefix("["), line.hasSuffix("]") {
            current = String(line.dropFirst().dropLast())
            result[current!] = [:]
        } else if let current, let (name, value) = parseValueLine(line) {
            result[current]![name] = value
        }
    }
    return result
}

struct HivexFailure: Error { var status: Int32 }

/// `"name"=hex(1):41,00` / `"name"=dword:0000000a` / `"name"=hex:01` / `@=…`.
private func parseValueLine(_ line: String) -> (String, RawValue)? {
    var rest = Substring(line)
    var name = ""
    if rest.hasPrefix("@=") {
        rest = rest.dropFirst(2)
    } else if rest.hasPrefix("\"") {
        rest = rest.dropFirst()
        while let char = rest.first, char != "\"" {
            rest = rest.dropFirst()
            if char == "\\", let escaped = rest.first { name.append(escaped); rest = rest.dropFirst() } else { name.append(char) }
        }
        guard rest.hasPrefix("\"=") else { return nil }
        rest = rest.dropFirst(2)
    } else {
        return nil
    }
    if rest.hasPrefix("dword:"), let word = UInt32(rest.dropFirst(6), radix: 16) {
        return (name, RawValue(type: 4, bytes: withUnsafeBytes(of: word.littleEndian) { Array($0) }))
    }
    var type: UInt32 = 3
    if rest.hasPrefix("hex("), let close = rest.firstIndex(of: ")") {
        type = UInt32(rest[rest.index(rest.startIndex, offsetBy: 4)..<close], radix: 16) ?? 0
        rest = rest[rest.index(after: close)...]
    } else if rest.hasPrefix("hex") {
        rest = rest.dropFirst(3)
    } else {
        return nil
    }
    guard rest.hasPrefix(":") else { return nil }
    let bytes = rest.dropFirst().split(separator: ",").compactMap { UInt8($0, radix: 16) }
    return (name, RawValue(type: type, bytes: bytes))
}

/// A small deterministic random number generator, so that every run mutates the same bytes.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

/// A Windows volume holding the given hives as `Windows/System32/config/SOFTWARE` and
/// `Users/<name>/NTUSER.DAT`, and the kernel `Tests/Fixtures/pe/<kernel>.exe` when given.
func windowsVolume(_ name: String, software: HiveFixture? = nil, users: [String: HiveFixture] = [:],
                   kernel: String? = nil) throws -> VolumeBuilder {
    let volume = try VolumeBuilder.temporary(name)
    try volume.folder("Windows/System32/config")
    if let software { try volume.file("Windows/System32/config/SOFTWARE", software.data) }
    for (user, hive) in users { try volume.file("Users/\(user)/NTUSER.DAT", hive.data) }
    if let kernel {
        try volume.file("Windows/System32/ntoskrnl.exe", Data(contentsOf: fixtures.appendingPathComponent("pe/\(kernel).exe")))
    }
    return volume
}
