/// Every rule notelint ships, in documentation order. Adding a rule adds its file and one line here;
/// a test fails when this list and the rule files disagree.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        UnreadableFileRule.self,
        SymlinkOutsideRule.self,
        FrontMatterMissingRule.self,
        FrontMatterUnterminatedRule.self,
        FrontMatterFormatRule.self,
        YAMLSyntaxRule.self,
        DuplicateKeyRule.self,
        RequiredKeyRule.self,
        EmptyValueRule.self,
        WrongTypeRule.self,
        EnumValueRule.self,
        UnknownKeyRule.self,
        SchemaRule.self,
        DraftStatusRule.self,
        DateFormatRule.self,
        URLFormatRule.self,
        TagFormatRule.self,
        DuplicateTagRule.self,
        TagSpellingRule.self,
        AmbiguousScalarRule.self,
        DateOrderRule.self,
        DuplicateValueRule.self,
        SlugCollisionRule.self,
        BrokenReferenceRule.self,
        TrailingWhitespaceRule.self,
        UnusedSuppressionRule.self,
    ]

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.id == id }
    }
}
