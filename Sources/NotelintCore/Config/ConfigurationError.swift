import NotelintLoader
import NotelintText

/// A configuration that cannot be used: notelint stops with exit code 2 and names the place.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition?
    public var message: String

    public init(path: String, position: SourcePosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String {
        if let position { return "\(path):\(position.line):\(position.column): configuration error: \(message)" }
        return "\(path): configuration error: \(message)"
    }

    static func unknown(_ what: String, _ name: String, among candidates: [String], at node: YAMLNode, in path: String) -> ConfigurationError {
        var message = "unknown \(what) `\(name)`"
        if let nearest = NearestName.nearest(to: name, in: candidates) { message += "; did you mean `\(nearest)`?" }
        return ConfigurationError(path: path, position: node.range.start, message: message)
    }
}
