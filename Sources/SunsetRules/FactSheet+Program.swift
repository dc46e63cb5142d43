import SunsetCore

/// The `program` scope: every installed program a lifecycle pack matched, with its cycle's
/// dates and the files that depend on it.
extension FactSheet {
    /// The programs judged: those with a lifecycle match, in inventory order, except those a
    /// product pack judges with its own rules.
    static func judged(_ inventory: Inventory) -> [InstalledProgram] {
        (inventory.installedPrograms ?? []).filter { $0.lifecycle != nil && $0.lifecycle?.judgedBy == nil }
    }

    var judgedPrograms: [InstalledProgram] { Self.judged(inventory) }

    /// A program as a finding's subject: its name, at the hive that lists it.
    static func subject(_ program: InstalledProgram) -> Subject {
        Subject(kind: .program, name: program.name, location: program.hive)
    }

    var programEntries: [Entry] {
        let programs = judgedPrograms
        return programs.map { program in
            var facts = common
            for (name, value) in programValues(program, among: programs) { facts[name] = value }
            return Entry(subject: Self.subject(program), facts: facts, evidence: program.lifecycle?.evidence ?? [])
        }
    }

    private func programValues(_ program: InstalledProgram, among programs: [InstalledProgram]) -> [String: FactValue] {
        guard let lifecycle = program.lifecycle else { return [:] }
        var values: [String: FactValue] = [
            "program.name": .text(program.name),
            "program.product": .text(lifecycle.productName),
            "program.inferred": .flag(lifecycle.inferred),
            "program.operating-system": .flag(program.isOperatingSystem),
            "program.lower-bound": .flag(lifecycle.isLowerBound),
            "program.source": .text(lifecycle.source),
        ]
        func put(_ name: String, _ text: String?) { if let text { values[name] = .text(text) } }
        put("program.version", lifecycle.version ?? program.version)
        put("program.cycle", lifecycle.cycle)
        put("program.release", lifecycle.releaseName)
        put("program.latest", lifecycle.latest)
        put("program.link", lifecycle.link)
        put("program.undecided", lifecycle.undecided)
        put("program.oldest-cycle", lifecycle.inferred ? lifecycle.cycleLabel : nil)
        if let day = lifecycle.releaseDate { values["program.release-date"] = .date(day) }
        for (name, end) in [("active-support", lifecycle.activeSupportEnd), ("security-support", lifecycle.securitySupportEnd),
                            ("extended-support", lifecycle.extendedSupportEnd)] {
            guard let end else { continue }
            if let day = end.day { values["program.\(name)-end"] = .date(day) }
            if name != "extended-support" { values["program.\(name)"] = .text(end.day == nil ? end.description : "date") }
        }
        let dependent = program.dependentFiles ?? []
        values["program.dependent-files"] = .number(dependent.reduce(0) { $0 + $1.files })
        if !dependent.isEmpty { values["program.file-types"] = .text(dependent.map(\.fileExtension).joined(separator: ", ")) }
        let supported = Set((inventory.installedPrograms ?? []).filter { $0.lifecycle.map { !$0.isEndOfLife(asOf: asOf) } ?? true }.map(\.name))
        values["program.sole-opener-files"] = .number(dependent.filter { files in
            !files.otherPrograms.contains { supported.contains($0) }
        }.reduce(0) { $0 + $1.files })
        return values
    }
}
