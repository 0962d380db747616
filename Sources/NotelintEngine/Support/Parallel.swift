import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Parallel {
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Maps in parallel, keeping the input order. Work is handed out in small batches so that
    /// a few slow notes do not leave a worker idle.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let count = inputs.count
        guard count > 0 else { return [] }
        let workerCount = min(workers > 0 ? workers : coreCount, count)
        if workerCount == 1 { return inputs.map(transform) }
        let slots = Slots<Output>(count: count)
        let batch = 16
        let batches = (count + batch - 1) / batch
        DispatchQueue.concurrentPerform(iterations: batches) { batchIndex in
            let start = batchIndex * batch
            for index in start..<min(start + batch, count) {
                slots.store(transform(inputs[index]), at: index)
            }
        }
        return slots.values()
    }
}

/// Fixed slots written once each by distinct threads, read after all writers finished.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Value, at index: Int) { storage[index] = value }

    func values() -> [Value] { (0..<count).map { storage[$0]! } }
}
