import NotelintLoader
import Testing

@Suite struct YAMLNodeWalkTests {
    private func root(_ text: String) throws -> YAMLNode {
        let note = NoteLoader().load(bytes: Array(text.utf8), path: "note.md")
        #expect(note.problems.isEmpty)
        return try #require(note.root)
    }

    private func label(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar): scalar.text
        case .sequence: "[]"
        case .mapping: "{}"
        case .alias(let name, _): "*" + name
        }
    }

    @Test func parentsComeBeforeChildrenAndKeysBeforeValues() throws {
        let tree = try root("---\nk: &x [1, {m: n}]\nv: *x\n---\n")
        var visited: [String] = []
        tree.forEachNode { visited.append(label($0)) }
        #expect(visited == ["{}", "k", "[]", "1", "{}", "m", "n", "v", "*x"])
        var values: [String] = []
        tree.forEachNode(includingKeys: false) { values.append(label($0)) }
        #expect(values == ["{}", "[]", "1", "{}", "n", "*x"])
    }

    @Test func aTreeAtTheLoadersDepthLimitIsWalkedToTheBottom() throws {
        // The mapping is the first level, so 127 brackets reach the limit and the scalar sits below all of them.
        let depth = LoadLimits.default.maxDepth - 1
        let tree = try root("---\na: " + String(repeating: "[", count: depth) + "bottom" + String(repeating: "]", count: depth) + "\n---\n")
        var scalars: [String] = []
        tree.forEachNode { node in
            if case .scalar(let scalar) = node.content { scalars.append(scalar.text) }
        }
        #expect(scalars == ["a", "bottom"])
    }

    @Test func noNodeDeeperThanTheLimitIsVisited() {
        let range = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))
        var node = YAMLNode(content: .scalar(YAMLScalar(text: "x", style: .plain, resolved: .string("x"), yaml11Type: nil)), range: range)
        for _ in 0..<(2 * LoadLimits.default.maxDepth) { node = YAMLNode(content: .sequence([node], .flow), range: range) }
        var count = 0
        node.forEachNode { _ in count += 1 }
        #expect(count == LoadLimits.default.maxDepth + 1)
        count = 0
        node.forEachNode(maxDepth: 3) { _ in count += 1 }
        #expect(count == 4)
    }
}
