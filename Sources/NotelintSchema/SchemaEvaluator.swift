import NotelintLoader

/// One validation of one instance: walks the compiled schemas over the YAML tree and collects violations.
///
/// Every keyword check returns whether the instance passed. With `report` false (inside `anyOf`, `not`, `if`…,
/// where only the verdict matters) nothing is recorded and the first failure ends the check.
///
/// The checks recurse once per level of the tree and per applied subschema, so they stay lean: what a failure
/// needs is packed into a `SchemaFailure` and turned into a message by `report`, out of line. That keeps the
/// stack frames of the recursion small enough for the deepest trees on a 512 KiB thread stack.
struct SchemaEvaluator {
    enum StopReason {
        case workBudget, depth
    }

    /// Stack the recursion may use. Trees are at most 128 levels deep as loaded, but aliases can nest them further,
    /// and a thread may have as little as 512 KiB (Dispatch's workers on macOS). Measured rather than counted, since
    /// frame sizes differ between builds: the deepest loaded tree takes under a quarter of this when optimized.
    #if DEBUG
    static let stackAllowance = 768 * 1024
    #else
    static let stackAllowance = 384 * 1024
    #endif

    let schemas: ContiguousArray<CompiledSchema>
    /// The node that stands for an absent document; violations report it as `nil`.
    let absentDocument: YAMLNode
    var violations: [SchemaViolation] = []
    /// The steps from the root to the current instance; turned into `InstancePathComponent`s only when reporting.
    var path: [PathStep] = []
    /// Evaluations and comparisons left before validation gives up: aliases let a small document stand for an
    /// exponentially large tree, and this is what keeps validating it linear in what was paid for.
    var remainingWork: Int
    /// The stack address below which evaluation stops.
    let stackLimit: UInt
    private(set) var stopReason: StopReason?
    /// The schema whose title (or short description) names the current instance: the first one applied to it that
    /// has one, so that `created: {title: Created, $ref: …}` is named by its own title rather than the shared
    /// definition's. An index rather than the text, which would be retained and released on every step.
    var labelSchema: Int?
    /// While a key is checked against `propertyNames`, messages speak of the key rather than of a path.
    var keyNameSubject: String?

    init(schemas: ContiguousArray<CompiledSchema>, absentDocument: YAMLNode, workBudget: Int) {
        self.schemas = schemas
        self.absentDocument = absentDocument
        self.remainingWork = workBudget
        let start = Self.stackAddress()
        stackLimit = start > UInt(Self.stackAllowance) ? start - UInt(Self.stackAllowance) : 0
    }

    /// An address in the caller's frame; the stack grows down on every platform Swift runs on.
    @inline(__always)
    static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// False, and evaluation stopped, when the recursion has used up its stack allowance.
    mutating func hasStackLeft() -> Bool {
        guard Self.stackAddress() > stackLimit else {
            stopReason = .depth
            return false
        }
        return true
    }

    /// Takes one unit of work; false once the budget is spent, after which every check passes so that the
    /// evaluation unwinds quickly.
    mutating func spend() -> Bool {
        if stopReason != nil { return false }
        remainingWork -= 1
        if remainingWork < 0 {
            stopReason = .workBudget
            return false
        }
        return true
    }

    mutating func evaluate(_ index: Int, _ instance: YAMLNode, report: Bool) -> Bool {
        guard spend() else { return true }
        var index = index
        var schema = schemas[index]
        let savedLabelSchema = labelSchema
        // A schema that is only a `$ref` is followed here rather than recursed through: reference chains then
        // cost no stack (they are loop-free, as the compiler checked).
        while let target = schema.pureReference {
            if labelSchema == nil, schema.label != nil { labelSchema = index }
            index = target
            schema = schemas[index]
        }
        defer { labelSchema = savedLabelSchema }
        switch schema.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            if report { self.report(.falseSchema, instance, schema) }
            return false
        case .keywords:
            break
        }
        guard hasStackLeft() else { return true }
        if labelSchema == nil, schema.label != nil { labelSchema = index }
        return evaluateKeywords(schema, instance, report: report)
    }

    private mutating func evaluateKeywords(_ schema: CompiledSchema, _ instance: YAMLNode, report: Bool) -> Bool {
        let value = InstanceValue(instance)
        var valid = true
        if let types = schema.types, !value.hasType(in: types) {
            guard report else { return false }
            self.report(.type(types), instance, schema)
            valid = false
        }
        if let values = schema.enumValues, !matchesAny(instance, values) {
            guard report else { return false }
            self.report(.enumeration, instance, schema)
            valid = false
        }
        if let constant = schema.constValue, !equals(instance, constant) {
            guard report else { return false }
            self.report(.constant, instance, schema)
            valid = false
        }
        switch value {
        case .string(let text):
            if let keywords = schema.string, !validateString(schema, keywords, instance, text, report: report) {
                guard report else { return false }
                valid = false
            }
        case .number(let number):
            if let keywords = schema.number, !validateNumber(schema, keywords, instance, number, report: report) {
                guard report else { return false }
                valid = false
            }
        case .array(let items):
            if let keywords = schema.array, !validateArray(schema, keywords, instance, items, report: report) {
                guard report else { return false }
                valid = false
            }
        case .object(let pairs):
            if let keywords = schema.object, !validateObject(schema, keywords, instance, pairs, report: report) {
                guard report else { return false }
                valid = false
            }
        case .null, .bool:
            break
        }
        if let applicators = schema.applicators, !applyInPlace(schema, applicators, instance, report: report) {
            valid = false
        }
        return valid
    }

    /// Evaluates a member or item of `instance`, one step down the path.
    mutating func evaluateChild(_ index: Int, _ child: YAMLNode, at step: PathStep, report: Bool) -> Bool {
        path.append(step)
        let savedLabelSchema = labelSchema
        labelSchema = nil
        defer {
            path.removeLast()
            labelSchema = savedLabelSchema
        }
        return evaluate(index, child, report: report)
    }
}

/// One step down from an instance to a member or item. The key node is held without retaining it: the tree
/// outlives the evaluation, and this is pushed and popped for every node visited.
struct PathStep {
    let unretainedKey: Unmanaged<YAMLNode>?
    let index: Int

    static func key(_ node: YAMLNode) -> PathStep { PathStep(unretainedKey: .passUnretained(node), index: 0) }

    static func index(_ index: Int) -> PathStep { PathStep(unretainedKey: nil, index: index) }

    var component: InstancePathComponent {
        guard let key = unretainedKey?.takeUnretainedValue() else { return .index(index) }
        // JSON keys are strings; a complex YAML key has no name to show.
        return .key(key.dereferenced.scalar?.text ?? "?")
    }
}
