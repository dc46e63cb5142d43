import Foundation

/// The file a `JetWriter` fills, page by page: pages are numbered in the order they are
/// appended, and a page reserved early (a table definition) is written over later.
final class JetPageFile {
    private let handle: FileHandle
    /// The number the next appended page gets.
    private(set) var pageCount: UInt32 = 0

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw JetWriterError.io("cannot create \(url.path)")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw JetWriterError.io("\(url.path): \(error.localizedDescription)")
        }
    }

    /// Appends `page` (4096 bytes) and returns its number.
    @discardableResult
    func append(_ page: Data) throws -> UInt32 {
        precondition(page.count == jetPageSize, "a Jet page is \(jetPageSize) bytes")
        let number = pageCount
        try write(page, at: number)
        pageCount += 1
        return number
    }

    /// Appends an empty page to be written later with `write(_:at:)`.
    func reserve() throws -> UInt32 {
        try append(Data(count: jetPageSize))
    }

    /// Writes `page` over page `number`.
    func write(_ page: Data, at number: UInt32) throws {
        do {
            try handle.seek(toOffset: UInt64(number) * UInt64(jetPageSize))
            try handle.write(contentsOf: page)
        } catch {
            throw JetWriterError.io(error.localizedDescription)
        }
    }

    func close() throws {
        do { try handle.close() } catch { throw JetWriterError.io(error.localizedDescription) }
    }
}
