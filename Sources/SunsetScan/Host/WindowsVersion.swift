import Foundation
import SunsetCore

/// What the `SOFTWARE` hive's `Microsoft\Windows NT\CurrentVersion` key says about the
/// installed Windows release.
struct WindowsVersion: Equatable {
    static let key = "Microsoft\\Windows NT\\CurrentVersion"

    /// The hive it was read from.
    var hive: VolumePath
    /// `ProductName`: Windows 11 still says "Windows 10 …" here, so it never decides the release.
    var productName: String?
    /// `EditionID`, e.g. "Professional".
    var edition: String?
    /// `InstallationType`: "Client", "Server" or "Server Core" (Windows 7 / Server 2008 R2 on).
    var installationType: String?
    /// `CurrentMajorVersionNumber` and `CurrentMinorVersionNumber` (Windows 10 on), else `CurrentVersion` ("6.1").
    var major: Int?
    var minor: Int?
    /// `CurrentBuildNumber`, else `CurrentBuild`.
    var build: Int?
    /// `DisplayVersion` ("23H2"), else `ReleaseId` ("1909"), with the name of the value used.
    var release: (value: String, field: String)?
    /// `UBR`, the update revision within the build.
    var ubr: Int?
    /// `CSDVersion` on older releases, e.g. "Service Pack 1".
    var servicePack: String?
    /// `InstallDate` (seconds since 1970), else `InstallTime` (a FILETIME).
    var installDate: Date?
    /// `SystemRoot`, e.g. `C:\WINDOWS`: it gives the volume's drive letter.
    var systemRoot: String?

    static func == (lhs: WindowsVersion, rhs: WindowsVersion) -> Bool {
        lhs.hive == rhs.hive && lhs.productName == rhs.productName && lhs.build == rhs.build && lhs.ubr == rhs.ubr
            && lhs.release?.value == rhs.release?.value && lhs.edition == rhs.edition
            && lhs.installationType == rhs.installationType
    }

    /// Reads the key, or nil when the hive has none.
    static func read(_ hive: Hive, path: VolumePath) throws(HiveError) -> WindowsVersion? {
        guard let key = try hive.key(Self.key) else { return nil }
        func text(_ name: String) throws(HiveError) -> String? {
            guard let text = try hive.text(key, name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        var version = WindowsVersion(hive: path)
        version.productName = try text("ProductName")
        version.edition = try text("EditionID")
        version.installationType = try text("InstallationType")
        version.build = try hive.number(key, "CurrentBuildNumber")
        if version.build == nil { version.build = try hive.number(key, "CurrentBuild") }
        version.major = try hive.number(key, "CurrentMajorVersionNumber")
        version.minor = try hive.number(key, "CurrentMinorVersionNumber")
        if version.major == nil, let numbers = try text("CurrentVersion")?.split(separator: ".").compactMap({ Int($0) }),
           numbers.count == 2 {
            (version.major, version.minor) = (numbers[0], numbers[1])
        }
        if let display = try text("DisplayVersion") {
            version.release = (display, "DisplayVersion")
        } else if let release = try text("ReleaseId") {
            version.release = (release, "ReleaseId")
        }
        version.ubr = try hive.number(key, "UBR")
        version.servicePack = try text("CSDVersion")
        version.systemRoot = try text("SystemRoot")
        if let seconds = try hive.number(key, "InstallDate"), seconds > 0 {
            version.installDate = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else if let fileTime = try hive.number(key, "InstallTime"), fileTime > 116_444_736_000_000_000 {
            version.installDate = Date(timeIntervalSince1970: TimeInterval(fileTime / 10_000_000 - 11_644_473_600))
        }
        return version
    }

    /// Major and minor version: Windows 10 and 11 keep `CurrentVersion = 6.3` for old
    /// programs' sake, so any build from 10240 on is 10.0.
    var numbers: (major: Int, minor: Int)? {
        if let build, build >= 10240 { return (10, 0) }
        guard let major, let minor else { return nil }
        return (major, minor)
    }

    /// What was read, for the evidence.
    var detail: String {
        var parts: [String] = []
        if let productName { parts.append("ProductName '\(productName)'") }
        if let edition { parts.append("EditionID \(edition)") }
        if let installationType { parts.append("InstallationType \(installationType)") }
        if let build { parts.append("build \(build)" + (ubr.map { ".\($0)" } ?? "")) }
        if let release { parts.append("\(release.field) \(release.value)") }
        if let servicePack { parts.append("CSDVersion '\(servicePack)'") }
        return "CurrentVersion key: " + (parts.isEmpty ? "no version values" : parts.joined(separator: ", "))
    }
}
