/// A JSON-RPC error answer, with the codes the protocol defines.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    public static let serverNotInitializedCode = -32002
    public static let requestCancelledCode = -32800

    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: invalidParamsCode, message: message) }
    public static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: invalidRequestCode, message: message) }

    var json: JSONValue { ["code": .int(code), "message": .string(message)] }
}
