import Foundation
import SunsetFixtures
import Testing

/// Packaging/collect-licenses as the licence gate: Sunset is Apache-2.0, so a library whose
/// licence cannot be combined with it stops the package build, naming the library and its
/// licence. Each test lays out a made-up build (a linker file list, SwiftPM checkouts with
/// licence files) in a temporary folder; the last one runs on this very build.
@Suite struct LicenceCheckTests {
    static let script = repository.appendingPathComponent("Packaging/collect-licenses")
    static let mitText = """
        MIT License

        Copyright (c) 2021 Some One

        Permission is hereby granted, free of charge, to any person obtaining a copy of this software,
        to deal in the Software without restriction. THE SOFTWARE IS PROVIDED "AS IS".
        """

    /// A made-up build: one module of Sunset's own, and one linked package per licence text.
    struct FakeBuild {
        let folder: VolumeBuilder

        /// `packages`: checkout name → (licence file name, its text); each has one module.
        init(_ name: String, packages: [String: (file: String, text: String)]) throws {
            folder = try VolumeBuilder.temporary(name)
            var objects = ["/build/release/SunsetCore.build/Inventory.swift.o"]
            _ = try folder.folder("sources/SunsetCore")
            for (package, licence) in packages {
                let module = package.replacingOccurrences(of: "-", with: "") + "Module"
                _ = try folder.folder("checkouts/\(package)/Sources/\(module)")
                _ = try folder.file("checkouts/\(package)/\(licence.file)", text: licence.text)
                objects.append("/build/release/\(module).build/\(module).swift.o")
            }
            _ = try folder.file("Objects.LinkFileList", text: objects.joined(separator: "\n") + "\n")
            _ = try folder.file("bundled-code.tsv", text: "# nothing vendored\n")
        }

        /// Runs collect-licenses on it with the real copyright header; `extra` adds options.
        func collect(_ extra: [String] = []) throws -> CommandRunner.Result {
            try CommandRunner(executable: LicenceCheckTests.script).run([
                "--link-list", folder.url("Objects.LinkFileList").path, "--checkouts", folder.url("checkouts").path,
                "--sources", folder.url("sources").path, "--bundled", folder.url("bundled-code.tsv").path,
                "--header", repository.appendingPathComponent("Packaging/copyright.in").path,
                "--copyright", folder.url("out/copyright").path, "--licenses-dir", folder.url("out/licenses").path,
            ] + extra)
        }

        var copyrightWritten: Bool { FileManager.default.fileExists(atPath: folder.url("out/copyright").path) }
    }

    /// Debian's copy of a licence text (base-files ships them on every Debian system).
    static func common(_ name: String) throws -> String {
        try String(contentsOfFile: "/usr/share/common-licenses/\(name)", encoding: .utf8)
    }

    /// A GPL notice in a file of its own, an AGPL title, or Debian's copy of a licence.
    static func licenceText(_ name: String) throws -> String {
        switch name {
        case "notice":
            return """
                gnu-thing: a library of helpers.
                This program is free software; you can redistribute it and/or modify it under the terms of
                the GNU General Public License as published by the Free Software Foundation; either
                version 2 of the License, or (at your option) any later version.
                """
        case "AGPL":
            return "                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007\n"
        default:
            return try common(name)
        }
    }

    @Test(arguments: [
        ("COPYING", "GPL-2", "GPL-2.0"),
        ("LICENSE", "GPL-3", "GPL-3.0"),
        ("LICENSE", "notice", "GPL-2.0-or-later"),
        ("LICENSE.md", "AGPL", "AGPL-3.0"),
        ("COPYING", "LGPL-2.1", "LGPL-2.1"),
    ])
    func aCopyleftLibraryLinkedInStopsTheBuild(file: String, text: String, expected: String) throws {
        let licence = try Self.licenceText(text)
        let build = try FakeBuild("licence-\(text)", packages: ["gnu-thing": (file, licence), "fine-thing": ("LICENSE", Self.mitText)])
        defer { build.folder.remove() }
        let result = try build.collect()
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let named = lines.filter { $0.contains("'gnu-thing'") }
        #expect(named.count == 1, "one line names the library: \(result.stderr)")
        #expect(named.first?.hasPrefix("collect-licenses: error: the linked package 'gnu-thing' is under \(expected), which ") == true,
                "\(result.stderr)")
        #expect(named.first?.contains("checkouts/gnu-thing/\(file)") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("fine-thing"), "the MIT package is fine: \(result.stderr)")
        #expect(!build.copyrightWritten, "no copyright file for a package that cannot ship")
    }

    @Test func permissiveLibrariesAndLGPLLinkedDynamicallyPass() throws {
        let classpath = try Self.common("GPL-2") + """

            Linking this library statically or dynamically with other modules is making a combined work
            based on this library. As a special exception, the copyright holders of this library give you
            permission to link this library with independent modules to produce an executable.
            """
        let build = try FakeBuild(#function, packages: [
            "mit-thing": ("LICENSE", Self.mitText),
            "apache-thing": ("LICENSE.txt", try Self.common("Apache-2.0")),
            "classpath-thing": ("COPYING", classpath),
        ])
        defer { build.folder.remove() }
        // /bin/true loads the C library, LGPL-2.1+ in Packaging/system-libraries.tsv: fine dynamically.
        let result = try build.collect(["--binary", "/bin/true",
                                        "--system-libraries", repository.appendingPathComponent("Packaging/system-libraries.tsv").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let copyright = try String(contentsOf: build.folder.url("out/copyright"), encoding: .utf8)
        #expect(copyright.contains("Files: checkouts/mit-thing/*\nCopyright: Copyright (c) 2021 Some One\nLicense: Expat\n"))
        #expect(copyright.contains("Files: checkouts/apache-thing/*"))
        #expect(copyright.contains("License: GPL-2.0 with linking exception\n"), "\(copyright)")
    }

    @Test func sharedLibrariesAreJudgedFromTheirList() throws {
        let build = try FakeBuild(#function, packages: ["mit-thing": ("LICENSE", Self.mitText)])
        defer { build.folder.remove() }
        let gpl = try build.folder.file("gpl-libraries.tsv", text: "libc.so.6\tlibc6\tGPL-2.0-only\ta made-up licence\n").path
        let refused = try build.collect(["--binary", "/bin/true", "--system-libraries", gpl])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: the shared library 'libc.so.6' is under GPL-2.0-only, which cannot be combined"),
                "\(refused.stderr)")
        let none = try build.folder.file("no-libraries.tsv", text: "# nothing listed\n").path
        let unlisted = try build.collect(["--binary", "/bin/true", "--system-libraries", none])
        #expect(unlisted.status == 1)
        #expect(unlisted.stderr.contains("error: the shared library 'libc.so.6' that true loads is not in \(none)"), "\(unlisted.stderr)")
    }

    @Test func anUnknownLicenceNeedsARecordedDecision() throws {
        let odd = "Do what you like with this code, but be kind.\n"
        let build = try FakeBuild(#function, packages: ["odd-thing": ("LICENSE", odd)])
        defer { build.folder.remove() }
        let refused = try build.collect()
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the linked package 'odd-thing' is under other, which is not a licence this check knows"),
                "\(refused.stderr)")
        let decisions = try build.folder.file("decisions.tsv", text: "odd-thing\tother\tread it: permissive, no copyleft\n").path
        let accepted = try build.collect(["--decisions", decisions])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(build.copyrightWritten)
    }

    /// This build's own link list, checkouts and binary: what ships today passes, and the
    /// copyright file starts with Sunset's Apache-2.0 and ends with its stand-alone licence.
    @Test func thisBuildPassesWithSunsetUnderApache() throws {
        let binary = try sunset().executable
        let bin = binary.resolvingSymlinksInPath().deletingLastPathComponent()
        let linkList = bin.appendingPathComponent("sunset.product/Objects.LinkFileList")
        #expect(FileManager.default.fileExists(atPath: linkList.path), "\(linkList.path): build with `swift build` first")
        let out = try VolumeBuilder.temporary(#function)
        defer { out.remove() }
        let packaging = repository.appendingPathComponent("Packaging")
        // The toolchain's licence for the Swift runtime, as build-deb passes it for the static build.
        let swift = try installedTool("swift", install: "put the Swift toolchain's bin folder on PATH").executable.resolvingSymlinksInPath()
        let runtimeLicence = swift.deletingLastPathComponent().appendingPathComponent("../share/swift/LICENSE.txt").standardized
        let result = try CommandRunner(executable: Self.script).run([
            "--link-list", linkList.path,
            "--checkouts", bin.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts").path,
            "--sources", repository.appendingPathComponent("Sources").path,
            "--bundled", packaging.appendingPathComponent("bundled-code.tsv").path,
            "--header", packaging.appendingPathComponent("copyright.in").path,
            "--decisions", packaging.appendingPathComponent("licence-decisions.tsv").path,
            "--runtime-license", runtimeLicence.path,
            "--binary", binary.path, "--system-libraries", packaging.appendingPathComponent("system-libraries.tsv").path,
            "--copyright", out.url("copyright").path, "--licenses-dir", out.url("licenses").path,
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let copyright = try String(contentsOf: out.url("copyright"), encoding: .utf8)
        let paragraphs = copyright.components(separatedBy: "\n\n")
        #expect(paragraphs.count > 3)
        #expect(paragraphs.dropFirst().first == "Files: *\nCopyright: The Sunset authors\nLicense: Apache-2.0", "\(copyright.prefix(1500))")
        let last = paragraphs.last ?? ""
        #expect(last.hasPrefix("License: Apache-2.0\n "), "\(last)")
        #expect(last.contains("/usr/share/common-licenses/Apache-2.0"), "\(last)")
        #expect(copyright.contains("Files: checkouts/swift-crypto/*"))
        #expect(copyright.contains("Files: swift-runtime/*"))
        // The header names the shared libraries loaded at run time, among them the readers and writers
        // of the readable copies.
        let header = paragraphs.first ?? ""
        #expect(header.contains("libmdb.so.3 (libmdb3, LGPL-2.0-or-later): mdbtools' libmdb"), "\(header)")
        #expect(header.contains("libxlsxwriter.so.4 (libxlsxwriter4, BSD-2-clause)"), "\(header)")
        for line in copyright.split(separator: "\n") where line.hasPrefix("License: ") {
            let names = line.dropFirst("License: ".count).components(separatedBy: " and ")
            #expect(Set(names).count == names.count, "a licence named twice: \(line)")
        }
    }
}
