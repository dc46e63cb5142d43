/// The labelled lines of a BagIt tag file such as `bag-info.txt` or `bagit.txt`
/// (`Label: value`, a line starting with white space continuing the previous value).
public struct BagInfo: Hashable, Sendable {
    /// One `Label: value` pair; labels may repeat.
    public struct Field: Hashable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var fields: [Field]

    public init(fields: [Field] = []) {
        self.fields = fields
    }

    /// Parses a tag file's text; lines without a colon are ignored.
    public init(parsing text: String) {
        var fields: [Field] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = raw.first, first == " " || first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += " " + raw.trimmingSpaces }
                continue
            }
            guard let colon = raw.firstIndex(of: ":") else { continue }
            fields.append(Field(String(raw[..<colon]).trimmingSpaces, String(raw[raw.index(after: colon)...]).trimmingSpaces))
        }
        self.fields = fields
    }

    /// Every value of a label (labels compare without regard to case).
    public func values(_ label: String) -> [String] {
        fields.filter { $0.label.lowercased() == label.lowercased() }.map(\.value)
    }

    /// The first value of a label.
    public func value(_ label: String) -> String? { values(label).first }

    /// The file's text: one line per field; line breaks inside a value become spaces.
    public var text: String {
        fields.map { field in
            let value = field.value.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
            return "\(field.label): \(value)\n"
        }.joined()
    }

    /// `Payload-Oxum` (`octets.files`), when present and well formed.
    public var payloadOxum: (bytes: UInt64, files: Int)? {
        guard let text = value(BagIt.payloadOxumLabel) else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let bytes = UInt64(parts[0]), let files = Int(parts[1]) else { return nil }
        return (bytes, files)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
