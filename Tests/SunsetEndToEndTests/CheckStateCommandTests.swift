import Foundation
import SunsetFixtures
import Testing

/// `sunset check --state FILE` as monitoring runs it: the same verdict and exit code as a
/// cold check on every run, notes on standard error only, and no file it did not write
/// ever overwritten.
@Suite struct CheckStateCommandTests {
    @Test(arguments: [[String](), ["--nagios"], ["--github"]])
    func aCheckWithAStateFilePrintsWhatAColdCheckPrints(mode: [String]) throws {
        let volume = try sampleVolume("check-state-\(mode.first ?? "plain")")
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary("check-state-out-\(mode.first ?? "plain")")
        defer { out.remove() }
        let state = out.url("sunset.state").path
        let check = ["check", volume.root.path, "--as-of", fixedAsOf] + mode
        Thread.sleep(forTimeInterval: 2.2)  // let the sample settle, so that the later runs may replay it
        let cold = try sunset().run(check)
        #expect([0, 1, 2].contains(cold.status) && !cold.stdout.isEmpty)
        let first = try sunset().run(check + ["--state", state])
        #expect(first.stdout == cold.stdout && first.status == cold.status)
        #expect(first.stderr.contains("sunset: note: state file \(state) is new"))
        #expect(FileManager.default.fileExists(atPath: state))
        let second = try sunset().run(check + ["--state", state])
        #expect(second.stdout == cold.stdout && second.status == cold.status)
        #expect(second.stderr.isEmpty, "an unchanged tree and a good state file: nothing to say")

        // A new backup: seen at once, by the same command.
        try volume.zip("Users/marie/Documents/Backups/Plomberie Martin backup.zip",
                       entries: [("company.mdb", Samples.accessDatabase("Plomberie"))])
        let changed = try sunset().run(check)
        let third = try sunset().run(check + ["--state", state])
        #expect(third.stdout == changed.stdout && third.status == changed.status)
        #expect(changed.stdout != cold.stdout, "the new backup changes the verdict")
    }

    @Test func aFileThatIsNoStateFileIsLeftAsItIs() throws {
        let volume = try sampleVolume(#function)
        defer { volume.remove() }
        let out = try VolumeBuilder.temporary(#function + "-out")
        defer { out.remove() }
        let notes = out.url("notes.txt")
        let text = Data("shopping: bread, milk\n".utf8)
        try text.write(to: notes)
        let check = ["check", volume.root.path, "--as-of", fixedAsOf]
        let cold = try sunset().run(check)
        let result = try sunset().run(check + ["--state", notes.path])
        #expect(result.stdout == cold.stdout && result.status == cold.status)
        #expect(result.stderr.contains("is not a Sunset state file") && result.stderr.contains("ignored and left alone"))
        #expect(try Data(contentsOf: notes) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.root.path) == ["notes.txt"], "no stray file either")
    }
}
