public enum NotelintEngineVersion { public static let version = "0.1.0" }
