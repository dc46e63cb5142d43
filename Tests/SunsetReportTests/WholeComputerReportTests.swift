import Foundation
import SunsetFixtures
import SunsetReport
import SunsetRules
import Testing

/// Whole-computer backups appear in the reports, in English and French, with their tool, place,
/// date and what Sunset could make of them; the missing-backup finding stays and names them.
@Suite struct WholeComputerReportTests {
    func volume(_ name: String) throws -> VolumeBuilder {
        let volume = try VolumeBuilder.temporary(name)
        try volume.file("Users/marie/Documents/Invoice2go/Boulangerie Dupont/company.mdb", Samples.accessDatabase("Dupont"),
                        modified: daysAgo(2))
        try volume.file("Images/PC-MARIE-00-00.mrimg", Data("an image".utf8), modified: daysAgo(1))
        try volume.file("WindowsImageBackup/PC-MARIE/Backup 2026-11-20 093000/disk.vhdx", Data("vhdxfile".utf8),
                        modified: daysAgo(5))
        return volume
    }

    @Test func theMarkdownListsThemInEnglishAndFrench() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let english = try render(.md, try judge(volume))
        #expect(english.contains("### Backups of the whole computer"))
        #expect(english.contains("- Macrium Reflect — Images/PC-MARIE-00-00.mrimg, taken "))
        #expect(english.contains("a backup of the whole computer whose content Sunset cannot read (recognised by its name only"))
        #expect(english.contains("(computer 'PC-MARIE') — WindowsImageBackup/PC-MARIE/Backup 2026-11-20 093000, taken November 20, 2026, on this machine: a whole-computer backup Sunset has not opened yet"))
        #expect(english.contains("No readable backup of the company \"Boulangerie Dupont\""))
        #expect(english.contains("A backup of the whole computer was found (Macrium Reflect"))

        let french = try render(.md, try judge(volume, language: .fr))
        #expect(french.contains("### Sauvegardes de l'ordinateur entier"))
        #expect(french.contains("une sauvegarde de l'ordinateur entier dont Sunset ne peut pas lire le contenu"))
        #expect(french.contains("une sauvegarde de l'ordinateur entier que Sunset n'a pas encore ouverte"))
        #expect(french.contains("Une sauvegarde de l'ordinateur entier a été trouvée (Macrium Reflect"))
    }

    @Test func theHTMLListsThem() throws {
        let volume = try volume(#function)
        defer { volume.remove() }
        let html = try render(.html, try judge(volume))
        #expect(html.contains("<h3>Backups of the whole computer</h3>"))
        #expect(html.contains("Images/PC-MARIE-00-00.mrimg"))
    }
}
