/// The parts of the BagIt 1.0 format (RFC 8493) that two stages share: the scanner, which
/// recognises bags made by `sunset rescue` as offline copies, and the rescue stage, which
/// writes and verifies them.
public enum BagIt {
    /// The bag declaration's file name and its exact content.
    public static let declarationFile = "bagit.txt"
    public static let declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    /// The bag's metadata tag file.
    public static let infoFile = "bag-info.txt"
    /// The payload folder.
    public static let payloadFolder = "data"
    /// Payload checksum algorithms sunset writes, each with its own manifest.
    public static let algorithms = ["sha256", "sha512"]
    /// The algorithm of the tag manifest sunset writes.
    public static let tagAlgorithm = "sha256"
    /// Sunset's machine-readable record of what the bag holds (also the resume state).
    public static let recordFile = "sunset-rescue.json"
    /// Sunset's human-readable index of what was saved for each company.
    public static let indexFile = "sunset-index.md"
    /// The first word of `Bag-Software-Agent` in bags sunset makes.
    public static let agentName = "sunset"

    // MARK: - bag-info.txt labels

    public static let softwareAgentLabel = "Bag-Software-Agent"
    public static let baggingDateLabel = "Bagging-Date"
    public static let payloadOxumLabel = "Payload-Oxum"
    public static let externalDescriptionLabel = "External-Description"
    public static let sourceOrganizationLabel = "Source-Organization"
    /// Sunset's own labels: the rule pack ids and the companies whose data the bag holds in full.
    public static let productLabel = "Sunset-Product"
    public static let companyLabel = "Sunset-Company"
    public static let asOfLabel = "Sunset-As-Of"

    /// The payload manifest's file name for an algorithm, e.g. `manifest-sha256.txt`.
    public static func manifestFile(_ algorithm: String) -> String { "manifest-\(algorithm).txt" }
    /// The tag manifest's file name for an algorithm, e.g. `tagmanifest-sha256.txt`.
    public static func tagManifestFile(_ algorithm: String) -> String { "tagmanifest-\(algorithm).txt" }

    // MARK: - Manifests

    /// One line of a manifest: a file path (decoded) and its checksum (lower-case hex).
    public struct ManifestEntry: Hashable, Sendable {
        public var path: String
        public var checksum: String

        public init(path: String, checksum: String) {
            self.path = path
            self.checksum = checksum
        }
    }

    /// Percent-encodes CR, LF and `%` in a manifest path, as RFC 8493 §2.1.3 requires.
    public static func encodePath(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Undoes `encodePath` (any case of hex digits); other `%` sequences stay as they are.
    public static func decodePath(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "%", index + 2 < scalars.count {
                let code = String(String.UnicodeScalarView(scalars[index + 1...index + 2])).uppercased()
                let decoded: Unicode.Scalar? = code == "25" ? "%" : code == "0D" ? "\r" : code == "0A" ? "\n" : nil
                if let decoded {
                    out.append(decoded)
                    index += 3
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    /// The manifest line for one file.
    public static func manifestLine(_ entry: ManifestEntry) -> String {
        "\(entry.checksum)  \(encodePath(entry.path))\n"
    }

    /// Parses a manifest: `checksum WHITESPACE path` per line. Returns the entries, and the
    /// numbers of the lines that do not have that shape.
    public static func parseManifest(_ text: String) -> (entries: [ManifestEntry], badLines: [Int]) {
        var entries: [ManifestEntry] = []
        var bad: [Int] = []
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (number, raw) in lines.enumerated() {
            let line = raw.last == "\r" ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let gap = line.firstIndex(where: { $0 == " " || $0 == "\t" }),
                  let start = line[gap...].firstIndex(where: { $0 != " " && $0 != "\t" }) else {
                bad.append(number + 1)
                continue
            }
            let checksum = line[..<gap]
            guard checksum.allSatisfy(\.isHexDigit) else {
                bad.append(number + 1)
                continue
            }
            var path = line[start...]
            if path.hasPrefix("*") { path = path.dropFirst() }  // the binary-mode marker of *sum tools
            entries.append(ManifestEntry(path: decodePath(String(path)), checksum: checksum.lowercased()))
        }
        return (entries, bad)
    }
}
