import Foundation

/// The operating system that a scan root's data lives on.
public struct HostOS: Hashable, Codable, Sendable {
    /// The family: `windows`, `linux`, `macos`, or `unknown`.
    public var family: String
    /// A readable name, e.g. "Windows 11 23H2" or "Debian GNU/Linux 12 (bookworm)".
    public var name: String
    /// The version string as found, e.g. "10.0.22631.2861".
    public var version: String?
    /// For Windows, the build number that decides the release (22000 and later is Windows 11).
    public var build: Int?
    /// True when this is the machine Sunset runs on (rather than a mounted old disk).
    public var isRunningSystem: Bool
    public var evidence: [Evidence]
    /// For Windows, the edition the registry names (`EditionID`, e.g. "Professional").
    public var edition: String?
    /// For Windows, the release label (`DisplayVersion` such as "23H2", or `ReleaseId` such as "1909").
    public var displayVersion: String?
    /// For Windows, the update build revision (`UBR`): the patch level within the build.
    public var ubr: Int?
    /// For Windows, when the current release was installed (`InstallDate`; a feature update resets it).
    public var installDate: Date?
    /// Sources that disagree about the OS (e.g. the registry and the kernel file), in plain
    /// words; nil when they agree.
    public var conflicts: [String]?
    /// For Windows, the registry's `ProductName` as written ("Windows Server 2012 R2 Standard").
    public var productName: String?
    /// For Windows, `InstallationType`: "Client", "Server" or "Server Core".
    public var installationType: String?
    /// For older Windows releases, `CSDVersion` ("Service Pack 1").
    public var servicePack: String?
    /// What the lifecycle packs (`windows`, `windows-server`, `macos`) say about this system's
    /// release, chosen by build and edition; nil when no pack knows it (e.g. Linux) or no
    /// version was read.
    public var lifecycle: ProgramLifecycle?

    public init(family: String, name: String, version: String? = nil, build: Int? = nil,
                isRunningSystem: Bool, evidence: [Evidence] = []) {
        self.family = family
        self.name = name
        self.version = version
        self.build = build
        self.isRunningSystem = isRunningSystem
        self.evidence = evidence
    }

    /// Nothing could be learned about the OS.
    public static let unknown = HostOS(family: "unknown", name: "unknown", isRunningSystem: false)

    /// The "host" of a plain folder: a root that is neither a Windows volume nor the running
    /// system's root or home (a copy, an external disk, a share). Its data is not on any
    /// operating system Sunset can judge, so it gets no host findings.
    public static let none = HostOS(family: "none", name: "none", isRunningSystem: false)

    /// True for `HostOS.none`: the root is a plain folder.
    public var isNone: Bool { family == "none" }

    /// True for a Windows server: its `InstallationType`, `ProductName` or `EditionID` says
    /// "Server". A server shares build numbers with a client release (9600 is both Windows 8.1
    /// and Windows Server 2012 R2) but never its name or its dates.
    public var isServer: Bool {
        guard family == "windows" else { return false }
        return [installationType, productName, edition, name].contains { text in
            text?.range(of: "server", options: .caseInsensitive) != nil
        }
    }

    /// The words an OS release table looks for to tell an edition (`Server`) from the main line.
    public var editionHints: String {
        ([name, productName, edition, installationType].compactMap { $0 } + (isServer ? ["Server"] : [])).joined(separator: " ")
    }
}
