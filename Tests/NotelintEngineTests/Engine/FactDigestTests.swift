import Testing

@testable import NotelintCore
import NotelintLoader
import NotelintSpelling
@testable import NotelintText

/// The index keeps only each fact's hashes: they must be the same in every process (the cache keeps them), equal
/// for values equal as strings, and the facts' texts and positions must be read again only from the notes a
/// question needs.
struct FactDigestTests {
    static func fact(_ kind: String, _ key: String, _ value: String, _ text: String, line: Int32 = 2, offset: Int32 = 4) -> CollectionFact {
        CollectionFact(
            kind: kind, key: key, value: value, text: text, line: line, column: 7, offset: offset, endLine: line + 1, endColumn: 1,
            endOffset: offset + Int32(text.utf8.count))
    }

    @Test func stableHashIsFixedAndFollowsStringEquality() {
        // Fixed values: a change of the function is a change of the cache's format.
        #expect(StableHash.of("") == StableHash.of(""))
        #expect(StableHash.of("machine-learning") == 0xEF3B_ABA2_CA17_3E76)
        // Texts ending in a part word, and CJK (hashed as its bytes): values from a separate implementation.
        #expect(StableHash.of("a") == 0x6160_FF64_D30A_D4CA)
        #expect(StableHash.of("on-war") == 0x978A_FFA0_8574_397C)
        #expect(StableHash.of("Machine Learning 2") == 0xFBE3_47F7_F411_A00D)
        #expect(StableHash.of("戦争論") == 0x655A_10CE_76A5_86C7)
        #expect(StableHash.of("machine-learning") != StableHash.of("machine-learninG"))
        #expect(StableHash.of("ab") != StableHash.of("ba"))
        // Words of eight bytes, the last padded: the length keeps padding apart from NUL bytes.
        #expect(StableHash.of("ab") != StableHash.of("ab\u{0}"))
        #expect(StableHash.of("machine-learning-") != StableHash.of("machine-learning"))
        // `é` as one scalar or as `e` and an accent: equal strings, one hash; CJK and emoji hash as their NFC bytes.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(StableHash.of("caf\u{E9}") == StableHash.of("cafe\u{301}"))
        #expect(StableHash.of("戦争論") != StableHash.of("戦争"))
        #expect(StableHash.short("Machine Learning") == UInt32(truncatingIfNeeded: StableHash.of("Machine Learning")))
        #expect(StableHash.combine(1, 2) != StableHash.combine(2, 1))
    }

    /// The two hashes of an ASCII text from one pass, as written and with capitals made small: every ASCII byte
    /// (the capitals' neighbours `@` and `[` among them) at every place of a word and of a last part word is hashed
    /// as `of` hashes the text and its `lowercased()`; a byte past ASCII anywhere turns the text down.
    @Test func asciiHashesAreTheHashesOfTheTextAndItsSmallLetters() {
        for length in 1...17 {
            for place in 0..<length {
                for byte in UInt8(0)...0xFF {
                    var bytes = [UInt8](repeating: UInt8(ascii: "Q"), count: length)
                    bytes[place] = byte
                    let hashes = bytes.withUnsafeBufferPointer { StableHash.ofASCII($0) }
                    guard byte < 0x80 else {
                        #expect(hashes == nil, "\(length) \(place) \(byte)")
                        continue
                    }
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(hashes?.asWritten == StableHash.of(text) && hashes?.lowercased == StableHash.of(text.lowercased()),
                            "\(length) \(place) \(byte)")
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { StableHash.ofASCII($0) }.map { [$0.asWritten, $0.lowercased] } == [StableHash.of(""), StableHash.of("")])
    }

    /// The shortcut that hashes text as it is must only take text NFC leaves alone: every scalar it accepts is
    /// unchanged by NFC, alone and after a letter of its script, and combines with nothing before it.
    @Test func textTakenAsComposedIsComposed() {
        let ranges: [ClosedRange<UInt32>] = [
            0x80...0x2FF, 0x2002...0x206F, 0x3000...0x301F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FC, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E,
        ]
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let alone = String(Character(scalar))
                #expect(scalar.properties.canonicalCombiningClass == .notReordered)
                for text in [alone, "a" + alone, "か" + alone, "가" + alone, "中" + alone] {
                    let bytes = Array(text.utf8)
                    #expect(bytes.withUnsafeBufferPointer(StableHash.isComposed))
                    if text._nfcCodeUnits != bytes { Issue.record("NFC changes U+\(String(value, radix: 16))") }
                }
                checked += 1
            }
        }
        #expect(checked > 30_000)
        // Combining marks, decomposable compatibility ideographs and voiced-sound marks are left to NFC.
        for text in ["e\u{301}", "\u{2000}", "\u{2001}", "\u{F900}", "か\u{3099}", "\u{1100}\u{1161}", "𝔸"] {
            #expect(!Array(text.utf8).withUnsafeBufferPointer(StableHash.isComposed))
        }
        #expect(StableHash.of("か\u{3099}") == StableHash.of("が"))
    }

    @Test func digestsSayWhatIsComparedAndHowItIsWritten() {
        let tag = Self.fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "Machine Learning")
        let same = Self.fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "machine-learning", line: 9)
        let title = Self.fact(DuplicateValueRule.kind + ".title", "title", "machine-learning", "machine-learning")
        let digests = FactDigest.of([tag, same, title])
        #expect(digests == [FactDigest(tag), FactDigest(same), FactDigest(title)])
        // One value: one group, two spellings; positions are not part of a digest.
        #expect(digests[0].group == digests[1].group)
        #expect(digests[0].text != digests[1].text)
        #expect(digests[1] == FactDigest(Self.fact(SlugCollisionRule.tagKind, "other", "machine-learning", "machine-learning", line: 40)))
        // Another kind with the same value never meets it.
        #expect(digests[2].group != digests[1].group)
        #expect(digests[0].group == FactDigest.group(kind: SlugCollisionRule.tagKind, value: "machine-learning"))
    }

    @Test func valuesEqualAsStringsMeetHoweverTheyAreWritten() {
        let composed = Self.fact(SlugCollisionRule.tagKind, "tags", "caf\u{E9}", "caf\u{E9}")
        let decomposed = Self.fact(SlugCollisionRule.tagKind, "tags", "cafe\u{301}", "cafe\u{301}")
        let index = CollectionIndex(notes: [("a.md", [composed]), ("b.md", [decomposed]), ("c.md", [composed])])
        #expect(index.count(kind: SlugCollisionRule.tagKind, value: "caf\u{E9}") == 3)
        #expect(index.hasOther(kind: SlugCollisionRule.tagKind, value: "cafe\u{301}", than: 1))
        #expect(index.meeting(ofNote: 1, at: 0) == .shared)
    }

    @Test func meetingsAndSpellingsComeFromTheHashes() {
        let tag = Self.fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "machine-learning")
        let spelled = Self.fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "Machine Learning")
        let title = Self.fact(DuplicateValueRule.kind + ".title", "title", "on war", "On War")
        let index = CollectionIndex(notes: [("a.md", [tag, title]), ("b.md", [tag]), ("c.md", [spelled])])
        #expect(index.meeting(ofNote: 0, at: 0) == [.shared, .mixed])
        #expect(index.meeting(ofNote: 0, at: 1) == [])
        let tally = index.spellingTally(of: FactDigest(tag))
        #expect(tally.map(\.count) == [2, 1])
        #expect(tally.map(\.text) == [FactDigest.text("machine-learning"), FactDigest.text("Machine Learning")])
        #expect(index.spellings(kind: SlugCollisionRule.tagKind, value: "machine-learning").map { "\($0.text)=\($0.count)" }
            == ["machine-learning=2", "Machine Learning=1"])
        #expect(index.notes(kind: FactDigest.kind(SlugCollisionRule.tagKind), value: StableHash.of("machine-learning")) == [0, 1, 2])
    }

    /// Notes whose digests alone were indexed: only the notes an answer names are read again, once each.
    @Test func onlyTheNotesAFindingNamesAreReadAgain() {
        let notes = (0..<50).map { number -> [CollectionFact] in
            [Self.fact(DuplicateValueRule.kind + ".title", "title", number % 25 == 0 ? "shared" : "title \(number)", "Title \(number)")]
        }
        let reads = Reads()
        var builder = CollectionIndex.Builder(reader: { note in
            reads.add(note)
            return notes[note]
        })
        for (number, facts) in notes.enumerated() { builder.add(path: "n\(number).md", digests: FactDigest.of(facts)) }
        let index = builder.build()
        // Counting reads nothing.
        #expect(index.count(kind: DuplicateValueRule.kind + ".title", value: "shared") == 2)
        #expect(index.hasOther(kind: DuplicateValueRule.kind + ".title", value: "shared", than: 0))
        #expect(!index.hasOther(kind: DuplicateValueRule.kind + ".title", value: "title 3", than: 3))
        #expect(reads.notes.isEmpty)
        // The other note with the value is read, for its text and place; asked again, it is not read again.
        let others = index.occurrences(kind: DuplicateValueRule.kind + ".title", value: "shared", except: 0)
        #expect(others.map(\.note) == [25])
        #expect(others.map(\.fact) == notes[25])
        _ = index.occurrences(kind: DuplicateValueRule.kind + ".title", value: "shared", except: 0)
        #expect(reads.notes == [25])
    }

    /// Facts handed to the index by whoever read the note spare it a reading; facts that are not the ones the
    /// index holds (the note changed since) are not taken.
    @Test func offeredFactsSpareAReading() {
        let shared = [Self.fact(DuplicateValueRule.kind + ".title", "title", "shared", "Shared")]
        let other = [Self.fact(DuplicateValueRule.kind + ".title", "title", "other", "Other")]
        let reads = Reads()
        var builder = CollectionIndex.Builder(reader: { note in
            reads.add(note)
            return shared
        })
        for number in 0..<3 { builder.add(path: "n\(number).md", digests: FactDigest.of(shared)) }
        let index = builder.build()
        index.offer(shared, ofNote: 1)
        index.offer(other, ofNote: 2)
        let others = index.occurrences(kind: DuplicateValueRule.kind + ".title", value: "shared", except: 0)
        #expect(others.map(\.note) == [1, 2])
        #expect(reads.notes == [2])
        // Facts offered to be worked out are worked out only for a note whose facts the index does not hold.
        var gathered: [Int] = []
        for note in 0..<3 {
            index.offer(ofNote: note) {
                gathered.append(note)
                return shared
            }
        }
        #expect(gathered == [0])
    }

    /// A note changed on disk since its digests were made gives facts that name only its place, not texts it no
    /// longer has; nothing traps.
    @Test func aNoteChangedSinceItsDigestsNamesOnlyItsPlace() {
        let before = [Self.fact(DuplicateValueRule.kind + ".title", "title", "shared", "Shared")]
        let after = [Self.fact(DuplicateValueRule.kind + ".title", "title", "renamed", "Renamed")]
        var builder = CollectionIndex.Builder(reader: { _ in after })
        builder.add(path: "a.md", facts: before)
        builder.add(path: "b.md", digests: FactDigest.of(before))
        let index = builder.build()
        let others = index.occurrences(kind: DuplicateValueRule.kind + ".title", value: "shared", except: 0)
        #expect(others.count == 1)
        #expect(others.first?.fact.text == "")
        #expect(others.first?.fact.range.start.line == 1)
        #expect(index.facts(ofNote: 1).count == 1)
    }

    /// The first pass feeds each note's digests as its worker finishes, in any order: the index numbers the notes
    /// of a configuration in job order all the same, and leaves out the jobs whose configuration indexes nothing.
    @Test func notesFedInAnyOrderAreIndexedInJobOrder() throws {
        let bytes = Array((EmbeddedRules.files[EmbeddedRules.configurationPath] ?? "").utf8)
        let indexing = try EffectiveConfiguration(
            Configuration.parse(bytes, path: "(embedded default)", directory: ".", rules: RuleRegistry.all), registry: RuleRegistry.all,
            files: RuleFileStore(.embedded))
        let plain = try EffectiveConfiguration(
            Configuration.parse(Array("rules:\n  duplicate-value: off\n  slug-collision: off\n  broken-reference: off\n".utf8),
                path: "plain.lint.yml", directory: ".", rules: RuleRegistry.all),
            registry: RuleRegistry.all, files: RuleFileStore(.embedded))
        #expect(indexing.hasIndexedRules && !plain.hasIndexedRules)
        let indexed = Linter.Job.Setting(indexing, currentDirectory: "/notes")
        let other = Linter.Job.Setting(plain, currentDirectory: "/notes")
        let jobs = (0..<3000).map { Linter.Job(path: "n\($0).md", setting: $0 % 3 == 2 ? other : indexed) }
        let digests = { (job: Int) in [FactDigest(Self.fact("k", "title", "v\(job % 1500)", "V\(job % 1500)"))] }
        let feed = DigestFeed(jobs: jobs)
        // Batches finishing out of order, as workers do: each batch of 16 reversed, every other pair swapped.
        var sequence = Array(jobs.indices)
        for start in stride(from: 0, to: sequence.count, by: 16) { sequence[start..<min(start + 16, sequence.count)].reverse() }
        for start in stride(from: 0, to: sequence.count - 32, by: 64) { sequence.swapAt(start, start + 32) }
        for job in sequence { feed.feed(job: job, digests: job % 5 == 0 ? [] : digests(job)) }
        let (lines, numbers, _) = feed.finish()
        #expect(lines.count == 1)
        let line = try #require(lines[ObjectIdentifier(indexing)])
        let index = line.builder.build()
        let expected = jobs.indices.filter { $0 % 3 != 2 }
        #expect(line.jobs == expected.map(Int32.init))
        #expect(numbers == jobs.indices.map { $0 % 3 == 2 ? -1 : expected.firstIndex(of: $0)! })
        #expect(index.noteCount == expected.count)
        for (number, job) in expected.enumerated() {
            #expect(index.path(ofNote: number) == "n\(job).md")
            #expect(Array(index.digests(ofNote: number)) == (job % 5 == 0 ? [] : digests(job)))
        }
    }

    @Test func digestsRoundTripThroughTheCache() throws {
        let digests = FactDigest.of([
            Self.fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "Machine Learning"),
            Self.fact(DuplicateValueRule.kind + ".title", "title", "戦争論", "戦争論"),
            Self.fact(BrokenReferenceRule.draftKind, "draft", "", "true"),
        ])
        var writer = CacheWriter()
        writer.facts(digests)
        writer.facts([])
        var reader = CacheReader(writer.bytes)
        #expect(try reader.facts() == digests)
        #expect(try reader.facts() == [])
        // A count larger than the bytes left is damage, not a table to allocate.
        var damaged = CacheWriter()
        damaged.integer(1 << 40)
        var damagedReader = CacheReader(damaged.bytes)
        #expect(throws: CacheReader.Damaged.self) { try damagedReader.facts() }
    }

    /// The notes a reader was asked for, in order.
    final class Reads: @unchecked Sendable {
        // @unchecked: `read` is only touched while `lock` is held.
        private let lock = SpellingLock()
        private var read: [Int] = []

        func add(_ note: Int) { lock.withLock { read.append(note) } }
        var notes: [Int] { lock.withLock { read } }
    }
}

extension FactDigestTests {
    /// The first pass hashes each fact as a rule finds it, without making the fact: the digests must be those of
    /// the facts made whole (what the index compares when a note is read again), for every indexed rule.
    @Test func factsHashedAsFoundAreTheWholeFactsDigests() throws {
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
        #expect(configuration.indexedRules.count == 3)
        let notes = [
            "---\ntitle: On War\nsource: https://example.com/a\ntags: [machine-learning, Machine Learning, war, machine_learning]\n---\n",
            "---\ntitle: \"历怎从为动——统五了，终次达研？\"\ntags:\n- 戦争\n- 戦争\n- Café\n- cafe\u{301}\naliases: [Sun Tzu, 孫子]\n---\n",
            "---\ntitle: '  Spaced   Out  '\nrelated: [\"[[Clausewitz]]\", \"[[notes/Sun Tzu#Life|life]]\", \"[[cover.png]]\"]\ndraft: true\nslug: On War/Part 1\n---\n",
            "---\nseries: \"[[戦争論]]\"\npermalink: /essays/on-war/\nurl: false\n---\n",
            "no front matter\n",
        ]
        var checked = 0
        for (number, text) in notes.enumerated() {
            let note = NoteLoader().load(bytes: Array(text.utf8), path: "notes/Note \(number).md")
            let context = RuleContext(note: note, schema: nil, schemaViolations: [], today: CalendarDate(year: 2026, month: 1, day: 1)!,
                                      relativePath: "notes/Note \(number).md")
            for rule in configuration.indexedRules {
                var sink = FactSink.digesting
                rule.facts(of: context, into: &sink)
                let facts = rule.facts(of: context)
                #expect(sink.digests == FactDigest.of(facts), "\(type(of: rule)) on note \(number)")
                checked += facts.count
            }
        }
        #expect(checked > 20)
    }

    /// The linter finds the keys of every indexed rule in one walk and hands each rule its own: the facts it
    /// gathers are each rule's facts as the rule finds them alone (keys in any order, repeated, and spelled in
    /// decomposed form).
    @Test func factsGatheredInOneWalkAreEachRulesOwn() throws {
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
        let notes = [
            "---\ntags: [war, War]\ntitle: On War\nsource: https://example.com/a\naliases: [Vom Kriege]\n---\n",
            "---\ndraft: true\nslug: on-war\ntitle: First\ntitle: Second\ntags: [a]\ntags: [b]\n---\n",
            "---\nsource: x\npermalink: /p/\nseries: \"[[On War]]\"\n\"ti\u{212A}le\": not a title\n---\n",
            "---\n[a, b]: odd\n? |\n  block key\n: v\ntitle: After odd keys\n---\n",
            "no front matter\n",
        ]
        for (number, text) in notes.enumerated() {
            let path = "notes/Note \(number).md"
            let note = NoteLoader().load(bytes: Array(text.utf8), path: path)
            let today = CalendarDate(year: 2026, month: 1, day: 1)!
            let context = RuleContext(note: note, schema: nil, schemaViolations: [], today: today, relativePath: path)
            let alone = configuration.indexedRules.flatMap { $0.facts(of: context) }
            let gathered = Linter().collectionFacts(of: note, configuration, path, today: today)
            #expect(gathered.map(\.kind) == alone.map(\.kind), "note \(number)")
            #expect(gathered.map(\.value) == alone.map(\.value), "note \(number)")
            #expect(gathered.map(\.range) == alone.map(\.range), "note \(number)")
            #expect(!alone.isEmpty)
        }
    }
}

extension FactDigestTests {
    /// A note checked again (for a duplicate title, say) whose references all resolve is settled by the hashes:
    /// the notes it names are not read again. The broken one is still reported, with its near names.
    @Test func resolvedReferencesReadNoOtherNote() throws {
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
        let rule = try #require(configuration.indexedRules.first { $0 is BrokenReferenceRule })
        let texts = [
            "a.md": "---\nrelated: [\"[[Clausewitz]]\", \"[[Sun Tzu]]\"]\n---\n",
            "Clausewitz.md": "---\ntitle: On War\n---\n",
            "Sun Tzu.md": "---\ntitle: The Art of War\n---\n",
            "b.md": "---\nrelated: \"[[Clausewtiz]]\"\n---\n",
        ]
        let paths = ["a.md", "Clausewitz.md", "Sun Tzu.md", "b.md"]
        let today = CalendarDate(year: 2026, month: 1, day: 1)!
        @Sendable func context(_ path: String, _ collection: CollectionView? = nil) -> RuleContext {
            RuleContext(note: NoteLoader().load(bytes: Array(texts[path]!.utf8), path: path), schema: nil, schemaViolations: [],
                        today: today, relativePath: path, collection: collection)
        }
        let reads = Reads()
        var builder = CollectionIndex.Builder(reader: { note in
            reads.add(note)
            return rule.facts(of: context(paths[note]))
        })
        for path in paths {
            var sink = FactSink.digesting
            rule.facts(of: context(path), into: &sink)
            builder.add(path: path, digests: sink.digests)
        }
        let index = builder.build()
        #expect(rule.check(context("a.md", CollectionView(index: index, note: 0))).isEmpty)
        #expect(reads.notes.isEmpty)
        let broken = rule.check(context("b.md", CollectionView(index: index, note: 3)))
        #expect(broken.map(\.message) == ["no note is named `Clausewtiz`"])
        #expect(broken.first?.suggestions == ["Clausewitz"])
    }
}
