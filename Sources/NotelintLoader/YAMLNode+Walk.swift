extension YAMLNode {
    /// Calls `visit` on this node and on every node below it as written, parents before children and a key before
    /// its value. An alias is visited, not followed: its target is visited where it was written.
    ///
    /// Nodes more than `maxDepth` collection levels below this one are not visited. The loader never builds them
    /// (it refuses nesting beyond `LoadLimits.maxDepth`, and a configuration may only lower that limit), so the
    /// bound changes nothing for a loaded note; it keeps a tree built some other way from exhausting the stack.
    ///
    /// - Parameter includingKeys: false to visit only the values of mappings (and their descendants).
    public func forEachNode(
        includingKeys: Bool = true, maxDepth: Int = LoadLimits.default.maxDepth, _ visit: (YAMLNode) -> Void
    ) {
        func walk(_ node: YAMLNode, depth: Int) {
            visit(node)
            guard depth < maxDepth else { return }
            switch node.content {
            case .sequence(let items, _):
                for item in items { walk(item, depth: depth + 1) }
            case .mapping(let pairs, _):
                for pair in pairs {
                    if includingKeys { walk(pair.key, depth: depth + 1) }
                    walk(pair.value, depth: depth + 1)
                }
            case .scalar, .alias:
                break
            }
        }
        walk(self, depth: 0)
    }
}
