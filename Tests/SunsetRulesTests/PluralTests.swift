@testable import SunsetRules
import Testing

/// The `plural` section of pack texts: the form follows the count and the language's rule.
@Suite struct PluralTests {
    @Test(arguments: [(Language.en, 0, "0 days left"), (.en, 1, "1 day left"), (.en, 2, "2 days left"),
                      (.fr, 0, "plus que 0 jour"), (.fr, 1, "plus que 1 jour"), (.fr, 2, "plus que 2 jours")])
    func theFormFollowsTheCount(language: Language, count: Int, want: String) {
        let template = language == .en ? "{{#plural}}{{n}}|# day left|# days left{{/plural}}"
                                       : "plus que {{#plural}}{{n}}|# jour|# jours{{/plural}}"
        #expect(TemplateText.render(template, facts: Facts(["n": .number(count)]), language: language) == want)
    }

    @Test func aNameWithBracesInsideTheSectionIsPrintedAsItIs() {
        let facts = Facts(["n": .number(3), "name": .text("{{n}} & <co>")])
        #expect(TemplateText.render("{{#plural}}{{n}}|# file of {{name}}|# files of {{name}}{{/plural}}", facts: facts)
                == "3 files of {{n}} & <co>")
    }

    @Test func contentWithoutTheShapeIsLeftAsWritten() {
        #expect(TemplateText.render("{{#plural}}many|one{{/plural}}", facts: Facts()) == "many|one")
        #expect(Language.fr.takesSingular(-1) && !Language.en.takesSingular(0))
    }
}
