import NotelintLoader

/// Refuses schemas whose `$ref`s (or `allOf`, `not`…) lead back to themselves without stepping into the instance,
/// like `{"$defs": {"a": {"$ref": "#/$defs/a"}}}`: validating with them would never end.
/// Loops that go through `properties`, `items`… are fine, since every turn goes one level deeper into the data.
struct SchemaLoopCheck {
    let schemas: ContiguousArray<CompiledSchema>
    let sourcePath: String?

    func run() throws(SchemaError) {
        enum State { case unvisited, inProgress, done }
        var states = [State](repeating: .unvisited, count: schemas.count)
        for start in schemas.indices where states[start] == .unvisited {
            // Depth-first, with an explicit stack: schemas may be long chains.
            var stack: [(schema: Int, next: Int, children: [Int])] = [(start, 0, inPlaceChildren(of: start))]
            states[start] = .inProgress
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next == stack[top].children.count {
                    states[stack[top].schema] = .done
                    stack.removeLast()
                    continue
                }
                let child = stack[top].children[stack[top].next]
                stack[top].next += 1
                switch states[child] {
                case .inProgress:
                    throw loopError(at: stack[top].schema)
                case .unvisited:
                    states[child] = .inProgress
                    stack.append((child, 0, inPlaceChildren(of: child)))
                case .done:
                    break
                }
            }
        }
    }

    private func inPlaceChildren(of index: Int) -> [Int] {
        let schema = schemas[index]
        var children = schema.applicators?.all ?? []
        if let object = schema.object { children += object.dependentSchemas.map(\.schema) }
        return children
    }

    private func loopError(at index: Int) -> SchemaError {
        let schema = schemas[index]
        let place = schema.keywordNode("$ref") ?? schema.node
        return SchemaError(
            message: "this schema refers back to itself without descending into the data, so validation would never end",
            range: place.range, sourcePath: sourcePath)
    }
}
