import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Parallel {
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Maps in parallel, keeping the input order. Work is handed out in small batches so that
    /// a few slow notes do not leave a worker idle.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let count = inputs.count
        guard count > 0 else { return [] }
        let workerCount = min(workers > 0 ? workers : coreCount, count)
        if workerCount == 1 { return inputs.map(transform) }
        // Results are written straight into the array being built, each slot by one worker: no second copy of
        // 100,000 results at the end.
        return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = UncheckedSlots(base: buffer.baseAddress!)
            let batch = 16
            let batches = (count + batch - 1) / batch
            DispatchQueue.concurrentPerform(iterations: batches) { batchIndex in
                let start = batchIndex * batch
                for index in start..<min(start + batch, count) {
                    (slots.base + index).initialize(to: transform(inputs[index]))
                }
            }
            initialized = count
        }
    }
}

/// The result array's storage, shared with the workers: each writes only the slots of its own batches, and the
/// array is read only after every worker finished.
private struct UncheckedSlots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
}
