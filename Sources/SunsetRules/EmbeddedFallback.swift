#if SUNSET_NO_EMBED
import Foundation

/// Stands in for the build plugin's generated file in fuzz builds, which leave the packs
/// and templates out (see Package.swift).
enum Embedded {
    static let base64: [String: String] = [:]

    static func data(_ path: String) -> Data? { nil }
}
#endif
