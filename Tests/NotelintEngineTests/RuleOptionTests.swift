import Testing

@testable import NotelintCore

/// A rule reads exactly the options it declares: each is one `OptionKey` constant, listed in the description and
/// read through `options[key]`, so a name cannot be misspelt in one place and not the other.
@Suite struct RuleOptionTests {
    @Test(arguments: RuleRegistry.all.map { $0.id })
    func ruleReadsExactlyItsDeclaredOptions(id: String) throws {
        let type = try #require(RuleRegistry.rule(id: id))
        let declared = type.description.options.map(\.name)
        #expect(Set(declared).count == declared.count, "\(id) declares an option twice")
        var options = RuleOptions(defaults: type.description.options, files: RuleFileStore(.embedded))
        let log = OptionReadLog()
        options.readLog = log
        _ = type.init(options: options)
        #expect(log.names == Set(declared), "\(id) reads \(log.names.sorted()) but declares \(declared.sorted())")
    }

    @Test func aValueOfAnotherTypeFallsBackToTheDefault() {
        let key = OptionKey("min-uses", 2, "")
        #expect(RuleOptions(["min-uses": .int(5)])[key] == 5)
        #expect(RuleOptions(["min-uses": .string("5")])[key] == 2)
        #expect(RuleOptions()[key] == 2)
    }
}
