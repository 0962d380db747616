import NotelintSpelling

/// Takes each note's digests from the first pass as soon as the note is done, in whatever order the workers
/// finish, and adds them to its configuration's index builder in job order (the order the index numbers notes
/// in). Held by the notes to the pass's end, 100,000 small arrays took more memory than the index made of them;
/// fed as they come, each is let go at once, and the index's table is filled during the pass.
final class DigestFeed: @unchecked Sendable {
    // @unchecked: `lines` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private let jobs: [Linter.Job]
    /// For each job, its configuration's line (-1 when the configuration has no indexed rule).
    private let lineOfJob: [Int32]
    // The lock makes every access exclusive: the dynamic exclusivity check each access to a class's `var` pays
    // buys nothing here, and the feed's accesses are a dozen a note.
    @exclusivity(unchecked) private var lines: [Line]
    /// The groups of the facts of unique kinds fed so far (`uniqueFactKinds`), as a Bloom filter: a group sets two
    /// bits of one word. A group fed before is always found; at a title and a source a note, one never fed is taken
    /// for one about once in five hundred (and that note keeps its facts for nothing).
    @exclusivity(unchecked) private var uniqueGroups: [UInt64]
    /// The facts whole of the notes whose unique facts met an earlier note's, by job.
    @exclusivity(unchecked) private var keptFacts: [Int: [CollectionFact]] = [:]

    /// The notes of one configuration, added in job order.
    private struct Line {
        let configuration: ObjectIdentifier
        var builder = CollectionIndex.Builder()
        /// The line's jobs, in order.
        var jobs: [Int32] = []
        /// The place in `jobs` of the next job to add.
        var next = 0
        /// Jobs done before the jobs ahead of them: a worker's batch or two at most.
        var waiting: [Int32: [FactDigest]] = [:]
        var facts = 0
    }

    /// Notes taken before the table is given room for the rest, at their rate.
    private static let sample = 1024

    init(jobs: [Linter.Job]) {
        self.jobs = jobs
        var lineOfJob = [Int32](repeating: -1, count: jobs.count)
        var lineOfConfiguration: [ObjectIdentifier: Int] = [:]
        var lines: [Line] = []
        for (number, job) in jobs.enumerated() where job.configuration.hasIndexedRules {
            let id = ObjectIdentifier(job.configuration)
            let line = lineOfConfiguration[id] ?? lines.count
            if line == lines.count {
                lines.append(Line(configuration: id))
                lineOfConfiguration[id] = line
            }
            lines[line].jobs.append(Int32(number))
            lineOfJob[number] = Int32(line)
        }
        for line in lines.indices { lines[line].builder.reserve(notes: lines[line].jobs.count, facts: 0) }
        self.lineOfJob = lineOfJob
        self.lines = lines
        // A word (64 bits) a note, up to a million notes (8 MB).
        let noteCount = lines.reduce(0) { $0 + $1.jobs.count }
        var words = 1024
        while words < noteCount && words < 1 << 20 { words *= 2 }
        uniqueGroups = noteCount == 0 ? [] : [UInt64](repeating: 0, count: words)
    }

    /// The two bits of a group: in the filter's word of the group's low bits, at places from its high bits.
    private func bits(of group: UInt64) -> (word: Int, mask: UInt64) {
        let word = Int(truncatingIfNeeded: group) & (uniqueGroups.count - 1)
        return (word, 1 << (group >> 58) | 1 << ((group >> 52) & 63))
    }

    /// Keeps a note's facts whole until the index is built (`finish`), when they are handed to it.
    func keep(_ facts: [CollectionFact], job: Int) {
        lock.withLock { keptFacts[job] = facts }
    }

    /// Every job is fed once, with its digests (none for a note without facts), from any thread. True when a fact
    /// of one of `uniqueKinds` has the group of one fed before (rarely, wrongly, true).
    @discardableResult
    func feed(job: Int, digests: [FactDigest], uniqueKinds: [UInt32] = []) -> Bool {
        let line = Int(lineOfJob[job])
        guard line >= 0 else { return false }
        return lock.withLock {
            var meets = false
            for digest in digests where uniqueKinds.contains(digest.kind) {
                let (word, mask) = bits(of: digest.group)
                meets = meets || uniqueGroups[word] & mask == mask
                uniqueGroups[word] |= mask
            }
            guard lines[line].jobs[lines[line].next] == Int32(job) else {
                lines[line].waiting[Int32(job)] = digests
                return meets
            }
            add(digests, line: line)
            while lines[line].next < lines[line].jobs.count,
                let digests = lines[line].waiting.removeValue(forKey: lines[line].jobs[lines[line].next])
            {
                add(digests, line: line)
            }
            return meets
        }
    }

    private func add(_ digests: [FactDigest], line: Int) {
        let job = Int(lines[line].jobs[lines[line].next])
        lines[line].builder.add(path: jobs[job].path, digests: digests)
        lines[line].next += 1
        lines[line].facts += digests.count
        // Room for the rest at the sample's rate and a fifth more, so that the table is not copied as it grows
        // (room never written to takes no memory).
        let added = lines[line].next
        if added == Self.sample, lines[line].jobs.count > added {
            let expected = lines[line].facts * (lines[line].jobs.count - added) / added
            lines[line].builder.reserve(notes: 0, facts: expected + expected / 5)
        }
    }

    /// What was fed, once every job was: each configuration's builder with all its jobs added and those jobs in
    /// order, for each job its number in its configuration's index (-1 when it has none), and the facts kept whole
    /// (`keep`), by job.
    func finish() -> (lines: [ObjectIdentifier: (builder: CollectionIndex.Builder, jobs: [Int32])], numbers: [Int], kept: [Int: [CollectionFact]]) {
        lock.withLock {
            var finished: [ObjectIdentifier: (builder: CollectionIndex.Builder, jobs: [Int32])] = [:]
            var numbers = [Int](repeating: -1, count: jobs.count)
            for line in lines.indices {
                precondition(lines[line].next == lines[line].jobs.count, "a job was not fed")
                for (number, job) in lines[line].jobs.enumerated() { numbers[Int(job)] = number }
                finished[lines[line].configuration] = (lines[line].builder, lines[line].jobs)
                lines[line].builder = CollectionIndex.Builder()
            }
            uniqueGroups = []
            defer { keptFacts = [:] }
            return (finished, numbers, keptFacts)
        }
    }
}
