import Foundation
import SunsetCorpus
import Testing

/// The corpus's contents are what their names say, as libmagic's `file` tool sees them:
/// otherwise a case would test the wrong thing.
@Suite struct SampleKindTests {
    static let expectedMIME: [SampleKind: String] = [
        .access: "application/x-msaccess", .sqlite: "application/vnd.sqlite3", .ole: "application/x-ole-storage",
        .xml: "text/xml", .pdf: "application/pdf", .jpeg: "image/jpeg", .executable: "application/x-dosexec",
        .invoice2goProgram: "application/vnd.microsoft.portable-executable",
        .windows10Kernel: "application/vnd.microsoft.portable-executable",
        .windows11Kernel: "application/vnd.microsoft.portable-executable",
        .shortcut: "application/x-ms-shortcut", .help: "application/vnd.ms-htmlhelp",
        .clientCSV: "text/plain", .productCSV: "text/plain",  // CSV is told by name and header row
    ]

    @Test func everyKindHasAnExpectation() {
        #expect(Set(SampleKind.allCases) == Set(Self.expectedMIME.keys))
    }

    @Test(arguments: SampleKind.allCases)
    func libmagicRecognisesIt(_ kind: SampleKind) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sunset-sample-\(kind.rawValue)-\(UUID().uuidString)")
        try kind.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/file")
        process.arguments = ["--brief", "--mime-type", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == Self.expectedMIME[kind])
    }
}
