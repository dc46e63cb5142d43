import Foundation
import SunsetReadable

/// Lays out one row the Jet 4 way: the column count, the fixed columns, the variable
/// columns, then (read backwards from the end) the null mask, the number of variable
/// columns, their offsets in reverse order and the end-of-data offset.
struct JetRowEncoder {
    let table: String
    let layouts: [JetColumnLayout]
    let longValues: JetLongValueStore

    private var fixedLength: Int { layouts.filter(\.isFixed).reduce(0) { $0 + ($1.type.fixedSize ?? 0) } }
    private var variableCount: Int { layouts.filter { !$0.isFixed }.count }

    /// The row's bytes; long values are stored on their own pages on the way.
    func encode(_ cells: [Cell]) throws -> Data {
        guard cells.count == layouts.count else {
            throw JetWriterError.wrongCellCount(table: table, expected: layouts.count, got: cells.count)
        }
        var fixed = Data(count: fixedLength)
        var present = [UInt8](repeating: 0, count: (layouts.count + 7) / 8)
        var variable = [Data](repeating: Data(), count: variableCount)
        for (layout, cell) in zip(layouts, cells) {
            let bit = { present[layout.number / 8] |= 1 << UInt8(layout.number % 8) }
            if layout.type == .boolean {
                switch cell {
                case .boolean(true): bit()
                case .boolean(false), .null: break
                default: throw JetWriterError.valueDoesNotFit(column: layout.name, type: "boolean", value: "\(cell)")
                }
                continue
            }
            guard var bytes = try JetValueEncoder.bytes(of: cell, type: layout.type, column: layout.name) else { continue }
            bit()
            if layout.type.isLongValue {
                bytes = try longValues.store(bytes, column: layout.name)
            }
            if layout.isFixed {
                fixed.replaceSubrange(layout.fixedOffset ..< layout.fixedOffset + bytes.count, with: bytes)
            } else {
                variable[layout.variableIndex] = bytes
            }
        }
        var row = Data()
        row.appendLittleEndian(UInt16(layouts.count))
        row.append(fixed)
        if variableCount > 0 {
            var offsets: [UInt16] = []
            for value in variable {
                offsets.append(UInt16(truncatingIfNeeded: row.count))
                row.append(value)
            }
            row.appendLittleEndian(UInt16(truncatingIfNeeded: row.count))   // end of data
            for offset in offsets.reversed() { row.appendLittleEndian(offset) }
            row.appendLittleEndian(UInt16(variableCount))
        }
        row.append(contentsOf: present)
        guard row.count <= JetDataPage.maxRowLength else {
            throw JetWriterError.rowTooLong(table: table, bytes: row.count)
        }
        return row
    }
}
