import SunsetCore

/// The Windows release a volume runs, read from the kernel's version resource.
enum WindowsHost {
    /// Where the version is read, strongest first (case-insensitive).
    static let kernelFiles = ["windows/system32/ntoskrnl.exe", "windows/system32/kernel32.dll"]

    /// The host of a Windows volume, from `ntoskrnl.exe` (or `kernel32.dll`) VERSIONINFO;
    /// `notes` receives why a present kernel file gave nothing.
    static func detect(entries: [WalkEntry], opener: any RootFiles, notes: inout [(VolumePath, String)]) -> HostOS {
        for wanted in kernelFiles {
            guard let entry = entries.first(where: {
                $0.kind == .file && $0.path.count == wanted.utf8.count && HostDetector.lower($0.path) == wanted
            }) else { continue }
            let path = VolumePath(bytes: entry.path)
            let result = opener.withFile(entry.path) { size, read in PEVersionReader.read(size: size, read) }
            switch result {
            case let .success(info)?:
                if let host = host(from: info, path: path) { return host }
                notes.append((path, "version resource has no Windows version"))
            case let .failure(failure)?:
                notes.append((path, "cannot read the version resource: \(failure)"))
            case nil:
                notes.append((path, "cannot open"))
            }
        }
        return HostOS(family: "windows", name: "Windows (version not read)", isRunningSystem: false, evidence: [
            Evidence(signature: "host.windows-volume", detail: "Windows folders at the top of the volume", confidence: .medium),
        ])
    }

    /// Turns a kernel's version into a host description. The build decides: 10.0 with build
    /// 22000 or later is Windows 11, which still calls itself 10.0.
    static func host(from info: PEVersionInfo, path: VolumePath) -> HostOS? {
        guard let version = info.fixedFileVersion ?? parse(info.fileVersion), version.count >= 3 else { return nil }
        let build = version[2]
        let name = familyName(major: version[0], minor: version[1], build: build)
        let text = version.map(String.init).joined(separator: ".")
        return HostOS(family: "windows", name: name, version: text, build: build, isRunningSystem: false, evidence: [
            Evidence(signature: "host.kernel-version", detail: "file version \(text) (build \(build))", path: path, confidence: .high),
        ])
    }

    /// The product family for a kernel version.
    static func familyName(major: Int, minor: Int, build: Int) -> String {
        switch (major, minor) {
        case (10, _): return build >= 22000 ? "Windows 11" : "Windows 10"
        case (6, 3): return "Windows 8.1"
        case (6, 2): return "Windows 8"
        case (6, 1): return "Windows 7"
        case (6, 0): return "Windows Vista"
        case (5, 1), (5, 2): return "Windows XP"
        default: return "Windows NT \(major).\(minor)"
        }
    }

    /// "10.0.22631.2861 (WinBuild…)" → [10, 0, 22631, 2861].
    static func parse(_ text: String?) -> [Int]? {
        guard let text else { return nil }
        let numbers = text.split(separator: " ").first?.split(separator: ".").compactMap { Int($0) } ?? []
        return numbers.count >= 3 ? numbers : nil
    }
}
