import Foundation

/// A path relative to a scan root, kept as the raw bytes the file system gave, so that
/// names that are not valid UTF-8 (common on old FAT disks) survive every round trip.
///
/// In JSON it is a plain string when the bytes are UTF-8, otherwise `{"base64": "…"}`.
public struct VolumePath: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The path bytes, components joined by `/`, without a leading slash.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The bytes as UTF-8 when they are valid.
    public var utf8: String? { String(validating: bytes, as: UTF8.self) }

    /// A readable form: invalid bytes become U+FFFD. For display only, never for opening.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The path components, as bytes.
    public var components: [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
    }

    /// The last component's bytes (found from the end: cheap however deep the path).
    public var lastComponentBytes: ArraySlice<UInt8> {
        var end = bytes.count
        while end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > 0 && bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return bytes[start..<end]
    }

    /// The last component as a readable string.
    public var lastComponent: String { String(decoding: lastComponentBytes, as: UTF8.self) }

    /// The enclosing folder's path ("" for a top-level entry).
    public var parent: VolumePath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return VolumePath(bytes: []) }
        return VolumePath(bytes: Array(bytes[..<slash]))
    }

    /// This path with one more component.
    public func appending(_ name: [UInt8]) -> VolumePath {
        bytes.isEmpty ? VolumePath(bytes: name) : VolumePath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    /// True when `self` equals `folder` or lies below it.
    public func isInside(_ folder: VolumePath) -> Bool {
        if folder.bytes.isEmpty { return true }
        guard bytes.count >= folder.bytes.count, bytes.starts(with: folder.bytes) else { return false }
        return bytes.count == folder.bytes.count || bytes[folder.bytes.count] == UInt8(ascii: "/")
    }

    public static func < (lhs: VolumePath, rhs: VolumePath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    // MARK: - Codable

    private enum Keys: String, CodingKey { case base64 }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        let encoded = try container.decode(String.self, forKey: .base64)
        guard let data = Data(base64Encoded: encoded) else {
            throw DecodingError.dataCorruptedError(forKey: .base64, in: container, debugDescription: "invalid base64 path")
        }
        self.init(bytes: Array(data))
    }

    public func encode(to encoder: Encoder) throws {
        if let text = utf8 {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        } else {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(Data(bytes).base64EncodedString(), forKey: .base64)
        }
    }
}
