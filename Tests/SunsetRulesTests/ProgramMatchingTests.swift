import SunsetCore
import SunsetRules
import Testing

/// The match data recognises the uninstall entries real machines carry.
@Suite struct ProgramMatchingTests {
    static let set = Result { try LifecycleSet.builtIn() }

    func match(_ name: String, _ version: String? = nil) throws -> ProgramLifecycle? {
        let program = InstalledProgram(name: name, version: version,
                                       hive: Location(root: 0, path: VolumePath("Windows/System32/config/SOFTWARE")), key: "k")
        return try Self.set.get().lifecycle(of: program)
    }

    @Test(arguments: [
        ("Microsoft Office Professional Plus 2010", "14.0.7015.1000", "office", "2010"),
        ("Microsoft Office Standard 2016", nil, "office", "2016"),
        ("Java 8 Update 45", "8.0.450.15", "oracle-jdk", "8"),
        ("Java(TM) 7 Update 80", nil, "oracle-jdk", "7"),
        ("Python 2.7.13", "2.7.13150", "python", "2.7"),
        ("Python 3.8.10 (64-bit)", "3.8.10150.0", "python", "3.8"),
        ("Oracle VM VirtualBox 6.0.24", "6.0.24", "virtualbox", "6.0"),
        ("Notepad++ (64-bit x64)", "8.6.2", "notepad-plus-plus", "8.6"),
        ("LibreOffice 7.5.3.2", "7.5.3.2", "libreoffice", "7.5"),
        ("FileMaker Pro 19", "19.6.3", "filemaker", "19"),
        ("Microsoft SQL Server 2008 R2", "10.50.6000.34", "mssqlserver", "10.50-sp3"),
        ("Microsoft SQL Server 2012 Express LocalDB", "11.0.7001.0", "mssqlserver", "11.0-sp4"),
        ("Microsoft SQL Server 2014 (64-bit)", "12.0.6024.0", "mssqlserver", "12.0-sp3"),
        ("Visual Studio Community 2019", "16.11.5", "visual-studio", "16.11"),
        ("Google Chrome", "109.0.5414.120", "chrome", "109"),
        // No host here: the edition that ends last (CycleChoiceTests has IE on each host).
        ("Internet Explorer", "11.0.9600.19596", "internet-explorer", "11-ltsb"),
        ("Mozilla Firefox (x64 fr)", "121.0", "firefox", "121"),
    ] as [(String, String?, String, String)])
    func aRealEntryGetsItsProductAndCycle(_ name: String, _ version: String?, _ product: String, _ cycle: String) throws {
        let lifecycle = try #require(try match(name, version))
        #expect(lifecycle.product == product)
        #expect(lifecycle.cycle == cycle)
        #expect(lifecycle.securitySupportEnd != nil)
    }

    @Test func aVersionOlderThanEveryCycleIsEndOfLifeByInference() throws {
        let lifecycle = try #require(try match("Mozilla Firefox 60.9.0 ESR (x86 en-US)", "60.9.0"))
        #expect(lifecycle.inferred && lifecycle.cycle == nil && lifecycle.cycleLabel == "78")
        #expect(lifecycle.isEndOfLife(asOf: CalendarDay("2019-01-01")!))
        #expect(lifecycle.evidence.first?.confidence == .medium)
    }

    @Test func anUnknownProgramHasNoLifecycle() throws {
        #expect(try match("Carnet d'adresses", "2.1") == nil)
        #expect(try match("Java Auto Updater", "2.8.45.15") == nil)
    }
}
