import NotelintLoader

/// `notelint config PATH`: which configuration governs a path and what it turns on, in YAML.
public enum EffectiveConfigurationText {
    public static func render(
        forPath path: String, configPath: String?, allowsOutsideConfigPaths: Bool = false, registry: [any Rule.Type] = RuleRegistry.all
    ) throws -> String {
        let resolver = ConfigurationResolver(
            registry: registry, explicitPath: configPath.map { PathText.absolute($0) }, allowsOutsideReferences: allowsOutsideConfigPaths)
        let absolute = PathText.absolute(path)
        let directory = FileStatus.isRegularFile(absolute) ? PathText.directory(of: absolute) : absolute
        let effective = try resolver.configuration(forDirectory: directory)
        let configuration = effective.configuration
        var out = "# configuration: \(configuration.path)\n"
        out += "include: [\(configuration.include.map { quote($0.pattern) }.joined(separator: ", "))]\n"
        out += "exclude: [\(configuration.exclude.map { quote($0.pattern) }.joined(separator: ", "))]\n"
        if let generator = configuration.generator { out += "generator: \(generator)\n" }
        out += "schemas:\n"
        for schema in effective.schemas {
            out += "  - files: [\(schema.files.map { quote($0.pattern) }.joined(separator: ", "))]\n    schema: \(quote(schema.path))\n"
        }
        if FileStatus.isRegularFile(absolute) {
            let relative = PathText.relative(absolute, to: PathText.absolute(configuration.directory))
            out += "# schema for \(path): \(effective.schema(forRelativePath: relative)?.path ?? "none")\n"
        }
        out += "rules:\n"
        for active in effective.rules {
            let description = type(of: active.rule).description
            let overrides = configuration.rules[description.id]?.options ?? [:]
            let options = RuleOptions(defaults: description.options, overrides: overrides)
            if description.options.isEmpty {
                out += "  \(description.id): \(active.severity.rawValue)\n"
                continue
            }
            out += "  \(description.id):\n    severity: \(active.severity.rawValue)\n"
            for option in description.options {
                out += "    \(option.name): \(yaml(options.values[option.name] ?? option.defaultValue))\n"
            }
        }
        let enabled = Set(effective.rules.map { type(of: $0.rule).id })
        for rule in registry where !enabled.contains(rule.id) {
            out += "  \(rule.id): off\n"
        }
        if !configuration.ignores.isEmpty {
            out += "ignore:\n"
            for ignore in configuration.ignores {
                out += "  - files: [\(ignore.files.map { quote($0.pattern) }.joined(separator: ", "))]\n    rules: [\(ignore.rules.joined(separator: ", "))]\n"
            }
        }
        out += "limits:\n"
        for setting in LimitSetting.all {
            out += "  \(setting.name): \(configuration.limits[keyPath: setting.keyPath])\n"
        }
        return out
    }

    private static func quote(_ text: String) -> String { JSONText.quoted(text) }

    private static func yaml(_ value: OptionValue) -> String {
        switch value {
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .string(let value): quote(value)
        case .strings(let values): "[" + values.map(quote).joined(separator: ", ") + "]"
        }
    }
}
