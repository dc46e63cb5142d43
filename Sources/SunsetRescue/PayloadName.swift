import SunsetCore

/// How a source path becomes a path inside the bag's `data/` folder.
///
/// Valid UTF-8 names are kept as they are. What a manifest cannot carry plainly, or what the
/// Library of Congress's `bagit.py` would misread, is replaced by a visible stand-in:
/// a byte that is not UTF-8 becomes `#XX` (its hex value), another control character too,
/// `%` becomes `％` (U+FF05), and a space ending a name becomes `#20`. The original bytes of
/// every renamed file are kept in the bag's record and listed in its index.
enum PayloadName {
    /// The bag name of one path component.
    static func component<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let bytes = Array(bytes)
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes[index])
            if length > 0, index + length <= bytes.count,
               let text = String(validating: bytes[index..<index + length], as: UTF8.self),
               let scalar = text.unicodeScalars.first {
                out += replacement(scalar)
                index += length
            } else {
                out += hex(bytes[index])
                index += 1
            }
        }
        var trailing = 0
        while out.hasSuffix(" ") {
            out.removeLast()
            trailing += 1
        }
        return out + String(repeating: "#20", count: trailing)
    }

    /// The bag path (below `data/`, without it) of a volume path under a root label ("" for none).
    static func path(_ path: VolumePath, label: String) -> String {
        let joined = path.components.map { component($0) }.joined(separator: "/")
        return label.isEmpty ? joined : label + "/" + joined
    }

    /// One label per root: none when there is a single root, else the root's last folder name
    /// (letters, digits, `.`, `-`, `_`), made unique with `-2`, `-3` … ("root" for `/`).
    static func rootLabels(_ roots: [String]) -> [String] {
        guard roots.count > 1 else { return roots.map { _ in "" } }
        var labels: [String] = []
        for root in roots {
            let last = root.split(separator: "/").last.map(String.init) ?? ""
            var base = String(last.unicodeScalars.map { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar)
                    ? Character(scalar) : "-"
            })
            if base.isEmpty || base.allSatisfy({ $0 == "." }) { base = "root" }
            var label = base
            var number = 2
            while labels.contains(label) {
                label = "\(base)-\(number)"
                number += 1
            }
            labels.append(label)
        }
        return labels
    }

    /// `name` made unique among `taken` by ` (2)`, ` (3)` … before the extension.
    static func unique(_ path: String, among taken: Set<String>) -> String {
        guard taken.contains(path) else { return path }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 } ?? name.endIndex
        var number = 2
        while true {
            let candidate = String(path[..<dot]) + " (\(number))" + String(path[dot...])
            if !taken.contains(candidate) { return candidate }
            number += 1
        }
    }

    // MARK: - Parts

    private static func replacement(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x25: return "\u{FF05}"
        case 0..<0x20, 0x7F: return hex(UInt8(scalar.value))
        default: return String(scalar)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "#" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// The length a UTF-8 sequence starting with `lead` claims, 0 for a byte that cannot lead.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}
