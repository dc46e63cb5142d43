import Foundation
import SunsetCore
import SunsetRules
import Testing

/// The whole-computer backup data file (`Rules/backups/whole-computer.yaml`) is read strictly,
/// like the packs: the built-in file loads, and a mistake says where it is.
@Suite struct WholeComputerFileTests {
    @Test func theBuiltInFileNamesWindowsBackupsAndTheOtherTools() throws {
        let signatures = try WholeComputerFile.builtIn()
        #expect(signatures.fileHistory?.folder == "FileHistory")
        #expect(signatures.systemImages?.folder == "WindowsImageBackup")
        #expect(signatures.systemImages?.diskExtensions == ["vhd", "vhdx"])
        let tools = Dictionary(uniqueKeysWithValues: signatures.tools.map { ($0.id, $0) })
        #expect(tools["acronis-tib"]?.mime == "application/x-acronis-tib")
        #expect(tools["macrium-reflect"]?.extensions.contains("mrimg") == true)
        #expect(tools["veeam"]?.extensions == ["vbk"])
        #expect(tools["clonezilla"]?.folderMarker == "clonezilla-img")
    }

    @Test func anUnknownKeyIsAnErrorWithItsPlace() {
        let text = """
            version: 1
            tools:
              - {id: x, name: X, extensions: [img], mimes: application/x-y}
            """
        #expect {
            _ = try WholeComputerFile.load(yaml: text, file: "w.yaml")
        } throws: { error in
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return message.contains("w.yaml") && message.contains("unknown key 'mimes'") && message.contains("did you mean 'mime'")
        }
    }

    @Test func aToolNeedsExtensionsOrAFolderAndExtensionsHaveNoDot() {
        #expect(throws: RulePackError.self) {
            _ = try WholeComputerFile.load(yaml: "version: 1\ntools:\n  - {id: x, name: X}\n", file: "w.yaml")
        }
        #expect(throws: RulePackError.self) {
            _ = try WholeComputerFile.load(yaml: "version: 1\ntools:\n  - {id: x, name: X, extensions: [.img]}\n", file: "w.yaml")
        }
        #expect(throws: RulePackError.self) {
            _ = try WholeComputerFile.load(yaml: "version: 2\ntools: []\n", file: "w.yaml")
        }
    }
}
