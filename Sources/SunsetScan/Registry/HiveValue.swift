/// A value of a registry key (a "vk" record): its name and type; the data is read on demand.
struct HiveValue {
    /// The registry's value types that Sunset turns into text or numbers.
    enum Kind: UInt32 {
        case string = 1, expandableString = 2, binary = 3, dword = 4, dwordBigEndian = 5
        case link = 6, multiString = 7, qword = 11
    }

    /// The value's cell offset.
    let offset: UInt32
    /// "" for a key's default value.
    let name: String
    /// The raw type number (`REG_SZ` = 1, …).
    let type: UInt32
    /// The data's length in bytes.
    let size: Int
    /// Where the data is, or the data itself when `isInline`.
    let dataOffset: UInt32
    /// Data of at most 4 bytes is kept in the record itself.
    let isInline: Bool

    var kind: Kind? { Kind(rawValue: type) }
}
