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
    /// For each job, its place in its line's jobs.
    private let placeOfJob: [Int32]
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
        var parked = Parked()
        var facts = 0
    }

    /// The digests of jobs fed before their turn, each copied into a slot of a ring by its place in the line. A
    /// slot's array is emptied, not let go, once its digests are added, and serves the jobs that come to that slot
    /// after: kept apart, a job's own array was stored in a dictionary and let go by whichever worker's job added
    /// it, most often not the worker that made it.
    private struct Parked {
        /// A power of two of slots (none until a job is parked).
        private var slots: [[FactDigest]] = []
        private var isFull: [Bool] = []

        /// Parks the digests of the job at `place`, ahead of `next`, the place of the next job to add.
        mutating func park(_ digests: [FactDigest], place: Int, next: Int) {
            if place - next >= slots.count { grow(holding: place - next, next: next) }
            let slot = place & (slots.count - 1)
            slots[slot].append(contentsOf: digests)
            isFull[slot] = true
        }

        /// The digests of the job at `place` when they were parked, taken out of their slot: they are handed back
        /// (`giveBack`) once added.
        mutating func take(place: Int) -> [FactDigest]? {
            guard !slots.isEmpty else { return nil }
            let slot = place & (slots.count - 1)
            guard isFull[slot] else { return nil }
            isFull[slot] = false
            var digests: [FactDigest] = []
            swap(&digests, &slots[slot])
            return digests
        }

        /// Puts the array `take` returned for `place`, emptied, back in its slot, for the next job there.
        mutating func giveBack(_ emptied: [FactDigest], place: Int) {
            slots[place & (slots.count - 1)] = emptied
        }

        /// Room for a job `ahead` places past `next`, the parked jobs moved to their slots in the larger ring (every
        /// parked job lies within a ring's size past `next`).
        private mutating func grow(holding ahead: Int, next: Int) {
            var size = max(slots.count, 16)
            while size <= ahead { size *= 2 }
            var grown = [[FactDigest]](repeating: [], count: size)
            var full = [Bool](repeating: false, count: size)
            for place in next..<next + slots.count where isFull[place & (slots.count - 1)] {
                grown[place & (size - 1)] = slots[place & (slots.count - 1)]
                full[place & (size - 1)] = true
            }
            slots = grown
            isFull = full
        }
    }

    /// Notes taken before the table is given room for the rest, at their rate.
    private static let sample = 1024

    init(jobs: [Linter.Job]) {
        self.jobs = jobs
        var lineOfJob = [Int32](repeating: -1, count: jobs.count)
        var placeOfJob = [Int32](repeating: -1, count: jobs.count)
        var lineOfConfiguration: [ObjectIdentifier: Int] = [:]
        var lines: [Line] = []
        // Jobs in a row mostly share their setting (a folder's notes): its line is looked up when it changes, and a
        // job is not copied (its path, retained and released for each of 100,000 jobs, is rarely in the cache).
        var last: (setting: ObjectIdentifier, line: Int)?
        for number in jobs.indices {
            let setting = jobs[number].setting
            let line: Int
            if let last, last.setting == ObjectIdentifier(setting) {
                line = last.line
            } else if setting.configuration.hasIndexedRules {
                let id = ObjectIdentifier(setting.configuration)
                line = lineOfConfiguration[id] ?? lines.count
                if line == lines.count {
                    lines.append(Line(configuration: id))
                    lineOfConfiguration[id] = line
                }
                last = (ObjectIdentifier(setting), line)
            } else {
                line = -1
                last = (ObjectIdentifier(setting), line)
            }
            guard line >= 0 else { continue }
            placeOfJob[number] = Int32(lines[line].jobs.count)
            lines[line].jobs.append(Int32(number))
            lineOfJob[number] = Int32(line)
        }
        for line in lines.indices { lines[line].builder.reserve(notes: lines[line].jobs.count, facts: 0) }
        self.lineOfJob = lineOfJob
        self.placeOfJob = placeOfJob
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
            let place = Int(placeOfJob[job])
            guard place == lines[line].next else {
                lines[line].parked.park(digests, place: place, next: lines[line].next)
                return meets
            }
            add(digests, line: line)
            while lines[line].next < lines[line].jobs.count, var parked = lines[line].parked.take(place: lines[line].next) {
                let place = lines[line].next
                add(parked, line: line)
                parked.removeAll(keepingCapacity: true)
                lines[line].parked.giveBack(parked, place: place)
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

    /// The digests a job was fed, once it was added, in place of `list`'s (none for a job of a configuration
    /// without indexed rules): one list serves every job, where an array a job cost an allocation each.
    func digests(ofJob job: Int, into list: inout [FactDigest]) {
        list.removeAll(keepingCapacity: true)
        let line = Int(lineOfJob[job])
        guard line >= 0 else { return }
        lock.withLock {
            precondition(Int(placeOfJob[job]) < lines[line].next, "a job not yet added")
            lines[line].builder.appendDigests(ofNote: Int(placeOfJob[job]), to: &list)
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
                lines[line].parked = Parked()
            }
            uniqueGroups = []
            defer { keptFacts = [:] }
            return (finished, numbers, keptFacts)
        }
    }
}
