import NotelintLoader
import NotelintSchema

extension SchemaViolation {
    /// Where to point: the offending key for unknown keys, the value for everything else,
    /// the opening fence when the whole front matter is at fault.
    func range(in context: RuleContext) -> SourceRange {
        if let key { return key.range }
        if let instance, instance !== context.note.root { return instance.range }
        return context.note.headRange
    }

    /// "key = value" for baselines: identifies the finding apart from its line.
    var subjectText: String {
        let value = instance?.dereferenced.scalar?.text ?? ""
        return "\(pathText)=\(value)"
    }
}
