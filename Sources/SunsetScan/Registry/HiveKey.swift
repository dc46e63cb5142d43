/// A key of a registry hive (an "nk" record): its name and where its subkeys and values are.
struct HiveKey {
    /// The key's cell offset.
    let offset: UInt32
    let name: String
    /// Its path below the hive's root, names joined by `\` ("" for the root).
    let path: String
    /// Levels below the root.
    let depth: Int
    let subkeyCount: Int
    let subkeyList: UInt32
    let valueCount: Int
    let valueList: UInt32
}
