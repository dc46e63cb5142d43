import CMagic
import Foundation

/// One libmagic handle. A cookie is not thread-safe: each worker thread owns its own
/// (see `Identifier`), never shares it.
final class MagicCookie {
    private let cookie: magic_t

    /// Opens a cookie with the system's compiled magic database.
    init() throws(ScanError) {
        guard let cookie = magic_open(MAGIC_NONE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR) else {
            throw ScanError.magicUnavailable("magic_open failed")
        }
        guard magic_load(cookie, nil) == 0 else {
            let reason = magic_error(cookie).map { String(cString: $0) } ?? "cannot load the magic database"
            magic_close(cookie)
            throw ScanError.magicUnavailable(reason)
        }
        self.cookie = cookie
    }

    deinit { magic_close(cookie) }

    /// libmagic's description and MIME type of a buffer (the head of a file).
    func identify(_ bytes: [UInt8]) -> (description: String, mime: String) {
        (run(bytes, flags: MAGIC_NONE), run(bytes, flags: MAGIC_MIME_TYPE))
    }

    private func run(_ bytes: [UInt8], flags: Int32) -> String {
        magic_setflags(cookie, flags | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR)
        let result = bytes.withUnsafeBytes { magic_buffer(cookie, $0.baseAddress, $0.count) }
        return result.map { String(cString: $0) } ?? "data"
    }
}
