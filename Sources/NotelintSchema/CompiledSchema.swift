import NotelintLoader

/// A bound from `minimum`, `maximum`, `multipleOf`…, with its spelling in the schema for messages.
struct NumberBound: Sendable {
    var value: SchemaNumber
    var text: String
}

/// The formats that `format` asserts; other format names are annotations only.
enum SchemaFormat: String, Sendable {
    case date
    case dateTime = "date-time"
    case uri
    case email
}

/// One compiled (sub)schema. Subschemas are referred to by their index in `JSONSchema`'s table, which lets
/// `$ref` cycles exist without reference cycles between objects.
final class CompiledSchema: Sendable {
    enum Kind: Sendable {
        case alwaysValid, alwaysInvalid, keywords
    }

    let kind: Kind
    /// The schema's own node, for "defined here" notes.
    let node: YAMLNode
    let title: String?
    let description: String?
    /// What messages call the instance besides its path: the title, or a description short enough to read as one.
    let label: String?
    let types: SchemaTypeSet?
    let enumValues: [SchemaConstant]?
    let enumTexts: [String]
    let constValue: SchemaConstant?
    let constText: String
    let string: StringKeywords?
    let number: NumberKeywords?
    let array: ArrayKeywords?
    let object: ObjectKeywords?
    let applicators: InPlaceApplicators?
    /// The target when `$ref` is the only keyword that validates anything.
    let pureReference: Int?

    init(boolean: Bool, node: YAMLNode) {
        kind = boolean ? .alwaysValid : .alwaysInvalid
        self.node = node
        title = nil
        description = nil
        label = nil
        types = nil
        enumValues = nil
        enumTexts = []
        constValue = nil
        constText = ""
        string = nil
        number = nil
        array = nil
        object = nil
        applicators = nil
        pureReference = nil
    }

    init(
        node: YAMLNode, title: String?, description: String?, types: SchemaTypeSet?,
        enumValues: [SchemaConstant]?, enumTexts: [String], constValue: SchemaConstant?, constText: String,
        string: StringKeywords?, number: NumberKeywords?, array: ArrayKeywords?, object: ObjectKeywords?,
        applicators: InPlaceApplicators?
    ) {
        kind = .keywords
        self.node = node
        self.title = title
        self.description = description
        label = Self.label(title: title, description: description)
        self.types = types
        self.enumValues = enumValues
        self.enumTexts = enumTexts
        self.constValue = constValue
        self.constText = constText
        self.string = string
        self.number = number
        self.array = array
        self.object = object
        self.applicators = applicators
        let onlyApplicatorIsReference = applicators.map {
            $0.allOf.isEmpty && $0.anyOf.isEmpty && $0.oneOf.isEmpty && $0.not == nil && $0.ifSchema == nil
        } ?? false
        let validatesNothingElse = types == nil && enumValues == nil && constValue == nil && string == nil
            && number == nil && array == nil && object == nil
        pureReference = onlyApplicatorIsReference && validatesNothingElse ? applicators?.ref : nil
    }

    private static func label(title: String?, description: String?) -> String? {
        if let title, !title.isEmpty { return title }
        if let description, !description.isEmpty, description.count <= 60, !description.contains("\n") {
            return description
        }
        return nil
    }

    /// The value node of `keyword` in this schema.
    func keywordNode(_ keyword: String) -> YAMLNode? {
        node.dereferenced[keyword]
    }
}
