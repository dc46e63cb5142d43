import Foundation

/// An RFC 4180 reader, fed bytes in any chunks: fields split on commas, records on CRLF (or a
/// lone LF or CR), a quoted field may hold commas, doubled quotes and line breaks. Used to
/// prove a CSV copy by reading it back without the code that wrote it.
struct CSVParser {
    /// Why a file is not valid CSV.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var record: [String] = []
    private var atStart = true
    private(set) var line = 1

    /// Reads `bytes`, calling `onRecord` with each complete record's fields.
    mutating func feed(_ bytes: some Sequence<UInt8>, onRecord: ([String]) throws -> Void) throws {
        for byte in bytes {
            if opening.count < 3 && atStart {
                // A UTF-8 byte-order mark is not part of the first field: hold the first bytes.
                opening.append(byte)
                if opening == [0xEF, 0xBB, 0xBF] { atStart = false; opening = []; continue }
                if [0xEF, 0xBB, 0xBF].starts(with: opening) { continue }
                atStart = false
                let held = opening
                opening = []
                for early in held { try consume(early, onRecord) }
                continue
            }
            try consume(byte, onRecord)
        }
    }

    private var opening: [UInt8] = []

    private mutating func consume(_ byte: UInt8, _ onRecord: ([String]) throws -> Void) throws {
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
                try onRecord(record)
                record.removeAll(keepingCapacity: true)
                line += 1
                state = byte == 0x0D ? .afterCR : .fieldStart
            default:
                field.append(byte)
                state = .unquoted
            }
        case .quoted:
            if byte == 0x22 { state = .quoteInQuoted } else {
                if byte == 0x0A { line += 1 }
                field.append(byte)
            }
        case .quoteInQuoted:
            switch byte {
            case 0x22:
                field.append(0x22)
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
        record.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    /// Ends the input: a last record without a line end is still a record; an open quote is an error.
    mutating func finish(onRecord: ([String]) throws -> Void) throws {
        let held = opening
        opening = []
        atStart = false
        for early in held { try consume(early, onRecord) }
        switch state {
        case .quoted: throw Malformed(description: "line \(line): a quoted field never closed")
        case .afterCR: return
        case .fieldStart where record.isEmpty: return
        default:
            endField()
            try onRecord(record)
            record.removeAll()
        }
    }
}
