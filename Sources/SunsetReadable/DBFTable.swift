/// One dBase or FoxPro table (one `.dbf` file), read record by record.
///
/// Rows are the records not marked deleted (first byte `*`). `declaredRowCount` is the header's
/// record count minus the deleted records the file holds, so a copy proves itself complete when
/// it holds that many rows; a file cut short before the header's count throws `damaged` after
/// the rows it does hold.
///
/// Visual FoxPro's `_NullFlags` holds one bit per varchar/varbinary field (set: the field's
/// last byte is the length used) and one per nullable field (set: null), numbered in field
/// order, lowest bit first; a field that is both takes its length bit first. That order is
/// how Sunset reads the format's description; no VFP-written varchar table has checked it yet.
public final class DBFTable: TableSource {
    public let name: String
    public let header: DBFHeader
    public let columns: [ColumnInfo]
    /// The code page text is decoded with (its `note` says when it is a guess).
    public let codePage: DBFCodePage
    /// Records marked deleted: skipped, never given as rows.
    public let deletedRowCount: Int
    /// Records the file holds, deleted ones included (fewer than the header's count when cut short).
    public let recordsPresent: Int
    /// What a reader of the copies should know: a guessed code page, memo columns left unread.
    public let notes: [String]
    /// Values the last `forEachRow` could not read (a month 13, a number of stars), given as null.
    public private(set) var unreadableValueCount = 0

    public var declaredRowCount: Int? { header.recordCount - deletedRowCount }

    private let bytes: DBFBytes
    private let memo: DBFMemoFile?
    private let visible: [DBFField]
    /// For each visible field: its null bit and its variable-length bit in `_NullFlags`.
    private let nullBits: [(null: Int?, length: Int?)]
    private let nullFlags: DBFField?

    init(name: String, header: DBFHeader, bytes: DBFBytes, memo: DBFMemoFile?, memoProblem: String?) {
        let vfp = header.isVisualFoxPro
        let page = DBFCodePage(languageDriver: header.languageDriver)
        let shown = header.fields.filter { !$0.isSystem }
        var bit = 0
        var bits: [(null: Int?, length: Int?)] = []
        for field in shown {
            var entry: (null: Int?, length: Int?) = (nil, nil)
            if vfp && field.isVariableLength { entry.length = bit; bit += 1 }
            if vfp && field.isNullable { entry.null = bit; bit += 1 }
            bits.append(entry)
        }
        var notes: [String] = page.note.map { [$0] } ?? []
        let columns = shown.map { field in
            let memoMissing = field.isMemo(visualFoxPro: vfp) && memo == nil
            if memoMissing {
                notes.append("column \(field.name) (\(field.sourceType)) is not read: \(memoProblem ?? "no memo file")")
            }
            return ColumnInfo(name: field.name, kind: memoMissing ? .unsupported : field.kind(visualFoxPro: vfp),
                              sourceType: field.sourceType)
        }
        let available = max(0, bytes.size - header.headerLength) / header.recordLength
        let present = min(header.recordCount, available)
        var deleted = 0
        Self.forEachChunk(bytes: bytes, header: header, records: present) { chunk, count in
            for index in 0..<count where chunk[index * header.recordLength] == UInt8(ascii: "*") { deleted += 1 }
        }
        self.name = name
        self.header = header
        self.bytes = bytes
        self.memo = memo
        self.codePage = page
        self.visible = shown
        self.nullBits = bits
        self.nullFlags = vfp ? header.fields.first { $0.isSystem && $0.type == UInt8(ascii: "0") } : nil
        self.columns = columns
        self.notes = notes
        self.recordsPresent = present
        self.deletedRowCount = deleted
    }

    public func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        var decoder = DBFCellDecoder(codePage: codePage, visualFoxPro: header.isVisualFoxPro)
        defer { unreadableValueCount = decoder.unreadable }
        let length = header.recordLength
        let readMemo: (Int) throws -> [UInt8]? = { [memo, name] block in try memo?.memo(at: block, table: name) }
        var given = 0
        try Self.forEachChunk(bytes: bytes, header: header, records: recordsPresent) { chunk, count in
            for index in 0..<count {
                let start = index * length
                guard chunk[start] != UInt8(ascii: "*") else { continue }
                let record = chunk[start..<(start + length)]
                let flags = nullFlags.map { record[(start + $0.offset)..<(start + $0.offset + $0.length)] }
                var row: [Cell] = []
                row.reserveCapacity(visible.count)
                for (position, field) in visible.enumerated() {
                    if columns[position].kind == .unsupported { row.append(.null); continue }
                    var raw = record[(start + field.offset)..<(start + field.offset + field.length)]
                    let bits = nullBits[position]
                    if let bit = bits.null, let flags, Self.isSet(bit, in: flags) { row.append(.null); continue }
                    if let bit = bits.length, let flags, Self.isSet(bit, in: flags), let used = raw.last {
                        raw = raw.prefix(min(Int(used), raw.count - 1))
                    }
                    row.append(try decoder.decode(field, raw, memo: readMemo))
                }
                given += 1
                try body(row)
            }
        }
        if recordsPresent < header.recordCount {
            throw ReadableError.damaged(table: name, reason: "the header counts \(header.recordCount) records but the file "
                                        + "ends after \(recordsPresent) (\(given) rows read)")
        }
    }

    // MARK: - Reading records

    /// Calls `body` with runs of whole records (about 64 KB at a time) and how many each holds.
    private static func forEachChunk(bytes: DBFBytes, header: DBFHeader, records: Int,
                                     _ body: (ArraySlice<UInt8>, Int) throws -> Void) rethrows {
        let perChunk = max(1, 65_536 / header.recordLength)
        var done = 0
        while done < records {
            let count = min(perChunk, records - done)
            let chunk = bytes.read(at: header.headerLength + done * header.recordLength, count: count * header.recordLength)
            guard chunk.count == count * header.recordLength else { return }
            try body(chunk[...], count)
            done += count
        }
    }

    private static func isSet(_ bit: Int, in flags: ArraySlice<UInt8>) -> Bool {
        let index = flags.startIndex + bit / 8
        return index < flags.endIndex && flags[index] & (1 << UInt8(bit % 8)) != 0
    }
}
