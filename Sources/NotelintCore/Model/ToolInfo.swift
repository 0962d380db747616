/// The tool's name and version, for formats that name the tool that produced them.
public enum ToolInfo {
    public static let name = "notelint"
    public static let version = "0.1.0"
}
