import Foundation

/// An RFC 4180 reader, fed bytes in any chunks: fields split on commas, records on CRLF (or a
/// lone LF or CR), a quoted field may hold commas, doubled quotes and line breaks. Used to
/// prove a CSV copy by reading it back without the code that wrote it: `count` checks every
/// byte as `feed` does but keeps no text, only each record's number of fields.
struct CSVParser {
    /// Why a file is not valid CSV.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var record: [String] = []
    /// Fields of the record so far (kept or not).
    private var fields = 0
    /// False while counting: fields are checked, not kept.
    private var keepsText = true
    private var atStart = true
    private var opening: [UInt8] = []
    private(set) var line = 1

    /// Reads `bytes`, calling `onRecord` with each complete record's fields.
    mutating func feed(_ bytes: some Sequence<UInt8>, onRecord: ([String]) throws -> Void) throws {
        keepsText = true
        for byte in bytes { try take(byte) { record, _ in try onRecord(record) } }
    }

    /// Reads `bytes` as `feed` does, calling `onRecord` with each complete record's number
    /// of fields; no text is kept. Use one way of reading for a whole input.
    mutating func count(_ bytes: UnsafeRawBufferPointer, onRecord: (Int) throws -> Void) throws {
        keepsText = false
        for byte in bytes { try take(byte) { _, fields in try onRecord(fields) } }
    }

    /// One byte, a UTF-8 byte-order mark at the very start left out.
    @inline(__always)
    private mutating func take(_ byte: UInt8, _ onRecord: ([String], Int) throws -> Void) throws {
        if atStart && opening.count < 3 {
            // A UTF-8 byte-order mark is not part of the first field: hold the first bytes.
            opening.append(byte)
            if opening == [0xEF, 0xBB, 0xBF] { atStart = false; opening = []; return }
            if [0xEF, 0xBB, 0xBF].starts(with: opening) { return }
            atStart = false
            let held = opening
            opening = []
            for early in held { try consume(early, onRecord) }
            return
        }
        try consume(byte, onRecord)
    }

    @inline(__always)
    private mutating func consume(_ byte: UInt8, _ onRecord: ([String], Int) throws -> Void) throws {
        switch state {
        case .afterCR:
            state = .fieldStart
            if byte == 0x0A { return }   // CRLF is one line end
            try consume(byte, onRecord)
        case .fieldStart, .unquoted:
            switch byte {
            case 0x22 where state == .fieldStart: state = .quoted
            case 0x22: throw Malformed(description: "line \(line): a quote inside an unquoted field")
            case 0x2C: endField()
            case 0x0D, 0x0A:
                endField()
                try onRecord(record, fields)
                record.removeAll(keepingCapacity: true)
                fields = 0
                line += 1
                state = byte == 0x0D ? .afterCR : .fieldStart
            default:
                if keepsText { field.append(byte) }
                state = .unquoted
            }
        case .quoted:
            if byte == 0x22 { state = .quoteInQuoted } else {
                if byte == 0x0A { line += 1 }
                if keepsText { field.append(byte) }
            }
        case .quoteInQuoted:
            switch byte {
            case 0x22:
                if keepsText { field.append(0x22) }
                state = .quoted
            case 0x2C, 0x0D, 0x0A:
                state = .unquoted
                try consume(byte, onRecord)
            default:
                throw Malformed(description: "line \(line): text after a closing quote")
            }
        }
    }

    private mutating func endField() {
        if keepsText {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        fields += 1
        state = .fieldStart
    }

    /// Ends the input: a last record without a line end is still a record; an open quote is an error.
    mutating func finish(onRecord: ([String]) throws -> Void) throws {
        try finishing { record, _ in try onRecord(record) }
    }

    /// Ends an input read by `count`.
    mutating func finishCount(onRecord: (Int) throws -> Void) throws {
        try finishing { _, fields in try onRecord(fields) }
    }

    private mutating func finishing(_ onRecord: ([String], Int) throws -> Void) throws {
        let held = opening
        opening = []
        atStart = false
        for early in held { try consume(early, onRecord) }
        switch state {
        case .quoted: throw Malformed(description: "line \(line): a quoted field never closed")
        case .afterCR: return
        case .fieldStart where fields == 0: return
        default:
            endField()
            try onRecord(record, fields)
            record.removeAll()
            fields = 0
        }
    }
}
