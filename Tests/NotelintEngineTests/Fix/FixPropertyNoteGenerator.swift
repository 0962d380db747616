import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema

extension FixProperty {
    /// A defect the fixes are meant to repair, with how sure its fix is.
    enum Defect: String, CaseIterable, Sendable {
        // tag-format
        case tagUppercase, tagUnderscore, tagHash, tagSpaces
        // duplicate-tag
        case duplicateTag
        // tag-spelling: cut off from a tag other notes use (safe), or misspelled as the dictionary says (unsafe)
        case truncatedTag, misspelledTag
        // ambiguous-scalar: a tag, a string field, a boolean field
        case ambiguousTag, ambiguousString, ambiguousBoolean
        // date-format
        case slashDate, dottedDate, unpaddedDate
        // url-format
        case urlWhitespace, urlTracking, urlHTTP
        // wrong-type
        case tagsAsString
        // enum-value
        case statusTypo
        // unknown-key
        case keyTypo
        // trailing-whitespace
        case trailingBlanks

        var applicability: Applicability {
            switch self {
            case .misspelledTag, .ambiguousBoolean, .urlHTTP, .statusTypo, .keyTypo: .unsafe
            default: .safe
            }
        }
    }

    /// A top-level value, as the checks compare it.
    enum Value: Equatable, CustomStringConvertible {
        case string(String)
        case bool(Bool)
        case list([String])
        /// Anything else (numbers, nulls, nested collections), by its JSON text.
        case other(String)

        var description: String {
            switch self {
            case .string(let text): "string \(text.debugDescription)"
            case .bool(let flag): "bool \(flag)"
            case .list(let items): "list \(items)"
            case .other(let json): "other \(json)"
            }
        }
    }

    /// What one top-level key must hold once fixed.
    struct KeyPlan {
        /// The key's right name (a misspelled key is renamed to it by the unsafe fixes).
        var name: String
        /// The name as written in the note.
        var writtenName: String
        /// The value every fix together must produce; nil when it is the value as written (a block scalar).
        var clean: Value?
        /// Defects planted in this key (its name or its value). Trailing blanks are not counted here: they never
        /// change data.
        var defects: [Defect]
        /// Items may be removed in another order than the clean list has them (duplicates, colliding spellings).
        var comparedAsSet = false

        /// Only safe fixes apply here: `--fix` alone must reach the clean value.
        var isSafe: Bool { defects.allSatisfy { $0.applicability == .safe } }
        /// Only unsafe fixes apply here: `--fix` alone must leave the value as written.
        var isUnsafeOnly: Bool { !defects.isEmpty && defects.allSatisfy { $0.applicability == .unsafe } }
    }

    /// One generated note: its bytes and what fixing it must give.
    struct GeneratedNote {
        var seed: UInt64
        var bytes: [UInt8]
        var keys: [KeyPlan]
        /// Every defect planted, trailing blanks included, in the order they were planted.
        var defects: [Defect]
        /// Constructs where a careless fix would change data or break YAML, and that must come out as they went in
        /// (see `NoteGenerator.Trap`).
        var traps: [NoteGenerator.Trap]
        /// `\n`, `\r\n` or a lone `\r` (old Mac files): the whole note uses one.
        var lineBreak: String
        var hasBOM: Bool

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Builds notes shaped like the seed note (`korean-war-origins.md`): the default schema's keys, CJK values,
    /// block and flow lists, quoted and plain scalars, comments, CRLF or LF, an optional BOM, and bodies with
    /// `---` lines and code fences. Each note gets a few random defects from `Defect`, and the plan of what
    /// each key must hold after fixing.
    struct NoteGenerator {
        private var random: SplitMix64
        private let seed: UInt64

        /// Constructs no fix may break.
        enum Trap: String, CaseIterable, Sendable {
            /// `insight: &a no` with `series: *a` below: quoting the value must not drop the anchor.
            case anchoredAmbiguousValue
            /// `category: *kebab`, an alias of `area: &kebab …`.
            case aliasedValue
            /// `summary: "…\ ` + line break: the escaped blank is content, not trailing whitespace.
            case escapedBlankInDoubleQuotes
            /// `tittle:` and `titl:` both near `title`: renaming both would make a duplicate key.
            case rivalKeyTypos
        }

        init(seed: UInt64) {
            self.seed = seed
            random = SplitMix64(seed: seed)
        }

        // MARK: Value pools

        static let titles = [
            "朝鲜战争的起源：斯大林为何点头，毛泽东为何出兵？", "冷战的开端", "马歇尔计划与欧洲复兴", "中苏同盟条约的谈判",
            "The Marshall Plan and European recovery", "Why Stalin said yes", "Bretton Woods: the dollar's century",
            "艾奇逊防线 — Acheson's perimeter", "仁川登陆", "The 38th parallel, again", "布雷顿森林体系 #1",
        ]
        static let summaries = [
            "历史学家沈志华深入剖析了朝鲜战争爆发的深层原因。斯大林批准金日成发动战争，其核心动机是寻找替代性的出海口。",
            "毛泽东在内外交困、条件不利的情况下坚持出兵，是为了赢得斯大林的信任以巩固新政权。",
            "How a treaty signed in Moscow moved a war in Korea: ports, trust and a speech in Washington.",
            "1950年1月，杜鲁门政府确立了“等待尘埃落定”后的对华政策。",
        ]
        static let blockSummaryLines = [
            "第一段：斯大林为何同意发动战争。", "Acheson's speech left Korea outside the line.", "第二段：毛泽东为何坚持出兵。",
            "  indented: kept as written", "tags: war, power # not a key, only text", "- not a list item either",
        ]
        /// Clean tags: lowercase kebab-case words Hunspell knows, and CJK.
        static let tags = [
            "war", "power", "relations", "strategy", "history", "diplomacy", "cold-war", "economics", "revolution",
            "intelligence", "geopolitics", "decision-making-calculus", "alliances", "propaganda", "treaty",
            "nuclear-deterrence", "arms-race", "civil-war", "china-analysis", "espionage", "leadership", "sanctions",
            "foreign-policy", "world-war", "power-politics", "security-council", "balance-of-power", "soviet-union",
            "proxy-war", "朝鲜战争", "冷战", "外交",
        ]
        /// Tags the dictionary alone vouches for: no other note uses them (see `evidence`).
        static let dictionaryOnlyTags: Set<String> = ["diplomacy", "propaganda", "leadership", "decision-making-calculus"]
        /// The tags other notes of the collection use, twice each: enough for tag-spelling to trust them.
        static let evidence: [String: Int] = Dictionary(
            uniqueKeysWithValues: tags.filter { !dictionaryOnlyTags.contains($0) }.map { ($0, 2) })
        /// A clean tag and how it is found cut off. For a tag other notes use, that evidence names it back (safe);
        /// for the others, the Hunspell dictionary does (unsafe).
        static let truncations: [String: String] = [
            "strategy": "strateg", "history": "histor", "intelligence": "intelligenc", "revolution": "revolutio",
            "geopolitics": "geopolitic", "espionage": "espionag", "nuclear-deterrence": "nuclear-deterrenc",
            "decision-making-calculus": "decision-making-calculu", "diplomacy": "diplomac", "propaganda": "propagand",
            "leadership": "leadershi",
        ]
        /// Tags that YAML 1.1 reads as booleans when written plain.
        static let ambiguousTags = ["on", "no", "yes", "off"]
        static let people = [
            "Joseph Stalin", "Mao Zedong", "Zhou Enlai", "Liu Shaoqi", "Harry S. Truman", "Dean Acheson", "金日成", "彭德怀",
        ]
        static let organisations = ["中共中央", "苏共中央", "美国国家安全委员会", "塔斯社", "真理报", "National Security Council"]
        static let projects = ["china-analysis", "us-analysis", "historical-insights"]
        static let kebabValues = ["society-systems", "geopolitics", "history", "economics"]
        static let speakers = ["柴静 Chai Jing", "沈志华", "Odd Arne Westad"]
        static let urls = [
            "https://www.youtube.com/watch?v=7i84z8uZCqs", "https://example.com/notes/korean-war",
            "https://www.bilibili.com/video/BV1xx411c7mD?p=2", "https://archive.org/details/stalin-letters#page=3",
            "https://history.state.gov/milestones/1945-1952/korean-war-1",
        ]
        static let trackingParameters = ["utm_source=newsletter", "utm_medium=email", "utm_campaign=spring", "fbclid=IwAR0abc", "si=Xy12"]
        static let statusValues = ["seedling", "budding", "evergreen"]
        /// Misspellings whose nearest allowed value is unambiguous.
        static let statusTypos: [String: [String]] = [
            "seedling": ["seedlin", "Seedling", "SEEDLING", "seedlng"],
            "budding": ["buding", "Budding", "buddng"],
            "evergreen": ["evergren", "Evergreen", "evergeen", "EVERGREEN"],
        ]
        static let ambiguousStrings = ["no", "yes", "on", "off", "No", "YES", "n", "y"]
        static let booleanWords: [String: Bool] = [
            "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "y": true, "no": false, "No": false, "off": false,
            "OFF": false, "n": false,
        ]
        static let comments = ["# 来源：YouTube 访谈", "# reviewed 2024-12-01", "#", "# tags: war, power", "# ---"]
        static let bodyLines = [
            "### 斯大林为何同意发动战争：失去东北，着眼朝鲜", "", "根据目前已经披露的档案材料，朝鲜战争起源的过程已经比较清楚。",
            "---", "***", "Trailing blanks in the body stay.   ", "\tA tab-indented line.", "tags: war, power",
            "title: no", "<!-- a comment: keep me -->", "- 1950年1月30日，斯大林给史蒂科夫发了一封电报。", "date: 2024/1/5  ",
            "...", "---   ", "> 引文：“枪杆子里面出政权”",
        ]
        static let fencedBlocks = [
            ["```yaml", "---", "tags: [War, war]", "draft: yes", "---", "```"],
            ["~~~", "source: http://example.com/?utm_source=x ", "~~~"],
            ["```", "status: evergren", "tittle: x", "```"],
        ]

        // MARK: Building

        /// A line of front matter: its text without the line break, and whether blanks may be added at its end
        /// as a defect (never inside block scalars, where they are content).
        private struct Line {
            var text: String
            var isBlockScalarContent = false
        }

        private var defects: [Defect] = []
        private var traps: [Trap] = []

        mutating func make() -> GeneratedNote {
            defects = []
            traps = []
            // Keys written last, in this order, because they are aliases of anchors above them.
            var aliasKeys: [String] = []
            let roll = random.below(100)
            let lineBreak = roll < 25 ? "\r\n" : roll < 30 ? "\r" : "\n"
            let hasBOM = random.chance(20)
            // Which defects this note carries: most get 1 to 4, a few none.
            // Dictionary suggestions are slow (tens of milliseconds each, on every pass): misspellings are rare.
            var wanted = Set(random.sample(Defect.allCases.filter { $0 != .misspelledTag }, random.pick([0, 1, 1, 2, 2, 3, 3, 4, 5])))
            if random.below(1_000) < 9 { wanted.insert(.misspelledTag) }

            var plans: [KeyPlan] = []
            var blocks: [String: [Line]] = [:]
            // Lists of one note share a style, or tags differ from the other lists.
            let styles = ["block0", "block2", "flow"]
            let tagStyle = random.pick(styles)
            let otherListStyle = random.chance(70) ? tagStyle : random.pick(styles)
            var keys = ["title", "date", "draft", "status", "tags", "summary", "layout"]
            for optional in ["source", "area", "category", "people", "companies_orgs", "products_models", "project", "series",
                             "guest", "insight", "speaker"] where random.chance(50) {
                keys.append(optional)
            }
            if wanted.contains(.urlWhitespace) || wanted.contains(.urlTracking) || wanted.contains(.urlHTTP), !keys.contains("source") {
                keys.append("source")
            }
            let stringKeysForAmbiguity = keys.filter { ["title", "series", "guest", "insight", "speaker"].contains($0) }
            let ambiguousKey = random.pick(stringKeysForAmbiguity)
            let typoKey = random.pick(["title", "summary"])

            for key in keys {
                var plan = KeyPlan(name: key, writtenName: key, clean: nil, defects: [])
                var lines: [Line] = []
                if wanted.contains(.keyTypo), key == typoKey {
                    plan.writtenName = key == "title" ? "tittle" : "summery"
                    plan.defects.append(.keyTypo)
                    if key == "title", random.chance(25) {
                        // A second misspelling of `title`: neither may be renamed, so both stay as written.
                        plan = KeyPlan(name: "tittle", writtenName: "tittle", clean: nil, defects: [])
                        plans.append(KeyPlan(name: "titl", writtenName: "titl", clean: nil, defects: []))
                        blocks["titl"] = [Line(text: "titl: \(scalar(random.pick(Self.titles), inFlow: false))")]
                        traps.append(.rivalKeyTypos)
                    }
                }
                let name = plan.writtenName
                switch key {
                case "title", "series", "guest", "insight", "speaker":
                    if wanted.contains(.ambiguousString), key == ambiguousKey {
                        let word = random.pick(Self.ambiguousStrings)
                        if let aliasKey = ["series", "guest", "insight", "speaker"].first(where: { !keys.contains($0) }), random.chance(25) {
                            // Anchored and aliased below: no fix may rewrite it (the anchor would go with the text).
                            lines.append(Line(text: "\(name): &ambiguous \(word)"))
                            plans.append(KeyPlan(name: aliasKey, writtenName: aliasKey, clean: nil, defects: []))
                            blocks[aliasKey] = [Line(text: "\(aliasKey): *ambiguous")]
                            aliasKeys.append(aliasKey)
                            traps.append(.anchoredAmbiguousValue)
                        } else {
                            plan.clean = .string(word)
                            plan.defects.append(.ambiguousString)
                            lines.append(Line(text: "\(name): \(word)"))
                        }
                    } else {
                        let pool = key == "title" ? Self.titles : key == "speaker" ? Self.speakers : Self.titles + [""]
                        let value = random.pick(pool)
                        plan.clean = .string(value)
                        lines.append(Line(text: "\(name): \(scalar(value, inFlow: false))"))
                    }
                case "date":
                    let (year, month, day) = (random.inRange(1990...2025), random.inRange(1...12), random.inRange(1...28))
                    let iso = "\(year)-\(Self.pad(month))-\(Self.pad(day))"
                    plan.clean = .string(iso)
                    let dateDefects = [Defect.slashDate, .dottedDate, .unpaddedDate].filter(wanted.contains)
                    if let defect = dateDefects.first {
                        plan.defects.append(defect)
                        var separator = defect == .slashDate ? "/" : defect == .dottedDate ? "." : "-"
                        var monthText = random.chance(50) ? "\(month)" : Self.pad(month)
                        var dayText = random.chance(50) ? "\(day)" : Self.pad(day)
                        // With `-`, a part must be unpadded, else the date is valid already.
                        if separator == "-", monthText.count == 2, dayText.count == 2 {
                            if month < 10 {
                                monthText = "\(month)"
                            } else if day < 10 {
                                dayText = "\(day)"
                            } else {
                                separator = "/"
                                plan.defects = [.slashDate]
                            }
                        }
                        let written = "\(year)\(separator)\(monthText)\(separator)\(dayText)"
                        lines.append(Line(text: "\(name): \(random.chance(60) ? written : quoted(written))"))
                    } else {
                        lines.append(Line(text: "\(name): \(random.chance(50) ? iso : quoted(iso))"))
                    }
                case "draft":
                    if wanted.contains(.ambiguousBoolean) {
                        let word = random.pick(Array(Self.booleanWords.keys).sorted())
                        plan.clean = .bool(Self.booleanWords[word]!)
                        plan.defects.append(.ambiguousBoolean)
                        lines.append(Line(text: "\(name): \(word)"))
                    } else {
                        let flag = random.chance(50)
                        plan.clean = .bool(flag)
                        lines.append(Line(text: "\(name): \(flag)"))
                    }
                case "status":
                    let value = random.pick(Self.statusValues)
                    plan.clean = .string(value)
                    if wanted.contains(.statusTypo) {
                        plan.defects.append(.statusTypo)
                        lines.append(Line(text: "\(name): \(random.pick(Self.statusTypos[value]!))"))
                    } else {
                        lines.append(Line(text: "\(name): \(scalar(value, inFlow: false))"))
                    }
                case "tags":
                    lines += tagLines(&plan, wanted: wanted, style: tagStyle)
                case "summary":
                    if random.chance(25) {
                        // A block scalar: its lines are content, trailing blanks included, and must stay as written.
                        let indicator = random.pick(["|", ">", "|-", ">-"])
                        var content: [String] = []
                        for _ in 0..<random.inRange(1...3) {
                            var line = random.pick(Self.blockSummaryLines)
                            if random.chance(30) { line += random.pick(["  ", "\t", " "]) }
                            content.append(line)
                        }
                        // A first line indented deeper than the rest needs an explicit indentation indicator.
                        let explicit = content[0].hasPrefix(" ") ? "2" : ""
                        lines.append(Line(text: "\(name): \(indicator.prefix(1))\(explicit)\(indicator.dropFirst())"))
                        lines += content.map { Line(text: "  " + $0, isBlockScalarContent: true) }
                    } else if random.chance(15) {
                        // A double-quoted scalar over several lines, some ending in an escaped blank or line break.
                        let segments = random.sample(Self.summaries, random.inRange(2...3))
                        var text = "\(name): \""
                        for (index, segment) in segments.enumerated() {
                            if index == segments.count - 1 {
                                lines.append(Line(text: text + segment + "\""))
                            } else {
                                lines.append(Line(text: text + segment + random.pick(["\\ ", "\\\t", "\\", "", " \\ "])))
                                text = "  "
                            }
                        }
                        traps.append(.escapedBlankInDoubleQuotes)
                    } else {
                        let value = random.pick(Self.summaries)
                        plan.clean = .string(value)
                        lines.append(Line(text: "\(name): \(scalar(value, inFlow: false))"))
                    }
                case "layout":
                    plan.clean = .string("post.njk")
                    lines.append(Line(text: "\(name): \(random.chance(80) ? "post.njk" : quoted("post.njk"))"))
                case "source":
                    lines.append(Line(text: "\(name): \(sourceValue(&plan, wanted: wanted))"))
                case "area", "category":
                    let value = random.pick(Self.kebabValues)
                    plan.clean = .string(value)
                    if key == "area", keys.contains("category"), random.chance(25) {
                        lines.append(Line(text: "\(name): &kebab \(scalar(value, inFlow: false))"))
                        aliasKeys.append("category")
                        traps.append(.aliasedValue)
                    } else if key == "category", aliasKeys.contains("category") {
                        plan.clean = nil
                        lines.append(Line(text: "\(name): *kebab"))
                    } else {
                        lines.append(Line(text: "\(name): \(scalar(value, inFlow: false))"))
                    }
                case "people", "companies_orgs", "products_models", "project":
                    let pool = key == "people" ? Self.people : key == "project" ? Self.projects : Self.organisations
                    let items = key == "products_models" && random.chance(50) ? [] : random.sample(pool, random.inRange(1...4))
                    plan.clean = .list(items)
                    lines += listLines(name, items.map { scalar($0, inFlow: otherListStyle == "flow") }, style: otherListStyle)
                default:
                    fatalError("no plan for \(key)")
                }
                plans.append(plan)
                blocks[plan.writtenName] = lines
            }

            // The key order, with comments between keys and after some values.
            var frontMatter: [Line] = []
            for plan in random.shuffled(plans.filter { !aliasKeys.contains($0.name) }) + plans.filter({ aliasKeys.contains($0.name) }) {
                if random.chance(12) { frontMatter.append(Line(text: random.pick(Self.comments))) }
                var lines = blocks[plan.writtenName]!
                // A comment after a scalar value that no fix rewrites (a fix may only touch the scalar before it).
                if lines.count == 1, plan.defects.isEmpty, case .string? = plan.clean, random.chance(15),
                   !lines[0].text.hasSuffix(":") {
                    lines[0].text += "  # " + random.pick(["参见原视频", "checked", "from the archive"])
                }
                frontMatter += lines
            }
            // Fences: `...` closes a block too; blanks after either fence are a defect.
            var opening = "---"
            var closing = random.chance(10) ? "..." : "---"
            if wanted.contains(.trailingBlanks) {
                var planted = 0
                for index in frontMatter.indices where !frontMatter[index].isBlockScalarContent && random.chance(25) {
                    frontMatter[index].text += random.pick([" ", "  ", "\t", " \t "])
                    planted += 1
                }
                if random.chance(20) { opening += random.pick([" ", "\t"]); planted += 1 }
                if random.chance(20) { closing += random.pick(["  ", "\t"]); planted += 1 }
                if planted == 0, let index = frontMatter.indices.first(where: { !frontMatter[$0].isBlockScalarContent }) {
                    frontMatter[index].text += " "
                }
                defects.append(.trailingBlanks)
            }

            // The body: paragraphs, `---` lines, fences holding YAML-looking text; sometimes none at all.
            var body: [String] = []
            if random.chance(90) {
                for _ in 0..<random.inRange(0...10) {
                    if random.chance(15) { body += random.pick(Self.fencedBlocks) } else { body.append(random.pick(Self.bodyLines)) }
                }
            }
            let newline = lineBreak
            var text = ([opening] + frontMatter.map(\.text) + [closing]).joined(separator: newline)
            let endsWithFence = body.isEmpty && random.chance(30)
            if !endsWithFence {
                text += newline + body.joined(separator: newline)
                if !body.isEmpty, random.chance(85) { text += newline }
            }
            var bytes = hasBOM ? FrontMatterSplitter.byteOrderMark : []
            bytes += Array(text.utf8)
            return GeneratedNote(
                seed: seed, bytes: bytes, keys: plans, defects: defects + plans.flatMap(\.defects), traps: traps,
                lineBreak: lineBreak, hasBOM: hasBOM)
        }

        // MARK: Tags

        /// The tag list with its planted defects; the plan gets the set of clean tags.
        private mutating func tagLines(_ plan: inout KeyPlan, wanted: Set<Defect>, style: String) -> [Line] {
            var clean = random.sample(Self.tags, random.inRange(1...6))
            // A wanted misspelling or cut-off tag needs a tag to plant it in.
            if wanted.contains(.misspelledTag), !clean.contains(where: Self.dictionaryOnlyTags.contains) {
                clean[0] = random.pick(Self.dictionaryOnlyTags.sorted())
            }
            let cutOffCandidates = Self.truncations.keys.filter { !Self.dictionaryOnlyTags.contains($0) }.sorted()
            if wanted.contains(.truncatedTag), !clean.contains(where: cutOffCandidates.contains) {
                let tag = random.pick(cutOffCandidates.filter { !clean.contains($0) })
                clean.append(tag)
            }
            // Each clean tag is written once in some form, some also a second time.
            var written: [(form: String, defect: Defect?)] = []
            var planted: Set<Defect> = []
            let asString = wanted.contains(.tagsAsString)
            for tag in clean {
                var form = tag
                var defect: Defect?
                let ascii = tag.allSatisfy(\.isASCII)
                let choices: [Defect] = [.misspelledTag, .tagUppercase, .tagUnderscore, .tagHash, .tagSpaces, .truncatedTag].filter { candidate in
                    // A wanted misspelling or cut-off tag is planted wherever it can be.
                    guard wanted.contains(candidate), candidate == .misspelledTag || candidate == .truncatedTag || random.chance(50)
                    else { return false }
                    switch candidate {
                    case .tagUppercase: return ascii
                    case .tagUnderscore: return ascii && tag.contains("-")
                    // `tags: Cold War` would be split at the space: the string form holds no spaces.
                    case .tagSpaces: return ascii && tag.contains("-") && !asString
                    case .tagHash: return !asString
                    case .truncatedTag: return Self.truncations[tag] != nil && !Self.dictionaryOnlyTags.contains(tag)
                    case .misspelledTag: return Self.dictionaryOnlyTags.contains(tag)
                    default: return false
                    }
                }
                // A cut-off or misspelled tag first (it must be planted), else any spelling defect.
                let pick = choices.first { $0 == .misspelledTag || $0 == .truncatedTag } ?? (choices.isEmpty ? nil : random.pick(choices))
                if let chosen = pick {
                    defect = chosen
                    switch chosen {
                    case .tagUppercase:
                        form = random.chance(50) ? tag.uppercased() : tag.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
                    case .tagUnderscore:
                        form = tag.replacingOccurrences(of: "-", with: "_")
                        if random.chance(50) { form = form.prefix(1).uppercased() + form.dropFirst() }
                    case .tagSpaces:
                        form = tag.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
                    case .tagHash:
                        form = "#" + tag
                    case .truncatedTag, .misspelledTag:
                        form = Self.truncations[tag]!
                    default:
                        break
                    }
                    planted.insert(chosen)
                }
                written.append((form, defect))
            }
            var allClean = clean
            if wanted.contains(.ambiguousTag), !asString || random.chance(50) {
                let word = random.pick(Self.ambiguousTags)
                if !allClean.contains(word) {
                    let position = random.below(written.count + 1)
                    allClean.insert(word, at: position)
                    written.insert((word, .ambiguousTag), at: position)
                    planted.insert(.ambiguousTag)
                }
            }
            if wanted.contains(.duplicateTag) {
                // A repeat of a clean tag, written exactly as it is, somewhere after its first use.
                for _ in 0..<random.inRange(1...2) {
                    let tag = random.pick(clean)
                    let first = written.firstIndex { $0.form == tag } ?? written.count - 1
                    written.insert((tag, .duplicateTag), at: random.inRange((first + 1)...written.count))
                    planted.insert(.duplicateTag)
                }
                plan.comparedAsSet = true
            }
            if !planted.isDisjoint(with: [.tagUppercase, .tagUnderscore, .tagHash, .tagSpaces, .truncatedTag, .misspelledTag]) {
                // A renamed tag may meet another spelling of itself; then one of them goes.
                plan.comparedAsSet = true
            }
            plan.clean = .list(allClean)
            plan.defects += planted.sorted { $0.rawValue < $1.rawValue }

            if asString {
                plan.defects.append(.tagsAsString)
                plan.comparedAsSet = true
                // `tags: war, power`: one string. Forms with spaces need the comma form.
                let forms = written.map(\.form)
                if forms.count > 1, !forms.contains(where: { $0.contains(" ") }), random.chance(30) {
                    return [Line(text: "\(plan.writtenName): \(quoted(forms.joined(separator: " ")))")]
                }
                return [Line(text: "\(plan.writtenName): \(forms.joined(separator: random.pick([", ", ",", " , "])))")]
            }
            let inFlow = style == "flow"
            let items = written.map { item -> String in
                // A planted ambiguous tag is written plain: that is the defect.
                item.defect == .ambiguousTag ? item.form : scalar(item.form, inFlow: inFlow)
            }
            return listLines(plan.writtenName, items, style: style, commentsBetween: true)
        }

        /// `key: [a, b]` or `key:` and one `- item` line per item (indented by 0 or 2).
        private mutating func listLines(_ key: String, _ items: [String], style: String, commentsBetween: Bool = false) -> [Line] {
            if style == "flow" || items.isEmpty {
                let spaced = random.chance(20)
                let inner = items.joined(separator: ", ")
                return [Line(text: "\(key): " + (spaced && !items.isEmpty ? "[ \(inner) ]" : "[\(inner)]"))]
            }
            let indent = style == "block2" ? "  " : ""
            var lines = [Line(text: "\(key):")]
            for item in items {
                if commentsBetween, random.chance(8) { lines.append(Line(text: indent + "# " + random.pick(["待补充", "see the archive"]))) }
                lines.append(Line(text: indent + "- " + item))
            }
            return lines
        }

        // MARK: URLs

        private mutating func sourceValue(_ plan: inout KeyPlan, wanted: Set<Defect>) -> String {
            let url = random.pick(Self.urls)
            plan.clean = .string(url)
            if wanted.contains(.urlWhitespace) {
                plan.defects.append(.urlWhitespace)
                let padded = random.pick([" ", "  ", ""]) + url + random.pick([" ", "\t", ""])
                let value = padded == url ? " " + url : padded
                return value.contains("\t") || random.chance(50) ? doubleQuoted(value) : "'\(value)'"
            }
            var written = url
            if wanted.contains(.urlTracking) {
                plan.defects.append(.urlTracking)
                written = Self.addingTracking(to: url, random.sample(Self.trackingParameters, random.inRange(1...2)), &random)
            }
            if wanted.contains(.urlHTTP) {
                plan.defects.append(.urlHTTP)
                written = "http" + written.dropFirst("https".count)
            }
            return scalar(written, inFlow: false)
        }

        /// The URL with tracking parameters mixed into its query, before any fragment.
        static func addingTracking(to url: String, _ parameters: [String], _ random: inout SplitMix64) -> String {
            let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
            let fragment = url[fragmentStart...]
            let beforeFragment = url[..<fragmentStart]
            guard let question = beforeFragment.firstIndex(of: "?") else {
                return beforeFragment + "?" + parameters.joined(separator: "&") + fragment
            }
            var query = beforeFragment[beforeFragment.index(after: question)...].split(separator: "&").map(String.init)
            for parameter in parameters { query.insert(parameter, at: random.below(query.count + 1)) }
            return beforeFragment[...question] + query.joined(separator: "&") + fragment
        }

        // MARK: Scalars

        /// A string written plain when every reader reads it back unchanged, else (or at random) quoted.
        private mutating func scalar(_ value: String, inFlow: Bool) -> String {
            if Self.isPlainSafe(value, inFlow: inFlow), random.chance(60) { return value }
            return quoted(value)
        }

        private mutating func quoted(_ value: String) -> String {
            random.chance(50) ? "'" + value.replacingOccurrences(of: "'", with: "''") + "'" : doubleQuoted(value)
        }

        private func doubleQuoted(_ value: String) -> String {
            var out = "\""
            for character in value {
                switch character {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\t": out += "\\t"
                default: out.append(character)
                }
            }
            return out + "\""
        }

        /// Conservative: letters, digits, CJK and a little punctuation, not starting with an indicator, never a
        /// word or number another type could claim.
        static func isPlainSafe(_ value: String, inFlow: Bool) -> Bool {
            guard let first = value.first, let last = value.last, first != " ", last != " " else { return false }
            if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.isNumber { return false }
            if value.contains(": ") || value.contains(" #") || last == ":" { return false }
            if inFlow, value.contains(where: { ",[]{}".contains($0) }) { return false }
            return !["null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"].contains(value.lowercased())
        }

        static func pad(_ number: Int) -> String {
            number < 10 ? "0\(number)" : "\(number)"
        }
    }
}
