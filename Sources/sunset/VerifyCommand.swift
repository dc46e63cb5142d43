import ArgumentParser
import Foundation
import SunsetKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a bag: every file present, nothing extra, every checksum right.",
        discussion: "Exit status: 0 valid, 1 not valid (each missing, extra or corrupt file is listed), 2 could not run."
    )

    @Argument(help: "The bag's folder.")
    var bag: String

    func run() throws {
        let valid: Bool
        do {
            let verification = try Rescue.verify(bag: bag)
            print(Rescue.text(verification), terminator: "")
            valid = verification.isValid
        } catch {
            throw fail(error)
        }
        if !valid { throw ExitCode(1) }
    }
}
