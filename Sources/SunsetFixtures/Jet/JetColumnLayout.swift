import Foundation

/// Where each column of a table sits in a Jet 4 row: its number, its place in the fixed
/// part or in the table of variable columns.
struct JetColumnLayout {
    let name: String
    let type: JetType
    /// Position among all columns (the null-mask bit).
    let number: Int
    /// Offset in the fixed part of the row (fixed columns only).
    let fixedOffset: Int
    /// Index in the variable-column offset table (variable columns only).
    let variableIndex: Int

    var isFixed: Bool { type.fixedSize != nil }

    /// The layouts of `columns`, in their order.
    static func layouts(of columns: [JetColumn]) -> [JetColumnLayout] {
        var fixedOffset = 0
        var variableIndex = 0
        return columns.enumerated().map { number, column in
            let layout = JetColumnLayout(name: column.name, type: column.type, number: number,
                                         fixedOffset: column.type.fixedSize == nil ? 0 : fixedOffset,
                                         variableIndex: column.type.fixedSize == nil ? variableIndex : 0)
            if let size = column.type.fixedSize { fixedOffset += size } else { variableIndex += 1 }
            return layout
        }
    }
}
