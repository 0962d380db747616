/// Runs the regular expressions of `pattern` and `patternProperties` as a Pike VM: every possible match position
/// is followed at once, so matching takes time linear in the text whatever the pattern, and is an order of
/// magnitude faster than `Regex` on the short strings of front matter. Matching is by Unicode scalars, as
/// ECMA-262 with the `u` flag; only whether there is a match is computed, so captures and laziness play no part.
struct PatternMachine: Sendable {
    enum Instruction: Sendable {
        /// Consumes one scalar in `sets[n]`.
        case consume(Int)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    private let program: [Instruction]
    private let sets: [ScalarSet]
    /// The program begins with `^`, so a match can only start at the first scalar.
    private let isAnchored: Bool

    /// Programs beyond this (from large bounded repetitions such as `{1,5000}`) are left to `Regex`.
    static let maxProgramSize = 4096

    /// Nil when the pattern uses syntax the machine does not run.
    init?(_ pattern: String) {
        guard let node = PatternParser.parse(pattern) else { return nil }
        var compiler = PatternCompiler()
        guard compiler.emit(node), compiler.program.count < Self.maxProgramSize else { return nil }
        compiler.program.append(.match)
        program = compiler.program
        sets = compiler.sets
        if case .assertStart = compiler.program[0] { isAnchored = true } else { isAnchored = false }
    }

    func matches(_ text: String) -> Bool {
        let size = program.count
        // Two thread lists, the generation each instruction was last added in, and a work stack: all bounded by
        // the program's size, and on the stack rather than the heap.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * size) { buffer in
            let memory = buffer.baseAddress!
            var run = PatternRun(
                program: program, sets: sets, current: memory, next: memory + size, seen: memory + 2 * size,
                stack: memory + 3 * size)
            run.seen.update(repeating: -1, count: size)
            return run.search(text.unicodeScalars, isAnchored: isAnchored)
        }
    }
}

/// One match attempt's state, in memory lent by `PatternMachine.matches`.
private struct PatternRun {
    let program: [PatternMachine.Instruction]
    let sets: [ScalarSet]
    var current: UnsafeMutablePointer<Int>
    var next: UnsafeMutablePointer<Int>
    let seen: UnsafeMutablePointer<Int>
    let stack: UnsafeMutablePointer<Int>
    var currentCount = 0
    var nextCount = 0

    init(
        program: [PatternMachine.Instruction], sets: [ScalarSet], current: UnsafeMutablePointer<Int>,
        next: UnsafeMutablePointer<Int>, seen: UnsafeMutablePointer<Int>, stack: UnsafeMutablePointer<Int>
    ) {
        self.program = program
        self.sets = sets
        self.current = current
        self.next = next
        self.seen = seen
        self.stack = stack
    }

    mutating func search(_ scalars: String.UnicodeScalarView, isAnchored: Bool) -> Bool {
        var position = scalars.startIndex
        var generation = 0
        let atEnd = position == scalars.endIndex
        if addThread(0, generation: generation, atStart: true, atEnd: atEnd) { return true }
        swap(&current, &next)
        swap(&currentCount, &nextCount)
        while position < scalars.endIndex {
            let scalar = scalars[position]
            position = scalars.index(after: position)
            generation += 1
            let atEnd = position == scalars.endIndex
            nextCount = 0
            for slot in 0..<currentCount {
                let pc = current[slot]
                guard case .consume(let set) = program[pc], sets[set].contains(scalar) else { continue }
                if addThread(pc + 1, generation: generation, atStart: false, atEnd: atEnd) { return true }
            }
            if !isAnchored, addThread(0, generation: generation, atStart: false, atEnd: atEnd) { return true }
            swap(&current, &next)
            swap(&currentCount, &nextCount)
            if currentCount == 0, isAnchored { return false }
        }
        return false
    }

    /// Adds the thread at `start` and everything reachable from it without consuming a scalar to the next list;
    /// true when that reaches a match.
    private mutating func addThread(_ start: Int, generation: Int, atStart: Bool, atEnd: Bool) -> Bool {
        var depth = 0
        func push(_ pc: Int) {
            guard seen[pc] != generation else { return }
            seen[pc] = generation
            stack[depth] = pc
            depth += 1
        }
        push(start)
        while depth > 0 {
            depth -= 1
            let pc = stack[depth]
            switch program[pc] {
            case .consume:
                next[nextCount] = pc
                nextCount += 1
            case .split(let first, let second):
                push(second)
                push(first)
            case .jump(let target):
                push(target)
            case .assertStart:
                if atStart { push(pc + 1) }
            case .assertEnd:
                if atEnd { push(pc + 1) }
            case .match:
                return true
            }
        }
        return false
    }
}

/// Turns a `PatternNode` into `PatternMachine` instructions.
private struct PatternCompiler {
    var program: [PatternMachine.Instruction] = []
    var sets: [ScalarSet] = []

    /// False when the program grows too large.
    mutating func emit(_ node: PatternNode) -> Bool {
        guard program.count < PatternMachine.maxProgramSize else { return false }
        switch node {
        case .set(let set):
            sets.append(set)
            program.append(.consume(sets.count - 1))
        case .startAnchor:
            program.append(.assertStart)
        case .endAnchor:
            program.append(.assertEnd)
        case .sequence(let nodes):
            for node in nodes where !emit(node) { return false }
        case .alternation(let branches):
            var jumpsToEnd: [Int] = []
            for (position, branch) in branches.enumerated() {
                let split = program.count
                let isLast = position == branches.count - 1
                if !isLast { program.append(.split(split + 1, -1)) }
                guard emit(branch) else { return false }
                if !isLast {
                    jumpsToEnd.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumpsToEnd { program[jump] = .jump(program.count) }
        case .repetition(let body, let minimum, let maximum):
            for _ in 0..<minimum where !emit(body) { return false }
            if let maximum {
                // Each optional copy may be skipped, and skipping one skips the rest.
                var skips: [Int] = []
                for _ in minimum..<maximum {
                    skips.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    guard emit(body) else { return false }
                }
                for skip in skips { program[skip] = .split(skip + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                guard emit(body) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return true
    }
}
