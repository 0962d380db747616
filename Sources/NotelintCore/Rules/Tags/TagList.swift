import NotelintLoader

/// The items of a note's tag list, as the tag rules read them.
struct TagList {
    let sequence: YAMLNode
    let items: [YAMLNode]

    init?(_ context: RuleContext, key: String) {
        guard let value = context.root?[key]?.dereferenced, let items = value.items else { return nil }
        self.sequence = value
        self.items = items
    }

    var isFlow: Bool {
        if case .sequence(_, .flow) = sequence.content { return true }
        return false
    }

    /// Items that are strings, with their text.
    var tags: [(node: YAMLNode, text: String)] {
        items.compactMap { item in
            guard case .string(let text)? = item.dereferenced.scalar?.resolved else { return nil }
            return (item, text)
        }
    }
}
