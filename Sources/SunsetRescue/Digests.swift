import Crypto

/// Checksum algorithms a manifest may use. Sunset writes SHA-256 and SHA-512; it also
/// checks MD5, SHA-1 and SHA-384 manifests of bags made by other tools.
enum DigestAlgorithm: String, CaseIterable, Sendable {
    case md5, sha1, sha256, sha384, sha512
}

/// Several running hashes over the same bytes, fed once.
struct MultiHasher {
    private var hashers: [(DigestAlgorithm, any HashFunction)]

    init(_ algorithms: [DigestAlgorithm]) {
        hashers = algorithms.map { algorithm in
            switch algorithm {
            case .md5: return (algorithm, Insecure.MD5())
            case .sha1: return (algorithm, Insecure.SHA1())
            case .sha256: return (algorithm, SHA256())
            case .sha384: return (algorithm, SHA384())
            case .sha512: return (algorithm, SHA512())
            }
        }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        for index in hashers.indices {
            Self.feed(&hashers[index].1, bytes)
        }
    }

    private static func feed<H: HashFunction>(_ hasher: inout H, _ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// Lower-case hex digests by algorithm.
    func finalize() -> [DigestAlgorithm: String] {
        var out: [DigestAlgorithm: String] = [:]
        for (algorithm, hasher) in hashers {
            out[algorithm] = Self.hex(hasher)
        }
        return out
    }

    private static func hex<H: HashFunction>(_ hasher: H) -> String {
        hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// The digests of a whole byte string.
    static func digests(of bytes: [UInt8], _ algorithms: [DigestAlgorithm]) -> [DigestAlgorithm: String] {
        var hasher = MultiHasher(algorithms)
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }
}
