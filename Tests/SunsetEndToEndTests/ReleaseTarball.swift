import Foundation

/// Where the end-to-end tests look for the release tarball that Packaging/build-deb makes.
enum ReleaseTarball {
    /// `SUNSET_TARBALL` when set, else the newest `sunset-*-linux-*.tar.gz` in the default
    /// output folder, `.build-release/dist/`.
    static func find() -> URL? {
        if let path = ProcessInfo.processInfo.environment["SUNSET_TARBALL"], !path.isEmpty {
            return FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: defaultFolder.path)) ?? []
        let tarballs = names.filter { $0.hasPrefix("sunset-") && $0.contains("-linux-") && $0.hasSuffix(".tar.gz") }
        let newest = tarballs.max { modified($0) < modified($1) }
        return newest.map { defaultFolder.appendingPathComponent($0) }
    }

    /// True under CI, where a missing tarball is a failure and not a reason to skip.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// What `find()` looked at, for the failure message.
    static var searched: String {
        ProcessInfo.processInfo.environment["SUNSET_TARBALL"].map { "SUNSET_TARBALL=\($0)" } ?? defaultFolder.path
    }

    private static let defaultFolder = repository.appendingPathComponent(".build-release/dist")

    private static func modified(_ name: String) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: defaultFolder.appendingPathComponent(name).path)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }
}
